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
func Instance(f *source.File, r *document.Report) (any, document.Pointers) {
	if r.Data != nil {
		ptrs := document.Pointers{}
		datanode.Walk(r.Data, func(p string, n *document.Node) { ptrs[p] = n.Span })
		return datanode.ToAny(r.Data), ptrs
	}
	p, ptrs := document.Project(r, f)
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
	return out, ptrs
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
