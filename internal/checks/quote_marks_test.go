package checks

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
)

// TestCurlyMarksLead: each finds curly marks by their first byte, so a
// mark added to a family must begin with it, and a straight mark must be
// one ASCII byte.
func TestCurlyMarksLead(t *testing.T) {
	for _, fam := range quoteFamilies {
		if len(fam.straight) != 1 || fam.straight[0] >= utf8.RuneSelf {
			t.Errorf("%s: straight mark %q is not one ASCII byte", fam.name, fam.straight)
		}
		for _, r := range fam.curly {
			if b := utf8.AppendRune(nil, r); b[0] != curlyLead {
				t.Errorf("%s: %q begins with %#x, not curlyLead", fam.name, r, b[0])
			}
		}
	}
}

// TestEachAsDecoding compares each with reading every character in turn,
// on text with other characters led by the same byte, broken UTF-8 and
// code.
func TestEachAsDecoding(t *testing.T) {
	texts := []string{
		`He said "go" — and ‘stay’… “now”.`,
		"broken \xe2\x80 then “quote” and \xe2 alone, 'x'",
		"\xf0\xe2\x80\x9cglued\xc3\xe2\x80\x9d",
		"code `\"x\"` and “y” and 'z' – end",
		strings.Repeat(`'`, 50) + "“",
		"",
	}
	for _, text := range texts {
		u := textUnit{Inline: document.Inline{Text: text}}
		if i := strings.IndexByte(text, '`'); i >= 0 {
			u.Code = []document.Span{{Start: i, End: strings.LastIndexByte(text, '`') + 1}}
		}
		for _, fam := range quoteFamilies {
			var got, want []string
			fam.each([]textUnit{u}, nil, func(_, off, size int, style string) {
				got = append(got, fmt.Sprint(off, size, style))
			})
			for off := 0; off < len(text); {
				r, size := utf8.DecodeRuneInString(text[off:])
				if strings.ContainsRune(fam.straight+fam.curly, r) && !u.InCode(off, off+size) {
					style := "curly"
					if strings.ContainsRune(fam.straight, r) {
						style = "straight"
					}
					want = append(want, fmt.Sprint(off, size, style))
				}
				off += size
			}
			if strings.Join(got, ";") != strings.Join(want, ";") {
				t.Errorf("%s in %q:\n got %v\nwant %v", fam.name, text, got, want)
			}
			if text == texts[0] && len(want) == 0 {
				t.Errorf("%s: the first text holds marks of every family", fam.name)
			}
		}
	}
}
