// Package fixes is the machinery of `reportlint fix`: it applies the safe
// fixes rules offer to a file's own bytes, shows what would change as a
// unified diff, and writes the result without ever leaving a half-written
// or stale file behind.
//
// Rules express edits as offsets in source.File.Text, the normalised text
// (no BOM, LF line ends). Apply maps them back to the bytes on disk so that a
// fix never changes a file's BOM or its line-end style.
package fixes

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// Apply applies edits (offsets in f.Text) to the file's raw bytes, keeping
// its BOM and its line ends: text inserted by an edit that contains "\n" gets
// "\r\n" if the file uses CRLF. Edits apply in order of position whatever
// order they come in; overlapping edits are an error (pick with
// lint.NonOverlapping upstream), except identical ones, which apply once, as
// in lint.ApplyEdits.
func Apply(f *source.File, edits []lint.Edit) ([]byte, error) {
	sorted, err := sortEdits(len(f.Text), edits)
	if err != nil {
		return nil, err
	}
	crlf := UsesCRLF(f.Raw)
	var out bytes.Buffer
	out.Grow(len(f.Raw))
	pos := 0 // in Raw
	for _, e := range sorted {
		// An offset at an LF maps to its CR, so an edit that replaces a line
		// end takes the whole CRLF and one that ends at a line end keeps it.
		start, end := f.OriginalOffset(e.Span.Start), f.OriginalOffset(e.Span.End)
		out.Write(f.Raw[pos:start])
		if crlf {
			out.WriteString(toCRLF(e.New))
		} else {
			out.WriteString(e.New)
		}
		pos = end
	}
	out.Write(f.Raw[pos:])
	return out.Bytes(), nil
}

// sortEdits checks edits against a text of length n and returns them in order
// of position, identical ones once.
func sortEdits(n int, edits []lint.Edit) ([]lint.Edit, error) {
	sorted := append([]lint.Edit(nil), edits...)
	// Stable, so that two insertions at one place keep the order they came in.
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Span.Start != sorted[j].Span.Start {
			return sorted[i].Span.Start < sorted[j].Span.Start
		}
		return sorted[i].Span.End < sorted[j].Span.End
	})
	out := sorted[:0]
	for _, e := range sorted {
		if e.Span.Start < 0 || e.Span.End > n || e.Span.End < e.Span.Start {
			return nil, fmt.Errorf("edit at bytes %d–%d is outside the text (%d bytes)", e.Span.Start, e.Span.End, n)
		}
		if len(out) > 0 {
			prev := out[len(out)-1]
			if prev == e {
				continue
			}
			if e.Span.Start < prev.Span.End {
				return nil, fmt.Errorf("edits at bytes %d–%d and %d–%d overlap", prev.Span.Start, prev.Span.End, e.Span.Start, e.Span.End)
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// UsesCRLF reports whether a file's line ends are mostly CRLF; a file with
// mixed line ends gets the kind it has more of, and a tie or a file without
// line ends counts as LF, the normal form.
func UsesCRLF(raw []byte) bool {
	lf := bytes.Count(raw, []byte("\n"))
	crlf := bytes.Count(raw, []byte("\r\n"))
	return crlf > lf-crlf
}

// toCRLF turns every bare LF into CRLF, leaving any CRLF already there alone.
func toCRLF(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + strings.Count(s, "\n"))
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\r') {
			b.WriteByte('\r')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Plan computes the fixed content of one file from its findings' fixes: it
// picks non-overlapping fixes in finding order (lint.NonOverlapping), applies
// them, and returns the new bytes and how many fixes were applied. Fixes left
// out because they overlap an earlier one are for a later run, once the file
// has been checked again. A fix whose own edits are outside the text or
// overlap each other is a rule's bug and an error, naming the fix.
func Plan(f *source.File, fixes []*lint.Fix) (data []byte, applied int, err error) {
	var candidates []*lint.Fix
	for _, fix := range fixes {
		if fix == nil || len(fix.Edits) == 0 {
			continue
		}
		// Checked one by one, before picking, so that a broken fix cannot
		// crowd out a good one and the error says which fix it was.
		if _, err := sortEdits(len(f.Text), fix.Edits); err != nil {
			return nil, 0, fmt.Errorf("%s: fix %q: %w", f.Path, fix.Message, err)
		}
		candidates = append(candidates, fix)
	}
	picked := lint.NonOverlapping(candidates)
	if len(picked) == 0 {
		return f.Raw, 0, nil
	}
	var edits []lint.Edit
	for _, fix := range picked {
		edits = append(edits, fix.Edits...)
	}
	data, err = Apply(f, edits)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", f.Path, err)
	}
	return data, len(picked), nil
}

// FixesOf returns the fixes findings offer, in the findings' order, for Plan.
func FixesOf(findings []lint.Finding) []*lint.Fix {
	var out []*lint.Fix
	for i := range findings {
		if findings[i].Fix != nil {
			out = append(out, findings[i].Fix)
		}
	}
	return out
}
