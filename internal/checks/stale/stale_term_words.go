package stale

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/phrase"
)

// nameWords finds an entry's names as its regexp (phrase.Compile) and
// phrase.FindFrom do, reading the text once: the regexp, run again from
// each match, was about a quarter of stale-term on the Mali sample.
//
// Why it is the same: every name begins with a word character, so a match
// FindFrom keeps begins a word (OnBoundary); at any place the regexp takes
// its first alternative that matches there (the names, longest first), and
// when FindFrom refuses that match it tries again one character on, which
// for a word start means the next word start.
type nameWords struct {
	set *phrase.Set // the names in the regexp's order
	// starts holds the first bytes of the names' first letters in every
	// case the regexp folds them to: a word beginning with another byte
	// is passed over without trying each name.
	starts [256]bool
}

// words is the entry's nameWords, or nil when a name does not begin with
// a word character (an option's odd term): the regexp then.
func (w *watched) words() *nameWords {
	w.byWords.Do(func() { w.wordMatcher = newNameWords(w.names) })
	return w.wordMatcher
}

func newNameWords(names []string) *nameWords {
	sorted := append([]string(nil), names...)
	// phrase.Expr's order: its alternatives are tried in it.
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	for _, n := range sorted {
		words := strings.Fields(n) // as the regexp and the set read a name
		if len(words) == 0 {
			return nil
		}
		if r, _ := utf8.DecodeRuneInString(words[0]); !phraseWord(r) {
			return nil
		}
	}
	nw := &nameWords{set: phrase.NewSet(sorted, true)}
	for _, n := range sorted {
		r, _ := utf8.DecodeRuneInString(strings.Fields(n)[0])
		nw.starts[utf8.AppendRune(nil, r)[0]] = true
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			nw.starts[utf8.AppendRune(nil, f)[0]] = true
		}
	}
	return nw
}

// phraseWord is phrase's word character (\pL, \d or "_"), which is not
// bounded.go's isWordRune.
func phraseWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// find is watched.find: the mentions from byte from on. It goes from word
// start to word start (phrase.NextWordStart, eight bytes of ASCII at a
// time), which is where the loop of a character a turn tried the names: a
// match is taken whole, and the word after it starts where it would have
// gone on.
func (nw *nameWords) find(w *watched, text string, from int) []span {
	var out []span
	for at := phrase.NextWordStart(text, from); at < len(text); {
		c := text[at]
		if nw.starts[c] {
			if end, ok := nw.first(text, at); ok && phrase.OnBoundary(text, at, end) && w.capsAgree(text[at:end]) {
				out = append(out, span{at, end})
				at = phrase.NextWordStart(text, end)
				continue
			}
		}
		n := 1
		if c >= utf8.RuneSelf {
			_, n = utf8.DecodeRuneInString(text[at:])
		}
		at = phrase.NextWordStart(text, at+n)
	}
	return out
}

// first is where the regexp's first alternative to match at at ends.
func (nw *nameWords) first(text string, at int) (int, bool) {
	for i := range nw.set.Len() {
		if end, ok := nw.set.MatchEnd(i, text, at); ok {
			return end, true
		}
	}
	return 0, false
}
