package parse

import (
	"strings"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// frontMatter finds a YAML block between "---" lines at the very top of a
// Markdown report. It returns the decoded block (nil if there is none) and
// the text with the block replaced by spaces, so that the Markdown parser
// sees blank lines and every offset stays the same. An opening "---" that
// is never closed is a thematic break, not front matter.
func frontMatter(f *source.File) (*document.Node, string, error) {
	text := f.Text
	if !strings.HasPrefix(text, "---\n") {
		return nil, text, nil
	}
	bodyStart := len("---\n")
	end, closeEnd := -1, -1
	for pos := bodyStart; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		if line := strings.TrimRight(text[pos:lineEnd], " \t"); line == "---" || line == "..." {
			end, closeEnd = pos, lineEnd
			break
		}
		if nl < 0 {
			break
		}
		pos = lineEnd + 1
	}
	if end < 0 {
		return nil, text, nil
	}
	node, err := datanode.FromYAML(text[bodyStart:end])
	if err != nil {
		return nil, "", dataError(f, err, bodyStart, "front matter")
	}
	shift(node, bodyStart)
	blank := []byte(text)
	for i := 0; i < closeEnd; i++ {
		if blank[i] != '\n' {
			blank[i] = ' '
		}
	}
	return node, string(blank), nil
}

// shift moves every span of n by delta bytes.
func shift(n *document.Node, delta int) {
	if n == nil {
		return
	}
	n.Span.Start += delta
	n.Span.End += delta
	for _, it := range n.Items {
		shift(it, delta)
	}
	for _, f := range n.Fields {
		f.KeySpan.Start += delta
		f.KeySpan.End += delta
		shift(f.Value, delta)
	}
}

// metadataFromFrontMatter fills what the body does not say from the front
// matter; where both say it, the body wins and a rule compares the two.
func metadataFromFrontMatter(r *document.Report) {
	fm := r.FrontMatter
	if fm == nil {
		return
	}
	fill := func(t *document.Text, key string) {
		if v := fm.Get(key); v != nil && v.Kind == document.NodeString && t.Value == "" {
			*t = document.Text{Value: strings.TrimSpace(v.Scalar), Span: v.Span}
		}
	}
	fill(&r.Title, "title")
	fill(&r.Country, "country")
	fill(&r.Published, "published")
	r.Published.Value = isoDate(r.Published.Value)
}

// isoDate writes a date given in words ("November 29, 2024") as YYYY-MM-DD,
// and leaves anything else as it is for the schema to judge.
func isoDate(s string) string {
	if d, ok := dates.Parse(s); ok && d.Precision == document.PrecisionDay {
		return d.Value
	}
	return s
}

// dataError turns a decoding error at an offset within text[base:] into a
// positioned *source.Error.
func dataError(f *source.File, err error, base int, what string) error {
	var off int
	msg := err.Error()
	if se, ok := err.(*datanode.SyntaxError); ok {
		off, msg = base+se.Offset, se.Msg
	}
	return &source.Error{Path: f.Path, Pos: f.Position(off), Offset: f.OriginalOffset(off), Reason: what + ": " + msg}
}
