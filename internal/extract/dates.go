package extract

import (
	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
)

// findDates reads every date mention and relative time phrase in headings
// and paragraphs. Numbers inside contact details ("ACI 2000" in an address,
// hours such as 1700) are not dates.
func (x *extractor) findDates() {
	finder := dates.Default()
	for _, u := range x.units {
		for _, m := range finder.Find(u.text.Text) {
			if u.text.InCode(m.Start, m.End) {
				continue
			}
			d := m.DateMention
			d.Points = string(m.PhraseKind)
			d.Span = u.source(m.Start, m.End)
			d.Text = u.text.Text[m.Start:m.End]
			if x.inContact(d.Span) {
				continue
			}
			x.r.Dates = append(x.r.Dates, d)
		}
	}
}

func (x *extractor) inContact(s document.Span) bool {
	for _, c := range x.r.Contacts {
		if c.Span.Overlaps(s) {
			return true
		}
	}
	return false
}
