package parse

import (
	"strings"
	"testing"
)

// A line of directives only becomes blank, offsets kept; a directive
// inside a line of text, or a comment that is not a directive, stays.
func TestBlankDirectiveLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a\n<!-- reportlint-disable quote-style -->\nb\n", "a\n" + spaces(39) + "\nb\n"},
		{"a\r\n  <!-- reportlint-enable --> <!-- reportlint-disable-next-line x -->\r\nb", "a\r\n" + spaces(68) + "\r\nb"},
		{"Tel: 1 <!-- reportlint-disable-line x -->\n", "Tel: 1 <!-- reportlint-disable-line x -->\n"},
		{"<!-- a comment -->\n", "<!-- a comment -->\n"},
		{"no directives", "no directives"},
	} {
		got := blankDirectiveLines(c.in)
		if got != c.want {
			t.Errorf("blankDirectiveLines(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(got) != len(c.in) {
			t.Errorf("%q: length %d, want %d", c.in, len(got), len(c.in))
		}
	}
}

func spaces(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

// FuzzBlankDirectiveLines holds the function, with its tests for "<!--"
// and "reportlint-" in the whole text, to the regexp run on every line.
func FuzzBlankDirectiveLines(f *testing.F) {
	f.Add("a\n<!-- reportlint-disable quote-style -->\nb\n")
	f.Add("x <!-- reportlint-enable -->\n<!--reportlint-x-->\r\n")
	f.Add("reportlint-disable\n")
	f.Fuzz(func(t *testing.T, text string) {
		b := []byte(text)
		for start := 0; start < len(text); {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += start
			}
			if directiveLineRE.MatchString(text[start:end]) {
				for i := start; i < end; i++ {
					if b[i] != '\r' {
						b[i] = ' '
					}
				}
			}
			start = end + 1
		}
		if got := blankDirectiveLines(text); got != string(b) {
			t.Errorf("blankDirectiveLines(%q) = %q, want %q", text, got, b)
		}
	})
}
