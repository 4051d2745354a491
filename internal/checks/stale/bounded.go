package stale

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/phrase"
)

// boundedPhrases matches a list of phrases with a word boundary beside them
// (a rune that is neither letter nor number, or the end of the text), as
// one regexp with a [^\pL\pN] class there would. Such a class costs about
// 60 µs to compile, and the section dates' and revision notes' three of
// them a fifth of a one-report run's pattern compiling; so the phrases are
// matched without it, and the rune beside the match tested in Go. Only
// when that rune is a letter or number, and another phrase or another
// place might still match, is the whole expression (compiled then, once)
// asked: the answer is always the whole expression's (FuzzBoundedPhrases).
type boundedPhrases struct {
	core *regexp.Regexp     // the expression without its boundary
	full *lazyregexp.Regexp // the expression with it
	// before: the boundary precedes the phrase (else it follows it).
	before bool
	// fromWord: the phrase is sought at the first letter or number of the
	// text, where the whole expression skips what precedes it.
	fromWord bool
	// lead, when not nil, holds every byte a phrase may begin with, and
	// skip the bytes a text may open with before it: a text whose first
	// byte after them begins no phrase is answered without a regexp (most
	// dates are followed by a comma, "and" or "the").
	lead, skip *[256]bool
}

// phrasesThenBoundary is `^[skip]*(phrases)(?:[^\pL\pN]|$)`: skip is the
// ASCII bytes that may come first (spaces, markup).
func phrasesThenBoundary(skip string, phrases []string) *boundedPhrases {
	alts := phrase.Expr(phrases, true)
	prefix := "[" + regexp.QuoteMeta(skip) + "]*"
	b := &boundedPhrases{
		core: regexp.MustCompile(`^` + prefix + alts),
		full: lazyregexp.Build(`^` + prefix + alts + `(?:[^\pL\pN]|$)`),
		lead: leadBytes(phrases),
		skip: new([256]bool),
	}
	for i := 0; i < len(skip); i++ {
		b.skip[skip[i]] = true
		if b.lead != nil && b.lead[skip[i]] {
			b.lead = nil // a phrase may begin inside the run skipped
		}
	}
	return b
}

// leadBytes is the set of bytes a text matching one of the phrases, case
// ignored, may begin with: the first byte of each rune (?i) takes for a
// phrase's first (either apostrophe for one); nil when a phrase is empty,
// which every text begins with.
func leadBytes(phrases []string) *[256]bool {
	lead := new([256]bool)
	for _, p := range phrases {
		r, _ := utf8.DecodeRuneInString(strings.TrimSpace(p))
		if strings.TrimSpace(p) == "" {
			return nil
		}
		if r == '\'' || r == '’' {
			lead['\''], lead["’"[0]] = true, true
			continue
		}
		lead[utf8.AppendRune(nil, r)[0]] = true
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			lead[utf8.AppendRune(nil, f)[0]] = true
		}
	}
	return lead
}

// boundaryThenPhrases is `(?:^|[^\pL\pN])(phrases)suffix`, unanchored.
func boundaryThenPhrases(phrases []string, suffix string) *boundedPhrases {
	alts := phrase.Expr(phrases, true)
	return &boundedPhrases{
		core:   regexp.MustCompile(alts + suffix),
		full:   lazyregexp.Build(`(?:^|[^\pL\pN])` + alts + suffix),
		before: true,
	}
}

// openingPhrases is `^[^\pL\pN]*(phrases)(?:[^\pL\pN]|$)`: a text opening
// with a phrase after any markup or punctuation. When every phrase begins
// with a letter or number, a match can only begin at the text's first
// one, which is where the phrases are sought.
func openingPhrases(phrases []string) *boundedPhrases {
	alts := phrase.Expr(phrases, true)
	b := &boundedPhrases{
		core:     regexp.MustCompile(`^` + alts),
		full:     lazyregexp.Build(`^[^\pL\pN]*` + alts + `(?:[^\pL\pN]|$)`),
		fromWord: true,
		lead:     leadBytes(phrases),
	}
	for _, p := range phrases {
		if !opensWithWord(p) {
			b.core = nil // the whole expression decides every text
		}
	}
	return b
}

// opensWithWord reports whether every text the phrase's case-ignoring
// expression matches begins with a letter or number: its first rune, and
// each rune (?i) takes for it, is one. Not so for Greek iota, whose case
// orbit holds U+0345, a combining mark that the search for the text's
// first letter or number passes over.
func opensWithWord(p string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(p))
	if !isWordRune(r) {
		return false
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if !isWordRune(f) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// MatchString reports whether the whole expression matches s.
func (b *boundedPhrases) MatchString(s string) bool {
	if b.core == nil {
		return b.full.MatchString(s)
	}
	from := 0
	if b.fromWord {
		from = strings.IndexFunc(s, isWordRune)
		if from < 0 {
			return false // no phrase begins with anything else
		}
	}
	if b.lead != nil {
		i := from
		for b.skip != nil && i < len(s) && b.skip[s[i]] {
			i++
		}
		if i == len(s) || !b.lead[s[i]] {
			return false // the core's phrase would begin at i
		}
	}
	// The whole expression is the core one and a boundary: where the core
	// finds nothing, it finds nothing either.
	m := b.core.FindStringIndex(s[from:])
	if m == nil {
		return false
	}
	var bounded bool
	if b.before {
		r, _ := utf8.DecodeLastRuneInString(s[:from+m[0]])
		bounded = from+m[0] == 0 || !isWordRune(r)
	} else {
		r, _ := utf8.DecodeRuneInString(s[from+m[1]:])
		bounded = from+m[1] == len(s) || !isWordRune(r)
	}
	return bounded || b.full.MatchString(s)
}
