package phrase

import (
	"strings"
	"testing"
)

// FuzzHasDigit holds the eight-byte reading to strings.ContainsAny and
// strings.IndexAny, at
// every offset, so that a digit is met at every place in a word.
func FuzzHasDigit(f *testing.F) {
	f.Add("no digits here, none at all\x80\xff/:")
	f.Add("abcdefg9")
	f.Add("\xb0\xb9\xba/:;0")
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			if got, want := HasDigit(s[i:]), strings.ContainsAny(s[i:], "0123456789"); got != want {
				t.Fatalf("HasDigit(%q) = %v, want %v", s[i:], got, want)
			}
			if got, want := IndexDigit(s[i:]), strings.IndexAny(s[i:], "0123456789"); got != want {
				t.Fatalf("IndexDigit(%q) = %v, want %v", s[i:], got, want)
			}
		}
	})
}

// Every byte value, alone and amid seven others, at each place of a
// word: the cases FuzzHasDigit may take long to meet.
func TestHasDigitEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 9; pos++ {
			b := []byte("/:\x80\xff\xb0 ;z@")
			b[pos] = byte(c)
			if got, want := HasDigit(string(b)), '0' <= c && c <= '9'; got != want {
				t.Errorf("HasDigit(%q) = %v, want %v", b, got, want)
			}
			if want := strings.IndexAny(string(b), "0123456789"); IndexDigit(string(b)) != want {
				t.Errorf("IndexDigit(%q) = %d, want %d", b, IndexDigit(string(b)), want)
			}
		}
	}
}
