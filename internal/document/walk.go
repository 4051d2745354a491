package document

// Block is a paragraph with the section it belongs to (nil in the preamble).
type Block struct {
	Section   *Section
	Paragraph *Paragraph
}

// Blocks lists every paragraph of the report in document order.
//
// The paragraphs are counted first, so that the list is one allocation
// (it grew by doubling).
func (r *Report) Blocks() []Block {
	n := len(r.Preamble)
	var count func([]*Section)
	count = func(ss []*Section) {
		for _, s := range ss {
			n += len(s.Paragraphs)
			count(s.Sections)
		}
	}
	count(r.Sections)
	if n == 0 {
		return nil
	}
	out := make([]Block, 0, n)
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
//
// The sections are counted first, so that the list is one allocation: it
// grew by doubling, and several rules ask for it each report.
func (r *Report) AllSections() []*Section {
	n := countSections(r.Sections)
	if n == 0 {
		return nil
	}
	return appendSections(make([]*Section, 0, n), r.Sections)
}

func countSections(ss []*Section) int {
	n := len(ss)
	for _, s := range ss {
		n += countSections(s.Sections)
	}
	return n
}

func appendSections(out, ss []*Section) []*Section {
	for _, s := range ss {
		out = append(out, s)
		out = appendSections(out, s.Sections)
	}
	return out
}
