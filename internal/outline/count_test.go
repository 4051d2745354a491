package outline

import (
	"testing"

	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

// TestHeadingsMadeAtSize: headings counts every section, nested too, and
// its list is made at that size; a report without sections has none.
func TestHeadingsMadeAtSize(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"# A\n\n## B\n\n### C\n\n## D\n\n# E\n", 4}, // "A" is the report's title
		{"Just a paragraph, no headings.\n", 0},
	} {
		file, err := source.New("t.md", []byte(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(file, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		hs := Headings(r, nil, "")
		if countSections(r.Sections) != tc.want || len(hs) != tc.want || cap(hs) != tc.want {
			t.Errorf("%q: count %d, len %d, cap %d; want %d", tc.text, countSections(r.Sections), len(hs), cap(hs), tc.want)
		}
	}
}
