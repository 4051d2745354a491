package format

import (
	"sort"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// byteColumn is the 1-based column of an offset counted in UTF-8 bytes, as
// reviewdog's format wants; the other formats count code points.
func byteColumn(f *source.File, offset int) (line, col int) {
	p := f.Position(offset)
	return p.Line, offset - f.LineStart(p.Line) + 1
}

// spanBytes is a span's start and end as line and byte column.
func spanBytes(f *source.File, s document.Span) (l1, c1, l2, c2 int) {
	l1, c1 = byteColumn(f, s.Start)
	l2, c2 = byteColumn(f, max(s.End, s.Start))
	return
}

// paths lists the checked files in order.
func (r *Run) paths() []string {
	out := make([]string, 0, len(r.Files))
	for p := range r.Files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// ruleURL links a rule id to its documentation.
func ruleURL(id string) string {
	anchor := make([]byte, 0, len(id))
	for i := 0; i < len(id); i++ {
		if id[i] != '/' && id[i] != '.' {
			anchor = append(anchor, id[i])
		}
	}
	return "https://github.com/reportlint/reportlint/blob/main/docs/rules.md#" + string(anchor)
}
