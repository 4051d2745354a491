package profile

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oldNormalizeTitle is NormalizeTitle before appendTitle: a strings.Builder
// for every call.
func oldNormalizeTitle(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	sep := func() {
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
	}
	for _, r := range s {
		switch {
		case r == '&':
			space = true
			sep()
			b.WriteString("and")
			space = true
		case r == '.' || r == '\'' || r == '’':
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			sep()
			b.WriteByte(byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			sep()
			b.WriteByte(byte(r) + 'a' - 'A')
		case r >= utf8.RuneSelf && isWordRune(r):
			sep()
			b.WriteRune(foldRune(unicode.ToLower(r)))
		default:
			space = true
		}
	}
	return b.String()
}

var titleSeeds = []string{"", "Crime & Safety", "& Co", "U.S. Embassy Côte d’Ivoire", "  Health -- Medical  ", "&&", "Ünïcödé İ ǅ", "\xff x \xc3", "Police Response: 911."}

func TestAppendTitle(t *testing.T) {
	for _, s := range titleSeeds {
		checkTitle(t, s)
	}
	if got := NormalizeTitle("Crime & Safety"); got != "crime and safety" {
		t.Errorf("NormalizeTitle = %q", got)
	}
}

// FuzzNormalizeTitle holds NormalizeTitle, and appendTitle after other
// bytes, to the old code.
func FuzzNormalizeTitle(f *testing.F) {
	for _, s := range titleSeeds {
		f.Add(s)
	}
	f.Fuzz(checkTitle)
}

func checkTitle(t *testing.T, s string) {
	want := oldNormalizeTitle(s)
	if got := NormalizeTitle(s); got != want {
		t.Fatalf("NormalizeTitle(%q) = %q, want %q", s, got, want)
	}
	if got := string(appendTitle([]byte("x y"), s)); got != "x y"+want {
		t.Fatalf("appendTitle after %q: %q, want %q", "x y", got, "x y"+want)
	}
}
