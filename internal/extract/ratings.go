package extract

import (
	"strings"

	"github.com/reportlint/reportlint/internal/document"
)

// "has assessed Bamako as being a CRITICAL-threat location for crime
// directed at or affecting official U.S. government interests." The level
// word is read whatever it is, so that a word outside the vocabulary can be
// reported rather than missed.
var ratingSentence = lazyRE(`(?i)` + ratingBody)

// ratingAt is ratingSentence anchored at the start of its text:
// ratingSentences runs it at each place a match can start, where the
// case-ignoring regexp run over a paragraph tried every byte of it (by
// the NFA past some 800 bytes).
var ratingAt = lazyRE(`(?i)^(?:` + ratingBody + `)`)

const ratingBody = `\bassessed\s+(?P<loc>\S.{0,80}?)\s+as\s+(?:being\s+)?(?:an?\s+)?(?P<level>[a-z]+)[\s-]+threat\s+(?:location|post|city|country)\s+for\s+(?P<cat>[a-z][a-z /-]{0,60}?)(?:\s+(?:directed|affecting|that|which|against)\b|\s*[.;:,]|\s*$)`

// ratingSentences is ratingSentence.FindAllStringSubmatchIndex(text, -1),
// tried only where "assessed" starts a word (anchoredMatches).
func ratingSentences(text string) [][]int {
	return anchoredMatches(text, ratingAt, mayStartRating, -1)
}

// mayStartRating is a test that every match of ratingSentence at p
// passes: "assessed" at a word's start, in any case (foldWordAt).
func mayStartRating(text string, p int) bool {
	_, ok := foldWordAt(text, p, "assessed")
	return ok
}

// findRatings reads every threat rating sentence.
func (x *extractor) findRatings() {
	for _, u := range x.units {
		if u.heading || !u.keys.has(kwAssessed) {
			continue
		}
		text := u.text.Text
		for _, m := range ratingSentences(text) {
			x.r.Ratings = append(x.r.Ratings, document.Rating{
				Location: document.Text{Value: text[m[2]:m[3]], Span: u.source(m[2], m[3])},
				Level:    document.Text{Value: strings.ToUpper(text[m[4]:m[5]]), Span: u.source(m[4], m[5])},
				Category: document.Text{Value: strings.ToLower(strings.TrimSpace(text[m[6]:m[7]])), Span: u.source(m[6], m[7])},
				Span:     u.source(m[0], m[1]),
			})
		}
	}
}
