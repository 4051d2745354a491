package extract

import (
	"cmp"
	"slices"
	"sort"

	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
)

// findDates reads every date mention and relative time phrase in headings
// and paragraphs. Numbers inside contact details ("ACI 2000" in an address,
// hours such as 1700) are not dates.
func (x *extractor) findDates() {
	finder := dates.Default()
	inContact := overlapsAny(x.r.Contacts)
	for _, u := range x.units {
		for _, m := range finder.Find(u.text.Text) {
			if u.text.InCode(m.Start, m.End) {
				continue
			}
			d := m.DateMention
			d.Points = string(m.PhraseKind)
			d.Span = u.source(m.Start, m.End)
			d.Text = u.text.Text[m.Start:m.End]
			if inContact(d.Span) {
				continue
			}
			x.r.Dates = append(x.r.Dates, d)
		}
	}
}

// overlapsAny answers whether a span overlaps one of the contacts, in
// O(log n): asking each contact in turn made a report of many dates and
// many contacts quadratic.
func overlapsAny(contacts []document.Contact) func(document.Span) bool {
	spans := make([]document.Span, len(contacts))
	for i, c := range contacts {
		spans[i] = c.Span
	}
	slices.SortFunc(spans, func(a, b document.Span) int { return cmp.Compare(a.Start, b.Start) })
	// maxEnd[i] is the furthest end of the first i+1 spans by start.
	maxEnd := make([]int, len(spans))
	for i, s := range spans {
		maxEnd[i] = s.End
		if i > 0 && maxEnd[i-1] > s.End {
			maxEnd[i] = maxEnd[i-1]
		}
	}
	return func(s document.Span) bool {
		// Spans overlap when each starts before the other ends.
		k := sort.Search(len(spans), func(i int) bool { return spans[i].Start >= s.End })
		return k > 0 && maxEnd[k-1] > s.Start
	}
}
