package dated

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var UnsourcedStatistic = &lint.Rule{
	ID:      "unsourced-statistic",
	Level:   lint.Info,
	Summary: "a count of attacks or casualties has no source in its sentence",
	Doc: `A count of events or casualties ("887 attacks in 2023", "killed 70 people") is a claim a
reader will want to check and quote; the sentence should say whose count it is ("according to
ACLED", "media reported", "data from", "per OCHA"). The rule finds, in figures, a number
followed by an event noun ("887 attacks", "15 violent incidents"), a number of people with a
casualty word near it ("70 people were killed", "12 soldiers died"), or a casualty word just
before a number ("killed at least 70", "the death toll at 70"), in a sentence with no
attribution. A source may also be the subject of a counting verb: a name or a source noun
just before "calculated", "estimates", "recorded", "show" ("the U.S. Embassy calculated
that…", "police data show…"; "an estimated 300" is not a source). The word lists are in
rules/data/dated-claims.yaml.

It is meant to miss rather than to nag. Not counts: years and other dates, numbers under
min-count (the details of one event: "three gendarmes"), numbers in words, times ("0500"),
ages ("a 25-year-old", "aged 30"), durations ("24 hours"), money, distances and shares
(the units list), names and ranks ("Level 4", "Air Base 101"), phone numbers and anything
else in contact details, numbers glued to other signs ("8000-1115", "$500", "50%"). One finding
is given per sentence. The level is info: an unsourced count is not wrong in itself (the
writer may be the source), so the rule asks a question rather than reports an error.`,
	Bad:  "JNIM carried out 412 attacks in central Mali in 2023.",
	Good: "According to ACLED, JNIM carried out 412 attacks in central Mali in 2023.",
	Options: func() any {
		return &statOptions{MinCount: 10, MaxGap: 2, CasualtyWindow: 4, ExtraAttributions: list{}}
	},
	Run: runUnsourcedStatistic,
}

type statOptions struct {
	MinCount          int  `yaml:"min-count" doc:"the smallest number that counts as a statistic; smaller counts are usually the details of one event"`
	MaxGap            int  `yaml:"max-gap" doc:"how many words may stand between a number and the noun it counts (\"887 violent attacks\" has 1)"`
	CasualtyWindow    int  `yaml:"casualty-window" doc:"how many words from a number of people a casualty word may stand (\"70 people were killed\" has 1 between)"`
	ExtraAttributions list `yaml:"extra-attributions" doc:"more attribution phrases, added to the list in rules/data/dated-claims.yaml (e.g. \"RSO reporting\")"`
}

func (o *statOptions) Validate() error {
	if o.ExtraAttributions == nil {
		return errors.New("extra-attributions: give a list (it may be empty)")
	}
	for name, n := range map[string]int{"min-count": o.MinCount, "max-gap": o.MaxGap, "casualty-window": o.CasualtyWindow} {
		if err := validateCount(name, n); err != nil {
			return err
		}
	}
	return nil
}

// statistic is a count found at toks[start:end].
type statistic struct{ start, end int }

func runUnsourcedStatistic(pass *lint.Pass) {
	opts := pass.Options.(*statOptions)
	lx := words()
	extra := compileSet(opts.ExtraAttributions)
	contacts := contactSpans(pass.Doc)
	var stats []statistic // reused from sentence to sentence
	for _, u := range analyse(pass) {
		if u.Heading || u.bare {
			continue
		}
		for _, s := range u.sents {
			stats = appendStatistics(stats[:0], contacts, u, s, opts, lx)
			if len(stats) == 0 {
				continue
			}
			if _, _, ok := lx.attributions.find(u, s.tok0, s.tok1, nil); ok {
				continue
			}
			if _, _, ok := extra.find(u, s.tok0, s.tok1, nil); ok || sourceSubject(u, s, lx) {
				continue
			}
			first := stats[0]
			start, end := int(u.toks[first.start].start), int(u.toks[first.end-1].end)
			msg := fmt.Sprintf("the count %q has no source in its sentence", u.quote(start, end))
			if n := len(stats) - 1; n == 1 {
				msg += ", nor has the other count there"
			} else if n > 1 {
				msg += fmt.Sprintf(", nor have the %d other counts there", n)
			}
			pass.Report(lint.Finding{
				Span:    u.source(start, end),
				Message: msg,
				Hint:    `say whose count it is ("according to ACLED, ...", "media reported ...", "data from ...")`,
			})
		}
	}
}

// sourceSubject reports whether sentence s names the source of its counts
// as the subject of a source verb ("the U.S. Embassy calculated", "police
// data show", "…, the ministry estimated"): the word before the verb is a
// name (a capital within the sentence, or an acronym) or a source noun. Not
// after a sentence's first word alone, which has a capital anyway, nor
// after "an" or "the" ("an estimated 300").
func sourceSubject(u *unit, s sentence, lx *lexicon) bool {
	toks := u.toks
	for i := s.tok0 + 1; i < s.tok1; i++ {
		if !lx.sourceVerbs.has(u.lower(i)) {
			continue
		}
		p := &toks[i-1]
		if p.kind != tokWord || p.inDate {
			continue
		}
		name := p.upper && (i-1 > s.tok0 || acronym(u.Text[p.start:p.end]))
		if name || lx.sourceNouns.has(u.lower(i-1)) {
			return true
		}
	}
	return false
}

// acronym reports whether a word is written in capitals, two or more.
func acronym(w string) bool {
	return len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// appendStatistics appends to out the counts of events or casualties in
// sentence s.
func appendStatistics(out []statistic, contacts spans, u *unit, s sentence, opts *statOptions, lx *lexicon) []statistic {
	for i := s.tok0; i < s.tok1; i++ {
		if !isCount(contacts, u, s, i, opts, lx) {
			continue
		}
		start, afterCasualty := casualtyBefore(u, s, i, lx)
		if !afterCasualty {
			start = i
		}
		end := 0
		if st, ok := countedNoun(u, s, i, opts, lx); ok {
			end = st.end
		} else if afterCasualty {
			end = i + 1
			if e, ok := lx.peopleNouns.matchAt(u, end, s.tok1, nil); ok {
				end = e
			}
		} else {
			continue
		}
		out = append(out, statistic{start, end})
		i = end - 1
	}
	return out
}

// isCount reports whether toks[i] is a number that may count events: in
// figures, at least min-count, whole, and not a date, a time, a code, a
// measure, a name or part of contact details.
func isCount(contacts spans, u *unit, s sentence, i int, opts *statOptions, lx *lexicon) bool {
	toks := u.toks
	t := &toks[i]
	if t.kind != tokNumber || t.inDate || t.inRelative {
		return false
	}
	w := u.lower(i)
	if strings.ContainsRune(w, '.') {
		return false
	}
	if len(w) > 1 && w[0] == '0' {
		return false // 0500: a time or a code
	}
	n, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
	if err != nil || n < opts.MinCount {
		return false
	}
	if i > s.tok0 && !t.spaceBefore {
		if p := &toks[i-1]; p.kind != tokPunct || strings.Contains("-–—+/$€£#:.", u.lower(i-1)) {
			return false
		}
	}
	if i+1 < s.tok1 && !toks[i+1].spaceBefore && strings.Contains("-–—/%:+)", u.lower(i+1)) {
		return false
	}
	if lx.numberLabels.endsAt(u, s.tok0, i, nil) {
		return false
	}
	if _, ok := lx.units.matchAt(u, i+1, s.tok1, nil); ok {
		return false
	}
	return !contacts.overlap(u.source(int(t.start), int(t.end)))
}

// spans are source spans sorted by start, with the furthest end reached by
// each prefix, so that overlap is one binary search.
type spans struct {
	starts, maxEnds []int
}

func contactSpans(r *document.Report) spans {
	// Made at their size (the starts and ends in one array), and sorted
	// without reflection: these were a tenth of the allocations of the
	// date rules. Contacts with equal starts may come in any order: a
	// search for a bound never falls between them.
	ss := make([]document.Span, len(r.Contacts))
	for i := range r.Contacts {
		ss[i] = r.Contacts[i].Span
	}
	slices.SortFunc(ss, func(a, b document.Span) int { return cmp.Compare(a.Start, b.Start) })
	if len(ss) == 0 {
		return spans{}
	}
	ints := make([]int, 2*len(ss))
	out := spans{starts: ints[:len(ss):len(ss)], maxEnds: ints[len(ss):]}
	for i, s := range ss {
		end := s.End
		if i > 0 {
			end = max(end, out.maxEnds[i-1])
		}
		out.starts[i] = s.Start
		out.maxEnds[i] = end
	}
	return out
}

// overlap reports whether any span overlaps s: among the spans that start
// before s ends, one ends after s starts.
func (ss spans) overlap(s document.Span) bool {
	i := sort.SearchInts(ss.starts, s.End)
	return i > 0 && ss.maxEnds[i-1] > s.Start
}

// countedNoun reads "887 attacks" and "70 people ... killed": the number at
// toks[i], up to max-gap words, then an event noun, or a people noun with a
// casualty word within casualty-window words.
func countedNoun(u *unit, s sentence, i int, opts *statOptions, lx *lexicon) (statistic, bool) {
	toks := u.toks
	for j := i + 1; j <= i+1+opts.MaxGap && j < s.tok1; j++ {
		if toks[j].kind != tokWord || toks[j].inDate {
			break
		}
		if end, ok := lx.eventNouns.matchAt(u, j, s.tok1, nil); ok {
			return statistic{i, end}, true
		}
		if end, ok := lx.peopleNouns.matchAt(u, j, s.tok1, nil); ok {
			if casualtyNear(u, s, i, end, opts.CasualtyWindow, lx) {
				return statistic{i, end}, true
			}
		}
		if _, ok := lx.units.matchAt(u, j, s.tok1, nil); ok {
			break
		}
	}
	return statistic{}, false
}

// casualtyNear reports whether a casualty word stands within w words before
// toks[start] or after toks[end-1], in the sentence.
func casualtyNear(u *unit, s sentence, start, end, w int, lx *lexicon) bool {
	for k := max(s.tok0, start-w-maxPhraseWords); k < start; k++ {
		if e, ok := lx.casualtyWords.matchAt(u, k, start, nil); ok && e >= start-w {
			return true
		}
	}
	for k := end; k <= end+w && k < s.tok1; k++ {
		if _, ok := lx.casualtyWords.matchAt(u, k, s.tok1, nil); ok {
			return true
		}
	}
	return false
}

// casualtyBefore reads "killed 70" and "the death toll at 70": a casualty
// word, then only count qualifiers, then the number at toks[i]. It returns
// where the casualty word starts.
func casualtyBefore(u *unit, s sentence, i int, lx *lexicon) (int, bool) {
	k := i
	for n := 0; n < 4 && k > s.tok0 && lx.countQualifiers.has(u.lower(k-1)); n++ {
		k--
	}
	for from := max(s.tok0, k-maxPhraseWords); from < k; from++ {
		if end, ok := lx.casualtyWords.matchAt(u, from, k, nil); ok && end == k {
			return from, true
		}
	}
	return 0, false
}
