package stale

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oldSinceBefore is sinceBefore before it read ASCII without decoding:
// FuzzSinceBefore's oracle.
func oldSinceBefore(text string, at int) bool {
	if at > len(text) {
		return false
	}
	words := 0
	for i := at; i > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j > 0 {
				r, n := utf8.DecodeLastRuneInString(text[:j])
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' {
					break
				}
				j -= n
			}
			if strings.EqualFold(text[j:i], "since") {
				return true
			}
			if words++; words > sinceWords {
				return false
			}
			i = j
			continue
		case strings.ContainsRune(",;:()–—", r):
			return false
		}
		i -= n
	}
	return false
}

// FuzzSinceBefore: sinceBefore answers as the old code, for any text and
// place in it, invalid UTF-8 and the long s ("ſince") included.
func FuzzSinceBefore(f *testing.F) {
	for _, s := range []string{"closed since the army took the road on 2015", "ſince Mali’s 2015", "Since the roads, 2015", "x\xff since\xc3 2015", "٣ since 2015"} {
		f.Add(s, len(s)-4)
	}
	f.Fuzz(func(t *testing.T, text string, at int) {
		if at < 0 {
			at = -at
		}
		at %= len(text) + 2 // past the end too: both answer false
		if got, want := sinceBefore(text, at), oldSinceBefore(text, at); got != want {
			t.Fatalf("sinceBefore(%q, %d) = %v, the old code %v", text, at, got, want)
		}
	})
}
