package dated

import (
	"sort"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

// contactSpansGrown is contactSpans as it was (lists grown a contact at a
// time, sort.Slice), kept to hold the new one to.
func contactSpansGrown(r *document.Report) spans {
	var ss []document.Span
	for _, c := range r.Contacts {
		ss = append(ss, c.Span)
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	var out spans
	for i, s := range ss {
		end := s.End
		if i > 0 {
			end = max(end, out.maxEnds[i-1])
		}
		out.starts = append(out.starts, s.Start)
		out.maxEnds = append(out.maxEnds, end)
	}
	return out
}

// FuzzContactSpans holds contactSpans to contactSpansGrown: the same
// answer to overlap for every span over the range the contacts cover,
// with contacts that share starts (sorted in another order by each).
func FuzzContactSpans(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{3, 2, 3, 9, 1, 1, 0, 4})
	f.Add([]byte{5, 1, 5, 7, 5, 0, 2, 2, 9, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		var r document.Report
		for i := 0; i+1 < len(b) && i < 64; i += 2 {
			start := int(b[i] % 32)
			r.Contacts = append(r.Contacts, document.Contact{Span: document.Span{Start: start, End: start + int(b[i+1]%16)}})
		}
		got, want := contactSpans(&r), contactSpansGrown(&r)
		for s := 0; s < 50; s++ {
			for e := s; e < 50; e++ {
				sp := document.Span{Start: s, End: e}
				if g, w := got.overlap(sp), want.overlap(sp); g != w {
					t.Fatalf("contacts %v: overlap(%v) = %v, want %v", r.Contacts, sp, g, w)
				}
			}
		}
	})
}
