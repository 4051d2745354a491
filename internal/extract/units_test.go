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
	x.collectUnits()
	defer x.releaseUnits()
	units := x.units
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

// Released unit lists go back to the pool holding nothing of the report
// (its sections, paragraphs and heading texts), and a second report's
// units, made in them, are its own.
func TestReleasedUnitsHoldNothing(t *testing.T) {
	para := func(text string, start int) *document.Paragraph {
		p := &document.Paragraph{Span: document.Span{Start: start, End: start + len(text)}}
		p.Inline = document.Inline{Text: text, Segments: []document.Segment{{SourceStart: start, Len: len(text)}}}
		return p
	}
	src := "Title\n\nCrime\n\ndue to\n"
	r := &document.Report{
		Title: document.Text{Value: "Title", Span: document.Span{Start: 0, End: 5}},
		Sections: []*document.Section{{
			Title:      document.Text{Value: "Crime", Span: document.Span{Start: 7, End: 12}},
			Paragraphs: []*document.Paragraph{para("due to", 14)},
		}},
	}
	x := &extractor{r: r, src: src, vocab: vocab.Default()}
	x.collectUnits()
	if len(x.units) != 3 || x.units[2].text != &r.Sections[0].Paragraphs[0].Inline || !x.units[2].keys.has(kwDueTo) {
		t.Fatalf("units %+v: want the title, the heading and the paragraph's own text", x.units)
	}
	ls := x.unitLists
	x.releaseUnits()
	if x.units != nil || x.unitLists != nil {
		t.Errorf("released units still held by the extractor")
	}
	for i, u := range ls.units[:cap(ls.units)] {
		if u != (unit{}) {
			t.Errorf("released unit %d holds %+v", i, u)
		}
	}
	for i, h := range ls.headings[:cap(ls.headings)] {
		if h.Text != "" || h.Segments != nil {
			t.Errorf("released heading text %d holds %+v", i, h)
		}
	}
	y := &extractor{r: &document.Report{Title: document.Text{Value: "Other", Span: document.Span{Start: 0, End: 5}}}, src: "Other", vocab: vocab.Default()}
	y.collectUnits()
	defer y.releaseUnits()
	if len(y.units) != 1 || y.units[0].text.Text != "Other" || y.units[0].keys != 0 {
		t.Errorf("second report's units %+v, want its title alone", y.units)
	}
}
