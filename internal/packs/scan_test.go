package packs

import (
	"slices"
	"strconv"
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
	raw := "Title\n\nAcme LTD and Acme Ltd sell ALOT, per\n se; Alotau and ltd are not flagged.\n"
	memo := map[string]any{}
	var got []string
	for _, fd := range runSharing(t, rules, raw, memo) {
		got = append(got, fd.Rule+" "+raw[fd.Span.Start:fd.Span.End])
	}
	want := []string{"t/kept Ltd", "t/folded ALOT", "t/second ALOT", "t/second per\n se"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(memo) != 1 {
		t.Errorf("memo holds %d values, want the pack's one reading", len(memo))
	}
}

// Rules of one scope share one list of blocks, read once; a rule of
// another scope has its own, and finds only in its sections, though the
// text it shares with the others was read once for all.
func TestPackScanScopes(t *testing.T) {
	rules, err := Parse("pack.yaml", []byte(`pack: t
rules:
  - name: one
    kind: existence
    message: m
    tokens: [alot]
  - name: two
    kind: existence
    message: m
    tokens: [per se]
  - name: crime
    kind: existence
    message: m
    sections: [Crime]
    tokens: [alot]
  - name: swap
    kind: substitution
    message: m
    swap: {alot: a lot}
`))
	if err != nil {
		t.Fatal(err)
	}
	raw := "Title\n\n## Overview\n\nAlot, per se.\n\n## Crime\n\nAlot again.\n"
	memo := map[string]any{}
	var got []string
	for _, fd := range runSharing(t, rules, raw, memo) {
		got = append(got, fd.Rule+" "+raw[fd.Span.Start:fd.Span.End]+" "+strconv.Itoa(fd.Span.Start))
	}
	want := []string{"t/one Alot 20", "t/one Alot 45", "t/two per se 26", "t/crime Alot 45", "t/swap Alot 20", "t/swap Alot 45"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if len(memo) != 1 {
		t.Fatalf("memo holds %d values, want the pack's one", len(memo))
	}
	for _, v := range memo {
		m := v.(*scanMemo)
		// The whole report with headings, without, and Crime's with: the
		// list of a scope with headings is made first.
		if len(m.blocks) != 3 {
			t.Errorf("%d lists of blocks, want 3: %v", len(m.blocks), m.blocks)
		}
		// The paragraphs are read once for the lists with and without
		// headings: the same blocks.
		all, paragraphs := m.blocks[blocksKey{"", true}], m.blocks[blocksKey{"", false}]
		if len(all) != 5 || len(paragraphs) != 3 { // "Title" is a paragraph here
			t.Fatalf("%d blocks with headings, %d without; want 5 and 3", len(all), len(paragraphs))
		}
		for _, b := range paragraphs {
			if !slices.Contains(all, b) || !b.read {
				t.Errorf("paragraph %q: not the block of the list with headings, or not read", b.text.Text)
			}
		}
	}
}

// runSharing runs rules in turn on the report raw, all with memo, as a
// check does, and returns their findings in that order, each with its rule.
func runSharing(t *testing.T, rules []*lint.Rule, raw string, memo map[string]any) []lint.Finding {
	t.Helper()
	f, err := source.New("r.txt", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []lint.Finding
	for _, r := range rules {
		p := lint.NewPass(r, f, doc, nil, linttest.DefaultAsOf, nil, r.Level, func(fd lint.Finding) {
			fd.Rule = r.ID
			out = append(out, fd)
		})
		p.Memo = memo
		r.Run(p)
	}
	return out
}

// TestCountBlocks: the room made for a scope's blocks is the report's
// count of blocks, which the whole report with its headings fills exactly
// and a named scope does not pass.
func TestCountBlocks(t *testing.T) {
	text := "Mali 2024 Crime & Safety Report\n\nAn opening paragraph.\n\nCrime\n\nOne.\n\nTwo.\n\nTerrorism\n\nThree.\n"
	f, err := source.New("r.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := newScope(nil).blocks(r, nil, text, true)
	if n := countBlocks(r); len(all) != n || cap(all) != n {
		t.Errorf("whole report: %d blocks in room for %d, counted %d", len(all), cap(all), n)
	}
	crime := newScope([]string{"Crime"}).blocks(r, nil, text, true)
	if len(crime) == 0 || len(crime) >= len(all) || cap(crime) != countBlocks(r) {
		t.Errorf("Crime alone: %d blocks in room for %d, of %d", len(crime), cap(crime), len(all))
	}
}
