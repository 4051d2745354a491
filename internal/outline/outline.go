// Package outline compares a report's headings with the sections a profile
// or a pack expects: which expected sections are missing (with a "did you
// mean" for a heading that nearly names one), and which come out of order.
// The built-in rules and the required-sections pack kind share it.
package outline

import (
	"strings"
	"sync"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
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
	return headings(r, specs, index(specs, country), nil)
}

// headings is Headings with the specs' names indexed in idx, and in more
// (which may be nil) where a spec before idx's claims the name.
func headings(r *document.Report, specs []*profile.Section, idx, more specIndex) []Heading {
	var out []Heading
	// Made at its size: grown a heading at a time, it was a few
	// allocations a report, for every report.
	if n := countSections(r.Sections); n > 0 {
		out = make([]Heading, 0, n)
	}
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			h := Heading{Section: s, Index: -1}
			if i := match(s.Title.Value, idx, more); i >= 0 {
				h.Spec, h.Index = specs[i], i
			}
			out = append(out, h)
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	return out
}

// countSections is how many sections ss holds, at any depth.
func countSections(ss []*document.Section) int {
	n := len(ss)
	for _, s := range ss {
		n += countSections(s.Sections)
	}
	return n
}

// ProfileHeadings is Headings against the sections of the pass's profile.
// It is made once for a report and shared by the rules that read it, which
// must not change it.
func ProfileHeadings(pass *lint.Pass) []Heading {
	return pass.Shared("outline.headings", func() any {
		pi := indexOf(pass.Profile)
		return headings(pass.Doc, pi.specs, pi.fixed, pi.withCountry(pass.Doc.Country.Value))
	}).([]Heading)
}

// specIndex maps every normalised name and alias to its spec's place; the
// first spec to claim a name keeps it.
type specIndex map[string]int

func index(specs []*profile.Section, country string) specIndex {
	idx := specIndex{}
	for i, s := range specs {
		for _, n := range s.Names(country) {
			idx.claim(n, i)
		}
	}
	return idx
}

// claim gives name to spec i, unless an earlier spec has it.
func (idx specIndex) claim(name string, i int) {
	if k := profile.NormalizeTitle(name); k != "" {
		if _, taken := idx[k]; !taken {
			idx[k] = i
		}
	}
}

// match is the place of the spec a title names, in idx or more, whichever
// has the earlier spec; -1 if neither has it.
func match(title string, idx, more specIndex) int {
	// The key is made on the stack and looked up as bytes: a string made
	// for every heading of every report was most of what this allocated.
	var buf [128]byte
	if i := matchKey(profile.AppendTitle(buf[:0], title), idx, more); i >= 0 {
		return i
	}
	// A numbered heading ("1. Crime") names the section its words do.
	if !mayBeNumbered(title) {
		return -1
	}
	if bare := profile.StripNumbering(title); bare != title {
		return matchKey(profile.AppendTitle(buf[:0], bare), idx, more)
	}
	return -1
}

// mayBeNumbered reports whether title may start with a section number
// that profile.StripNumbering removes: its expression starts with \s* (ASCII
// space, tab, newline, form feed, return) then a digit or one of IVXLC. Most
// titles start with another letter, and the expression was most of
// matching a report's headings to its profile. FuzzMayBeNumbered holds it
// to StripNumbering.
func mayBeNumbered(title string) bool {
	for i := 0; i < len(title); i++ {
		switch c := title[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
			continue
		case 'I', 'V', 'X', 'L', 'C':
			return true
		default:
			return '0' <= c && c <= '9'
		}
	}
	return false
}

func matchKey(k []byte, idx, more specIndex) int {
	i, ok := idx[string(k)]
	if j, found := more[string(k)]; found && (!ok || j < i) {
		i, ok = j, true
	}
	if !ok {
		return -1
	}
	return i
}

// profileIndex is a profile's sections with their names indexed, but for
// the names with {country}, which depend on the report.
type profileIndex struct {
	prof    *profile.Profile
	specs   []*profile.Section // prof.All()
	fixed   specIndex
	country []int // places of the specs that have a name with {country}
}

func newProfileIndex(p *profile.Profile) *profileIndex {
	pi := &profileIndex{prof: p, specs: p.All(), fixed: specIndex{}}
	for i, s := range pi.specs {
		inCountry := false
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if strings.Contains(n, "{country}") {
				inCountry = true
			} else {
				pi.fixed.claim(n, i)
			}
		}
		if inCountry {
			pi.country = append(pi.country, i)
		}
	}
	return pi
}

// withCountry indexes the names with {country}, filled in; nil when the
// report names no country, as Names leaves those names out then.
func (pi *profileIndex) withCountry(country string) specIndex {
	if country == "" || len(pi.country) == 0 {
		return nil
	}
	idx := specIndex{}
	for _, i := range pi.country {
		s := pi.specs[i]
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			if strings.Contains(n, "{country}") {
				idx.claim(strings.ReplaceAll(n, "{country}", country), i)
			}
		}
	}
	return idx
}

// recentIndexes keeps the profileIndex of the last few profiles used: the
// reports of a run share a profile or two, whose many names would
// otherwise be normalised again for each report.
var recentIndexes struct {
	sync.Mutex
	list [4]*profileIndex // most recent first
}

func indexOf(p *profile.Profile) *profileIndex {
	r := &recentIndexes
	r.Lock()
	defer r.Unlock()
	for k, pi := range r.list {
		if pi != nil && pi.prof == p {
			copy(r.list[1:k+1], r.list[:k])
			r.list[0] = pi
			return pi
		}
	}
	pi := newProfileIndex(p)
	copy(r.list[1:], r.list[:])
	r.list[0] = pi
	return pi
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
	return MissingFrom(Headings(r, specs, country), specs, country, text)
}

// MissingFrom is FindMissing for headings already matched against specs.
func MissingFrom(heads []Heading, specs []*profile.Section, country, text string) []Missing {
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
	return OutOfOrderFrom(r, Headings(r, specs, country))
}

// OutOfOrderFrom is OutOfOrder for the report's headings already matched
// against the specs (by Headings, in document order).
func OutOfOrderFrom(r *document.Report, heads []Heading) [][2]Heading {
	var out [][2]Heading
	next := 0 // the walk meets the sections in the order Headings lists them
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		var seen []Heading // known siblings so far
		for _, s := range ss {
			h := heads[next]
			next++
			if h.Index >= 0 {
				// The earliest sibling that should come after this one.
				for _, prev := range seen {
					if prev.Index > h.Index {
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
