package extract

import (
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/vocab"
)

// The headings' texts come from one builder: each maps to its own line,
// and an append to one's segments leaves the next one's as they were.
func TestHeadingUnitsOwnTheirSegments(t *testing.T) {
	src := "Title\n\nCrime\n\nTerrorism\n"
	sec := func(title string, start int) *document.Section {
		return &document.Section{Title: document.Text{Value: title, Span: document.Span{Start: start, End: start + len(title)}}}
	}
	r := &document.Report{
		Title:    document.Text{Value: "Title", Span: document.Span{Start: 0, End: 5}},
		Sections: []*document.Section{sec("Crime", 7), sec("Terrorism", 14)},
	}
	x := &extractor{r: r, src: src, vocab: vocab.Default()}
	units := x.collectUnits()
	if len(units) != 3 {
		t.Fatalf("%d units, want 3", len(units))
	}
	for i, want := range []int{0, 7, 14} {
		u := units[i]
		if got := u.source(0, len(u.text.Text)); got.Start != want || src[got.Start:got.End] != u.text.Text {
			t.Errorf("heading %q maps to %v, want the source from %d", u.text.Text, got, want)
		}
	}
	units[0].text.Segments = append(units[0].text.Segments, document.Segment{TextStart: 99, SourceStart: 99, Len: 1})
	if s := units[1].text.Segments[0]; s.SourceStart != 7 {
		t.Errorf("an append to the title's segments changed the next heading's: %+v", s)
	}
}
