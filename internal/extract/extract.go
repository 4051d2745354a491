// Package extract reads the facts a report states out of its parsed text:
// the advisory level and indicators, threat ratings, contacts, dates and
// relative time phrases. Parsers give it structure; it gives the checks facts.
package extract

import (
	"sort"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/vocab"
)

// Given says which facts a JSON or YAML report already states, so that only
// the others are extracted from its paragraphs.
type Given struct {
	Advisory, Ratings, Contacts, Dates bool
}

// Facts extracts every fact from a text or Markdown report.
func Facts(r *document.Report, src string, prof *profile.Profile) {
	Missing(r, src, prof, Given{})
}

// Country extracts the report's country alone, which rules that read only
// the text still use (a pack's sections are named per country), for a check
// that needs no other fact (lint.Rule.TextOnly). The country is the one
// Facts finds.
func Country(r *document.Report, src string, prof *profile.Profile) {
	x := newExtractor(r, src, prof)
	x.findCountry()
	if r.Country.Value == "" && prof != nil && prof.CountryMostNamed {
		x.collectUnits() // what the most named country is counted in
		defer x.releaseUnits()
	}
	x.findCountryInText()
	sortLinks(r)
}

func newExtractor(r *document.Report, src string, prof *profile.Profile) *extractor {
	return &extractor{r: r, src: src, prof: prof, vocab: vocab.Default(), countries: countries.Default()}
}

// sortLinks puts the report's links in the order of the text.
func sortLinks(r *document.Report) {
	sort.SliceStable(r.Links, func(i, j int) bool { return r.Links[i].Span.Start < r.Links[j].Span.Start })
}

// Missing extracts the facts that given does not mark as already known.
func Missing(r *document.Report, src string, prof *profile.Profile, given Given) {
	x := newExtractor(r, src, prof)
	x.findCountry()
	x.collectUnits()
	defer x.releaseUnits()
	x.findCountryInText()
	if !given.Contacts {
		x.findContacts()
	}
	if !given.Advisory {
		if prof != nil && prof.Levels != nil {
			x.findStatedLevels()
		} else {
			x.findAdvisory()
		}
	}
	if !given.Ratings {
		x.findRatings()
	}
	if !given.Dates {
		x.findDates()
	}
	sortLinks(r)
	x.noDate()
}

// noDate says plainly, for a report whose kind never states its date (a
// government's stored pages), that none was read and that the date rules
// need one: none is guessed from a date in the text.
func (x *extractor) noDate() {
	if x.r.Published.Value != "" || x.prof == nil || x.prof.Name == profile.Generic || x.prof.ReadsDate() || x.prof.Levels == nil {
		return
	}
	x.r.Notes = append(x.r.Notes, document.Note{
		Fact:    "published",
		Message: "the text states no published date, and none is guessed from its dates: the date rules (stale-report, future-date, stale-section) need one; give it as published: in the front matter, with --published, or as published: in an override of .reportlint.yaml",
		Span:    x.r.Title.Span,
	})
}

type extractor struct {
	r         *document.Report
	src       string
	prof      *profile.Profile
	vocab     *vocab.Vocabulary
	countries *countries.Table
	units     []unit
	unitLists *unitLists   // where units and their headings' texts are kept
	prose     *unitProse   // the contact scans' knowledge of the unit they read
	seen      seenContacts // the contacts read in the unit being read
	// oddContact: a contact lies outside its unit or takes no bytes, so
	// seen cannot answer for it.
	oddContact bool
	// links are the report's links by where they start, made on first use.
	links []document.Link
	// phoneWords are the vocabulary's ASCII phone words, made on first
	// use; otherPhoneWords the others.
	phoneWords      *phrase.Literals
	otherPhoneWords []string
}

// unit is a piece of running text: a paragraph or a heading.
type unit struct {
	section *document.Section // enclosing section; nil in the preamble
	para    *document.Paragraph
	heading bool
	// text is the paragraph's own, or a heading's in unitLists: a pointer,
	// as the units are copied by every reading that ranges over them.
	text *document.Inline
	span document.Span // the whole paragraph or heading line as written
	keys keywords      // which of the words the extractor looks for text holds
}

// keywords says which words a unit's text holds, each a test that a
// reading of the unit needs to pass before its regexps run.
type keywords uint8

const (
	kwIndicator keywords = 1 << iota // "ndicator"
	kwDueTo                          // "due to"
	kwCapDueTo                       // "Due to"
	kwAssessed                       // "ssessed"
)

func (k keywords) has(w keywords) bool { return k&w != 0 }

// keywordsOf reads text once for every keyword but "Due to" (the capital
// is rare, so looking for it costs little): all three hold a "d", a
// letter not one in twenty of prose, where each looked for alone stopped
// at its own first letter ("n", "u", "s"), several times as common.
func keywordsOf(text string) keywords {
	var k keywords
	for i := 0; ; {
		j := strings.IndexByte(text[i:], 'd')
		if j < 0 {
			break
		}
		j += i
		if j >= 1 && strings.HasPrefix(text[j-1:], "ndicator") {
			k |= kwIndicator
		}
		if strings.HasPrefix(text[j:], "due to") {
			k |= kwDueTo
		}
		if j >= 6 && text[j-6:j+1] == "ssessed" {
			k |= kwAssessed
		}
		i = j + 1
	}
	if strings.Contains(text, "Due to") {
		k |= kwCapDueTo
	}
	return k
}

// firstLine is the unit's first source line with heading marks and
// wrapping emphasis removed, and its offset in the source.
func (x *extractor) firstLine(u unit) (string, int) {
	raw := x.src[u.span.Start:u.span.End]
	if i := strings.IndexByte(raw, '\n'); i >= 0 {
		raw = raw[:i]
	}
	raw = leadingLine(raw)
	line := profile.StripLineMarkup(raw)
	return line, u.span.Start + strings.Index(x.src[u.span.Start:u.span.End], line)
}

// leadingLine is the part of a first line that stands as a line of its own
// when the page's conversion lost a line break: a bold line run into the
// sentence after it ("**X – Level 4: Do Not Travel**Violent crime …") is
// its bold part, and a heading written as the text of an accordion link
// ("[#### X – Level 2: …](javascript:…)") is the link's text.
func leadingLine(raw string) string {
	t := strings.TrimSpace(raw)
	if strings.HasPrefix(t, "**") || strings.HasPrefix(t, "__") {
		if j := strings.Index(t[2:], t[:2]); j > 0 && 2+j+2 < len(t) {
			return t[:2+j+2]
		}
	}
	if strings.HasPrefix(t, "[") {
		if j := strings.Index(t, "]("); j > 1 && strings.HasSuffix(t, ")") {
			return t[1:j]
		}
	}
	return raw
}

// collectUnits lists the title, headings and paragraphs in document order
// into x.units, in lists kept between reports (releaseUnits gives them back).
func (x *extractor) collectUnits() {
	units, headings := x.countUnits()
	ls := unitPool.Get().(*unitLists)
	x.unitLists = ls
	out := ls.units[:0]
	if cap(out) < units {
		out = make([]unit, 0, pooledCap(units))
	}
	// The headings' texts are pointed to, so their list is never grown.
	texts := ls.headings[:0]
	if cap(texts) < headings {
		texts = make([]document.Inline, 0, pooledCap(headings))
	}
	// One builder for every heading's text, with room for a segment each:
	// each heading's was an allocation of its own.
	var ib document.InlineBuilder
	ib.ReserveSegments(headings)
	heading := func(s *document.Section, t document.Text) unit {
		var u unit
		texts, u = x.headingUnit(&ib, texts, s, t)
		return u
	}
	if x.r.Title.Value != "" {
		out = append(out, heading(nil, x.r.Title))
	}
	for _, p := range x.r.Preamble {
		out = append(out, unit{para: p, text: &p.Inline, span: p.Span})
	}
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			out = append(out, heading(s, s.Title))
			for _, p := range s.Paragraphs {
				out = append(out, unit{section: s, para: p, text: &p.Inline, span: p.Span})
			}
			walk(s.Sections)
		}
	}
	walk(x.r.Sections)
	for i := range out {
		out[i].keys = keywordsOf(out[i].text.Text)
	}
	x.units, ls.units, ls.headings = out, out, texts
}

// unitLists are collectUnits' lists, kept between reports: a report's
// units had been about a fifteenth of what a check allocated.
type unitLists struct {
	units    []unit
	headings []document.Inline
}

var unitPool = sync.Pool{New: func() any { return new(unitLists) }}

// maxPooledUnits bounds the lists a pooled unitLists keeps, so that one
// freak report's are not held.
const maxPooledUnits = 1 << 13

// pooledCap is the capacity of a pooled list made for n items: half as
// much again, so that the next report a little longer than this one finds
// it long enough (made at n, a list was made again for most of a run's
// longer reports), but no more than the pool keeps.
func pooledCap(n int) int {
	return max(n, min(n+n/2, maxPooledUnits))
}

// releaseUnits gives the unit lists back, cleared so that they hold no
// report's text or sections.
func (x *extractor) releaseUnits() {
	ls := x.unitLists
	if ls == nil {
		return
	}
	x.units, x.unitLists = nil, nil
	clear(ls.units)
	clear(ls.headings)
	if cap(ls.units) > maxPooledUnits || cap(ls.headings) > maxPooledUnits {
		return
	}
	ls.units, ls.headings = ls.units[:0], ls.headings[:0]
	unitPool.Put(ls)
}

// countUnits is the number of units collectUnits makes, and how many of
// them are headings (the title among them).
func (x *extractor) countUnits() (units, headings int) {
	n, h := len(x.r.Preamble), 0
	if x.r.Title.Value != "" {
		n++
		h++
	}
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			n += 1 + len(s.Paragraphs)
			h++
			walk(s.Sections)
		}
	}
	walk(x.r.Sections)
	return n, h
}

// headingUnit maps a heading's text to the source: its value is found as
// written within the heading line when it can be. The text is appended to
// texts, which has room for it, and the unit points to it there.
//
// ib is empty, and is left empty for the next heading: the text is taken
// from it, with no room to grow into the next one's segments.
func (x *extractor) headingUnit(ib *document.InlineBuilder, texts []document.Inline, s *document.Section, t document.Text) ([]document.Inline, unit) {
	u := unit{section: s, heading: true, span: t.Span}
	if t.Span.End <= len(x.src) && t.Span.Start <= t.Span.End {
		if i := strings.Index(x.src[t.Span.Start:t.Span.End], t.Value); i >= 0 {
			ib.Append(t.Value, t.Span.Start+i)
		} else {
			ib.AppendSynthetic(t.Value)
		}
	} else {
		ib.AppendSynthetic(t.Value)
	}
	texts = append(texts, ib.Take())
	u.text = &texts[len(texts)-1]
	u.text.Anchor = t.Span
	return texts, u
}

// findCountry falls back to a country named in the title when no header
// line gave one.
func (x *extractor) findCountry() {
	if x.r.Country.Value != "" {
		if c, ok := x.countries.Lookup(x.r.Country.Value); ok {
			x.r.Country.Value = c.Name
		}
		return
	}
	if c, start, end, ok := x.countries.FindIn(x.r.Title.Value); ok {
		span := x.r.Title.Span
		if i := strings.Index(x.src[span.Start:span.End], x.r.Title.Value); i >= 0 {
			span = document.Span{Start: span.Start + i + start, End: span.Start + i + end}
		}
		x.r.Country = document.Text{Value: c.Name, Span: span}
	}
}

func (u unit) source(start, end int) document.Span { return u.text.Source(start, end) }
