package document

import (
	"strconv"
	"strings"
)

// Positioner turns a byte offset into a 1-based line and column (code points).
type Positioner interface {
	LineColumn(offset int) (line, column int)
}

// The JSON projection of a report: the stable shape `reportlint parse`
// prints and the JSON Schema validates. Fields may be added; none may be
// renamed without a major version.
type (
	ReportJSON struct {
		Path      string          `json:"path"`
		Format    Format          `json:"format"`
		Profile   string          `json:"profile"`
		Title     string          `json:"title,omitempty"`
		Country   string          `json:"country,omitempty"`
		Published string          `json:"published,omitempty"`
		Advisory  *AdvisoryJSON   `json:"advisory,omitempty"`
		Ratings   []RatingJSON    `json:"ratings"`
		Contacts  []ContactJSON   `json:"contacts"`
		Dates     []DateJSON      `json:"dates"`
		Links     []LinkJSON      `json:"links"`
		Preamble  []ParagraphJSON `json:"preamble"`
		Sections  []SectionJSON   `json:"sections"`
		// Furniture is left out when there is none, as in every report
		// written by hand.
		Furniture []FurnitureJSON `json:"furniture,omitempty"`
		// Notes, only when there are some: the facts not read (an
		// advisory level in a shape the parser does not know) or read with
		// a reservation.
		Notes []NoteJSON `json:"notes,omitempty"`
	}
	FurnitureJSON struct {
		Kind   string `json:"kind"` // heading or paragraph
		Text   string `json:"text"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	}
	// NoteJSON is a Note. Fact is a dotted name of the model's field.
	NoteJSON struct {
		Fact    string `json:"fact"`
		Message string `json:"message"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
	}
	AdvisoryJSON struct {
		// Level is left out when the report gives levels per region only.
		Level      int             `json:"level,omitempty"`
		Wording    string          `json:"wording,omitempty"`
		Line       int             `json:"line"`
		Indicators []IndicatorJSON `json:"indicators"`
		Reasons    []string        `json:"reasons"`
		Regions    []RegionJSON    `json:"regions"`
	}
	IndicatorJSON struct {
		Code     string `json:"code"`
		Included bool   `json:"included"`
		Source   string `json:"source"`
		Line     int    `json:"line"`
	}
	RegionJSON struct {
		Name    string `json:"name"`
		Level   int    `json:"level"`
		Wording string `json:"wording,omitempty"`
		Line    int    `json:"line"`
	}
	RatingJSON struct {
		Category string `json:"category"`
		Location string `json:"location"`
		Level    string `json:"level"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
	}
	ContactJSON struct {
		Kind   ContactKind `json:"kind"`
		Value  string      `json:"value"`
		Label  string      `json:"label,omitempty"`
		Line   int         `json:"line"`
		Column int         `json:"column"`
	}
	DateJSON struct {
		Kind      DateKind  `json:"kind"`
		Text      string    `json:"text"`
		Precision Precision `json:"precision"`
		Value     string    `json:"value,omitempty"`
		From      string    `json:"from,omitempty"`
		To        string    `json:"to,omitempty"`
		Qualifier string    `json:"qualifier,omitempty"`
		Range     bool      `json:"range,omitempty"`
		Points    string    `json:"points,omitempty"`
		Line      int       `json:"line"`
		Column    int       `json:"column"`
	}
	LinkJSON struct {
		Text   string `json:"text"`
		Target string `json:"target"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	}
	SectionJSON struct {
		Title      string          `json:"title"`
		Level      int             `json:"level"`
		Line       int             `json:"line"`
		Paragraphs []ParagraphJSON `json:"paragraphs"`
		Sections   []SectionJSON   `json:"sections"`
	}
	ParagraphJSON struct {
		Text   string        `json:"text"`
		Kind   ParagraphKind `json:"kind,omitempty"`
		Line   int           `json:"line"`
		Column int           `json:"column"`
	}
)

// Pointers maps the JSON pointer of every value in a projection (such as
// "/ratings/0/level") to the source span it came from.
type Pointers map[string]Span

// Lookup returns the span for a pointer, or for its nearest ancestor that
// has one: a missing property is shown at the object that should hold it.
func (p Pointers) Lookup(ptr string) (Span, bool) {
	for {
		if s, ok := p[ptr]; ok {
			return s, true
		}
		if ptr == "" {
			return Span{}, false
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return Span{}, false
		}
		ptr = ptr[:i]
	}
}

// Project builds the JSON projection of r and the span of every value in it.
func Project(r *Report, pos Positioner) (*ReportJSON, Pointers) {
	pr := &projector{pos: pos, ptrs: Pointers{}}
	return pr.report(r), pr.ptrs
}

// ProjectValues builds the projection alone, with no positions and no
// pointers: what validation needs when a report turns out valid, which is
// most of the time.
func ProjectValues(r *Report) *ReportJSON {
	pr := &projector{}
	return pr.report(r)
}

type projector struct {
	pos  Positioner // nil: no positions
	ptrs Pointers   // nil: no pointers
}

func (pr *projector) set(ptr string, s Span) {
	if pr.ptrs != nil {
		pr.ptrs[ptr] = s
	}
}

func (pr *projector) at(ptr string, s Span) (line, col int) {
	pr.set(ptr, s)
	if pr.pos == nil {
		return 0, 0
	}
	return pr.pos.LineColumn(s.Start)
}

func (pr *projector) text(ptr string, t Text) string {
	if t.Value != "" {
		pr.set(ptr, t.Span)
	}
	return t.Value
}

func (pr *projector) report(r *Report) *ReportJSON {
	out := &ReportJSON{
		Path: r.Path, Format: r.Format, Profile: r.Profile,
		Ratings: []RatingJSON{}, Contacts: []ContactJSON{}, Dates: []DateJSON{}, Links: []LinkJSON{},
		Preamble: []ParagraphJSON{}, Sections: []SectionJSON{},
	}
	pr.set("", r.Title.Span)
	out.Title = pr.text("/title", r.Title)
	out.Country = pr.text("/country", r.Country)
	out.Published = pr.text("/published", r.Published)
	if a := r.Advisory; a != nil {
		aj := &AdvisoryJSON{Level: a.Level, Wording: a.Wording.Value, Indicators: []IndicatorJSON{}, Reasons: []string{}, Regions: []RegionJSON{}}
		aj.Line, _ = pr.at("/advisory", a.Span)
		if a.Level != 0 {
			pr.set("/advisory/level", a.LevelSpan)
		}
		if a.Wording.Value != "" && !a.Wording.Span.IsZero() {
			pr.set("/advisory/wording", a.Wording.Span)
		}
		for i, ind := range a.Indicators {
			p := "/advisory/indicators/" + strconv.Itoa(i)
			line, _ := pr.at(p, ind.Span)
			aj.Indicators = append(aj.Indicators, IndicatorJSON{Code: ind.Code, Included: ind.Included, Source: ind.Source, Line: line})
		}
		for i, rs := range a.Reasons {
			pr.set("/advisory/reasons/"+strconv.Itoa(i), rs.Span)
			aj.Reasons = append(aj.Reasons, rs.Value)
		}
		for i, rg := range a.Regions {
			p := "/advisory/regions/" + strconv.Itoa(i)
			line, _ := pr.at(p, rg.Span)
			pr.set(p+"/name", rg.Name.Span)
			// Like the advisory's: a wording the text does not give is
			// not in the projection, and has no place of its own.
			if rg.Wording.Value != "" && !rg.Wording.Span.IsZero() {
				pr.set(p+"/wording", rg.Wording.Span)
			}
			aj.Regions = append(aj.Regions, RegionJSON{Name: rg.Name.Value, Level: rg.Level, Wording: rg.Wording.Value, Line: line})
		}
		out.Advisory = aj
	}
	for i, rt := range r.Ratings {
		p := "/ratings/" + strconv.Itoa(i)
		pr.set(p, rt.Span)
		pr.set(p+"/category", rt.Category.Span)
		pr.set(p+"/location", rt.Location.Span)
		line, col := pr.at(p+"/level", rt.Level.Span)
		out.Ratings = append(out.Ratings, RatingJSON{Category: rt.Category.Value, Location: rt.Location.Value, Level: rt.Level.Value, Line: line, Column: col})
	}
	for i, c := range r.Contacts {
		p := "/contacts/" + strconv.Itoa(i)
		line, col := pr.at(p, c.Span)
		pr.set(p+"/value", c.Span)
		out.Contacts = append(out.Contacts, ContactJSON{Kind: c.Kind, Value: c.Value, Label: c.Label, Line: line, Column: col})
	}
	for i, d := range r.Dates {
		p := "/dates/" + strconv.Itoa(i)
		line, col := pr.at(p, d.Span)
		out.Dates = append(out.Dates, DateJSON{Kind: d.Kind, Text: d.Text, Precision: d.Precision, Value: d.Value, From: d.From, To: d.To, Qualifier: d.Qualifier, Range: d.Range, Points: d.Points, Line: line, Column: col})
	}
	for i, l := range r.Links {
		line, col := pr.at("/links/"+strconv.Itoa(i), l.Span)
		out.Links = append(out.Links, LinkJSON{Text: l.Text, Target: l.Target, Line: line, Column: col})
	}
	out.Preamble = pr.paragraphs("/preamble", r.Preamble)
	out.Sections = pr.sections("/sections", r.Sections)
	for i, f := range r.Furniture {
		line, col := pr.at("/furniture/"+strconv.Itoa(i), f.Span)
		kind := "paragraph"
		if f.Heading {
			kind = "heading"
		}
		out.Furniture = append(out.Furniture, FurnitureJSON{Kind: kind, Text: f.Text, Line: line, Column: col})
	}
	for i, n := range r.Notes {
		line, col := pr.at("/notes/"+strconv.Itoa(i), n.Span)
		out.Notes = append(out.Notes, NoteJSON{Fact: n.Fact, Message: n.Message, Line: line, Column: col})
	}
	return out
}

func (pr *projector) sections(ptr string, ss []*Section) []SectionJSON {
	out := []SectionJSON{}
	for i, s := range ss {
		p := ptr + "/" + strconv.Itoa(i)
		line, _ := pr.at(p, s.Heading)
		pr.set(p+"/title", s.Heading)
		out = append(out, SectionJSON{
			Title: s.Title.Value, Level: s.Level, Line: line,
			Paragraphs: pr.paragraphs(p+"/paragraphs", s.Paragraphs),
			Sections:   pr.sections(p+"/sections", s.Sections),
		})
	}
	return out
}

func (pr *projector) paragraphs(ptr string, ps []*Paragraph) []ParagraphJSON {
	out := []ParagraphJSON{}
	for i, p := range ps {
		pp := ptr + "/" + strconv.Itoa(i)
		line, col := pr.at(pp, p.Span)
		pr.set(pp+"/text", p.Span)
		kind := p.Kind
		if kind == KindParagraph {
			kind = ""
		}
		out = append(out, ParagraphJSON{Text: p.Text, Kind: kind, Line: line, Column: col})
	}
	return out
}
