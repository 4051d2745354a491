package dated

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var UndatedRelativeTime = &lint.Rule{
	ID:      "undated-relative-time",
	Level:   lint.Warning,
	Summary: "a relative time phrase (recently, in recent months, soon) has no date in its sentence",
	Doc: `A report is read, copied into next year's edition and quoted long after it was written.
"Recently", "currently", "in recent months" or "the last decade" then no longer say when: the
reader cannot tell which months were recent, or whether what was current still is. This rule
flags a relative time phrase (the list is rules/data/time-phrases.yaml) when its sentence gives
no explicit date with a year ("May 2024", "mid-2022", "2023"; a day or month without a year
does not count, nor, by default, a decade).

A sentence that ties itself to the report's own date ("As of publication of this report",
"at the time of writing": the anchors in rules/data/dated-claims.yaml) is dated by the
publication date the report states, and is not flagged; nor is a phrase that points to the
time of reading rather than writing ("review the most recent Travel Advisory"; the
reading-time list there), or to the reader's own time: a clause that speaks to or of the
reader ("if you are currently in X", "travellers who have recently visited"; the
reader-phrases) or gives advice ("check local news on recent clashes"; the advice-verbs). A
line that introduces a list ("Examples of recent attacks include:") is dated by the list when
its first item gives a year. By default only phrases that point to the past or the future are
flagged: a present phrase ("currently", "at this time") tells the state as of the report's
stated date, as the present tense does, and a house that wants it dated lists present in
points. "This year", "to date" and the like point the way their clause's verb does ("to date,
thirty have been kidnapped" is past). "In the past" alone is a precedent, not a time, and is
not read. Headings are not read: a heading names a section, and the
paragraphs under it carry the dates. The sentence is the unit because a date two sentences away
may be about another event; the sentence splitter is package prose.`,
	Bad:  "NGOs have recently been targeted for kidnapping in central Mali.",
	Good: "NGOs have been targeted for kidnapping in central Mali since early 2024.",
	Options: func() any {
		return &undatedOptions{Points: list{"past", "future"}, Ignore: list{}, DatePrecision: "year"}
	},
	Run: runUndatedRelativeTime,
}

type undatedOptions struct {
	Points        list   `yaml:"points" doc:"which relative phrases to flag, by the way they point from the time of writing: past (recently, last year), present (currently, this year), future (soon, next year)"`
	Ignore        list   `yaml:"ignore" doc:"relative phrases never flagged, as the text writes them (compared ignoring case), e.g. [the last decade]"`
	DatePrecision string `yaml:"date-precision" doc:"the coarsest explicit date that dates a sentence: day, month, year (also early/mid/late parts of a year) or decade"`
}

func (o *undatedOptions) Validate() error {
	if o.Points == nil || o.Ignore == nil {
		return errors.New("points and ignore: give a list (ignore may be empty)")
	}
	for _, p := range o.Points {
		switch p {
		case "past", "present", "future":
		default:
			return fmt.Errorf("points: %q is not past, present or future", p)
		}
	}
	if _, ok := precisionRank[o.DatePrecision]; !ok {
		return fmt.Errorf("date-precision: %q is not day, month, year or decade", o.DatePrecision)
	}
	return nil
}

// precisionRank orders the precisions a date-precision option may name.
var precisionRank = map[string]int{"day": 0, "month": 1, "year": 2, "decade": 3}

// rankOf is a dating mention's place in precisionRank, or -1 if it does not
// give a year.
func rankOf(d *document.DateMention) int {
	if givesYear(d) {
		switch d.Precision {
		case document.PrecisionDay:
			return 0
		case document.PrecisionMonth:
			return 1
		default:
			return 2
		}
	}
	if d.Kind == document.DateExplicit && d.Precision == document.PrecisionDecade && d.From != "" {
		return 3
	}
	return -1
}

func runUndatedRelativeTime(pass *lint.Pass) {
	opts := pass.Options.(*undatedOptions)
	lx := words()
	coarsest := precisionRank[opts.DatePrecision]
	units := analyse(pass)
	byList := listDated(units, coarsest)
	for k, u := range units {
		if u.Heading || u.bare {
			continue
		}
		dated := datedSentences(u, coarsest)
		anchored := u.sentenceHas(nil, lx.anchors)
		for _, m := range u.dates {
			if m.Kind != document.DateRelative || dated[m.sent] {
				continue
			}
			s := u.sents[m.sent]
			c0, c1, started := clauseBounds(u, s, m.tok0, lx)
			points := pointsOf(u, m, c0, c1, s, lx)
			if !slices.Contains(opts.Points, points) {
				continue
			}
			phrase := u.quote(m.start, m.end)
			if slices.ContainsFunc(opts.Ignore, func(s string) bool { return sameWords(s, phrase) }) ||
				anchored(m.sent) || readingTime(u, s, m, lx) || aboutReader(u, s, c0, c1, started, m, lx) ||
				partOfName(u, s, m) || points == "future" && clauseHas(u, c0, c1, lx.outlookVerbs) ||
				m.sent == len(u.sents)-1 && byList[k] {
				continue
			}
			msg, hint := undatedWording(phrase, points)
			pass.Report(lint.Finding{Span: u.source(m.start, m.end), Message: msg, Hint: hint})
		}
	}
}

// datedSentences says, for each sentence of u, whether it holds an explicit
// date with a year at the coarsest precision or finer.
func datedSentences(u *unit, coarsest int) []bool {
	dated := make([]bool, len(u.sents))
	for _, o := range u.dates {
		if r := rankOf(o.DateMention); r >= 0 && r <= coarsest {
			dated[o.sent] = true
		}
	}
	return dated
}

// pointsOf is the way a relative phrase points from the time of writing: the
// kind the phrase list gives it, but for a clause-tense phrase ("this year",
// "to date") the way its clause's verb points: past in the past tense or the
// perfect, future with a future marker, present otherwise.
func pointsOf(u *unit, m mention, c0, c1 int, s sentence, lx *lexicon) string {
	if end, ok := lx.clauseTense.matchAt(u, m.tok0, m.tok1, nil); !ok || end != m.tok1 {
		return m.Points
	}
	notPhrase := func(t *token) bool { return t.inDate || t.inRelative }
	switch {
	case toldAsPast(u, c0, c1, s.tok0, m, lx):
		return string(dates.PhrasePast)
	case func() bool { _, _, ok := lx.futureMarkers.find(u, c0, c1, notPhrase); return ok }():
		return string(dates.PhraseFuture)
	}
	return string(dates.PhrasePresent)
}

// aboutReader reports whether the clause toks[c0:c1] of sentence s, where
// the phrase m stands, speaks of the reader, whose "now" is the time of
// reading, not of writing: it names them before the phrase ("if you are
// currently in X", "travellers having recently visited"; the
// reader-phrases), or it is advice that starts with a verb such as "check"
// or "avoid" (the advice-verbs). A sentence that opens with a subordinate
// clause ("While there have been no recent incidents, you should …") is
// cut at the comma that ends it: "you" there is not in the clause of
// "recent". started says whether c0 is where the clause starts.
func aboutReader(u *unit, s sentence, c0, c1 int, started bool, m mention, lx *lexicon) bool {
	if c0 == s.tok0 {
		if end, ok := lx.subordinators.matchAt(u, s.tok0, s.tok1, nil); ok {
			for i := end; i < c1; i++ {
				if t := &u.toks[i]; t.kind == tokPunct && u.lower(i) == "," {
					if m.tok0 > i {
						c0 = i + 1
					} else {
						c1 = i
					}
					break
				}
			}
		}
	}
	// A complement after the reader ("you should know that militants
	// recently attacked …") tells of events: the reader must be named in
	// it, after its opener.
	r0 := c0
	for i := m.tok0 - 1; i > c0; i-- {
		if lx.complementOpeners.has(u.lower(i)) {
			r0 = i + 1
			break
		}
	}
	if clauseHas(u, r0, m.tok0, lx.readerPhrases) {
		return true
	}
	first := c0
	if first < c1 && lx.clauseConjunctions.has(u.lower(first)) {
		first++
	}
	// Only the clause's own first word: "Avoid the road; bandits recently
	// attacked a bus there" still tells of an event.
	if !started || first >= c1 || u.toks[first].kind != tokWord || !lx.adviceVerbs.has(u.lower(first)) {
		return false
	}
	// So does what follows the advice after a comma or colon, told in the
	// past ("Monitor local media, as there have been recent clashes";
	// "Check the news: militants recently attacked …"). A past inside the
	// advice itself describes where to look ("check before travelling to
	// areas where there has been recent violence").
	for i := first + 1; i < m.tok0; i++ {
		if t := &u.toks[i]; t.kind == tokPunct && (u.lower(i) == "," || u.lower(i) == ":") {
			return !toldAsPast(u, i+1, c1, s.tok0, m, lx)
		}
	}
	return true
}

// partOfName reports whether the phrase m is a word of a name written in
// capitals ("the No Driving Today programme"): it starts with a capital, not
// at the start of its sentence, right after another capitalised word.
func partOfName(u *unit, s sentence, m mention) bool {
	if m.tok0 <= s.tok0 || !u.toks[m.tok0].upper {
		return false
	}
	prev := &u.toks[m.tok0-1]
	return prev.kind == tokWord && prev.upper && !prev.inDate
}

// listDated says, for each unit, whether it is a line that introduces a
// list ("Examples of recent attacks include:") and is dated by the list: its
// first item, or a lead-in line before it ("In 2025:"), gives a date with a
// year. One pass from the end, so a long run of such lines costs no more
// than one read each.
func listDated(units []*unit, coarsest int) []bool {
	// opens[j]: units[j:] start with a dated item, after lead-in lines.
	opens := make([]bool, len(units)+1)
	out := make([]bool, len(units))
	for j := len(units) - 1; j >= 0; j-- {
		v := units[j]
		out[j] = v.introducesList() && opens[j+1]
		if v.Heading {
			continue
		}
		opens[j] = v.introducesList() && opens[j+1] || slices.ContainsFunc(v.dates, func(o mention) bool {
			r := rankOf(o.DateMention)
			return r >= 0 && r <= coarsest
		})
	}
	return out
}

// sameWords compares phrases ignoring case and spacing.
func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// readingTime reports whether m is part of a phrase that points to the time
// of reading ("the most recent Travel Advisory").
func readingTime(u *unit, s sentence, m mention, lx *lexicon) bool {
	for i := max(s.tok0, m.tok0-maxPhraseWords); i < m.tok1; i++ {
		if end, ok := lx.readingTime.matchAt(u, i, s.tok1, nil); ok && end > m.tok0 {
			return true
		}
	}
	return false
}

func undatedWording(phrase, points string) (msg, hint string) {
	switch points {
	case "present":
		return fmt.Sprintf("%q has no date in its sentence: a reader cannot tell when this was true", phrase),
			`date the claim ("as of November 2024", "since mid-2023") or drop the time phrase`
	case "future":
		return fmt.Sprintf("%q has no date in its sentence: a reader cannot tell when this is expected", phrase),
			`give the date or period meant ("in early 2026", "by June 2025")`
	}
	return fmt.Sprintf("%q has no date in its sentence: a reader cannot tell when this was", phrase),
		`give the date or period meant ("in May 2024", "since early 2023")`
}
