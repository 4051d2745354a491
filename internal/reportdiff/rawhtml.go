package reportdiff

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
)

// rawHTML places a Markdown report's raw HTML (document.Report.HTML: markup
// the parser keeps out of the text) back into what the diff compares, so
// that HTML added to a report is a change the reviewer sees, escaped like
// all report text, rather than silently nothing. HTML inside a paragraph
// goes back where it stood in its text; any other (a block, or HTML in a
// heading) is a paragraph of its own, in the section it falls in.
type rawHTML struct {
	items  []document.Text // in source order
	bounds []int           // where each section's own text starts, per section
}

func newRawHTML(r *document.Report, sections []*document.Section) *rawHTML {
	h := &rawHTML{items: slices.Clone(r.HTML)}
	slices.SortStableFunc(h.items, func(a, b document.Text) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	for i, s := range sections {
		start := s.Heading.Start
		if i == 0 && s.Title.Value == OpeningTitle && s.Level == 0 {
			start = 0
		}
		h.bounds = append(h.bounds, start)
	}
	return h
}

// beforeFirstHeading reports whether some HTML lies before the first section heading,
// which then needs an opening section to be shown in.
func beforeFirstHeading(r *document.Report, sections []*document.Section) bool {
	if len(r.HTML) == 0 {
		return false
	}
	first := slices.MinFunc(r.HTML, func(a, b document.Text) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return len(sections) == 0 || first.Span.Start < sections[0].Heading.Start
}

// of is the HTML in section i's own text: from its heading to the next
// section's heading.
func (h *rawHTML) of(i int) []document.Text {
	if len(h.items) == 0 {
		return nil
	}
	from := sort.Search(len(h.items), func(k int) bool { return h.items[k].Span.Start >= h.bounds[i] })
	to := len(h.items)
	if i+1 < len(h.bounds) && h.bounds[i+1] >= h.bounds[i] {
		to = from + sort.Search(len(h.items)-from, func(k int) bool { return h.items[from+k].Span.Start >= h.bounds[i+1] })
	}
	return h.items[from:to]
}

// paragraphs are section i's paragraphs with its HTML placed among them:
// put back into the paragraph it stood in (a copy: the report is not
// changed), or a paragraph of its own. The tags of one line outside any
// paragraph ("<b>", "</b>" in a heading) are one paragraph.
func (h *rawHTML) paragraphs(i int, paras []*document.Paragraph, pos Positioner) []*document.Paragraph {
	rest := h.of(i)
	if len(rest) == 0 {
		return paras
	}
	line := func(offset int) int {
		if pos == nil {
			return 0
		}
		l, _ := pos.LineColumn(offset)
		return l
	}
	var out []*document.Paragraph
	joined := false // the last paragraph is HTML of its own
	own := func(x document.Text) {
		if n := len(out); joined && line(out[n-1].Span.Start) == line(x.Span.Start) {
			out[n-1].Text += " " + x.Value
			out[n-1].Span.End = x.Span.End
			return
		}
		out = append(out, &document.Paragraph{Kind: document.KindParagraph, Span: x.Span, Inline: document.Inline{Text: x.Value, Anchor: x.Span}})
		joined = true
	}
	for _, p := range paras {
		for len(rest) > 0 && rest[0].Span.Start < p.Span.Start {
			own(rest[0])
			rest = rest[1:]
		}
		q := *p
		q.Text, rest = inParagraph(p, rest)
		out, joined = append(out, &q), false
	}
	for _, x := range rest {
		own(x)
	}
	return out
}

// inParagraph is p's text with the HTML of items that lies inside p put
// back where it stood, and the items left after those.
func inParagraph(p *document.Paragraph, items []document.Text) (string, []document.Text) {
	if len(items) == 0 || items[0].Span.Start >= p.Span.End {
		return p.Text, items
	}
	var b strings.Builder
	last := 0
	for len(items) > 0 && items[0].Span.Start < p.Span.End {
		at := max(textOffset(&p.Inline, items[0].Span.Start), last)
		b.WriteString(p.Text[last:at])
		b.WriteString(items[0].Value)
		last, items = at, items[1:]
	}
	b.WriteString(p.Text[last:])
	return b.String(), items
}

// textOffset is where in the text a source offset falls: the start of the
// first verbatim run at or after it (raw HTML is never text, so it sits
// between runs), or the end.
func textOffset(in *document.Inline, src int) int {
	i := sort.Search(len(in.Segments), func(k int) bool { return in.Segments[k].SourceStart >= src })
	if i == len(in.Segments) {
		return len(in.Text)
	}
	return in.Segments[i].TextStart
}
