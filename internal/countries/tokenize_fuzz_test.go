package countries

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// oldTokenize is tokenize as it was before words in ASCII were sliced from
// one lowered copy: a fold and a lower-casing for every word.
func oldTokenize(s string) []token {
	var tokens []token
	start := -1
	for i, r := range s {
		inWord := isWordRune(r) || (start >= 0 && unicode.Is(unicode.Mn, r))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			folded := fold(s[start:i])
			tokens = append(tokens, token{folded: folded, lower: strings.ToLower(folded), start: start, end: i})
			start = -1
		}
	}
	if start >= 0 {
		folded := fold(s[start:])
		tokens = append(tokens, token{folded: folded, lower: strings.ToLower(folded), start: start, end: len(s)})
	}
	return tokens
}

// FuzzTokenize checks tokenize, and the key and hasWord built on it,
// against the old code on any text.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "Côte d’Ivoire", "The GAMBIA", "Guinea-Bissau", "co\u0302te MALI's", "St. Lucia\n\nTURKEY", "\xff A\xc3", "ǅungla İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := tokenize(s), oldTokenize(s)
		if !slices.Equal(got, want) {
			t.Fatalf("tokenize(%q) = %+v, want %+v", s, got, want)
		}
		oldKey := joinLowerOld(dropLeadingThe(want))
		if k := key(s); k != oldKey {
			t.Fatalf("key(%q) = %q, want %q", s, k, oldKey)
		}
		if hasWord(s) != (oldKey != "") {
			t.Fatalf("hasWord(%q) = %v, key %q", s, hasWord(s), oldKey)
		}
	})
}

func joinLowerOld(tokens []token) string {
	words := make([]string, len(tokens))
	for i, t := range tokens {
		words[i] = t.lower
	}
	return strings.Join(words, " ")
}
