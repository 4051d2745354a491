package checks

import "testing"

// FuzzSameFoldedWords holds the paragraphs' word-by-word test to what the
// list items' hash tells apart: equal hashes of at least three words.
func FuzzSameFoldedWords(f *testing.F) {
	f.Add("Stay  alert at\tall times.", "stay alert AT all times.")
	f.Add("Stay alert at all", "Stay alert at all times.")
	f.Add("Stay alert at all times.", "Stay alert at alltimes.")
	f.Add("Stay alert.", "stay alert.")
	f.Add(" Avoid the crowds ", "avoid the crowds")
	f.Add("Évitez les foules", "évitez les foules")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := wordsHash(a) != 0 && wordsHash(a) == wordsHash(b)
		if got := sameFoldedWords(a, b); got != want {
			t.Errorf("sameFoldedWords(%q, %q) = %v, hashes say %v", a, b, got, want)
		}
	})
}

// wordsHashTwice is wordsHash as it was, finding a word's end before
// hashing its bytes, kept to hold the one-pass hash to.
func wordsHashTwice(text string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) && !isSpaceByte(text[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start < 0 {
			continue
		}
		for j := start; j < i; j++ {
			c := text[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * prime
		}
		h = (h ^ ' ') * prime
		n++
		start = -1
	}
	if n < 3 {
		return 0
	}
	return h
}

// FuzzWordsHashOnePass holds wordsHash to wordsHashTwice.
func FuzzWordsHashOnePass(f *testing.F) {
	for _, s := range []string{"", "a b", "a b c", " Stay  alert\tat all ", "Évitez LES foules\n", "x\r\ny\fz\v", "   "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordsHash(s), wordsHashTwice(s); got != want {
			t.Fatalf("wordsHash(%q) = %#x, want %#x", s, got, want)
		}
	})
}
