package lsp

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// symbols is the report's outline: first its facts (publication date,
// advisory level and regions, threat ratings) as the parser read them,
// then its sections and subsections, each with the section of the
// profile it stands for when the heading words it differently.
func (s *Server) symbols(uri string) ([]DocumentSymbol, error) {
	a, err := s.current(uri)
	if err != nil || a.report == nil {
		return []DocumentSymbol{}, err
	}
	r := a.report
	out := []DocumentSymbol{}
	if facts := a.facts(); len(facts) > 0 {
		whole := facts[0].Range
		for _, f := range facts[1:] {
			whole = union(whole, f.Range)
		}
		out = append(out, DocumentSymbol{Name: "Facts", Detail: r.Profile, Kind: symbolNamespace, Range: whole, SelectionRange: facts[0].SelectionRange, Children: facts})
	}
	var prof *profile.Profile
	if ps := a.run.opt.Parse.Profiles; ps != nil {
		prof, _ = ps.Get(r.Profile)
	}
	var sections func([]*document.Section) []DocumentSymbol
	sections = func(ss []*document.Section) []DocumentSymbol {
		var out []DocumentSymbol
		for _, sec := range ss {
			name := source.PrintableLine(sec.Title.Value)
			if strings.TrimSpace(name) == "" {
				name = "(untitled section)" // a client refuses an empty name
			}
			sym := DocumentSymbol{Name: name, Kind: symbolNamespace, Range: a.rangeOf(sec.Span.Start, sec.Span.End),
				SelectionRange: a.rangeOf(sec.Heading.Start, sec.Heading.End), Children: sections(sec.Sections)}
			sym.Range = union(sym.Range, sym.SelectionRange)
			if prof != nil && len(prof.Sections) > 0 {
				if spec := prof.MatchSection(sec.Title.Value, r.Country.Value); spec != nil {
					canonical := strings.ReplaceAll(spec.Name, "{country}", r.Country.Value)
					if !strings.EqualFold(canonical, sec.Title.Value) {
						sym.Detail = source.PrintableLine(canonical)
					}
				} else {
					sym.Detail = "not a section " + r.Profile + " knows"
				}
			}
			out = append(out, sym)
		}
		return out
	}
	return append(out, sections(r.Sections)...), nil
}

func (a *analysis) facts() []DocumentSymbol {
	r := a.report
	var out []DocumentSymbol
	add := func(name, detail string, kind int, sp document.Span) {
		rg := a.rangeOf(sp.Start, sp.End)
		out = append(out, DocumentSymbol{Name: source.PrintableLine(name), Detail: source.PrintableLine(detail), Kind: kind, Range: rg, SelectionRange: rg})
	}
	if r.Published.Value != "" {
		add("Published "+r.Published.Value, "", symbolEvent, r.Published.Span)
	}
	if adv := r.Advisory; adv != nil {
		add(fmt.Sprintf("Level %d", adv.Level), adv.Wording.Value, symbolConstant, adv.Span)
		for _, reg := range adv.Regions {
			add(fmt.Sprintf("%s: Level %d", reg.Name.Value, reg.Level), reg.Wording.Value, symbolConstant, reg.Span)
		}
	}
	for _, rt := range r.Ratings {
		name := strings.TrimSpace(rt.Category.Value + " " + strings.ToUpper(rt.Level.Value))
		add(name, rt.Location.Value, symbolProperty, rt.Span)
	}
	return out
}

func before(a, b Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

func union(a, b Range) Range {
	if before(b.Start, a.Start) {
		a.Start = b.Start
	}
	if before(a.End, b.End) {
		a.End = b.End
	}
	return a
}
