package extract

import (
	"cmp"
	"slices"
	"sort"
	"sync"

	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
)

// findDates reads every date mention and relative time phrase in headings
// and paragraphs. Numbers inside contact details ("ACI 2000" in an address,
// hours such as 1700) are not dates.
//
// The mentions of each unit and the dates kept are gathered in scratch
// kept between reports, and the report's list is made once at its size:
// Find made a slice for each unit, and growing the report's list by
// doubling made about twice what it kept.
func (x *extractor) findDates() {
	finder := dates.Default().Reader()
	defer finder.Close()
	inContact := overlapsAny(x.r.Contacts)
	sc := dateScratch.Get().(*dateLists)
	defer dateScratch.Put(sc)
	ms, kept := sc.mentions[:0], sc.kept[:0]
	for _, u := range x.units {
		ms = finder.AppendFind(ms[:0], u.text.Text)
		for _, m := range ms {
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
			kept = append(kept, d)
		}
		clear(ms) // drop the references to the text
	}
	x.r.Dates = append(x.r.Dates, kept...)
	clear(kept)
	sc.mentions, sc.kept = ms[:0], kept[:0]
	if cap(ms) > maxScratch || cap(kept) > maxScratch {
		*sc = dateLists{} // do not hold on to what one freak report needed
	}
}

// dateLists is findDates' scratch.
type dateLists struct {
	mentions []dates.Mention
	kept     []document.DateMention
}

var dateScratch = sync.Pool{New: func() any { return new(dateLists) }}

// maxScratch bounds the scratch lists a pooled dateLists keeps.
const maxScratch = 1 << 12

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
