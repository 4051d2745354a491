package lint

import (
	"strings"
	"sync"

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
	return p.Shared("lint.texts", func() any { return p.texts() }).(*texts).units
}

// texts is a report's units and the headings' segments, which the next
// report reuses once this report's rules are done (Releaser): the list is
// what a report's Pass allocates most.
type texts struct {
	units []TextUnit
	segs  []document.Segment
}

// textsPool holds *texts to reuse. Lists of more than maxPooledTexts units
// are left to the collector, so that one huge report does not keep its
// memory for the rest of the run.
var textsPool sync.Pool

const maxPooledTexts = 1 << 12

// Release lends the lists to the next report, cleared, so that they keep
// no report's paragraphs alive.
func (t *texts) Release() {
	if cap(t.units) > maxPooledTexts {
		return
	}
	clear(t.units)
	clear(t.segs)
	t.units, t.segs = t.units[:0], t.segs[:0]
	textsPool.Put(t)
}

// grown is s emptied, with room for n.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s[:0]
}

func (p *Pass) texts() *texts {
	r := p.Doc
	// Sized up front, and the headings' one-segment maps cut from one
	// array: every rule reads these, and a report has hundreds.
	n, heads := len(r.Preamble), 1
	var count func([]*document.Section)
	count = func(ss []*document.Section) {
		for _, s := range ss {
			n += len(s.Paragraphs)
			heads++
			count(s.Sections)
		}
	}
	count(r.Sections)
	t, _ := textsPool.Get().(*texts)
	if t == nil {
		t = new(texts)
	}
	out := grown(t.units, n+heads)
	segs := grown(t.segs, heads)
	heading := func(s *document.Section, t document.Text) {
		if r.Data != nil || t.Value == "" || t.Span.End > len(p.File.Text) || t.Span.Start > t.Span.End {
			return
		}
		if i := strings.Index(p.File.Text[t.Span.Start:t.Span.End], t.Value); i >= 0 {
			// What a document.InlineBuilder would make of t.Value at its place.
			segs = append(segs, document.Segment{TextStart: 0, SourceStart: t.Span.Start + i, Len: len(t.Value)})
			in := document.Inline{Text: t.Value, Segments: segs[len(segs)-1 : len(segs) : len(segs)]}
			out = append(out, TextUnit{Inline: in, Span: t.Span, Section: s, Heading: true})
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
	t.units, t.segs = out, segs
	return t
}
