// Package phrase finds literal words and phrases in running text: the
// matching the declarative packs and the watch list share. Matches start
// and end on word boundaries (regexp's \b knows only ASCII), any run of
// space between words matches, and a straight or curly apostrophe matches
// either.
package phrase

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regexp compiles phrases into one expression, the longest first so that at
// any place the longest phrase wins.
func Regexp(phrases []string, ignoreCase bool) *regexp.Regexp {
	sorted := append([]string(nil), phrases...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	var alts []string
	for _, p := range sorted {
		var words []string
		for _, w := range strings.Fields(p) {
			words = append(words, strings.NewReplacer("'", "['’]", "’", "['’]").Replace(regexp.QuoteMeta(w)))
		}
		alts = append(alts, strings.Join(words, `\s+`))
	}
	expr := "(?:" + strings.Join(alts, "|") + ")"
	if ignoreCase {
		expr = "(?i)" + expr
	}
	return regexp.MustCompile(expr) // quoted literals always compile
}

// Key is how a matched phrase is looked up among the phrases it came from:
// space collapsed, apostrophes straightened, lower case when case is ignored.
func Key(s string, ignoreCase bool) string {
	s = strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "’", "'")
	if ignoreCase {
		s = strings.ToLower(s)
	}
	return s
}

// Match is a byte range [Start, End) of a text.
type Match struct{ Start, End int }

// Find returns the non-overlapping matches of re in text that start and end
// on word boundaries ("alot" is not found in "Alotau") and that accept, if
// not nil, takes.
func Find(re *regexp.Regexp, text string, accept func(start, end int) bool) []Match {
	var out []Match
	for pos := 0; pos <= len(text); {
		loc := re.FindStringIndex(text[pos:])
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		if end > start && OnBoundary(text, start, end) && (accept == nil || accept(start, end)) {
			out = append(out, Match{start, end})
			pos = end
			continue
		}
		// Try again one character on: a match refused here may hide one
		// that starts inside it.
		_, n := utf8.DecodeRuneInString(text[start:])
		pos = start + max(n, 1)
	}
	return out
}

// OnBoundary: a match that begins (ends) with a word character has none
// just before (after) it.
func OnBoundary(text string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(text[start:])
	if isWordRune(first) && start > 0 {
		if prev, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(prev) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	if isWordRune(last) && end < len(text) {
		if next, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(next) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
