package checks

import (
	"github.com/reportlint/reportlint/internal/lint"
)

// textUnit is the lint package's unit of running text.
type textUnit = lint.TextUnit

// texts lists the headings and paragraphs of a report in document order.
func texts(pass *lint.Pass) []textUnit { return pass.Texts() }

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

// byLine groups marks by the source line they are on, in order: each group
// is a piece of marks, not a copy, so that a line of a million marks costs
// no second million.
func byLine(pass *lint.Pass, units []textUnit, marks []mark) [][]mark {
	var out [][]mark
	start, last := 0, -1
	for i, m := range marks {
		span := units[m.unit].Source(m.off, m.off+m.size)
		line := pass.File.Position(span.Start).Line
		if line != last && i > start {
			out = append(out, marks[start:i])
			start = i
		}
		last = line
	}
	if start < len(marks) {
		out = append(out, marks[start:])
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
