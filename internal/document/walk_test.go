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
