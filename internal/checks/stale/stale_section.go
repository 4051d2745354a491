package stale

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/prose"
)

var StaleSection = &lint.Rule{
	ID:      "stale-section",
	Level:   lint.Info,
	Summary: "a section's newest dated event is long before the publication date",
	Doc: `A section whose newest dated event is more than "max-months" months (24 by default) older
than the report's publication date was probably not revised with the rest of the report. Events
are the explicit dates with a year in the section's own paragraphs ("May 2022", "mid-2022",
"2018"), each taken at its latest day (mid-2022 ends on 31 August 2022); dates after the
publication date are plans, not events, and are passed over. A year that is part of a name is
no event ("the Terrorism Act (2000)", "a 1968 international driving permit", "notes dated
2006": the words of rules/data/section-dates.yaml just after or before it). A date that starts
a state its sentence says still holds is taken to run to the publication date: "since" a few
words before it in its clause ("closed since the army took the crossing in May 2024"), or an
ongoing phrase of the same file in its sentence ("declared in 2022, remains in effect", "an
ongoing conflict that started in 2023"). A section that opens with
a revision note ("Reissued after periodic review", "Updated to reflect…": the openers in
rules/data/revision-notes.yaml) before any dated event says it was revised for this edition,
and is not judged. A section with no dated event,
and every section of a report with no publication date, is not judged.

The rule judges only the kinds of report revised as a whole for each edition (osac-csr,
travel-advisory, and a house profile unless it says "revised-as-whole: false"): there the publication date is
when every section was reviewed. A page amended section by section (other governments' travel
advice, read as generic) is dated by its latest amendment anywhere, and keeps a standing risk's
dated example ("kidnapped on 7 October 2023") in a section nobody needed to touch; how a
generic report is revised is not known, so it is not judged.

Each section is judged on its own paragraphs: a subsection is judged alone and does not
count toward its parent, because each heading is a unit an editor revises ("Anti-Western
Sentiment" can go stale under a fresh "Political Violence"). The finding is at the heading,
at level info: a section may rightly tell history, so this asks for a look rather than a
change. The "skip" option names headings never judged, such as a history section.`,
	Bad:     "OSAC Country Security Report\n\nPublished: November 29, 2024\n\nCrime\n\nCarjackings rose sharply in early 2022.",
	Good:    "OSAC Country Security Report\n\nPublished: November 29, 2024\n\nCrime\n\nCarjackings rose sharply in early 2022 and again in August 2024.",
	Options: func() any { return &staleSectionOptions{MaxMonths: 24, Skip: []string{}} },
	Run:     runStaleSection,
}

type staleSectionOptions struct {
	MaxMonths int      `yaml:"max-months" doc:"a section whose newest dated event is more than this many months before publication is stale"`
	Skip      []string `yaml:"skip" doc:"headings never judged (compared ignoring case and punctuation; {country} stands for the report's country)"`
}

func (o *staleSectionOptions) Validate() error {
	if o.MaxMonths < 1 {
		return errors.New("max-months: give a number of months, 1 or more")
	}
	return nil
}

func runStaleSection(pass *lint.Pass) {
	opts := pass.Options.(*staleSectionOptions)
	pub, ok := published(pass.Doc)
	if !ok || pass.Profile == nil || !pass.Profile.RevisedAsWhole {
		return
	}
	skip := map[string]bool{}
	for _, s := range opts.Skip {
		skip[profile.NormalizeTitle(expandCountry(s, pass.Doc.Country.Value))] = true
	}
	events := datedEvents(pass.File.Text, pass.Doc.Dates, pub)
	events = readEvents(pass.File.Text, pass.Doc.AllSections(), events, pub, opts.MaxMonths, must(defaultSectionDates()))
	revision := must(defaultRevisionNote())
	for _, sec := range pass.Doc.AllSections() {
		if len(skip) > 0 && skip[profile.NormalizeTitle(sec.Title.Value)] || revisedAtHead(sec, events, revision) {
			continue
		}
		var newest *event
		for _, p := range sec.Paragraphs {
			for _, e := range eventsIn(events, p.Span) {
				if newest == nil || e.to.After(newest.to) {
					newest = e
				}
			}
		}
		if newest == nil {
			continue
		}
		age := monthsBetween(newest.to, pub)
		if age <= opts.MaxMonths {
			continue
		}
		span := sec.Title.Span
		if span.IsZero() {
			span = sec.Heading
		}
		pass.Report(lint.Finding{
			Span: span,
			Message: fmt.Sprintf("the newest dated event in section %q is %q (line %d), %d months before publication on %s (more than %d)",
				sec.Title.Value, oneLine(newest.m.Text), line(pass, newest.m.Span), age, pub.Format("2006-01-02"), opts.MaxMonths),
			Hint: "add what has happened since, or confirm the section is still current",
		})
	}
}

// revisedAtHead reports whether a section opens with a revision note
// ("Reissued after periodic review"): a paragraph that opens with one of the
// openers of rules/data/revision-notes.yaml, before any paragraph with a
// dated event. The section was then revised on the publication date.
func revisedAtHead(sec *document.Section, events []*event, note *boundedPhrases) bool {
	for _, p := range sec.Paragraphs {
		if note.MatchString(p.Text) {
			return true
		}
		if len(eventsIn(events, p.Span)) > 0 {
			return false
		}
	}
	return false
}

// event is an explicit date with a year, and the last day it covers.
type event struct {
	m  *document.DateMention // in the report's Dates
	to time.Time
}

// datedEvents lists, by position, the explicit dates with a year that do not
// lie wholly after pub; a date running past pub is taken to end there.
func datedEvents(text string, dates []document.DateMention, pub time.Time) []*event {
	all := make([]event, 0, len(dates)) // one allocation for a report's events
	out := make([]*event, 0, len(dates))
	for i := range dates {
		d := &dates[i]
		if d.Kind != document.DateExplicit {
			continue
		}
		from, ok1 := isoDay(d.From)
		to, ok2 := isoDay(d.To)
		if !ok1 || !ok2 || from.After(pub) {
			continue
		}
		if to.After(pub) {
			to = pub
		}
		all = append(all, event{m: d, to: to})
		out = append(out, &all[len(all)-1])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].m.Span.Start < out[j].m.Span.Start })
	return out
}

// readEvents reads each event of the sections' paragraphs in its sentence:
// a year that names a thing ("the Terrorism Act (2000)", "a 1968 driving
// permit") is no event and is dropped; a date that starts a state its
// sentence says still holds ("since May 2021", "put in place in 2022,
// remains in effect") is taken to run to pub, for that state runs up to
// the time of writing. Events outside the paragraphs are kept as they are.
//
// A date no more than maxMonths before pub is not read for a state that
// holds: its section is not stale with it as it is, and would not be with
// it run to pub either, so which it is changes no finding (most of a
// fresh report's dates, and the sentences of most paragraphs, go unread).
func readEvents(text string, sections []*document.Section, events []*event, pub time.Time, maxMonths int, sd *sectionDates) []*event {
	named := map[*event]bool{}
	var sentences []prose.Range // reused from paragraph to paragraph
	var memo sentenceMemo       // a paragraph's dates often share a sentence
	for _, sec := range sections {
		for _, p := range sec.Paragraphs {
			in := eventsIn(events, p.Span)
			if len(in) == 0 || p.Span.Start < 0 || p.Span.End > len(text) {
				continue
			}
			para := text[p.Span.Start:p.Span.End]
			split := false  // sentences holds para's
			memo.ok = false // its sentences are another paragraph's
			for _, e := range in {
				at, end := e.m.Span.Start-p.Span.Start, e.m.Span.End-p.Span.Start
				if at < 0 || end > len(para) || at > end {
					continue
				}
				if sd.names(para, at, end) {
					named[e] = true
					continue
				}
				if monthsBetween(e.to, pub) <= maxMonths {
					continue
				}
				if !split {
					sentences, split = prose.AppendSentences(sentences[:0], para), true
				}
				if sd.holds(para, prose.In(sentences, para, at), at, &memo) {
					e.to = pub
				}
			}
		}
	}
	if len(named) == 0 {
		return events
	}
	out := events[:0:0]
	for _, e := range events {
		if !named[e] {
			out = append(out, e)
		}
	}
	return out
}

// eventsIn returns the events within span.
func eventsIn(events []*event, span document.Span) []*event {
	i := sort.Search(len(events), func(i int) bool { return events[i].m.Span.Start >= span.Start })
	j := i
	for j < len(events) && events[j].m.Span.Start < span.End {
		j++
	}
	return events[i:j]
}

// runeBefore is utf8.DecodeLastRuneInString(text[:i]), without decoding
// an ASCII byte: sinceBefore reads a sentence's words backwards with it.
func runeBefore(text string, i int) (rune, int) {
	if c := text[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(text[:i])
}

// letterOrDigit is unicode.IsLetter or IsDigit, by table for ASCII.
func letterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiLetterOrDigit[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

var asciiLetterOrDigit = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
	}
	return t
}()

// monthsBetween counts the whole months from a to b.
func monthsBetween(a, b time.Time) int {
	n := (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
	if b.Day() < a.Day() {
		n--
	}
	return n
}

// sinceWords is how many words "since" may stand before the date it opens
// ("since the army took control of the crossing on 6 May 2024").
const sinceWords = 12

// sinceBefore reports whether "since" opens the clause of the date at
// text[at:]: it stands at most sinceWords words before it, with no clause
// punctuation (",", ";", ":", a dash or a bracket) between. text is the
// date's sentence up to its end, so that "since" is never read across one. After its date,
// or across a comma ("Since the roads are unsafe, kidnappings rose in
// 2019"), "since" is usually "because".
func sinceBefore(text string, at int) bool {
	if at > len(text) {
		return false
	}
	words := 0
	for i := at; i > 0; {
		r, n := runeBefore(text, i)
		switch {
		case letterOrDigit(r):
			j := i
			for j > 0 {
				r, n := runeBefore(text, j)
				if !letterOrDigit(r) && r != '\'' && r != '’' {
					break
				}
				j -= n
			}
			if strings.EqualFold(text[j:i], "since") {
				return true
			}
			if words++; words > sinceWords {
				return false
			}
			i = j
			continue
		case strings.ContainsRune(",;:()–—", r):
			return false
		}
		i -= n
	}
	return false
}
