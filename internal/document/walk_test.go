package document

import (
	"slices"
	"testing"
)

// AllSections lists parents before their subsections, in document order,
// in one allocation; a report without sections gives nil.
func TestAllSections(t *testing.T) {
	sec := func(title string, subs ...*Section) *Section {
		return &Section{Title: Text{Value: title}, Sections: subs}
	}
	r := &Report{Sections: []*Section{
		sec("A", sec("A1", sec("A1a")), sec("A2")),
		sec("B"),
		sec("C", sec("C1")),
	}}
	var got []string
	for _, s := range r.AllSections() {
		got = append(got, s.Title.Value)
	}
	if want := []string{"A", "A1", "A1a", "A2", "B", "C", "C1"}; !slices.Equal(got, want) {
		t.Errorf("AllSections = %q, want %q", got, want)
	}
	if n := testing.AllocsPerRun(10, func() { r.AllSections() }); n != 1 {
		t.Errorf("AllSections makes %v allocations, want 1", n)
	}
	if all := (&Report{}).AllSections(); all != nil {
		t.Errorf("no sections: %v, want nil", all)
	}
}

// Blocks lists the preamble's paragraphs, then each section's before its
// subsections', in one allocation; a report without paragraphs gives nil.
func TestBlocks(t *testing.T) {
	p := func(v string) *Paragraph { return &Paragraph{Inline: Inline{Text: v}} }
	r := &Report{Preamble: []*Paragraph{p("p0")}, Sections: []*Section{
		{Paragraphs: []*Paragraph{p("a0"), p("a1")}, Sections: []*Section{{Paragraphs: []*Paragraph{p("a.0")}}}},
		{},
		{Paragraphs: []*Paragraph{p("c0")}},
	}}
	var got []string
	for _, b := range r.Blocks() {
		got = append(got, b.Paragraph.Text)
		if (b.Section == nil) != (b.Paragraph.Text == "p0") {
			t.Errorf("%s: section %v", b.Paragraph.Text, b.Section)
		}
	}
	if want := []string{"p0", "a0", "a1", "a.0", "c0"}; !slices.Equal(got, want) {
		t.Errorf("Blocks = %q, want %q", got, want)
	}
	if n := testing.AllocsPerRun(10, func() { r.Blocks() }); n != 1 {
		t.Errorf("Blocks makes %v allocations, want 1", n)
	}
	if b := (&Report{Sections: []*Section{{}}}).Blocks(); b != nil {
		t.Errorf("no paragraphs: %v, want nil", b)
	}
}
