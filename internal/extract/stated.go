package extract

import (
	"fmt"
	"strings"
	"unicode"

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
	a := &document.Advisory{}
	found := false
	var l areaList
	// Whether the page is one levels are read on, asked again only when a
	// new page starts, and the statements' memo, cleared for each unit:
	// both had been made for every unit.
	onPage := x.prof.Levels.OnPage(x.r.Title.Value)
	memo := x.prof.Levels.Memo()
	for _, u := range x.units {
		if u.heading && u.section != nil && u.section.Level == 1 {
			onPage = x.prof.Levels.OnPage(u.section.Title.Value)
		}
		if !onPage {
			l = areaList{}
			continue
		}
		isItem := u.para != nil && u.para.Kind == document.KindListItem
		if isItem && l.level != 0 && exceptClause.MatchString(u.text.Text) {
			// "X, except for Y where you should avoid non-essential
			// travel": X is at the list's level, Y at its own; read as a
			// statement, the item would put the whole of X at Y's.
			x.listedArea(u, a, &l)
			continue
		}
		clear(memo)
		if x.statedLevel(u, a, &found, &l.level, memo) {
			if !isItem {
				l = areaList{level: x.labelLevel(u.text.Text, l.level, a.Level), text: u.text.Text}
			}
			continue
		}
		if l.level != 0 && isItem {
			x.listedArea(u, a, &l)
			continue
		}
		if l.level != 0 && continuesList(u) && x.lastStatedLevel(u.text.Text, 0) == 0 {
			// "### All parts:" under "… to the following regions:", or
			// "(see … above)": the list is still to come.
			l.marker, l.subLevel = 0, 0
			continue
		}
		l = areaList{}
	}
	a.Regions = dedupeRegions(splitPairs(a.Regions))
	if !found {
		x.noOverallLevel(a, nil)
		return
	}
	x.r.Advisory = a
}

// labelLevel is the level of the list a statement's paragraph opens:
// none unless it ends in a colon (a statement followed by a list of advice
// is not a list of areas); where it opens a list of exceptions ("…, except
// the following areas where you should exercise a high degree of
// caution:"), the level it gives them, or else the country's (none on a
// page that states no level for the country); else the level it labels
// the list with, or its last level words.
func (x *extractor) labelLevel(text string, label, country int) int {
	text = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), "*_"))
	if !strings.HasSuffix(text, ":") || placedIn.MatchString(strings.TrimSuffix(text, ":")) {
		return 0
	}
	if cut := exceptClause.FindStringIndex(text); cut != nil {
		return x.lastStatedLevel(text[cut[0]:], country)
	}
	return x.lastStatedLevel(text, label)
}

// continuesList says whether a heading or paragraph between a list's
// label and its items leaves the list open: a heading that is itself a
// label (ends in a colon) that gives no level of its own, or an aside in
// brackets.
func continuesList(u unit) bool {
	t := strings.TrimSpace(u.text.Text)
	if u.heading {
		return strings.HasSuffix(t, ":")
	}
	return strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && !strings.Contains(t[1:len(t)-1], ")")
}

// placedIn is an area a label places in the regions it lists ("within
// 50km of the border with Belarus in the following regions"): the regions
// are not at its level, only the part of them it names.
var placedIn = lazyRE(`(?i)(\s+in\s+the\s+following\s+(?:regions|areas|provinces|districts|zones|states|governorates|counties))\s*:?$`)

// areaList is the list of areas a label gave a level to, as its items are
// read: the marker of its own items, and the level of a sublist of
// exceptions or parts that an item opened ("…, except:").
type areaList struct {
	level    int
	text     string
	marker   byte
	subLevel int
}

// exceptClause is where an area's exceptions start in its item: "the
// province of X, except:", "…, with the exception of the following
// districts:", "Chiapas, excluding", "Colima (except Manzanillo)", "the
// province of X: with exception of …".
var exceptClause = lazyRE(`(?i)(?:,|:)?\s+\(?(?:except|excluding|with (?:the )?exception of)\b(?:\s+for\b)?`)

// includeClause: "District of X, including:" opens a list of its parts.
var includeClause = lazyRE(`(?i),?\s+including\s*:?\s*$`)

// exceptionEnd is where an excepted area's name ends in the words after
// "except": at the level it is given ("where you should …"), a condition
// ("only if accessed by air"), an aside ("– we recommend arriving by
// air", "we recommend …") or the end of the brackets or the sentence.
var exceptionEnd = lazyRE(`(?i)\s+where\s+you\s+should\b|\s+only\s+if\b|\s+[-–—]\s|\s+we\s+recommend\b|,\s+including\b|\)|\.(?:\s|$)`)

// subLabel is an item that only labels the sublist under it ("the
// following zones in the Oromia region:"): not an area itself.
var subLabel = lazyRE(`(?i)^(?:the\s+)?following\b`)

// listedArea reads one item of a list of areas. The page's conversion
// flattened a nested list into lists with another marker ("*" then "+"):
// an item of another marker than the list's own belongs to the sublist the
// item before it opened.
func (x *extractor) listedArea(u unit, a *document.Advisory, l *areaList) {
	marker := x.itemMarker(u)
	if l.marker == 0 {
		l.marker = marker
	}
	text := strings.TrimSpace(u.text.Text)
	if marker != l.marker {
		if l.subLevel != 0 {
			// A sublist's exception has a level only where it is
			// given one: its default is neither the country's nor the
			// list's.
			x.itemArea(a, u, text, l.subLevel, 0)
		}
		return
	}
	l.subLevel = 0
	if strings.HasSuffix(text, ":") {
		switch cut := exceptClause.FindStringIndex(text); {
		case includeClause.MatchString(text):
			l.subLevel = l.level // its parts, at its level
			x.addArea(a, u, text[:includeClause.FindStringIndex(text)[0]], l.level)
		case cut != nil:
			// Exceptions are at the level they are given ("… where you
			// should exercise a high degree of caution:"), or else at the
			// country's own.
			l.subLevel = x.lastStatedLevel(text[cut[0]:], a.Level)
			x.addArea(a, u, text[:cut[0]], l.level)
		default:
			// "the following zones in the X region:": its items are the
			// list's areas; a named area over its parts is one too.
			l.subLevel = l.level
			if !subLabel.MatchString(text) {
				x.addArea(a, u, trimItem(text), l.level)
			}
		}
		return
	}
	x.itemArea(a, u, text, l.level, a.Level)
}

// itemArea adds the area an item names at level, and the area it excepts
// inline ("Chihuahua, excluding Chihuahua City", "30 km of the border,
// except for road C104 where you should avoid non-essential travel") at
// the level it is given, or else at def (none when def is 0).
func (x *extractor) itemArea(a *document.Advisory, u unit, text string, level, def int) {
	cut := exceptClause.FindStringIndex(text)
	if cut == nil {
		x.addArea(a, u, trimItem(text), level)
		return
	}
	x.addArea(a, u, text[:cut[0]], level)
	rest := text[cut[1]:]
	name := rest
	if e := exceptionEnd.FindStringIndex(rest); e != nil {
		name = rest[:e[0]]
	}
	if l := x.lastStatedLevel(rest, def); l != 0 {
		// Excepted areas run together: "the sites at X and the parks
		// around Y", or with what parted them lost ("… and Chitral the
		// the UNESCO sites …": an article is never doubled in a name).
		from := 0
		for _, m := range exceptedApart.FindAllStringIndex(name, -1) {
			x.addArea(a, u, name[from:m[0]], l)
			from = m[1] - len("the") // the next area keeps its article
		}
		x.addArea(a, u, name[from:], l)
	}
}

// exceptedApart is where one excepted area ends and the next begins, up to
// the next one's article.
var exceptedApart = lazyRE(`(?i)\s+(?:the|and)\s+the\b`)

// travelOn is what a statement's words leave before an area's name when it
// advises against travel on a road rather than to a place: "travel on the
// Karakoram Highway", "on Federal Highway 199".
var travelOn = lazyRE(`(?i)^(?:travel\s+)?on\s+`)

func (x *extractor) addArea(a *document.Advisory, u unit, name string, level int) {
	name = travelOn.ReplaceAllString(strings.TrimSpace(name), "")
	if name == "" || len(name) >= maxRegionLine || level == 0 {
		return
	}
	span := u.source(0, len(name))
	if strings.TrimSpace(u.text.Text) != u.text.Text {
		span = u.span
	}
	a.Regions = append(a.Regions, document.Region{
		Name:    document.Text{Value: name, Span: span},
		Level:   level,
		Wording: document.Text{Value: x.prof.Levels.Scale[level][0]},
		Span:    u.span,
	})
}

// lastStatedLevel is the level of the last of the scale's words in text
// ("Avoid non-essential travel to the city, with the exception of the
// following areas where you should exercise a high degree of caution:" is
// 2), or def when it names none.
func (x *extractor) lastStatedLevel(text string, def int) int {
	best, at := def, -1
	lower := strings.ToLower(head(text))
	for level, words := range x.prof.Levels.Scale {
		for _, w := range words {
			if i := strings.LastIndex(lower, strings.ToLower(w)); i > at {
				best, at = level, i
			}
		}
	}
	return best
}

// itemMarker is the bullet that opens a list item's line ('*', '-', '+',
// or '.' for a numbered one), 0 when it cannot be told.
func (x *extractor) itemMarker(u unit) byte {
	ls := strings.LastIndexByte(x.src[:u.span.Start], '\n') + 1
	line := strings.TrimLeft(x.src[ls:u.span.Start], " \t")
	if line == "" {
		return 0
	}
	switch c := line[0]; {
	case c == '*' || c == '-' || c == '+':
		return c
	case c >= '0' && c <= '9':
		return '.'
	}
	return 0
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

// trimItem is an area's name in its list item: its first sentence, without
// the final stop ("Within 500m of the line. Do not attempt to cross it" is
// "Within 500m of the line").
func trimItem(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".;:"))
}

// dedupeRegions keeps the first of the same area at the same level: a page
// may name an area in a sentence ("advise against all travel to the X
// (AJK) region") and again in a list ("the X region").
func dedupeRegions(rs []document.Region) []document.Region {
	seen := map[placeAt]bool{}
	out := rs[:0]
	for _, r := range rs {
		k := regionKey(r)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	return out
}

// pairOfKind is two areas of one kind named together: "Haripur and
// Abbottabad districts", "West Guji and Guji zones".
var pairOfKind = lazyRE(`^(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s+and\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)\s+(districts|zones|regions|provinces|states|governorates|counties)$`)

// kindsOf is areas of one kind named in a list after it: "the districts
// of Haripur, Abbottabad, and Chitral", "the cities of Morelia and
// Patzcuaro".
var kindsOf = lazyRE(`^(?i:the)\s+(?:districts|cities|towns|provinces|regions|states|zones|governorates|counties)\s+of\s+(.+)$`)

// listSep parts the names of such a list.
var listSep = lazyRE(`\s*,\s*(?:and\s+)?|\s+and\s+`)

// splitPairs makes "X and Y districts" the two areas it names, "X
// district" and "Y district", and "the districts of X, Y and Z" the three,
// X, Y and Z, each at the level: an edition that raises one of them then
// reads as that one changed.
//
// Each pattern runs only on a name holding its literal word ("and", "of"),
// and out has room for the regions as they are: most names are neither.
func splitPairs(rs []document.Region) []document.Region {
	var out []document.Region
	if len(rs) > 0 { // nil stays nil
		out = make([]document.Region, 0, len(rs))
	}
	for _, r := range rs {
		var names []string
		v := r.Name.Value
		var pair, list []string
		if strings.Contains(v, "and") {
			pair = pairOfKind.FindStringSubmatch(v)
		}
		if pair == nil && strings.Contains(v, "of") {
			list = kindsOf.FindStringSubmatch(v)
		}
		if pair != nil {
			kind := strings.TrimSuffix(pair[3], "s")
			names = []string{pair[1] + " " + kind, pair[2] + " " + kind}
		} else if list != nil {
			names = listSep.Split(list[1], -1)
			for _, n := range names {
				if n == "" || !unicode.IsUpper([]rune(n)[0]) {
					names = nil // not a list of names: "the cities of the coast"
					break
				}
			}
		}
		if len(names) < 2 {
			out = append(out, r)
			continue
		}
		for _, name := range names {
			one := r
			one.Name.Value = name
			out = append(out, one)
		}
	}
	return out
}

// parenthetical is an aside in an area's name: "(AJK)".
var parenthetical = lazyRE(`\s*\([^()]*\)`)

// regionKey is what two regions that dedupeRegions takes for one share:
// the level and the place.
func regionKey(r document.Region) placeAt {
	return placeAt{r.Level, placeKey(r.Name.Value)}
}

// placeAt is a region's key: a struct, where the key had been a string
// made of the level's digits and the place's key, a copy for each region.
type placeAt struct {
	level int
	place string
}

// placeKey is an area's name without an aside, "the" and a kind of place
// ("region", "province"), lower case: the words that say which place.
func placeKey(name string) string {
	var words []string
	if strings.IndexByte(name, '(') >= 0 { // an aside's; most names have none
		name = parenthetical.ReplaceAllString(name, "")
	}
	for _, w := range strings.Fields(strings.ToLower(name)) {
		switch w {
		case "the", "region", "province", "district", "state":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// statedLevel reads the level statement u makes, if any: the country's
// (the first is its overall level), an area's, or the label of a list of
// areas, whose level it leaves in label.
//
// memo is the statements' memo (Levels.Memo), zero for the unit.
func (x *extractor) statedLevel(u unit, a *document.Advisory, found *bool, label *int, memo []uint8) bool {
	text := head(u.text.Text)
	stated := false
	for i, re := range x.prof.Levels.Statements {
		m := x.prof.Levels.FindStatement(i, text, memo)
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
		// addArea adds the area the statement names, at byte as of text.
		addArea := func(name string, as int) {
			a.Regions = append(a.Regions, document.Region{
				Name:    document.Text{Value: name, Span: u.source(as, as+len(name))},
				Level:   level,
				Wording: w,
				Span:    u.source(m[0], m[1]),
			})
		}
		area, as, hasArea := group("area")
		area = strings.TrimSpace(area)
		if _, _, ok := group("label"); ok || profile.IsListLabel(area) {
			if pm := placedIn.FindStringSubmatchIndex(area); pm != nil {
				// "within 50km of the border in the following regions:":
				// the area is the strip; the regions say where it lies.
				name := area[:pm[2]]
				if i := strings.Index(text[as:], name); i >= 0 {
					as += i
				}
				addArea(name, as)
				return true
			}
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
			// The country's level may be followed by an area's in the
			// same paragraph ("This does not include X, where FCDO
			// advises against all but essential travel"): the other
			// patterns are still tried.
			stated = true
			continue
		}
		name := travelOn.ReplaceAllString(regionName(strings.TrimSuffix(area, ".")), "")
		if i := strings.Index(text[as:], name); i > 0 {
			as += i // past the words travelOn took off
		}
		addArea(name, as)
		return true
	}
	return stated
}
