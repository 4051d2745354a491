// Package outline compares a report's headings with the sections a profile
// or a pack expects: which expected sections are missing (with a "did you
// mean" for a heading that nearly names one), and which come out of order.
// The built-in rules and the required-sections pack kind share it.
package outline

import (
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/suggest"
)

// Heading is a section of the report and the expected section it names, if any.
type Heading struct {
	Section *document.Section
	Spec    *profile.Section // nil for a heading no expected section matches
	Index   int              // the spec's place in the canonical order, or -1
}

// Headings lists every section of the report in document order, matched
// against specs (in canonical order, parents before children).
func Headings(r *document.Report, specs []*profile.Section, country string) []Heading {
	idx := index(specs, country)
	var out []Heading
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			h := Heading{Section: s, Index: -1}
			if i := idx.match(s.Title.Value); i >= 0 {
				h.Spec, h.Index = specs[i], i
			}
			out = append(out, h)
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	return out
}

// specIndex maps every normalised name and alias to its spec's place; the
// first spec to claim a name keeps it.
type specIndex map[string]int

func index(specs []*profile.Section, country string) specIndex {
	idx := specIndex{}
	for i, s := range specs {
		for _, n := range s.Names(country) {
			if k := profile.NormalizeTitle(n); k != "" {
				if _, taken := idx[k]; !taken {
					idx[k] = i
				}
			}
		}
	}
	return idx
}

func (idx specIndex) match(title string) int {
	if i, ok := idx[profile.NormalizeTitle(title)]; ok {
		return i
	}
	return -1
}

// Missing is an expected section the report lacks.
type Missing struct {
	Spec *profile.Section
	// Name is the section's name as a message gives it: {country} filled
	// in, or "<Country>" when the report names none.
	Name string
	// At is where the section should be: the heading of the next expected
	// section the report has, or (AtEnd) the report's last non-blank line.
	At    document.Span
	AtEnd bool
	// Suggestion is a heading that matches no expected section but nearly
	// names this one ("Crme"), or nil.
	Suggestion *document.Section
}

// FindMissing lists the required sections among specs that no heading
// names; text is the report's source text.
func FindMissing(r *document.Report, specs []*profile.Section, country, text string) []Missing {
	heads := Headings(r, specs, country)
	present := map[int]bool{}
	for _, h := range heads {
		if h.Index >= 0 {
			present[h.Index] = true
		}
	}
	used := map[*document.Section]bool{}
	var out []Missing
	for i, spec := range specs {
		if !spec.Required || present[i] {
			continue
		}
		m := Missing{Spec: spec, Name: fillCountry(spec.Name, country), At: lastLine(text), AtEnd: true}
		// Where it should be: before the first present section that comes later in the canonical order.
		for _, h := range heads {
			if h.Index > i {
				m.At, m.AtEnd = h.Section.Heading, false
				break
			}
		}
		if s := nearMiss(heads, spec, country, used); s != nil {
			m.Suggestion, m.At, m.AtEnd = s, s.Heading, false
			used[s] = true
		}
		out = append(out, m)
	}
	return out
}

// nearMiss finds an unmatched heading within a small edit distance of one
// of the spec's names.
func nearMiss(heads []Heading, spec *profile.Section, country string, used map[*document.Section]bool) *document.Section {
	var names []string
	for _, n := range spec.Names(country) {
		names = append(names, profile.NormalizeTitle(n))
	}
	for _, h := range heads {
		if h.Spec != nil || used[h.Section] {
			continue
		}
		if _, ok := suggest.Closest(profile.NormalizeTitle(h.Section.Title.Value), names); ok {
			return h.Section
		}
	}
	return nil
}

// OutOfOrder returns, for each heading that comes after a heading it should
// precede, that heading and the one it should come before. Only siblings
// are compared: subsections are ordered within their parent.
func OutOfOrder(r *document.Report, specs []*profile.Section, country string) [][2]Heading {
	idx := index(specs, country)
	var out [][2]Heading
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		var seen []Heading // known siblings so far
		for _, s := range ss {
			if i := idx.match(s.Title.Value); i >= 0 {
				h := Heading{Section: s, Spec: specs[i], Index: i}
				// The earliest sibling that should come after this one.
				for _, prev := range seen {
					if prev.Index > i {
						out = append(out, [2]Heading{h, prev})
						break
					}
				}
				seen = append(seen, h)
			}
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	return out
}

// fillCountry fills {country} in a section name, or says where it goes.
func fillCountry(name, country string) string {
	if country == "" {
		country = "<Country>"
	}
	return strings.ReplaceAll(name, "{country}", country)
}

// lastLine is the span of the last non-blank line of text: the end of the
// text may be blank, and a finding there would show nothing.
func lastLine(text string) document.Span {
	end := len(strings.TrimRight(text, " \t\n"))
	start := strings.LastIndexByte(text[:end], '\n') + 1
	return document.Span{Start: start, End: end}
}
