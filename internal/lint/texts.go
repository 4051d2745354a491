package lint

import (
	"strings"

	"github.com/reportlint/reportlint/internal/document"
)

// TextUnit is running text of the report, a paragraph or a heading, with
// the way back from offsets in its text to source spans (Inline.Source).
type TextUnit struct {
	document.Inline
	Span      document.Span
	Section   *document.Section // the enclosing section; nil in the preamble
	Paragraph *document.Paragraph
	Heading   bool
}

// Texts lists the report's title, headings and paragraphs in document
// order, computed once per report and shared by the rules (which must not
// change it). A heading's text maps to the source where it appears as written;
// a JSON or YAML report's headings are left out, since their text is inside
// quoted strings.
func (p *Pass) Texts() []TextUnit {
	return p.Shared("lint.texts", func() any { return p.texts() }).([]TextUnit)
}

func (p *Pass) texts() []TextUnit {
	r := p.Doc
	var out []TextUnit
	heading := func(s *document.Section, t document.Text) {
		if r.Data != nil || t.Value == "" || t.Span.End > len(p.File.Text) || t.Span.Start > t.Span.End {
			return
		}
		if i := strings.Index(p.File.Text[t.Span.Start:t.Span.End], t.Value); i >= 0 {
			var b document.InlineBuilder
			b.Append(t.Value, t.Span.Start+i)
			out = append(out, TextUnit{Inline: b.Inline(), Span: t.Span, Section: s, Heading: true})
		}
	}
	heading(nil, r.Title)
	for _, para := range r.Preamble {
		out = append(out, TextUnit{Inline: para.Inline, Span: para.Span, Paragraph: para})
	}
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			heading(s, s.Title)
			for _, para := range s.Paragraphs {
				out = append(out, TextUnit{Inline: para.Inline, Span: para.Span, Section: s, Paragraph: para})
			}
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	return out
}
