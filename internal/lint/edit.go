package lint

import (
	"fmt"
	"sort"
	"strings"
)

// ApplyEdits applies non-overlapping edits to text. Edits are applied in
// order of position whatever order they come in; two edits that overlap
// are an error, except identical ones, which apply once.
func ApplyEdits(text string, edits []Edit) (string, error) {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Span.Start != sorted[j].Span.Start {
			return sorted[i].Span.Start < sorted[j].Span.Start
		}
		return sorted[i].Span.End < sorted[j].Span.End
	})
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	var prev *Edit
	for i := range sorted {
		e := &sorted[i]
		if e.Span.Start < 0 || e.Span.End > len(text) || e.Span.End < e.Span.Start {
			return "", fmt.Errorf("edit %v is outside the text", e.Span)
		}
		if prev != nil && *prev == *e {
			continue
		}
		if e.Span.Start < pos {
			return "", fmt.Errorf("edits at bytes %d and %d overlap", prev.Span.Start, e.Span.Start)
		}
		b.WriteString(text[pos:e.Span.Start])
		b.WriteString(e.New)
		pos = e.Span.End
		prev = e
	}
	b.WriteString(text[pos:])
	return b.String(), nil
}

// NonOverlapping picks, from fixes in order, those whose edits overlap no
// fix picked before, so that each fix applies whole or not at all; a later
// run picks up what is left.
func NonOverlapping(fixes []*Fix) []*Fix {
	var out []*Fix
	var taken []Edit
	for _, f := range fixes {
		ok := true
		for _, e := range f.Edits {
			for _, t := range taken {
				if e != t && e.Span.Start < t.Span.End && t.Span.Start < e.Span.End ||
					e != t && e.Span.Start == e.Span.End && e.Span.Start == t.Span.Start {
					ok = false
				}
			}
		}
		if ok {
			out = append(out, f)
			taken = append(taken, f.Edits...)
		}
	}
	return out
}
