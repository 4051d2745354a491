package checks

import (
	"strings"
	"testing"
)

// TestFirstWordsAndTwoWords hold the readers that stop early to
// strings.Fields of the whole text, which they replaced.
func TestFirstWordsAndTwoWords(t *testing.T) {
	for _, text := range []string{"", "  ", "one", " one\t", "one two", "kidnapping for ransom.", "a\u00a0b c\u2003d  e\nf", "a b c d"} {
		words := strings.Fields(text)
		want := strings.Join(words, " ")
		if len(words) > 3 {
			want = strings.Join(words[:3], " ") + "…"
		}
		if got := firstWords(text, 3); got != want {
			t.Errorf("firstWords(%q, 3) = %q, want %q", text, got, want)
		}
		if got := twoWords(text); got != (len(words) >= 2) {
			t.Errorf("twoWords(%q) = %v, want %v", text, got, len(words) >= 2)
		}
	}
}
