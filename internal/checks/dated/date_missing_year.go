package dated

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var DateMissingYear = &lint.Rule{
	ID:      "date-missing-year",
	Level:   lint.Warning,
	Summary: "a day or month is written without a year, and nothing before it gives one",
	Doc: `"On September 17" or "from April to July" is clear the week it is written; a report is read
for a year or more and revised into the next edition, and then nobody can tell which September
is meant. The publication date does not settle it: events in a report span many years.

A day or month without a year is flagged unless something dates it for the reader, who reads
left to right. A date with a year may share it, with only "and", "or", "to", commas and other
days between ("March 3 and May 5, 2024", "in April or May 2025": the year-connectors in
rules/data/dated-claims.yaml). A date with a year may come before it in the same sentence ("In
2024, ... on September 17"; "after the February 2024 deadline, ... from April to July"): the
sentence has set the year. One may stand in the sentence just before, in the same paragraph
("In March 2024, X. On April 2, Y."): the narrative has set it (the previous-sentences option).
Or the sentence speaks of something that comes back every year (a holiday, an anniversary, a
season, what usually happens: the recurring words in the same file), or names only months in
the present tense ("the rainy season runs from June to October"), unless its clause makes it
one particular time: a past or perfect tense, "since", "will", "scheduled" (the
one-time-markers) or "until". A list item reads the line that introduces its list ("In
2024:", "national holidays include:") as the sentence before it. A day used as an event's
name ("the September 11 attacks": the date-names) or in a place's name ("the 28 September
Stadium", "Avenue 26 March": the place-nouns) is not a date to complete.

A year after the date in another clause does not count: in "On September 17, militants
attacked the capital after a rise in attacks throughout 2024", "2024" dates the rise, and the
reader meets "September 17" with no year. A year before the date is taken as its frame even
when it dates another event: the reader has just read it, so the rule stays silent rather than
argue. A relative year attached to the date or before it ("on April 2 last year", "Last year,
on April 2") counts as a year here; undated-relative-time reports the relative phrase instead.`,
	Bad:     "On September 17, militants attacked the airport after months of rising violence throughout 2024.",
	Good:    "On September 17, 2024, militants attacked the airport after months of rising violence.",
	Options: func() any { return &missingYearOptions{PreviousSentences: 1} },
	Run:     runDateMissingYear,
}

type missingYearOptions struct {
	PreviousSentences int `yaml:"previous-sentences" doc:"how many sentences before it, in the same paragraph, may give a day or month its year (0: only its own sentence)"`
}

func (o *missingYearOptions) Validate() error {
	return validateCount("previous-sentences", o.PreviousSentences)
}

func runDateMissingYear(pass *lint.Pass) {
	opts := pass.Options.(*missingYearOptions)
	lx := words()
	where := "its sentence"
	switch n := opts.PreviousSentences; {
	case n == 1:
		where = "its sentence or the one before"
	case n > 1:
		where = fmt.Sprintf("its sentence or the %d before", n)
	}
	var shared []bool // reused from unit to unit
	units := analyse(pass)
	leads := leadIns(units)
	var lastLead *unit               // the lead-in of the last list item read
	var leadYear, leadRecurring bool // what it says
	for k, u := range units {
		if u.bare {
			continue // no day or month without a year
		}
		shared = yearsShared(shared, u, lx)
		recurring := u.sentenceHas(nil, lx.recurring)
		anchored := u.sentenceHas(nil, lx.anchors)
		// The lead-in line of a list is read as the sentence before its
		// items: "In 2025:" gives them a year, "Large crowds are common on
		// national dates, including:" makes them dates of every year. A
		// list's items come together, so each lead-in is read once.
		if lead := leads[k]; lead != lastLead {
			lastLead = lead
			leadYear = lead != nil && hasYear(lead, len(lead.sents)-1, lx)
			leadRecurring = lead != nil && lead.has(lx.recurring)
		}
		lastYear := -1 // the sentence of the last date with a year seen
		for i, m := range u.dates {
			if !noYear(m.DateMention) {
				if yearOf(m, lx) {
					lastYear = m.sent
				}
				continue
			}
			if lastYear >= 0 && lastYear >= m.sent-opts.PreviousSentences || shared[i] ||
				leadYear && m.sent < opts.PreviousSentences || anchored(m.sent) || dateAsName(u, m, lx) {
				continue
			}
			if !oneTime(u, m, lx) && (m.Precision == document.PrecisionMonthNoYear || recurring(m.sent) || leadRecurring) {
				continue // a month, or a day, that comes back every year
			}
			text := u.quote(m.start, m.end)
			sep := " "
			if m.Precision == document.PrecisionDayNoYear {
				sep = ", "
			}
			pass.Report(lint.Finding{
				Span:    u.source(m.start, m.end),
				Message: fmt.Sprintf("%q has no year, and none is given with it or earlier in %s", text, where),
				Hint:    fmt.Sprintf(`write the year with it ("%s%sYYYY"), or open the sentence with the year ("In YYYY, ...")`, text, sep),
			})
		}
	}
}

// hasYear reports whether sentence i of u holds a mention that gives a year.
func hasYear(u *unit, i int, lx *lexicon) bool {
	for _, m := range u.dates {
		if m.sent == i && yearOf(m, lx) {
			return true
		}
	}
	return false
}

// oneTime reports whether the clause of m, a day or month without a year,
// makes it one particular day or month: it tells of the past (a past tense
// or the perfect), of a start ("since") or of a plan ("will", "scheduled";
// the one-time-markers), or a limit word stands just before the date
// ("until March"; the future-prepositions).
func oneTime(u *unit, m mention, lx *lexicon) bool {
	s := u.sents[m.sent]
	c0, c1 := clauseOf(u, s, m.tok0, lx)
	return toldAsPast(u, c0, c1, s.tok0, m, lx) || clauseHas(u, c0, c1, lx.oneTimeMarkers) ||
		lx.futurePrepositions.endsAt(u, s.tok0, m.tok0, nil)
}

// dateAsName reports whether m, a day without a year, is used as an event's
// name: "the" or the like before it and one of the date-names just after it,
// or after one more word ("the October 7 terrorist attack"); or as part of
// a place's name (placeName).
func dateAsName(u *unit, m mention, lx *lexicon) bool {
	if m.Precision != document.PrecisionDayNoYear || m.tok0 == 0 {
		return false
	}
	if placeName(u, m, lx) {
		return true
	}
	if !lx.participleOpeners.has(u.lower(m.tok0 - 1)) {
		return false
	}
	for j := m.tok1; j < len(u.toks) && j <= m.tok1+1; j++ {
		if u.toks[j].kind != tokWord {
			return false
		}
		if lx.dateNames.has(u.lower(j)) {
			return true
		}
	}
	return false
}

// yearOf reports whether a mention gives a year: an explicit date with one,
// or a relative year ("last year"; the relative-years list).
func yearOf(m mention, lx *lexicon) bool {
	if givesYear(m.DateMention) {
		return true
	}
	if m.Kind != document.DateRelative {
		return false
	}
	mu := tokenize(m.Text)
	end, ok := lx.relativeYears.matchAt(mu, 0, len(mu.toks), nil)
	return ok && end == len(mu.toks)
}

// yearsShared says, for each mention, whether it is a day or month without
// a year that shares the year of a date after it in its sentence, with only
// connectors and other yearless days between ("March 3 and May 5, 2024";
// "April 2 last year"). It works from the right, so it is linear. The
// answer reuses out's array.
func yearsShared(out []bool, u *unit, lx *lexicon) []bool {
	out = append(out[:0], make([]bool, len(u.dates))...) // all false
	for i := len(u.dates) - 2; i >= 0; i-- {
		m, o := u.dates[i], u.dates[i+1]
		if !noYear(m.DateMention) || o.sent != m.sent || !onlyConnectors(u, m.tok1, o.tok0, lx) {
			continue
		}
		out[i] = yearOf(o, lx) || noYear(o.DateMention) && out[i+1]
	}
	return out
}

// onlyConnectors reports whether toks[from:to] are all year-connectors.
func onlyConnectors(u *unit, from, to int, lx *lexicon) bool {
	for at := from; at < to; {
		end, ok := lx.yearConnectors.matchAt(u, at, to, nil)
		if !ok {
			return false
		}
		at = end
	}
	return true
}

// placeName reports whether m, a day without a year, is part of a place's
// name: one of the place-nouns, with a capital, just after it ("the 28
// September Stadium") or just before it, with at most a name-connector
// between ("Avenue 26 March", "Boulevard of 30 June").
func placeName(u *unit, m mention, lx *lexicon) bool {
	place := func(i int) bool {
		t := &u.toks[i]
		return t.kind == tokWord && t.upper && !t.inDate && lx.placeNouns.has(u.lower(i))
	}
	if m.tok1 < len(u.toks) && place(m.tok1) {
		return true
	}
	before := m.tok0
	for n := 2; n >= 1; n-- { // "of the" is two words, "du" one
		if before-n >= 0 {
			if end, ok := lx.nameConnectors.matchAt(u, before-n, m.tok0, nil); ok && end == m.tok0 {
				before -= n
				break
			}
		}
	}
	return before > 0 && place(before-1)
}
