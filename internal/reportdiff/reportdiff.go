// Package reportdiff compares two editions of a report: first the facts a
// reviewer must see (published date, advisory level, indicators, threat
// ratings, regional levels, contacts), then the sections (added, removed,
// renamed, moved, changed) with a word-level diff of each changed paragraph.
package reportdiff

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/vocab"
)

// Change words the direction of a fact's change.
const (
	Escalated = "escalated"
	Lowered   = "lowered"
	Added     = "added"
	Removed   = "removed"
	Unchanged = "unchanged"
	Changed   = "changed" // a fact with no order, such as a wording or a date
)

// Section statuses.
const (
	StatusAdded     = "added"
	StatusRemoved   = "removed"
	StatusRenamed   = "renamed"
	StatusMoved     = "moved"
	StatusChanged   = "changed"
	StatusUnchanged = "unchanged"
)

// Side is one edition.
type Side struct {
	Path   string
	Report *document.Report
	// Profile is the report's profile, a house one included; nil looks
	// it up among the built-in profiles.
	Profile *profile.Profile
}

// Result is everything that changed between two editions, in the stable
// shape `diff --format json` prints.
type Result struct {
	Old      SideInfo `json:"old"`
	New      SideInfo `json:"new"`
	Warnings []string `json:"warnings"`
	// Summary is the comparison in one line, as text and Markdown lead
	// with it ("Level 3 → 2 (lowered); indicator K added; …").
	Summary string `json:"summary"`
	// NotFound lists the facts one edition states and the other could not
	// be read for: said, never counted as a change by FailOn.
	NotFound   []NotFound      `json:"notFound"`
	Published  *ValueChange    `json:"published,omitempty"`
	Advisory   *AdvisoryChange `json:"advisory,omitempty"`
	Indicators IndicatorChange `json:"indicators"`
	Ratings    []RatingChange  `json:"ratings"`
	Regions    []RegionChange  `json:"regions"`
	Contacts   ContactChange   `json:"contacts"`
	Sections   []SectionChange `json:"sections"`
	// Note is the new edition's update note, when it names indicator
	// changes: each is checked against Indicators (see checkNote).
	Note *UpdateNote `json:"updateNote,omitempty"`
}

// NotFound is a fact that could not be read in one edition.
type NotFound struct {
	Fact    string `json:"fact"`    // "advisory level", "indicators"
	Edition string `json:"edition"` // "old" or "new"
}

// String words it for a reader: "advisory level: not found in the new edition".
func (n NotFound) String() string {
	return n.Fact + ": not found in the " + n.Edition + " edition"
}

// unread reports whether fact could not be read in one of the editions.
func (r *Result) unread(fact string) bool {
	for _, n := range r.NotFound {
		if n.Fact == fact {
			return true
		}
	}
	return false
}

// SideInfo names an edition.
type SideInfo struct {
	Path      string `json:"path"`
	Title     string `json:"title,omitempty"`
	Country   string `json:"country,omitempty"`
	Profile   string `json:"profile"`
	Published string `json:"published,omitempty"`
}

// ValueChange is a fact with an old and a new value.
type ValueChange struct {
	Old    string `json:"old"`
	New    string `json:"new"`
	Change string `json:"change"`
}

// AdvisoryChange is the advisory level; 0 means the edition states none.
type AdvisoryChange struct {
	Old        int    `json:"old"`
	New        int    `json:"new"`
	OldWording string `json:"oldWording,omitempty"`
	NewWording string `json:"newWording,omitempty"`
	Change     string `json:"change"`
}

// IndicatorChange lists indicator letters included in one edition only.
type IndicatorChange struct {
	Added   []Indicator `json:"added"`
	Removed []Indicator `json:"removed"`
}

// Indicator is a risk indicator letter and its name.
type Indicator struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// RatingChange is a threat rating old -> new.
type RatingChange struct {
	Category string `json:"category"`
	Location string `json:"location"`
	Old      string `json:"old"`
	New      string `json:"new"`
	Change   string `json:"change"`
}

// RegionChange is an area's advisory level old -> new (0: not stated).
type RegionChange struct {
	Name string `json:"name"`
	// OldName is the name the old edition gave the region, when it was
	// matched by a name alike rather than the same.
	OldName string `json:"oldName,omitempty"`
	Old     int    `json:"old"`
	New     int    `json:"new"`
	Change  string `json:"change"`
}

// ContactChange lists contact details added, removed or changed.
type ContactChange struct {
	Added   []Contact       `json:"added"`
	Removed []Contact       `json:"removed"`
	Changed []ContactUpdate `json:"changed"`
}

// Contact is one contact detail.
type Contact struct {
	Kind  string `json:"kind"`
	Label string `json:"label,omitempty"`
	Value string `json:"value"`
}

// ContactUpdate is a contact of the same kind and label whose value changed.
type ContactUpdate struct {
	Kind  string `json:"kind"`
	Label string `json:"label,omitempty"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// SectionChange is what happened to one section.
type SectionChange struct {
	Title    string `json:"title"`
	OldTitle string `json:"oldTitle,omitempty"` // for a renamed section
	Level    int    `json:"level"`
	Status   string `json:"status"`
	// TextChanged is set when a renamed or moved section's text changed too.
	TextChanged bool            `json:"textChanged,omitempty"`
	OldLine     int             `json:"oldLine,omitempty"`
	NewLine     int             `json:"newLine,omitempty"`
	Paragraphs  []ParagraphDiff `json:"paragraphs,omitempty"`
}

// Facts reports whether anything a reviewer must see first changed.
func (r *Result) Facts() bool {
	return r.Published != nil || r.Advisory != nil && r.Advisory.Change != Unchanged || len(r.NotFound) > 0 ||
		len(r.Indicators.Added)+len(r.Indicators.Removed) > 0 || len(r.ChangedRatings()) > 0 || len(r.ChangedRegions()) > 0 ||
		len(r.Contacts.Added)+len(r.Contacts.Removed)+len(r.Contacts.Changed) > 0
}

// ChangedRatings are the ratings that did not stay as they were; Ratings
// holds every rating, for scripts that read the JSON.
func (r *Result) ChangedRatings() []RatingChange {
	return keep(r.Ratings, func(x RatingChange) bool { return x.Change != Unchanged })
}

// ChangedRegions are the regional levels that did not stay as they were.
func (r *Result) ChangedRegions() []RegionChange {
	return keep(r.Regions, func(x RegionChange) bool { return x.Change != Unchanged })
}

// keep is the items that pass, in order.
func keep[T any](items []T, pass func(T) bool) []T {
	var out []T
	for _, x := range items {
		if pass(x) {
			out = append(out, x)
		}
	}
	return out
}

// Empty reports whether the editions say the same.
func (r *Result) Empty() bool {
	if r.Facts() {
		return false
	}
	for _, s := range r.Sections {
		if s.Status != StatusUnchanged {
			return false
		}
	}
	return true
}

// Positioner gives line numbers for spans, per side.
type Positioner interface{ LineColumn(offset int) (int, int) }

// Compare compares two editions. oldPos and newPos give line numbers.
func Compare(old, new Side, oldPos, newPos Positioner) *Result {
	v := vocab.Default()
	o, n := old.Report, new.Report
	res := &Result{
		Old:      info(old),
		New:      info(new),
		Warnings: []string{},
		NotFound: []NotFound{},
		Ratings:  []RatingChange{},
		Regions:  []RegionChange{},
		Contacts: ContactChange{Added: []Contact{}, Removed: []Contact{}, Changed: []ContactUpdate{}},
		Indicators: IndicatorChange{
			Added: []Indicator{}, Removed: []Indicator{},
		},
	}
	if o.Country.Value != "" && n.Country.Value != "" && !strings.EqualFold(o.Country.Value, n.Country.Value) {
		res.Warnings = append(res.Warnings, "the editions are about different countries ("+o.Country.Value+" and "+n.Country.Value+"); compared anyway")
	}
	if o.Profile != n.Profile {
		res.Warnings = append(res.Warnings, "the editions are different kinds of report ("+o.Profile+" and "+n.Profile+"); compared anyway")
	}
	if o.Published.Value != n.Published.Value {
		res.Published = &ValueChange{Old: o.Published.Value, New: n.Published.Value, Change: presence(o.Published.Value, n.Published.Value)}
	}
	res.Warnings = append(res.Warnings, notes("old", old, oldPos)...)
	res.Warnings = append(res.Warnings, notes("new", new, newPos)...)
	res.Advisory = compareAdvisory(o.Advisory, n.Advisory)
	if a := res.Advisory; a != nil && (a.Old == 0) != (a.New == 0) {
		res.NotFound = append(res.NotFound, NotFound{Fact: FactLevel, Edition: edition(a.Old == 0)})
	}
	res.Indicators = compareIndicators(v, o.Advisory, n.Advisory)
	// A side whose indicators could not be read (no level, or reasons
	// given but no indicator read from them) is said, not compared: the
	// other side's indicators would all read as added or removed.
	oRead, nRead := indicatorsRead(o.Advisory), indicatorsRead(n.Advisory)
	if !oRead || !nRead {
		if oRead && len(included(o.Advisory)) > 0 || nRead && len(included(n.Advisory)) > 0 {
			res.NotFound = append(res.NotFound, NotFound{Fact: FactIndicators, Edition: edition(!oRead)})
		}
		res.Indicators = IndicatorChange{Added: []Indicator{}, Removed: []Indicator{}}
	}
	res.Ratings = compareRatings(v, o.Ratings, n.Ratings)
	res.Regions = compareRegions(o.Advisory, n.Advisory)
	// Regions are read with the advisory: where its level was not read,
	// neither were they, and the other side's are not all added or removed.
	if res.unread(FactLevel) {
		if len(res.Regions) > 0 {
			res.NotFound = append(res.NotFound, NotFound{Fact: FactRegions, Edition: res.NotFound[0].Edition})
		}
		res.Regions = []RegionChange{}
	}
	res.Contacts = compareContacts(o.Contacts, n.Contacts)
	res.checkNote(v, o, n, newPos)
	res.Sections = compareSections(old, new, oldPos, newPos)
	res.Summary = res.summarize()
	return res
}

// notes are the facts an edition's parse could not read, or read with a
// reservation: a level line in a shape not known is said, so that a level
// missing from the comparison is not taken for a level removed.
func notes(side string, s Side, pos Positioner) []string {
	var out []string
	for _, n := range s.Report.Notes {
		where := side
		if pos != nil {
			line, _ := pos.LineColumn(n.Span.Start)
			where = fmt.Sprintf("%s, line %d", side, line)
		}
		out = append(out, fmt.Sprintf("%s: %s: %s", where, n.Fact, n.Message))
	}
	return out
}

// The facts NotFound names.
const (
	FactLevel      = "advisory level"
	FactIndicators = "indicators"
	FactRegions    = "regional levels"
)

// edition names a side: the old one when old is true.
func edition(old bool) string {
	if old {
		return "old"
	}
	return "new"
}

// indicatorsRead reports whether an edition's indicators were read: it
// states a level and, if it gives reasons, at least one indicator came
// of them or of a statement. An advisory of reasons none of which named
// an indicator is more likely misread than free of risks.
func indicatorsRead(a *document.Advisory) bool {
	if a == nil || a.Level == 0 {
		return false
	}
	return len(a.Reasons) == 0 || len(included(a)) > 0
}

func info(s Side) SideInfo {
	r := s.Report
	return SideInfo{Path: s.Path, Title: r.Title.Value, Country: r.Country.Value, Profile: r.Profile, Published: r.Published.Value}
}

// presence words a change of a fact that has no order.
func presence(old, new string) string {
	switch {
	case old == "":
		return Added
	case new == "":
		return Removed
	}
	return Changed
}

// direction words a change on an ordered scale (-1: absent).
func direction(old, new int) string {
	switch {
	case old < 0 && new < 0, old == new:
		return Unchanged
	case old < 0:
		return Added
	case new < 0:
		return Removed
	case new > old:
		return Escalated
	}
	return Lowered
}

func compareAdvisory(o, n *document.Advisory) *AdvisoryChange {
	if o == nil && n == nil {
		return nil
	}
	c := &AdvisoryChange{}
	ol, nl := -1, -1
	// Level 0 is no overall level: not read, or levels per region only;
	// absent, not below Level 1.
	if o != nil && o.Level > 0 {
		c.Old, c.OldWording, ol = o.Level, o.Wording.Value, o.Level
	}
	if n != nil && n.Level > 0 {
		c.New, c.NewWording, nl = n.Level, n.Wording.Value, n.Level
	}
	c.Change = direction(ol, nl)
	return c
}

// included is the indicators an edition includes, as the document model
// read them from its reasons, areas, statements and update note.
func included(a *document.Advisory) map[string]bool {
	out := map[string]bool{}
	if a == nil {
		return out
	}
	for _, ind := range a.Indicators {
		if ind.Included {
			out[ind.Code] = true
		}
	}
	return out
}

func compareIndicators(v *vocab.Vocabulary, o, n *document.Advisory) IndicatorChange {
	c := IndicatorChange{Added: []Indicator{}, Removed: []Indicator{}}
	oi, ni := included(o), included(n)
	for _, ind := range v.Indicators { // vocabulary order: stable output
		switch {
		case ni[ind.Code] && !oi[ind.Code]:
			c.Added = append(c.Added, Indicator{Code: ind.Code, Name: ind.Name})
		case oi[ind.Code] && !ni[ind.Code]:
			c.Removed = append(c.Removed, Indicator{Code: ind.Code, Name: ind.Name})
		}
	}
	return c
}

func ratingKey(r document.Rating) string {
	return profile.NormalizeTitle(r.Category.Value) + "\x00" + profile.NormalizeTitle(r.Location.Value)
}

// compareRatings lists every rating that changed, escalations first, then
// lowerings, additions and removals, each group in the new edition's order.
// A report may rate the same threat at the same place more than once (in a
// summary and again in its section): the n-th such rating of the new
// edition is compared with the n-th of the old.
func compareRatings(v *vocab.Vocabulary, o, n []document.Rating) []RatingChange {
	old := map[string][]document.Rating{}
	for _, r := range o {
		k := ratingKey(r)
		old[k] = append(old[k], r)
	}
	var out []RatingChange
	used := map[string]int{} // old ratings of each key already paired
	for _, r := range n {
		k := ratingKey(r)
		ok := used[k] < len(old[k])
		oldLevel, change := "", Added
		if ok {
			prev := old[k][used[k]]
			used[k]++
			oldLevel, change = prev.Level.Value, ratingDirection(v, prev.Level.Value, r.Level.Value)
		}
		out = append(out, RatingChange{Category: r.Category.Value, Location: r.Location.Value, Old: oldLevel, New: r.Level.Value, Change: change})
	}
	for _, r := range o {
		k := ratingKey(r)
		if used[k] > 0 {
			used[k]-- // paired with a rating of the new edition
			continue
		}
		out = append(out, RatingChange{Category: r.Category.Value, Location: r.Location.Value, Old: r.Level.Value, Change: Removed})
	}
	order := map[string]int{Escalated: 0, Lowered: 1, Changed: 2, Added: 3, Removed: 4, Unchanged: 5}
	sort.SliceStable(out, func(i, j int) bool { return order[out[i].Change] < order[out[j].Change] })
	if out == nil {
		out = []RatingChange{}
	}
	return out
}

// ratingDirection compares two rating words on the vocabulary's scale,
// reading a synonym as the levels it may mean ("severe": HIGH to
// CRITICAL). When the two overlap, or a word is not on the scale, the
// direction cannot be told: the change is Changed, never a guess.
func ratingDirection(v *vocab.Vocabulary, old, new string) string {
	olo, ohi, ok1 := v.RatingSpan(old)
	nlo, nhi, ok2 := v.RatingSpan(new)
	switch {
	case strings.EqualFold(strings.TrimSpace(old), strings.TrimSpace(new)):
		return Unchanged
	case !ok1 || !ok2:
		return Changed
	case nlo > ohi:
		return Escalated
	case nhi < olo:
		return Lowered
	}
	return Changed
}

// contactKey is what makes two contacts the same: the kind, and the
// value's letters and digits only, lower-cased, so that
// "+227-2072-2661." and "+227 2072 2661" are one number and a change of
// spacing or punctuation is no change. A label ("Tel", "Telephone") is not
// part of it.
func contactKey(c document.Contact) string {
	var b strings.Builder
	b.WriteString(string(c.Kind))
	b.WriteByte(0)
	for _, r := range strings.ToLower(c.Value) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || c.Kind == document.ContactEmail && r != ' ' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// compareContacts pairs a removed and an added contact of the same kind and
// label as one changed contact (the embassy's phone number, say).
func compareContacts(o, n []document.Contact) ContactChange {
	c := ContactChange{Added: []Contact{}, Removed: []Contact{}, Changed: []ContactUpdate{}}
	count := map[string]int{}
	for _, x := range o {
		count[contactKey(x)]++
	}
	var added []document.Contact
	for _, x := range n {
		k := contactKey(x)
		if count[k] > 0 {
			count[k]--
			continue
		}
		added = append(added, x)
	}
	var removed []document.Contact
	for _, x := range o {
		k := contactKey(x)
		if count[k] > 0 {
			count[k]--
			removed = append(removed, x)
		}
	}
	// A removed and an added contact are one that changed when they have
	// the same kind and label; or the same kind, when each side has only
	// that one left of it ("Tel: …" became "Telephone: …"). Each key's
	// removed contacts wait in a queue: pairing stays linear however many
	// contacts changed.
	usedOld, usedNew := make([]bool, len(removed)), make([]bool, len(added))
	type kindLabel struct {
		kind  document.ContactKind
		label string
	}
	waiting := map[kindLabel][]int{}
	for i, r := range removed {
		k := kindLabel{r.Kind, strings.ToLower(r.Label)}
		waiting[k] = append(waiting[k], i)
	}
	change := func(i, j int) {
		usedOld[i], usedNew[j] = true, true
		c.Changed = append(c.Changed, ContactUpdate{Kind: string(added[j].Kind), Label: added[j].Label, Old: removed[i].Value, New: added[j].Value})
	}
	for j, a := range added {
		k := kindLabel{a.Kind, strings.ToLower(a.Label)}
		if q := waiting[k]; len(q) > 0 {
			change(q[0], j)
			waiting[k] = q[1:]
		}
	}
	leftOld, leftNew := map[document.ContactKind][]int{}, map[document.ContactKind]int{}
	for i, r := range removed {
		if !usedOld[i] {
			leftOld[r.Kind] = append(leftOld[r.Kind], i)
		}
	}
	for j, a := range added {
		if !usedNew[j] {
			leftNew[a.Kind]++
		}
	}
	for j, a := range added {
		if !usedNew[j] && leftNew[a.Kind] == 1 && len(leftOld[a.Kind]) == 1 {
			change(leftOld[a.Kind][0], j)
		}
	}
	for j, a := range added {
		if !usedNew[j] {
			c.Added = append(c.Added, Contact{Kind: string(a.Kind), Label: a.Label, Value: a.Value})
		}
	}
	for i, r := range removed {
		if !usedOld[i] {
			c.Removed = append(c.Removed, Contact{Kind: string(r.Kind), Label: r.Label, Value: r.Value})
		}
	}
	return c
}

// FailOn says whether the comparison holds a change of the kind named
// (see Trips).
func (r *Result) FailOn(kind string) (bool, error) {
	trips, err := r.Trips(kind)
	return len(trips) > 0, err
}

// FailKinds are the kinds of change --fail-on takes.
var FailKinds = []string{"rating-change", "escalation", "any", "moved"}

// Trips lists, one line each, the changes of the kind named that the
// comparison holds, for the gate to say why it failed:
//   - "escalation": the advisory level, a regional level or a threat
//     rating that went up; an indicator added; a region added at Level 3
//     or 4. A change whose direction cannot be told ("HIGH" to "SEVERE")
//     is not one: the gate fails only on what provably went up.
//   - "rating-change": the advisory level, a regional level or a threat
//     rating that changed in any way.
//   - "any": any change of content; a pure reorder is not one.
//   - "moved": any change of content, and a section or a paragraph that
//     moved: a reorder counts when asked for.
//
// A fact one edition could not be read for (NotFound) never trips it.
func (r *Result) Trips(kind string) ([]string, error) {
	var out []string
	trip := func(format string, a ...any) { out = append(out, fmt.Sprintf(format, a...)) }
	switch kind {
	case "any", "moved":
		if r.contentChanged() {
			summary := r.Summary
			if summary == "" { // a Result not made by Compare
				summary = r.summarize()
			}
			trip("%s", summary)
		}
		if kind == "any" {
			break
		}
		for _, s := range r.Sections {
			if s.Status == StatusMoved {
				trip("section %q moved", s.Title)
			}
			for _, p := range s.Paragraphs {
				if p.Status == ParagraphMoved || p.Moved {
					trip("paragraph moved in %q, line %d → %d", s.Title, p.OldLine, p.NewLine)
				}
			}
		}
	case "rating-change", "escalation":
		up := kind == "escalation"
		counts := func(change string) bool {
			if up {
				return change == Escalated
			}
			return change != Unchanged
		}
		if a := r.Advisory; a != nil && !r.unread(FactLevel) && counts(a.Change) {
			trip("advisory level %s: %s → %s", a.Change, levelName(a.Old, a.OldWording), levelName(a.New, a.NewWording))
		}
		for _, x := range r.Regions {
			switch {
			case up && x.Change == Added && x.New >= 3:
				trip("region %s added at %s", regionLabel(x), regionNew(x))
			case counts(x.Change):
				trip("region %s %s: %s → %s", regionLabel(x), x.Change, regionOld(x), regionNew(x))
			}
		}
		for _, x := range r.Ratings {
			if counts(x.Change) {
				trip("%s rating, %s %s: %s → %s", x.Category, x.Location, x.Change, orNone(x.Old), orNone(x.New))
			}
		}
		if up {
			for _, i := range r.Indicators.Added {
				trip("indicator %s (%s) added", i.Code, i.Name)
			}
		}
	default:
		return nil, fmt.Errorf("unknown --fail-on %q; use %s", kind, strings.Join(FailKinds, ", "))
	}
	return out, nil
}

// contentChanged reports whether the editions say something different,
// not only the same things in another order.
func (r *Result) contentChanged() bool {
	a := r.Advisory
	if r.Published != nil || a != nil && a.Change != Unchanged && !r.unread(FactLevel) ||
		len(r.Indicators.Added)+len(r.Indicators.Removed) > 0 || len(r.ChangedRatings()) > 0 || len(r.ChangedRegions()) > 0 ||
		len(r.Contacts.Added)+len(r.Contacts.Removed)+len(r.Contacts.Changed) > 0 {
		return true
	}
	for _, s := range r.Sections {
		switch {
		case s.Status == StatusUnchanged:
		case s.Status == StatusMoved && !s.TextChanged:
		case s.Status == StatusMoved || s.Status == StatusChanged:
			for _, p := range s.Paragraphs {
				if p.Status != ParagraphMoved {
					return true
				}
			}
		default:
			return true
		}
	}
	return false
}

// summarize words the comparison in one line, facts first: "Level 3 → 2
// (lowered); 1 region raised to Level 4; indicator K added; 5 paragraphs
// changed, 2 added, 1 removed".
func (r *Result) summarize() string {
	var parts []string
	add := func(format string, a ...any) { parts = append(parts, fmt.Sprintf(format, a...)) }
	for _, n := range r.NotFound {
		add("%s", n)
	}
	if a := r.Advisory; a != nil && a.Change != Unchanged && !r.unread(FactLevel) {
		add("Level %d → %d (%s)", a.Old, a.New, a.Change)
	}
	// Regions: those raised grouped by the level they reached, then the rest.
	raised := map[int]int{}
	var regionCounts [3]int // lowered, (added: by level), removed
	addedAt := map[int]int{}
	for _, x := range r.Regions {
		switch x.Change {
		case Escalated:
			raised[x.New]++
		case Lowered:
			regionCounts[0]++
		case Added:
			addedAt[x.New]++
		case Removed:
			regionCounts[2]++
		}
	}
	for level := 4; level >= 1; level-- {
		if n := raised[level]; n > 0 {
			add("%s raised to Level %d", plural(n, "region"), level)
		}
	}
	for level := 4; level >= 0; level-- {
		if n := addedAt[level]; n > 0 && level > 0 {
			add("%s added at Level %d", plural(n, "region"), level)
		} else if n > 0 {
			add("%s added", plural(n, "region"))
		}
	}
	for k, verb := range []string{"lowered", "", "removed"} {
		if n := regionCounts[k]; n > 0 {
			add("%s %s", plural(n, "region"), verb)
		}
	}
	for _, g := range []struct {
		list []Indicator
		verb string
	}{{r.Indicators.Added, "added"}, {r.Indicators.Removed, "removed"}} {
		if len(g.list) == 0 {
			continue
		}
		codes := make([]string, len(g.list))
		for i, x := range g.list {
			codes[i] = x.Code
		}
		word := "indicator"
		if len(codes) > 1 {
			word = "indicators"
		}
		add("%s %s %s", word, strings.Join(codes, ", "), g.verb)
	}
	ratings := map[string]int{}
	for _, x := range r.ChangedRatings() {
		ratings[x.Change]++
	}
	if s := counts("rating", ratings, Escalated, Lowered, Changed, Added, Removed); s != "" {
		add("%s", s)
	}
	if n := len(r.Contacts.Added) + len(r.Contacts.Removed) + len(r.Contacts.Changed); n > 0 {
		add("%s changed", plural(n, "contact"))
	}
	if p := r.Published; p != nil {
		add("published %s → %s", orNone(p.Old), orNone(p.New))
	}
	secs, paras := map[string]int{}, map[string]int{}
	for _, s := range r.Sections {
		if s.Status != StatusChanged && s.Status != StatusUnchanged {
			secs[s.Status]++
		}
		if s.Status == StatusAdded || s.Status == StatusRemoved {
			continue // its paragraphs are the section's
		}
		for _, p := range s.Paragraphs {
			switch {
			case p.Status == Changed && p.Moved:
				paras["moved and changed"]++
			default:
				paras[p.Status]++
			}
		}
	}
	if s := counts("section", secs, StatusAdded, StatusRemoved, StatusRenamed, StatusMoved); s != "" {
		add("%s", s)
	}
	if s := counts("paragraph", paras, Changed, Added, Removed, "moved and changed", ParagraphMoved); s != "" {
		add("%s", s)
	}
	if len(parts) == 0 {
		return "no changes"
	}
	return strings.Join(parts, "; ")
}

// counts words tallies in the order given: "5 paragraphs changed, 2 added".
func counts(noun string, tally map[string]int, order ...string) string {
	var out []string
	for _, k := range order {
		if n := tally[k]; n > 0 {
			if len(out) == 0 {
				out = append(out, plural(n, noun)+" "+k)
			} else {
				out = append(out, fmt.Sprintf("%d %s", n, k))
			}
		}
	}
	return strings.Join(out, ", ")
}

// plural is "1 region", "2 regions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
