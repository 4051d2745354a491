package reportdiff

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/vocab"
)

// UpdateNote is the new edition's own note of what changed ("Updated to
// add a risk indicator for kidnapping."), and the indicator changes it
// names, each checked against the diff's: a second reading, from the
// page's author, of the fact the diff is least sure of.
type UpdateNote struct {
	Text   string      `json:"text"`
	Line   int         `json:"line,omitempty"`
	Claims []NoteClaim `json:"claims"`
}

// NoteClaim is an indicator the note says was added or removed.
type NoteClaim struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Change string `json:"change"` // added or removed
	// Confirmed: the diff found the same change in the reasons.
	Confirmed bool `json:"confirmed"`
}

// notePeek is how many paragraphs from the top the note is looked for in:
// the U.S. pages put it right under the level, before the reasons.
const notePeek = 12

// noteStart is a note's first word, its emphasis gone.
var noteStart = lazyregexp.New(`(?i)^[\s*_]*(updated|reissued)\b`)

// noteVerb is a word that says which way the indicators it governs went;
// the nearest before "indicator" wins ("to reflect the addition of …").
var noteVerb = lazyregexp.New(`(?i)\b(add|adds|added|adding|addition|include|includes|included|including|remove|removes|removed|removing|removal|drop|dropped|dropping)\b`)

// noteIndicator is each mention of the word.
var noteIndicator = lazyregexp.New(`(?i)\bindicators?\b`)

// findUpdateNote is the first paragraph near the top of a report that is
// its update note, and its offset; "" when there is none.
func findUpdateNote(r *document.Report) (string, int) {
	seen := 0
	var found *document.Paragraph
	var walk func(paras []*document.Paragraph, secs []*document.Section)
	walk = func(paras []*document.Paragraph, secs []*document.Section) {
		for _, p := range paras {
			if found != nil || seen >= notePeek {
				return
			}
			seen++
			if noteStart.MatchString(p.Text) {
				found = p
			}
		}
		for _, s := range secs {
			if found != nil || seen >= notePeek {
				return
			}
			walk(s.Paragraphs, s.Sections)
		}
	}
	walk(r.Preamble, r.Sections)
	if found == nil {
		return "", 0
	}
	return strings.Join(strings.Fields(strings.Trim(found.Text, "*_ \n")), " "), found.Span.Start
}

// noteClaims reads the indicator changes a note names: for each mention
// of "indicator", the words back to the verb before it ("addition of
// health and civil unrest indicators": H, U added) and a short "for …"
// after it ("a risk indicator for kidnapping": K added). A mention with
// no verb before it says nothing of a direction, and is passed over. The
// text is a paragraph's: each mention looks at a bounded window of it.
func noteClaims(v *vocab.Vocabulary, note string) []NoteClaim {
	var out []NoteClaim
	seen := map[string]bool{}
	for _, m := range noteIndicator.FindAllStringIndex(note, -1) {
		before := note[max(0, m[0]-120):m[0]]
		verbs := noteVerb.FindAllStringIndex(before, -1)
		if len(verbs) == 0 {
			continue
		}
		last := verbs[len(verbs)-1]
		change := Added
		if w := strings.ToLower(before[last[0]:last[1]]); strings.HasPrefix(w, "remov") || strings.HasPrefix(w, "drop") {
			change = Removed
		}
		// Back to the verb, and not past a full stop or a semicolon.
		named := before[last[1]:]
		if i := strings.LastIndexAny(named, ".;"); i >= 0 {
			named = named[i+1:]
		}
		named += " " + forPhrase(note[m[1]:min(len(note), m[1]+80)])
		for _, ind := range indicatorsNamed(v, named) {
			if key := ind.Code + change; !seen[key] {
				seen[key] = true
				out = append(out, NoteClaim{Code: ind.Code, Name: ind.Name, Change: change})
			}
		}
	}
	return out
}

// forPhrase is the few words of a " for kidnapping" that follows
// "indicator", up to a comma, a full stop or an "and".
func forPhrase(after string) string {
	f := strings.Fields(after)
	if len(f) < 2 || !strings.EqualFold(f[0], "for") {
		return ""
	}
	var out []string
	for _, w := range f[1:min(len(f), 5)] {
		if strings.EqualFold(w, "and") {
			break
		}
		out = append(out, w)
		if strings.ContainsAny(w, ",.;") {
			break
		}
	}
	return strings.Join(out, " ")
}

// indicatorsNamed is every indicator whose words the phrase holds, in the
// vocabulary's order, or whose letter it gives on its own ("an H
// indicator", "the “E” indicator").
func indicatorsNamed(v *vocab.Vocabulary, phrase string) []vocab.Indicator {
	words := strings.FieldsFunc(phrase, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	lower := " " + strings.ToLower(strings.Join(words, " ")) + " "
	var out []vocab.Indicator
	for _, ind := range v.Indicators {
		hit := false
		for _, w := range ind.Words {
			if ind.Code != "O" && strings.Contains(lower, " "+w+" ") {
				hit = true
			}
		}
		for _, w := range words {
			if w == ind.Code {
				hit = true
			}
		}
		if hit {
			out = append(out, ind)
		}
	}
	return out
}

// checkNote reads the new edition's update note, when it has one of its
// own (the same note as the old edition's says nothing of this change),
// and checks each indicator change it names against the diff's. One the
// diff did not find is a warning: the page and its reasons disagree.
func (r *Result) checkNote(v *vocab.Vocabulary, o, n *document.Report, newPos Positioner) {
	text, at := findUpdateNote(n)
	if text == "" {
		return
	}
	if old, _ := findUpdateNote(o); old == text {
		return
	}
	note := &UpdateNote{Text: text, Claims: []NoteClaim{}}
	if newPos != nil {
		note.Line, _ = newPos.LineColumn(at)
	}
	// The document model counts the indicators an update note names as
	// included: an addition is confirmed only by the new edition's other
	// sources (reasons, areas, statements), or the note would confirm
	// itself. A note removes none, so the diff's own removals stand.
	oldHas, newHas := included(o.Advisory), included(withoutNote(n.Advisory))
	for _, c := range noteClaims(v, text) {
		if c.Change == Added {
			c.Confirmed = newHas[c.Code] && !oldHas[c.Code]
		} else {
			c.Confirmed = slices.ContainsFunc(r.Indicators.Removed, func(i Indicator) bool { return i.Code == c.Code })
		}
		note.Claims = append(note.Claims, c)
		if c.Confirmed {
			continue
		}
		where := "the page's update note"
		if note.Line > 0 {
			where += " (new line " + strconv.Itoa(note.Line) + ")"
		}
		why := "its reasons do not show it"
		if c.Change == Added && slices.ContainsFunc(r.Indicators.Added, func(i Indicator) bool { return i.Code == c.Code }) {
			why += ", so the diff has it from the note alone"
		}
		if r.unread(FactIndicators) || r.unread(FactLevel) {
			why = "its indicators could not be read to check"
		}
		r.Warnings = append(r.Warnings, where+" says indicator "+c.Code+" ("+c.Name+") was "+c.Change+"; "+why)
	}
	if len(note.Claims) > 0 {
		r.Note = note
	}
}

// withoutNote is an advisory without the indicators its update note gave.
func withoutNote(a *document.Advisory) *document.Advisory {
	if a == nil {
		return nil
	}
	c := *a
	c.Indicators = keep(a.Indicators, func(i document.Indicator) bool { return i.Source != "update" })
	return &c
}

// noteSays reports whether the update note confirms an indicator change.
func (r *Result) noteSays(code, change string) bool {
	if r.Note == nil {
		return false
	}
	for _, c := range r.Note.Claims {
		if c.Code == code && c.Change == change && c.Confirmed {
			return true
		}
	}
	return false
}

// indicatorFact names an indicator in a row of facts, saying when the
// page's own note agrees: "indicator K (Kidnapping or Hostage Taking), as
// the page's update note says".
func (r *Result) indicatorFact(i Indicator, change string) string {
	s := "indicator " + i.Code + " (" + i.Name + ")"
	if r.noteSays(i.Code, change) {
		s += ", as the page's update note says"
	}
	return s
}
