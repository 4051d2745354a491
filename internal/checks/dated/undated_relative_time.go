package dated

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var UndatedRelativeTime = &lint.Rule{
	ID:      "undated-relative-time",
	Level:   lint.Warning,
	Summary: "a relative time phrase (recently, currently, in recent months) has no date in its sentence",
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
reading-time list there). Headings are not read: a heading names a section, and the
paragraphs under it carry the dates. The sentence is the unit because a date two sentences away
may be about another event; the sentence splitter is package prose.`,
	Bad:  "NGOs have recently been targeted for kidnapping in central Mali.",
	Good: "NGOs have been targeted for kidnapping in central Mali since early 2024.",
	Options: func() any {
		return &undatedOptions{Points: list{"past", "present", "future"}, Ignore: list{}, DatePrecision: "year"}
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
	for _, u := range analyse(pass) {
		if u.Heading {
			continue
		}
		dated := make([]bool, len(u.sents)) // the sentence has a date with a year
		for _, o := range u.dates {
			if r := rankOf(o.DateMention); r >= 0 && r <= coarsest {
				dated[o.sent] = true
			}
		}
		anchored := u.sentenceHas(nil, lx.anchors)
		for _, m := range u.dates {
			if m.Kind != document.DateRelative || !slices.Contains(opts.Points, m.Points) || dated[m.sent] {
				continue
			}
			phrase := u.quote(m.start, m.end)
			if slices.ContainsFunc(opts.Ignore, func(s string) bool { return sameWords(s, phrase) }) ||
				anchored(m.sent) || readingTime(u, u.sents[m.sent], m, lx) {
				continue
			}
			msg, hint := undatedWording(phrase, m.Points)
			pass.Report(lint.Finding{Span: u.source(m.start, m.end), Message: msg, Hint: hint})
		}
	}
}

// sameWords compares phrases ignoring case and spacing.
func sameWords(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// readingTime reports whether m is part of a phrase that points to the time
// of reading ("the most recent Travel Advisory").
func readingTime(u *unit, s sentence, m mention, lx *lexicon) bool {
	for i := max(s.tok0, m.tok0-maxPhraseWords); i < m.tok1; i++ {
		if end, ok := lx.readingTime.matchAt(u.toks, i, s.tok1, nil); ok && end > m.tok0 {
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
