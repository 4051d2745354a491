package dated

import (
	"strings"

	"github.com/reportlint/reportlint/internal/document"
)

// What a sentence's surroundings say of its dates: its tense, the list it
// introduces or belongs to. Shared by undated-relative-time and
// date-missing-year.

// isListItem reports whether a unit is an item of a list.
func (u *unit) isListItem() bool {
	return u.Paragraph != nil && u.Paragraph.Kind == document.KindListItem
}

// introducesList reports whether a unit is a paragraph that ends in a colon,
// the way a list's lead-in line does ("Examples of recent attacks include:",
// "In 2025:").
func (u *unit) introducesList() bool {
	return !u.Heading && !u.isListItem() && strings.HasSuffix(strings.TrimSpace(u.Text), ":")
}

// leadIns gives, for each unit, the line that introduces the list it is an
// item of: the nearest paragraph before the item and its fellow items, if it
// ends in a colon. A list under "In 2025:" under "Examples include:" has
// "In 2025:" as its lead-in. Nil for a unit that is not a list item, or
// whose list has no such line. One pass: each item takes its fellow's.
func leadIns(units []*unit) []*unit {
	leads := make([]*unit, len(units))
	for k := 1; k < len(units); k++ {
		if !units[k].isListItem() {
			continue
		}
		switch prev := units[k-1]; {
		case prev.isListItem():
			leads[k] = leads[k-1]
		case prev.introducesList():
			leads[k] = prev
		}
	}
	return leads
}

// toldAsPast reports whether the clause toks[c0:c1] (in a sentence starting
// at s0) tells of the past, in the past tense or the perfect, as far as
// mention m is concerned (see pastVerb).
func toldAsPast(u *unit, c0, c1, s0 int, m mention, lx *lexicon) bool {
	if _, ok := pastVerb(u, c0, c1, s0, m, lx); ok {
		return true
	}
	return perfect(u, c0, c1, lx)
}

// perfect reports whether toks[c0:c1] hold a perfect tense: "has", "have" or
// "had", then a participle (an -ed word, or an irregular form in past-verbs
// or past-participles), with at most two words such as "also" or
// "recently" between ("have recently been diagnosed").
func perfect(u *unit, c0, c1 int, lx *lexicon) bool {
	toks := u.toks
	for i := c0; i < c1; i++ {
		switch u.lower(i) {
		case "has", "have", "had", "hasn't", "haven't", "hadn't":
		default:
			continue
		}
		for j := i + 1; j < c1 && j <= i+3; j++ {
			t := &toks[j]
			if t.kind != tokWord || t.inDate {
				break
			}
			w := u.lower(j)
			if isEd(u, j, lx) || lx.pastVerbs.has(w) || lx.pastParticiples.has(w) {
				return true
			}
			if !t.inRelative && !perfectAdverbs[w] {
				break
			}
		}
	}
	return false
}

// perfectAdverbs may stand between the auxiliary of a perfect and its
// participle ("has also been", "have not yet seen").
var perfectAdverbs = map[string]bool{
	"also": true, "already": true, "not": true, "never": true, "yet": true, "just": true,
	"since": true, "reportedly": true, "repeatedly": true, "frequently": true, "often": true,
}

// has reports whether a phrase of set stands anywhere in u, outside date
// mentions.
func (u *unit) has(set phraseSet) bool { return clauseHas(u, 0, len(u.toks), set) }

// clauseHas reports whether a phrase of set stands in toks[c0:c1], outside
// date mentions.
func clauseHas(u *unit, c0, c1 int, set phraseSet) bool {
	_, _, ok := set.find(u, c0, c1, func(t *token) bool { return t.inDate })
	return ok
}
