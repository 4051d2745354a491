package format

import (
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// byteColumn is the 1-based column of an offset counted in UTF-8 bytes, as
// reviewdog's format wants; the other formats count code points.
func byteColumn(f source.View, offset int) (line, col int) {
	p := f.Position(offset)
	return p.Line, offset - f.LineStart(p.Line) + 1
}

// spanBytes is a span's start and end as line and byte column.
func spanBytes(f source.View, s document.Span) (l1, c1, l2, c2 int) {
	l1, c1 = byteColumn(f, s.Start)
	l2, c2 = byteColumn(f, max(s.End, s.Start))
	return
}

// ruleURL links a rule to its page in docs/rules.md, or is "" for a rule
// that has none.
func (r *Run) ruleURL(id string) string {
	if !r.Documented[id] {
		return ""
	}
	anchor := make([]byte, 0, len(id))
	for i := 0; i < len(id); i++ {
		if id[i] != '/' && id[i] != '.' {
			anchor = append(anchor, id[i])
		}
	}
	return "https://github.com/reportlint/reportlint/blob/main/docs/rules.md#" + string(anchor)
}
