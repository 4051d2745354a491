package checks

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// capsWords are the words of text with at least two capitals, found from
// each word's start by next.
func capsWords(text string, next func(string, int) int) [][2]int {
	var out [][2]int
	for i := next(text, 0); i < len(text); i = next(text, i) {
		start := i
		var caps int
		i, caps = scanWord(text, i)
		if caps >= 2 {
			out = append(out, [2]int{start, i})
		}
	}
	return out
}

// FuzzNextCapsWord holds the passing over of lower-case words to reading
// every word (nextWord): the same words with two capitals.
func FuzzNextCapsWord(f *testing.F) {
	f.Add("Mali's FAMa and FAMA, the ÉTAT’s aBc x\xe2\x80ÉÉ")
	f.Add("lowercase only, then McDONALD’S")
	f.Add("\u212aK k\xc3KK 9AB")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1024 {
			return
		}
		got, want := capsWords(text, nextCapsWord), capsWords(text, nextWord)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %v, reading every word %v", text, got, want)
		}
	})
}

// nextWord is where the next run of letters and digits starts, from i on:
// the reading of every word that nextCapsWord stands in for.
func nextWord(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf { // ASCII, by table: the common case
			if asciiClass[c]&classWord != 0 {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if isLetterOrDigit(r) {
			return i
		}
		i += n
	}
	return i
}

// oldSkipNoCapital is the loop of a byte a turn skipNoCapital replaced.
func oldSkipNoCapital(text string, i int) int {
	for i < len(text) && !mayBeCapital[text[i]] {
		i++
	}
	return i
}

// TestSkipNoCapital holds skipNoCapital's arithmetic to the table, for
// every byte at every place of an eight-byte block and the tail after it.
func TestSkipNoCapital(t *testing.T) {
	for c := range 256 {
		for at := range 11 {
			b := []byte("abcdefgh ij")
			b[at] = byte(c)
			text := string(b)
			if got, want := skipNoCapital(text, 0), oldSkipNoCapital(text, 0); got != want {
				t.Fatalf("skipNoCapital(%q) = %d, want %d", text, got, want)
			}
		}
	}
}

// FuzzSkipNoCapital: skipNoCapital stops where the old loop does.
func FuzzSkipNoCapital(f *testing.F) {
	f.Add("the mission of MINUSMA", 3)
	f.Add("caf\u00e9 and @[`{ Z", 0)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		if got, want := skipNoCapital(text, i), oldSkipNoCapital(text, i); got != want {
			t.Fatalf("skipNoCapital(%q, %d) = %d, want %d", text, i, got, want)
		}
	})
}
