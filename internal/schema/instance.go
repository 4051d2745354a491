package schema

import (
	"sync"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
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
	return instanceValue(r, full, new(arena)), pointers(r)
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

// instanceValue builds the instance; a slim one takes its maps and lists
// from a, which must not be reset while the instance is in use.
func instanceValue(r *document.Report, full bool, a *arena) any {
	if r.Data != nil {
		return datanode.ToAny(r.Data)
	}
	if !full {
		return slimValue(r, a)
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
	if len(p.Furniture) > 0 {
		out["furniture"] = list(p.Furniture, furniture)
	}
	if len(p.Notes) > 0 {
		out["notes"] = list(p.Notes, note)
	}
	optional(out, "title", p.Title)
	optional(out, "country", p.Country)
	optional(out, "published", p.Published)
	if a := p.Advisory; a != nil {
		adv := map[string]any{
			"indicators": list(a.Indicators, indicator),
			"reasons":    list(a.Reasons, func(s string) any { return s }),
			"regions":    list(a.Regions, region),
		}
		if a.Level != 0 {
			adv["level"] = a.Level // none: levels per region only
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

func furniture(f document.FurnitureJSON) any {
	return map[string]any{"kind": f.Kind, "text": f.Text}
}

func note(n document.NoteJSON) any {
	return map[string]any{"fact": n.Fact, "message": n.Message}
}

func indicator(i document.IndicatorJSON) any {
	return map[string]any{"code": i.Code, "included": i.Included, "source": i.Source}
}

func region(r document.RegionJSON) any {
	m := map[string]any{"name": r.Name, "level": r.Level}
	optional(m, "wording", r.Wording)
	return m
}

// slimValue is the instance the built-in schemas see, built straight from
// the model: the projection's shape without the paragraphs, dates,
// links, furniture and notes, and without the optional values the parser can only write right
// (path, format, profile, a contact's label, an indicator's source): the
// built-in schemas check only their type or vocabulary. Its maps and list
// slots come from a, so that validating report after report reuses them.
func slimValue(r *document.Report, a *arena) any {
	ratings := a.list(len(r.Ratings))
	for i, rt := range r.Ratings {
		m := a.object()
		m["category"], m["location"], m["level"] = rt.Category.Value, rt.Location.Value, rt.Level.Value
		ratings[i] = m
	}
	contacts := a.list(len(r.Contacts))
	for i, c := range r.Contacts {
		if contactValid(c.Kind, c.Value) {
			contacts[i] = validContact
			continue
		}
		m := a.object()
		m["kind"], m["value"] = kindValue(c.Kind), c.Value
		contacts[i] = m
	}
	out := a.object()
	out["ratings"], out["contacts"], out["sections"] = ratings, contacts, slimSectionList(r.Sections, a)
	optional(out, "title", r.Title.Value)
	optional(out, "country", r.Country.Value)
	optional(out, "published", r.Published.Value)
	if adv := r.Advisory; adv != nil {
		indicators := a.list(len(adv.Indicators))
		for i, ind := range adv.Indicators {
			m := a.object()
			m["code"], m["included"] = ind.Code, ind.Included
			indicators[i] = m
		}
		reasons := a.list(len(adv.Reasons))
		for i, rs := range adv.Reasons {
			reasons[i] = rs.Value
		}
		regions := a.list(len(adv.Regions))
		for i, rg := range adv.Regions {
			m := a.object()
			m["name"], m["level"] = rg.Name.Value, rg.Level
			optional(m, "wording", rg.Wording.Value)
			regions[i] = m
		}
		m := a.object()
		m["indicators"], m["reasons"], m["regions"] = indicators, reasons, regions
		if adv.Level != 0 {
			m["level"] = adv.Level // none: levels per region only
		}
		optional(m, "wording", adv.Wording.Value)
		out["advisory"] = m
	}
	return out
}

// validContact stands for a contact that cannot fail (contactValid): it
// meets every check of common.schema.json's contact at the least cost (no
// "then" applies to an address), as a valid item raises no finding and
// the list keeps its length for minItems and the others' indexes.
// Validating contacts was most of validating a slim instance (about six a
// report: two if/then each, a pattern, and the value boxed).
var validContact = map[string]any{"kind": string(document.ContactAddress), "value": "x"}

// Patterns of common.schema.json's phone and localNumber
// (TestContactPatternsAreTheSchemas holds them to it).
const (
	phonePattern       = `^(\+\s?\(?\s?|\(\+\s?)[0-9]{1,4}\s?\)?([ .\-–]?\(?[0-9]{1,5}\)?){1,6}$`
	localNumberPattern = `^[0-9][0-9 .\-]{0,18}[0-9]$|^[0-9]$`
)

// Compiled on first use: at package start they were 0.1 ms of every run,
// --version included.
var phoneRe, localNumberRe = lazyregexp.New(phonePattern), lazyregexp.New(localNumberPattern)

// contactValid reports whether the slim contact {kind, value} certainly
// meets common.schema.json's contact: a kind of its enum, a value holding
// a character that is not a space (nonEmptyText), and for a phone or fax
// number its phone or localNumber pattern. An email, whose format
// jsonschema judges, is left to the validator (false), as is any kind the
// enum lacks. FuzzContactValid holds it to the compiled schema.
func contactValid(k document.ContactKind, v string) bool {
	if !holdsNonSpace(v) {
		return false
	}
	switch k {
	case document.ContactEmergency, document.ContactAddress, document.ContactHours, document.ContactWebsite:
		return true
	case document.ContactPhone, document.ContactFax:
		// Cheaper than the validator's anyOf: the same two regexps, run
		// without its frames.
		return phoneRe.MatchString(v) || localNumberRe.MatchString(v)
	}
	return false
}

// kindValue is string(k) as a value of the instance: a known kind is a
// constant, which becomes an interface without an allocation (two a
// contact, with its value, about six contacts a report).
func kindValue(k document.ContactKind) any {
	switch k {
	case document.ContactPhone:
		return string(document.ContactPhone)
	case document.ContactEmergency:
		return string(document.ContactEmergency)
	case document.ContactFax:
		return string(document.ContactFax)
	case document.ContactEmail:
		return string(document.ContactEmail)
	case document.ContactAddress:
		return string(document.ContactAddress)
	case document.ContactHours:
		return string(document.ContactHours)
	case document.ContactWebsite:
		return string(document.ContactWebsite)
	}
	return string(k)
}

// slimSectionList is the sections of a slim instance. The built-in
// schemas ask of a section only a title holding a character that is not a
// space (nonEmptyText's pattern \S), and of the list at most that it is
// not empty (osac-csr's minItems 1). When every title, at any depth,
// holds one, no section can fail and one valid section stands for them
// all: sections were most of a slim instance's values (17 a report on the
// real corpus). Otherwise every section is kept, so that a failing one is
// found at its own place.
func slimSectionList(ss []*document.Section, a *arena) []any {
	if len(ss) > 0 && titlesHoldNonSpace(ss) {
		return oneValidSection
	}
	return slimSections(ss, a)
}

// oneValidSection is shared by every report's instance; the validator only
// reads an instance.
var oneValidSection = []any{map[string]any{"title": "x"}}

// titlesHoldNonSpace reports whether every title of ss and of their
// subsections holds a character that is not a space.
func titlesHoldNonSpace(ss []*document.Section) bool {
	for _, s := range ss {
		if !holdsNonSpace(s.Title.Value) || !titlesHoldNonSpace(s.Sections) {
			return false
		}
	}
	return true
}

// holdsNonSpace reports whether Go's regexp \S matches somewhere in s.
// Its \s is [\t\n\f\r ] alone (not \v, not Unicode spaces), and any
// other byte begins a character that is not one of those (a byte of
// invalid UTF-8 is read as U+FFFD, which \S matches too).
func holdsNonSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\t', '\n', '\f', '\r', ' ':
		default:
			return true
		}
	}
	return false
}

// slimSections keeps each section's title (its level is a number the
// parser sets, always in range), and its subsections only when it has
// some: an empty list is still a value to validate.
func slimSections(ss []*document.Section, a *arena) []any {
	out := a.list(len(ss))
	for i, s := range ss {
		m := a.object()
		m["title"] = s.Title.Value
		if len(s.Sections) > 0 {
			m["sections"] = slimSections(s.Sections, a)
		}
		out[i] = m
	}
	return out
}

// arena lends the maps and list slots of one slim instance and takes them
// all back at once. They were a quarter of what validating a report
// allocated, and in a run of many reports the garbage collector's work
// grows with what is allocated. An arena serves one report at a time.
type arena struct {
	objects []map[string]any
	used    int   // objects lent since reset
	slots   []any // list slots lent since reset, in the current chunk
}

func (a *arena) object() map[string]any {
	if a.used == len(a.objects) {
		a.objects = append(a.objects, make(map[string]any, 4))
	}
	m := a.objects[a.used]
	a.used++
	return m
}

// list lends n slots. A list is never appended to by the validator, so
// its capacity is cut at n; a new chunk is started when the current one is
// full, leaving the lists already lent where they are.
func (a *arena) list(n int) []any {
	if n == 0 {
		return []any{} // an empty list, not JSON's null
	}
	if cap(a.slots)-len(a.slots) < n {
		a.slots = make([]any, 0, max(2*cap(a.slots), n, 64))
	}
	start := len(a.slots)
	a.slots = a.slots[:start+n]
	return a.slots[start : start+n : start+n]
}

// reset takes back everything lent, dropping what it refers to so that a
// pooled arena does not keep a report's text alive.
func (a *arena) reset() {
	for _, m := range a.objects[:a.used] {
		clear(m)
	}
	a.used = 0
	clear(a.slots)
	a.slots = a.slots[:0]
}

var arenas = sync.Pool{New: func() any { return new(arena) }}

type noPositions struct{}

func (noPositions) LineColumn(int) (int, int) { return 0, 0 }
