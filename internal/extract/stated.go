package extract

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
)

// maxStatement is how much of a paragraph a level statement is looked for
// in: a statement opens its paragraph or stands in its first sentences,
// and a 5 MB paragraph is not searched whole for each pattern.
const maxStatement = 2000

// findCountryInText reads the country where neither the header nor the
// title named it: first a profile's country patterns, then, if the
// profile says so, the country the text names most often, with a note
// saying that it was read so.
func (x *extractor) findCountryInText() {
	if x.r.Country.Value != "" || x.prof == nil {
		return
	}
	for _, re := range x.prof.CountryPatterns {
		// The whole text: a link's target (FCDO's page addresses) is not in
		// any paragraph's text. RE2 keeps the search linear.
		m := re.FindStringSubmatchIndex(x.src)
		gi := re.SubexpIndex("country")
		if m == nil || m[2*gi] < 0 {
			continue
		}
		name := x.src[m[2*gi]:m[2*gi+1]]
		if c, ok := x.countries.Lookup(strings.ReplaceAll(name, "-", " ")); ok {
			x.r.Country = document.Text{Value: c.Name, Span: document.Span{Start: m[2*gi], End: m[2*gi+1]}}
			return
		}
	}
	if x.prof.CountryMostNamed {
		x.mostNamedCountry()
	}
}

// mentionBudget bounds the country names counted in the whole text.
const mentionBudget = 20000

func (x *extractor) mostNamedCountry() {
	count := map[string]int{}
	first := map[string]document.Span{}
	var order []string
	budget := mentionBudget
	for _, u := range x.units {
		if budget <= 0 {
			break
		}
		for _, m := range x.countries.FindAllIn(u.text.Text, min(budget, 256)) {
			budget--
			if count[m.Code] == 0 {
				order = append(order, m.Code)
				first[m.Code] = u.source(m.Start, m.End)
			}
			count[m.Code]++
		}
	}
	best := ""
	for _, code := range order { // the first named wins a tie: deterministic
		if best == "" || count[code] > count[best] {
			best = code
		}
	}
	if best == "" {
		return
	}
	c, _ := x.countries.ByCode(best)
	x.r.Country = document.Text{Value: c.Name, Span: first[best]}
	x.r.Notes = append(x.r.Notes, document.Note{
		Fact:    "country",
		Message: fmt.Sprintf("the page does not state its country: read as %s, the country it names most often (%d times)", c.Name, count[best]),
		Span:    first[best],
	})
}

func head(s string) string {
	if len(s) > maxStatement {
		s = s[:maxStatement]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 { // not in a rune
			s = s[:len(s)-1]
		}
		if len(s) > 0 && s[len(s)-1] >= 0xC0 {
			s = s[:len(s)-1]
		}
	}
	return s
}

// findStatedLevels reads the levels a government's pages state, with the
// profile's statement patterns: the first statement for the whole country
// is its overall level; one for an area, or for each item of a list it
// labels, is a regional level. Where no statement speaks of the whole
// country, the parse says so rather than guess one.
func (x *extractor) findStatedLevels() {
	ls := x.prof.Levels
	a := &document.Advisory{}
	found := false
	label := 0 // the level of a "… to these areas:" label, for the list items after it
	for _, u := range x.units {
		if x.statedLevel(u, a, &found, &label) {
			continue
		}
		if label != 0 && u.para != nil && u.para.Kind == document.KindListItem {
			if name := trimItem(u.text.Text); name != "" && len(name) < maxRegionLine {
				a.Regions = append(a.Regions, document.Region{
					Name:    document.Text{Value: name, Span: u.span},
					Level:   label,
					Wording: document.Text{Value: ls.Scale[label][0]},
					Span:    u.span,
				})
			}
			continue
		}
		label = 0
	}
	a.Regions = dedupeRegions(a.Regions)
	if !found {
		x.noOverallLevel(a, nil)
		return
	}
	x.r.Advisory = a
}

// isStatedCountry says whether an area a statement names is the report's
// country, as a name ("Sudan", "AFGHANISTAN") or the whole of it ("and
// within Afghanistan").
func (x *extractor) isStatedCountry(area string) bool {
	area = strings.TrimSpace(strings.TrimSuffix(area, "."))
	if x.r.Country.Value == "" {
		_, ok := x.countries.Lookup(area)
		return ok
	}
	if c, ok := x.countries.Lookup(area); ok {
		return c.Name == x.r.Country.Value
	}
	return areaKey(area) == areaKey(x.r.Country.Value)
}

// trimItem drops what follows an area's name in a list item: a clause
// after a comma ("Peshawar, including the city of Peshawar" is Peshawar).
func trimItem(s string) string {
	s = strings.TrimSpace(strings.TrimRight(s, ".;:"))
	return s
}

// dedupeRegions keeps the first of the same area at the same level.
func dedupeRegions(rs []document.Region) []document.Region {
	seen := map[string]bool{}
	out := rs[:0]
	for _, r := range rs {
		k := fmt.Sprintf("%d\x00%s", r.Level, areaKey(r.Name.Value))
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// statedLevel reads the level statement u makes, if any: the country's
// (the first is its overall level), an area's, or the label of a list of
// areas, whose level it leaves in label.
func (x *extractor) statedLevel(u unit, a *document.Advisory, found *bool, label *int) bool {
	text := head(u.text.Text)
	for _, re := range x.prof.Levels.Statements {
		m := re.FindStringSubmatchIndex(text)
		if m == nil {
			continue
		}
		group := func(name string) (string, int, bool) {
			i := re.SubexpIndex(name)
			if i < 0 || m[2*i] < 0 {
				return "", -1, false
			}
			return text[m[2*i]:m[2*i+1]], m[2*i], true
		}
		wording, ws, _ := group("wording")
		// The model keeps the government's words as its scale writes them
		// (a heading in capitals is not another wording); the span is
		// where the page says them.
		level, canonical := x.prof.Levels.LevelOf(wording)
		if level == 0 {
			continue
		}
		w := document.Text{Value: canonical, Span: u.source(ws, ws+len(wording))}
		area, as, hasArea := group("area")
		area = strings.TrimSpace(area)
		if _, _, ok := group("label"); ok || profile.IsListLabel(area) {
			*label = level
			return true
		}
		if u.para == nil || u.para.Kind != document.KindListItem {
			*label = 0 // an item's exception leaves its list's level to the rest
		}
		if !hasArea || x.isStatedCountry(area) {
			if !*found {
				*found = true
				a.Level, a.LevelSpan, a.Wording = level, w.Span, w
				a.Span = u.source(m[0], m[1])
			}
			return true
		}
		name := regionName(strings.TrimSuffix(area, "."))
		a.Regions = append(a.Regions, document.Region{
			Name:    document.Text{Value: name, Span: u.source(as, as+len(name))},
			Level:   level,
			Wording: w,
			Span:    u.source(m[0], m[1]),
		})
		return true
	}
	return false
}
