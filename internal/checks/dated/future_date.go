package dated

import (
	"errors"
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var FutureDate = &lint.Rule{
	ID:      "future-date",
	Level:   lint.Warning,
	Summary: "a date after the publication date is told in the past tense",
	Doc: `A report cannot tell of what happened after it was published. A date later than the
publication date in a sentence told in the past ("the base was attacked on March 3, 2026" in
a report published in November 2024) is nearly always a wrong year. The whole date must lie
after the publication date: "2024" in a report of November 2024 is not later, "December
2024" is.

The past tense is read from the words of the date's clause (its sentence, cut at semicolons
and at ", and", ", but" and the like): an auxiliary such as "was", "were", "had" or "has
been", an irregular past form ("took", "fled"), or a word ending in -ed that is not an
adjective ("armed", "limited") and has no article or "is"/"are" just before it. A verb in the
present after it in the clause ("is", "applies", "takes effect": the present-verbs) governs the
date instead: the past form was a participle or a reported clause ("Passports issued before
2020 expire in January 2026", "the embassy said that new fees apply from June 2026"). A past tense
in an aside set off by commas that does not hold the date ("The charter, adopted in 2024, takes
effect in 2029") does not count, nor one cut off from the date by an infinitive ("allowed
him to run in 2029"). A sentence
with a future marker ("will", "scheduled", "plans to", "expected", "due to be", "is set to",
"would", "postponed", …) is about something still to come, or planned, and is left alone; so is
a date right after "by", "until", "for" or "before" ("vowed to hold elections by February
2026"), and a year that names a thing ("the 2025 budget was approved"). The lists are in
rules/data/dated-claims.yaml. A report that states no publication date is not checked.`,
	Bad:     "Published: November 29, 2024\n\nThe gendarmerie school in Bamako was attacked on March 3, 2026.",
	Good:    "Published: November 29, 2024\n\nThe gendarmerie school in Bamako was attacked on March 3, 2024.",
	Options: func() any { return &futureOptions{GraceDays: 0, ExtraMarkers: list{}} },
	Run:     runFutureDate,
}

type futureOptions struct {
	GraceDays    int  `yaml:"grace-days" doc:"days after the publication date that are not yet flagged, for a report that gives the day it was approved rather than published"`
	ExtraMarkers list `yaml:"extra-markers" doc:"more future markers, added to the list in rules/data/dated-claims.yaml"`
}

func (o *futureOptions) Validate() error {
	if o.ExtraMarkers == nil {
		return errors.New("extra-markers: give a list (it may be empty)")
	}
	return validateCount("grace-days", o.GraceDays)
}

func runFutureDate(pass *lint.Pass) {
	pub, ok := published(pass.Doc)
	if !ok {
		return
	}
	opts := pass.Options.(*futureOptions)
	limit := pub.AddDate(0, 0, opts.GraceDays).Format("2006-01-02")
	lx := words()
	extra := compileSet(opts.ExtraMarkers)
	notDate := func(t *token) bool { return t.inDate }
	units := analyse(pass)
	if limit < pub.Format("2006-01-02") {
		// A limit past the year 9999 sorts before the publication date as
		// text, so dates the shared analysis left bare (none after the
		// publication date) may be after it: every unit is read.
		units = analyseReport(pass, true).units
	}
	for _, u := range units {
		if u.bare {
			continue // no date after the publication date
		}
		planned := u.sentenceHas(notDate, lx.futureMarkers, extra)
		for _, m := range u.dates {
			if m.Kind != document.DateExplicit || m.From == "" || m.From <= limit || m.Span == pass.Doc.Published.Span && pass.Doc.PublishedBy == "" {
				continue
			}
			if attributive(u, m, lx) {
				continue
			}
			s := u.sents[m.sent]
			if planned(m.sent) {
				continue
			}
			if lx.futurePrepositions.endsAt(u, s.tok0, m.tok0, nil) {
				continue
			}
			c0, c1 := clauseOf(u, s, m.tok0, lx)
			verb, v, ok := pastVerbAt(u, c0, c1, s.tok0, m, lx)
			if !ok || clauseHas(u, v+1, c1, lx.presentVerbs) {
				continue
			}
			pass.Report(lint.Finding{
				Span: u.source(m.start, m.end),
				Message: fmt.Sprintf("%q is after the publication date (%s), but its sentence tells it as past (%q)",
					u.quote(m.start, m.end), publishedText(pass), verb),
				Hint: `check the year; if the event is still to come, say so ("is scheduled for", "will")`,
			})
		}
	}
}

// attributive reports whether m is a year used to name a thing ("the 2025
// budget", "its 2026 elections"): an article or the like before it (the
// participle-openers) and a word after it. Such a thing may be planned or
// approved before its year.
func attributive(u *unit, m mention, lx *lexicon) bool {
	if m.Precision != document.PrecisionYear || m.Range || m.tok0 == 0 || m.tok1 >= len(u.toks) {
		return false
	}
	next := &u.toks[m.tok1]
	return lx.participleOpeners.has(u.lower(m.tok0-1)) && next.kind == tokWord && !next.inDate
}

// clauseOf is the token range of the clause around token at, within sentence
// s: cut at semicolons, at a comma followed by a clause conjunction, and
// before a clause break ("but").
func clauseOf(u *unit, s sentence, at int, lx *lexicon) (int, int) {
	c0, c1, _ := clauseBounds(u, s, at, lx)
	return c0, c1
}

// clauseReach bounds how many tokens a clause may run on either side of the
// token it is read for. Real clauses are shorter; a line of megabytes with
// no punctuation would otherwise make reading each of its dates cost the
// whole line, and the time grow with its square.
const clauseReach = 32

// clauseBounds is clauseOf, and whether c0 is where the clause starts
// (false when clauseReach cut it short).
func clauseBounds(u *unit, s sentence, at int, lx *lexicon) (c0, c1 int, started bool) {
	// cut: the token ends a clause, and is in neither.
	cut := func(i int) bool {
		t := &u.toks[i]
		if t.kind != tokPunct {
			return false
		}
		if w := u.lower(i); w == ";" {
			return true
		} else if w != "," {
			return false
		}
		_, ok := lx.clauseConjunctions.matchAt(u, i+1, s.tok1, nil)
		return ok
	}
	// opens: the token starts a clause, in which it stands.
	opens := func(i int) bool { return !u.toks[i].inDate && lx.clauseBreaks.has(u.lower(i)) }
	lo, hi := max(s.tok0, at-clauseReach), min(s.tok1, at+1+clauseReach)
	c0 = at
	for c0 > lo && !cut(c0-1) && !opens(c0) {
		c0--
	}
	started = c0 > lo || lo == s.tok0 || cut(c0-1) || opens(c0)
	c1 = at + 1
	for c1 < hi && !cut(c1) && !opens(c1) {
		c1++
	}
	return c0, min(c1, s.tok1), started
}

// pastVerb finds a past tense that governs mention m in toks[c0:c1], its
// clause (in a sentence starting at s0), and returns it as written. A past
// tense in an aside that does not hold the date ("The charter, adopted in
// 2024, takes effect in 2029") does not govern it, nor one whose reach an
// infinitive interrupts ("was allowed to run in 2029").
func pastVerb(u *unit, c0, c1, s0 int, m mention, lx *lexicon) (string, bool) {
	verb, _, ok := pastVerbAt(u, c0, c1, s0, m, lx)
	return verb, ok
}

// pastVerbAt is pastVerb, and the index of the past tense's last token.
func pastVerbAt(u *unit, c0, c1, s0 int, m mention, lx *lexicon) (string, int, bool) {
	toks := u.toks
	notDate := func(t *token) bool { return t.inDate }
	opened := func(i int) bool {
		return i > c0 && lx.participleOpeners.has(u.lower(i-1))
	}
	for i := c0; i < c1; i++ {
		t := &toks[i]
		if t.inDate {
			continue
		}
		end, aux := lx.pastAuxiliaries.matchAt(u, i, c1, notDate)
		if aux {
			// An auxiliary is quoted with the participle after it: "was attacked".
			if end < c1 && !toks[end].inDate && (isEd(u, end, lx) || lx.pastVerbs.has(u.lower(end))) {
				end++
			}
		} else if e, ok := lx.pastVerbs.matchAt(u, i, c1, notDate); ok && !opened(i) && (!t.upper || i == s0) {
			end = e
		} else if isEd(u, i, lx) && !opened(i) && !t.upper {
			end = i + 1
		} else {
			continue
		}
		if aside(u, c0, c1, i, m) || infinitiveBetween(u, i, end, m, lx) {
			i = end - 1
			continue
		}
		return u.Text[t.start:toks[end-1].end], end - 1, true
	}
	return "", 0, false
}

// aside reports whether toks[v] stands in a part of the clause toks[c0:c1]
// set off by commas, brackets or dashes on both sides that does not hold m
// and does not follow an opening phrase holding m.
func aside(u *unit, c0, c1, v int, m mention) bool {
	mark := func(i int) bool {
		t := &u.toks[i]
		return t.kind == tokPunct && !t.inDate && strings.Contains(",()–—", u.lower(i))
	}
	a := v
	for a > c0 && !mark(a-1) {
		a--
	}
	b := v
	for b < c1 && !mark(b) {
		b++
	}
	if a == c0 || b == c1 || m.tok0 >= a && m.tok1 <= b {
		return false
	}
	// After an opening phrase that holds the date ("On March 3, 2026,
	// militants fired on a bus, killing nine"), the part is the main clause.
	p := a - 1
	for p > c0 && !mark(p-1) {
		p--
	}
	return !(p == c0 && m.tok0 >= p && m.tok1 <= a-1)
}

// infinitiveBetween reports whether "to" and a verb stand between the past
// tense at toks[v:vEnd] and mention m ("allowed Goïta to run in 2029"):
// "to" followed by a word in lower case that is not an article or the like.
func infinitiveBetween(u *unit, v, vEnd int, m mention, lx *lexicon) bool {
	from, to := vEnd, m.tok0
	if m.tok1 <= v {
		from, to = m.tok1, v
	}
	for k := from; k+1 < to; k++ {
		t, next := &u.toks[k], &u.toks[k+1]
		if !t.inRelative && next.kind == tokWord && !next.upper && !next.inDate && u.lower(k) == "to" &&
			!lx.participleOpeners.has(u.lower(k+1)) {
			return true
		}
	}
	return false
}

// isEd reports whether a token is a word ending in -ed that is not one of
// the participle adjectives.
func isEd(u *unit, i int, lx *lexicon) bool {
	if u.toks[i].kind != tokWord {
		return false
	}
	w := u.lower(i)
	return len(w) >= 4 && w[len(w)-2:] == "ed" && !lx.participleAdjectives.has(w)
}
