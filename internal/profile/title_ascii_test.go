package profile

import (
	"bytes"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oldAppendTitle is appendTitle as it was, rune by rune throughout, for
// FuzzAppendTitleASCII.
func oldAppendTitle(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		word := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z') ||
			r >= utf8.RuneSelf && isWordRune(r)
		switch {
		case r == '&':
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			dst = append(dst, "and"...)
			space = true
		case r == '.' || r == '\'' || r == '’':
		case word:
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			switch {
			case 'A' <= r && r <= 'Z':
				dst = append(dst, byte(r)+'a'-'A')
			case r < utf8.RuneSelf:
				dst = append(dst, byte(r))
			default:
				dst = utf8.AppendRune(dst, foldRune(unicode.ToLower(r)))
			}
		default:
			space = true
		}
	}
	return dst
}

// FuzzAppendTitleASCII holds appendTitle's byte-by-byte ASCII path, and
// its hand-over to runes at the first byte outside ASCII, to the old code,
// after an empty and a non-empty dst.
func FuzzAppendTitleASCII(f *testing.F) {
	for _, s := range []string{"", "Safety & Security", "Côte d’Ivoire", " -- Local Laws.", "A&B", "&x", "x &", "Entry, Exit ’s É&", "\xff\xfeab", "Health\u00a0care", "MALI 2024 Crime_Report"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, dst := range [][]byte{nil, []byte("pre")} {
			got := appendTitle(bytes.Clone(dst), s)
			want := oldAppendTitle(bytes.Clone(dst), s)
			if !bytes.Equal(got, want) {
				t.Fatalf("%q after %q: %q, the old code %q", s, dst, got, want)
			}
		}
	})
}
