package packs

import (
	"slices"
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

// The pack's one reading of a text serves every rule of the pack, each
// with its own case: rules sharing a report's memo find what each alone
// finds, and nothing inside words.
func TestPackScanShared(t *testing.T) {
	rules, err := Parse("pack.yaml", []byte(`pack: t
rules:
  - name: kept
    kind: existence
    message: m
    ignore-case: false
    tokens: [Ltd]
  - name: folded
    kind: substitution
    message: m
    swap: {alot: a lot}
  - name: second
    kind: existence
    message: m
    tokens: [per se, alot]
`))
	if err != nil {
		t.Fatal(err)
	}
	raw := []byte("Title\n\nAcme LTD and Acme Ltd sell ALOT, per\n se; Alotau and ltd are not flagged.\n")
	f, err := source.New("r.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	memo := map[string]any{}
	var got []string
	for _, r := range rules {
		p := lint.NewPass(r, f, doc, nil, linttest.DefaultAsOf, nil, r.Level, func(fd lint.Finding) {
			got = append(got, r.ID+" "+string(raw[fd.Span.Start:fd.Span.End]))
		})
		p.Memo = memo
		r.Run(p)
	}
	want := []string{"t/kept Ltd", "t/folded ALOT", "t/second ALOT", "t/second per\n se"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(memo) != 1 {
		t.Errorf("memo holds %d values, want the pack's one reading", len(memo))
	}
}
