package schema

import (
	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// Instance is the value validated for a report and the source span of each
// of its values by JSON pointer. A JSON or YAML report is validated as
// written. A text or Markdown report is validated through its projection,
// built here directly as plain values (no JSON round trip), without the
// line and column of each item: those are computed, never wrong, and
// checking thousands of them made validation several times slower.
//
// With full false (the built-in schemas), the paragraphs, dates and links
// of a text or Markdown report are left out too: the built-in schemas only
// check their types, which the projection gets right by construction, and
// they are most of the values, so validation then costs a fraction. A
// house schema (full true) sees everything.
func Instance(f *source.File, r *document.Report) (any, document.Pointers) {
	return instance(f, r, true)
}

func instance(f *source.File, r *document.Report, full bool) (any, document.Pointers) {
	return instanceValue(r, full), pointers(r)
}

// pointers maps every value of the instance to its source span; it is
// only needed when validation fails.
func pointers(r *document.Report) document.Pointers {
	if r.Data != nil {
		ptrs := document.Pointers{}
		datanode.Walk(r.Data, func(p string, n *document.Node) { ptrs[p] = n.Span })
		return ptrs
	}
	_, ptrs := document.Project(r, noPositions{})
	return ptrs
}

func instanceValue(r *document.Report, full bool) any {
	if r.Data != nil {
		return datanode.ToAny(r.Data)
	}
	if !full {
		return slimValue(r)
	}
	// The instance carries no line or column, so none are computed.
	p := document.ProjectValues(r)
	out := map[string]any{
		"path":     p.Path,
		"format":   string(p.Format),
		"profile":  p.Profile,
		"ratings":  list(p.Ratings, rating),
		"contacts": list(p.Contacts, contact),
		"dates":    list(p.Dates, date),
		"links":    list(p.Links, link),
		"preamble": list(p.Preamble, paragraph),
		"sections": list(p.Sections, section),
	}
	optional(out, "title", p.Title)
	optional(out, "country", p.Country)
	optional(out, "published", p.Published)
	if a := p.Advisory; a != nil {
		adv := map[string]any{
			"level":      a.Level,
			"indicators": list(a.Indicators, indicator),
			"reasons":    list(a.Reasons, func(s string) any { return s }),
			"regions":    list(a.Regions, region),
		}
		optional(adv, "wording", a.Wording)
		out["advisory"] = adv
	}
	return out
}

func optional(m map[string]any, key, value string) {
	if value != "" {
		m[key] = value
	}
}

func list[T any](items []T, conv func(T) any) []any {
	out := make([]any, len(items))
	for i, it := range items {
		out[i] = conv(it)
	}
	return out
}

func rating(r document.RatingJSON) any {
	return map[string]any{"category": r.Category, "location": r.Location, "level": r.Level}
}

func contact(c document.ContactJSON) any {
	m := map[string]any{"kind": string(c.Kind), "value": c.Value}
	optional(m, "label", c.Label)
	return m
}

func date(d document.DateJSON) any {
	m := map[string]any{"kind": string(d.Kind), "text": d.Text, "precision": string(d.Precision)}
	optional(m, "value", d.Value)
	optional(m, "from", d.From)
	optional(m, "to", d.To)
	optional(m, "qualifier", d.Qualifier)
	if d.Range {
		m["range"] = true
	}
	optional(m, "points", d.Points)
	return m
}

func link(l document.LinkJSON) any { return map[string]any{"text": l.Text, "target": l.Target} }

func paragraph(p document.ParagraphJSON) any {
	m := map[string]any{"text": p.Text}
	optional(m, "kind", string(p.Kind))
	return m
}

func section(s document.SectionJSON) any {
	return map[string]any{
		"title": s.Title, "level": s.Level,
		"paragraphs": list(s.Paragraphs, paragraph),
		"sections":   list(s.Sections, section),
	}
}

func indicator(i document.IndicatorJSON) any {
	return map[string]any{"code": i.Code, "included": i.Included, "source": i.Source}
}

func region(r document.RegionJSON) any {
	m := map[string]any{"name": r.Name, "level": r.Level}
	optional(m, "wording", r.Wording)
	return m
}

// slimValue is the instance the built-in schemas see: the projection's
// shape with paragraphs, dates and links left empty, built straight from
// the model.
func slimValue(r *document.Report) any {
	out := map[string]any{
		"path": r.Path, "format": string(r.Format), "profile": r.Profile,
		"ratings": make([]any, 0, len(r.Ratings)), "contacts": make([]any, 0, len(r.Contacts)),
		"sections": slimSections(r.Sections),
	}
	optional(out, "title", r.Title.Value)
	optional(out, "country", r.Country.Value)
	optional(out, "published", r.Published.Value)
	for _, rt := range r.Ratings {
		out["ratings"] = append(out["ratings"].([]any), map[string]any{"category": rt.Category.Value, "location": rt.Location.Value, "level": rt.Level.Value})
	}
	for _, c := range r.Contacts {
		m := map[string]any{"kind": string(c.Kind), "value": c.Value}
		optional(m, "label", c.Label)
		out["contacts"] = append(out["contacts"].([]any), m)
	}
	if a := r.Advisory; a != nil {
		adv := map[string]any{"level": a.Level, "indicators": []any{}, "reasons": []any{}, "regions": []any{}}
		optional(adv, "wording", a.Wording.Value)
		for _, ind := range a.Indicators {
			adv["indicators"] = append(adv["indicators"].([]any), map[string]any{"code": ind.Code, "included": ind.Included, "source": ind.Source})
		}
		for _, rs := range a.Reasons {
			adv["reasons"] = append(adv["reasons"].([]any), rs.Value)
		}
		for _, rg := range a.Regions {
			m := map[string]any{"name": rg.Name.Value, "level": rg.Level}
			optional(m, "wording", rg.Wording.Value)
			adv["regions"] = append(adv["regions"].([]any), m)
		}
		out["advisory"] = adv
	}
	return out
}

// slimSections keeps each section's title (its level is a number the
// parser sets, always in range), and its subsections
// only when it has some: an empty list is still a value to validate.
func slimSections(ss []*document.Section) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		m := map[string]any{"title": s.Title.Value}
		if len(s.Sections) > 0 {
			m["sections"] = slimSections(s.Sections)
		}
		out[i] = m
	}
	return out
}

type noPositions struct{}

func (noPositions) LineColumn(int) (int, int) { return 0, 0 }
