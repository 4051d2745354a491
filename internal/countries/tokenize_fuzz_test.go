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
	for _, s := range []string{"", "Côte d’Ivoire", "The GAMBIA", "Guinea-Bissau", "co\u0302te MALI's", "St. Lucia\n\nTURKEY", "\xff A\xc3", "ǅungla İstanbul", "the", "The Gambia", "THE  the", "the-Gambia2 x"} {
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
		var buf [16]byte // too small for some: then not made
		if k, ok := appendKeyASCII(buf[:0], s); ok && string(k) != oldKey {
			t.Fatalf("appendKeyASCII(%q) = %q, want %q", s, k, oldKey)
		} else if ok != (isASCII(s) && len(s) <= len(buf)) {
			t.Fatalf("appendKeyASCII(%q) made: %v", s, ok)
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

// oldNextWord is nextWord as it was before ASCII bytes were told by a
// table: every rune decoded and asked of unicode.
func oldNextWord(s string, from int) (start, end int) {
	start = -1
	for i, r := range s[from:] {
		inWord := isWordRune(r) || (start >= 0 && unicode.Is(unicode.Mn, r))
		switch {
		case inWord && start < 0:
			start = from + i
		case !inWord && start >= 0:
			return start, from + i
		}
	}
	if start >= 0 {
		return start, len(s)
	}
	return -1, -1
}

// FuzzNextWord checks nextWord against the decoding loop from every
// offset of any text, invalid UTF-8 and combining marks among it.
func FuzzNextWord(f *testing.F) {
	for _, s := range []string{"", "Côte d’Ivoire", "co\u0302te MALI's 42", "\xff A\xc3", "ǅungla İstanbul", "a\u0301\u0301 ʼb_c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for from := 0; from <= len(s); from++ {
			gs, ge := nextWord(s, from)
			ws, we := oldNextWord(s, from)
			if gs != ws || ge != we {
				t.Fatalf("nextWord(%q, %d) = %d, %d, want %d, %d", s, from, gs, ge, ws, we)
			}
		}
	})
}
