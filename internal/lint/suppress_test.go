package lint

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// Silenced ranges, merged and searched, silence the offsets that some
// range as written holds, for overlapping, touching, nested and empty
// ranges.
func TestMergedRangesSilenceAsWritten(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for n := 0; n < 500; n++ {
		var spans []document.Span
		for m := r.IntN(8); m > 0; m-- {
			a := r.IntN(60)
			spans = append(spans, document.Span{Start: a, End: a + r.IntN(15) - 2})
		}
		written := append([]document.Span(nil), spans...)
		s := &Suppressor{ranges: map[string][]document.Span{"x": merge(spans)}}
		for off := 0; off < 80; off++ {
			want := false
			for _, sp := range written {
				want = want || off >= sp.Start && off < sp.End
			}
			if got := s.Suppressed(Finding{Rule: "x", Span: document.Span{Start: off}}); got != want {
				t.Fatalf("ranges %v: offset %d silenced %v, want %v", written, off, got, want)
			}
		}
	}
}

// nextLine answers as a walk from the line asked about, when asked about
// lines in any order.
func TestNextLineRemembersRightly(t *testing.T) {
	f, _ := source.New("r.md", []byte(strings.Join([]string{"a", "", " ", "b", "", "", "c", "", ""}, "\n")))
	r := rand.New(rand.NewPCG(13, 14))
	var n nextLine
	for i := 0; i < 300; i++ {
		from := 1 + r.IntN(f.Lines()+1)
		want := 0
		for l := from; l <= f.Lines(); l++ {
			if strings.TrimSpace(f.Line(l)) != "" {
				want = l
				break
			}
		}
		if got := n.find(f, from); got != want {
			t.Fatalf("next non-blank line from %d = %d, want %d", from, got, want)
		}
	}
}

// FuzzHoldsDirectivePrefix holds the search by hyphen to strings.Contains,
// which it replaced.
func FuzzHoldsDirectivePrefix(f *testing.F) {
	f.Add("<!-- reportlint-disable quote-style -->")
	f.Add("reportlint-")
	f.Add("-reportlint")
	f.Add("reportlint reportlint--x")
	f.Add("eportlint-")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := holdsDirectivePrefix(text), strings.Contains(text, "reportlint-"); got != want {
			t.Errorf("%q: %v, strings.Contains %v", text, got, want)
		}
	})
}

// A report without directives needs no rule ids (the engine passes none):
// nothing is silenced and nothing is a bad directive. One with a directive
// still silences its rule there.
func TestSuppressorWithoutDirectives(t *testing.T) {
	plain, _ := source.New("r.md", []byte("Title\n\nA line - with a dash.\n"))
	if HoldsDirectives(plain.Text) {
		t.Fatal("HoldsDirectives: true for a report without one")
	}
	s, bad := NewSuppressor(plain, nil)
	if len(bad) != 0 || s.Suppressed(Finding{Rule: "x", Span: document.Span{Start: 8, End: 9}}) {
		t.Errorf("no directives: bad %v, or a finding silenced", bad)
	}
	marked, _ := source.New("r.md", []byte("Title\n\n<!-- reportlint-disable x -->\nA line.\n"))
	if !HoldsDirectives(marked.Text) {
		t.Fatal("HoldsDirectives: false for a report with one")
	}
	s, bad = NewSuppressor(marked, []string{"x"})
	if len(bad) != 0 || !s.Suppressed(Finding{Rule: "x", Span: document.Span{Start: 38, End: 39}}) {
		t.Errorf("a directive: bad %v, or its rule not silenced", bad)
	}
}
