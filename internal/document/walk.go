package document

// Block is a paragraph with the section it belongs to (nil in the preamble).
type Block struct {
	Section   *Section
	Paragraph *Paragraph
}

// Blocks lists every paragraph of the report in document order.
func (r *Report) Blocks() []Block {
	var out []Block
	for _, p := range r.Preamble {
		out = append(out, Block{Paragraph: p})
	}
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			for _, p := range s.Paragraphs {
				out = append(out, Block{Section: s, Paragraph: p})
			}
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	return out
}

// AllSections lists every section, parents before their subsections.
func (r *Report) AllSections() []*Section {
	var out []*Section
	var walk func([]*Section)
	walk = func(ss []*Section) {
		for _, s := range ss {
			out = append(out, s)
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	return out
}
