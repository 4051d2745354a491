package countries

import (
	"strings"
	"unicode"
)

// FindIn returns the first country whose name or alias occurs in text as
// whole words, with the byte offsets of the occurrence: text[start:end] is
// "Côte d’Ivoire" in "The U.S. Embassy in Côte d’Ivoire said". Where names
// start at the same word the longest wins, so "Guinea-Bissau" is not
// "Guinea"; "Nigeria" never contains "Niger", being another word.
//
// Matching ignores accents, apostrophe and hyphen style and line breaks
// between words, but not capitals: a capital in the name must be a capital
// in the text, so "turkey" and "chad" in lower case are not countries while
// "MALI" in a heading is. A leading "the" is not part of the match.
func (t *Table) FindIn(text string) (country Country, start, end int, ok bool) {
	words := tokenize(text)
	for i := range words {
		for _, p := range t.phrases[words[i].lower] {
			if matchesAt(text, words, i, p.words) {
				last := words[i+len(p.words)-1]
				return t.country(p.country), words[i].start, last.end, true
			}
		}
	}
	return Country{}, 0, 0, false
}

// matchesAt reports whether the phrase's words occur in text starting at
// word i, separated only by what can sit inside a name.
func matchesAt(text string, words []token, i int, phrase []token) bool {
	if i+len(phrase) > len(words) {
		return false
	}
	for j, want := range phrase {
		got := words[i+j]
		if got.lower != want.lower || !capitalsAgree(want.folded, got.folded) {
			return false
		}
		if j > 0 && !joinsWords(text[words[i+j-1].end:got.start]) {
			return false
		}
	}
	return true
}

// joinsWords reports whether the text between two words can be inside one
// name: spaces, at most one line break (wrapped lines), hyphens and dashes
// ("Guinea-Bissau"), apostrophes ("Côte d’Ivoire") and periods ("St.
// Lucia"). A comma, a blank line or a bracket ends a name.
func joinsWords(gap string) bool {
	if strings.Count(gap, "\n") > 1 {
		return false
	}
	for _, r := range gap {
		switch {
		case unicode.IsSpace(r):
		case strings.ContainsRune("-‐‑–'’‘ʼ`.", r):
		default:
			return false
		}
	}
	return true
}

// Mention is one occurrence of a country's name in a text.
type Mention struct {
	Code       string // the country's ISO code
	Start, End int
}

// FindAllIn returns the countries named in text as FindIn finds them, in
// order, at most max: one pass over the words, however long the text.
func (t *Table) FindAllIn(text string, max int) []Mention {
	var out []Mention
	words := tokenize(text)
	for i := 0; i < len(words) && len(out) < max; i++ {
		for _, p := range t.phrases[words[i].lower] {
			if matchesAt(text, words, i, p.words) {
				last := words[i+len(p.words)-1]
				out = append(out, Mention{Code: t.countries[p.country].Code, Start: words[i].start, End: last.end})
				i += len(p.words) - 1
				break
			}
		}
	}
	return out
}
