package checks

import (
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

// textUnit is running text of the report (a paragraph or a heading) with
// the way back to the source.
type textUnit struct {
	document.Inline
	Span    document.Span
	Heading bool
}

// texts lists the headings and paragraphs of a report in document order.
// A heading's text is mapped to the source where it appears as written.
func texts(pass *lint.Pass) []textUnit {
	r := pass.Doc
	var out []textUnit
	heading := func(t document.Text) {
		var b document.InlineBuilder
		if t.Span.End <= len(pass.File.Text) {
			if i := strings.Index(pass.File.Text[t.Span.Start:t.Span.End], t.Value); i >= 0 && t.Value != "" {
				b.Append(t.Value, t.Span.Start+i)
				out = append(out, textUnit{Inline: b.Inline(), Span: t.Span, Heading: true})
			}
		}
	}
	if r.Data == nil {
		heading(r.Title)
	}
	for _, p := range r.Preamble {
		out = append(out, textUnit{Inline: p.Inline, Span: p.Span})
	}
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			if r.Data == nil {
				heading(s.Title)
			}
			for _, p := range s.Paragraphs {
				out = append(out, textUnit{Inline: p.Inline, Span: p.Span})
			}
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	return out
}

// editable reports whether fixes may edit the report: text in a JSON or
// YAML report is inside quoted strings where a character may be escaped.
func editable(pass *lint.Pass) bool { return pass.Doc.Data == nil }

// mark is one character of interest at a place in a text unit.
type mark struct {
	unit  int
	off   int // offset in the unit's text
	size  int // bytes
	style string
}

// byLine groups marks by the source line they are on, in order.
func byLine(pass *lint.Pass, units []textUnit, marks []mark) [][]mark {
	var out [][]mark
	last := -1
	for _, m := range marks {
		span := units[m.unit].Source(m.off, m.off+m.size)
		line := pass.File.Position(span.Start).Line
		if line != last {
			out = append(out, nil)
			last = line
		}
		out[len(out)-1] = append(out[len(out)-1], m)
	}
	return out
}

// majority picks the style to keep: the preferred one if set, else the more
// frequent, else the first listed.
func majority(prefer string, counts map[string]int, styles ...string) string {
	if prefer != "" && prefer != "majority" {
		return prefer
	}
	best := styles[0]
	for _, s := range styles[1:] {
		if counts[s] > counts[best] {
			best = s
		}
	}
	return best
}
