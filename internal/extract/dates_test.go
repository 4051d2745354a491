package extract

import (
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

// overlapsAny answers as reading every contact would, wherever the contacts
// lie, however they are listed, nested or empty.
func TestOverlapsAny(t *testing.T) {
	span := func(s, e int) document.Span { return document.Span{Start: s, End: e} }
	contacts := []document.Contact{{Span: span(50, 60)}, {Span: span(10, 40)}, {Span: span(12, 14)}, {Span: span(70, 70)}}
	in := overlapsAny(contacts)
	for s := 0; s <= 80; s++ {
		for e := s; e <= 80; e++ {
			want := false
			for _, c := range contacts {
				want = want || c.Span.Overlaps(span(s, e))
			}
			if got := in(span(s, e)); got != want {
				t.Errorf("%d–%d: got %v, want %v", s, e, got, want)
			}
		}
	}
	if overlapsAny(nil)(span(0, 100)) {
		t.Error("a span overlaps one of no contacts")
	}
}
