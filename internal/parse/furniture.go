package parse

import (
	"slices"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
)

// takeFurniture moves what the web page's template left in the report (the
// profile's furniture) out of its preamble and sections into r.Furniture,
// so that no rule and no fact reads it, and parse still shows it.
//
// A paragraph is furniture when every line of it, as written, is a
// furniture line. A heading is furniture when the profile names it and
// nothing but furniture stands under it: an editor's text under a heading
// of the template keeps the heading a section. A heading with no text at
// all, left by a conversion, is furniture in every profile: it titles
// nothing.
func takeFurniture(r *document.Report, src string, prof *profile.Profile) {
	var taken []document.Furniture
	changed := map[*document.Section]bool{} // sections that lost a paragraph or a subsection
	paragraphs := func(ps []*document.Paragraph) []*document.Paragraph {
		if len(prof.Furniture) == 0 {
			return ps
		}
		return slices.DeleteFunc(ps, func(p *document.Paragraph) bool {
			if !furnitureParagraph(src, p.Span, prof) {
				return false
			}
			taken = append(taken, document.Furniture{Text: strings.TrimSpace(src[p.Span.Start:p.Span.End]), Span: p.Span})
			return true
		})
	}
	r.Preamble = paragraphs(r.Preamble)
	all := r.AllSections()
	for _, s := range all {
		n := len(s.Paragraphs)
		s.Paragraphs = paragraphs(s.Paragraphs)
		changed[s] = len(s.Paragraphs) < n
	}

	// From the last heading back, so that a heading's subsections, and
	// the heading after it, are judged before it.
	furniture := map[*document.Section]bool{}
	next := "" // the text of the heading after this one, when it is furniture
	for i := len(all) - 1; i >= 0; i-- {
		s := all[i]
		empty := len(s.Paragraphs) == 0
		for _, sub := range s.Sections {
			empty = empty && furniture[sub]
		}
		if empty && (s.Title.Value == "" || prof.FurnitureHeading(s.Title.Value, next)) {
			furniture[s] = true
			taken = append(taken, document.Furniture{Heading: true, Text: s.Title.Value, Span: s.Heading})
			next = s.Title.Value
		} else {
			next = ""
		}
	}
	if len(taken) == 0 {
		return
	}
	// A section that lost furniture ends where its own text ends; the
	// others keep their spans as the reader made them. From the inside
	// out, so that a parent sees its subsections' new ends.
	var prune func([]*document.Section) ([]*document.Section, bool)
	prune = func(ss []*document.Section) ([]*document.Section, bool) {
		n := len(ss)
		ss = slices.DeleteFunc(ss, func(s *document.Section) bool { return furniture[s] })
		shrunk := len(ss) < n
		for _, s := range ss {
			var lost bool
			s.Sections, lost = prune(s.Sections)
			if lost || changed[s] {
				s.Span.End = sectionEnd(s)
				shrunk = true
			}
		}
		return ss, shrunk
	}
	r.Sections, _ = prune(r.Sections)
	slices.SortFunc(taken, func(a, b document.Furniture) int { return a.Span.Start - b.Span.Start })
	r.Furniture = append(r.Furniture, taken...)
	// The links of furniture (the tool-tips' "javascript:" stubs, the map
	// link) are the template's too.
	r.Links = slices.DeleteFunc(r.Links, func(l document.Link) bool {
		for _, f := range taken {
			if f.Span.Contains(l.Span) {
				return true
			}
		}
		return false
	})
}

// furnitureParagraph: every line of the paragraph at span is a furniture line.
func furnitureParagraph(src string, span document.Span, prof *profile.Profile) bool {
	text := src[span.Start:span.End]
	if strings.TrimSpace(text) == "" {
		return false
	}
	for line := range strings.Lines(text) {
		if !prof.FurnitureLine(strings.TrimSpace(line)) {
			return false
		}
	}
	return true
}

// sectionEnd is where a section ends once furniture is taken out of it:
// its last paragraph or subsection, or its heading.
func sectionEnd(s *document.Section) int {
	end := s.Heading.End
	if n := len(s.Paragraphs); n > 0 {
		end = max(end, s.Paragraphs[n-1].Span.End)
	}
	if n := len(s.Sections); n > 0 {
		end = max(end, s.Sections[n-1].Span.End)
	}
	return end
}
