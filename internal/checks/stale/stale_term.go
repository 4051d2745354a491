package stale

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/prose"
	"github.com/reportlint/reportlint/internal/tense"
)

var StaleTerm = &lint.Rule{
	ID:      "stale-term",
	Level:   lint.Warning,
	Summary: "a mission, group or name that has ended is spoken of as current",
	Doc: `The watch list (rules/data/watchlist.yaml) names what has ended, dissolved or been renamed,
each with the date it went stale: MINUSMA (31 December 2023), Operation Barkhane (November
2022), Mali's CNSP (January 2021), Twitter (renamed X, July 2023), and more. In a report
published after that date (or, with no publication date, checked after it), a mention is
flagged when its sentence speaks of it as current.

Whether a sentence does is decided timidly: a present-tense verb such as "is", "remains" or
"has" within a few words after the name ("is" or "are" just before it), and nothing in the
sentence that points to the past: a past tense ("was", "withdrew"), a word of ending ("ended",
"former", "until"), a denial ("no longer"), or a year no later than the date the name went
stale. History ("MINUSMA withdrew in December 2023") is never flagged; when in doubt the rule
stays quiet. An entry may concern only reports on some countries (Mali's CNSP, not Niger's).

Options add entries ("terms", in the watch list's shape), drop built-in ones ("skip"), and
add cue words ("current-words", "past-words").`,
	Bad:  "Published: June 2, 2025\n\nMINUSMA remains the main security presence in Gao.",
	Good: "Published: June 2, 2025\n\nMINUSMA withdrew from Gao when its mandate ended in December 2023.",
	Options: func() any {
		return &staleTermOptions{Terms: []WatchEntry{}, Skip: []string{}, CurrentWords: []string{}, PastWords: []string{}}
	},
	Run: runStaleTerm,
}

type staleTermOptions struct {
	Terms        []WatchEntry `yaml:"terms" doc:"entries added to the built-in watch list: {term, aliases, since: YYYY-MM-DD, note, countries}"`
	Skip         []string     `yaml:"skip" doc:"terms of the built-in watch list not to check"`
	CurrentWords []string     `yaml:"current-words" doc:"words added to those that, after a term, speak of it as current"`
	PastWords    []string     `yaml:"past-words" doc:"words added to those that, anywhere in a sentence, point to the past"`
}

func (o *staleTermOptions) Validate() error {
	known := map[string]bool{}
	for _, e := range must(defaultWatchlist()) {
		known[nameKey(e.Term)] = true
	}
	skipped := map[string]bool{}
	for _, s := range o.Skip {
		if !known[nameKey(s)] {
			return fmt.Errorf("skip: %q is not a term of the built-in watch list", s)
		}
		skipped[nameKey(s)] = true
	}
	// A name watched twice would be reported twice.
	watched := map[string]string{}
	for _, e := range must(defaultWatchlist()) {
		if !skipped[nameKey(e.Term)] {
			for _, n := range append([]string{e.Term}, e.Aliases...) {
				watched[nameKey(n)] = "the built-in watch list"
			}
		}
	}
	for _, e := range o.Terms {
		if err := e.check(); err != nil {
			return fmt.Errorf("terms: %v", err)
		}
		for _, n := range append([]string{e.Term}, e.Aliases...) {
			if where, dup := watched[nameKey(n)]; dup {
				return fmt.Errorf("terms: %q is already watched by %s; skip it there first", n, where)
			}
			watched[nameKey(n)] = fmt.Sprintf("the entry %q", e.Term)
		}
	}
	for _, w := range append(append([]string(nil), o.CurrentWords...), o.PastWords...) {
		if strings.TrimSpace(w) == "" {
			return errors.New("current-words and past-words: a word is empty")
		}
	}
	return nil
}

// builtinWatched is the embedded watch list, compiled once.
var builtinWatched = sync.OnceValue(func() []*watched {
	var out []*watched
	for _, e := range must(defaultWatchlist()) {
		out = append(out, compileEntry(e))
	}
	return out
})

var builtinSet = sync.OnceValue(func() *watchSet { return newWatchSet(builtinWatched()) })

var defaultJudge = sync.OnceValue(func() *tense.Judge { return tense.NewJudge(tense.Cues{}) })

// watchlist is the built-in list less the skipped terms, plus the
// option's, and the set of its names.
func (o *staleTermOptions) watchlist() ([]*watched, *watchSet) {
	if len(o.Skip) == 0 && len(o.Terms) == 0 {
		return builtinWatched(), builtinSet()
	}
	skip := map[string]bool{}
	for _, s := range o.Skip {
		skip[nameKey(s)] = true
	}
	var out []*watched
	for _, w := range builtinWatched() {
		if !skip[nameKey(w.Term)] {
			out = append(out, w)
		}
	}
	for _, e := range o.Terms {
		out = append(out, compileEntry(e))
	}
	return out, newWatchSet(out)
}

func (o *staleTermOptions) judge() *tense.Judge {
	if len(o.CurrentWords) == 0 && len(o.PastWords) == 0 {
		return defaultJudge()
	}
	return tense.NewJudge(tense.Cues{Current: o.CurrentWords, Past: o.PastWords})
}

func runStaleTerm(pass *lint.Pass) {
	opts := pass.Options.(*staleTermOptions)
	judge := opts.judge()
	date := pass.AsOf
	if pub, ok := published(pass.Doc); ok {
		date = pub
	}
	list, set := opts.watchlist()
	var active []int // places in list
	for e, w := range list {
		if date.After(w.since) && concerns(w, pass.Doc.Country.Value) {
			active = append(active, e)
		}
	}
	if len(active) == 0 {
		return
	}
	found, mentioned := make([]bool, set.names.Len()), make([]bool, len(list))
	first, from := make([]int, set.names.Len()), make([]int, len(list))
	var sentences []prose.Range // reused for each unit: one list each was an allocation or more
	for _, u := range pass.Texts() {
		if u.Heading {
			continue
		}
		text := u.Text
		if !set.find(text, found, mentioned, first, from) {
			continue
		}
		split := false // sentences holds this unit's
		for _, e := range active {
			w := list[e]
			if !mentioned[e] {
				continue
			}
			for _, m := range w.find(text, from[e]) {
				if !split {
					sentences, split = prose.AppendSentences(sentences[:0], text), true
				}
				sent := sentenceAt(sentences, m.start, len(text))
				if !judge.SpokenOfAsCurrent(text, sent, m.start, m.end, w.since) {
					continue
				}
				pass.Report(lint.Finding{
					Span:    u.Source(m.start, m.end),
					Message: fmt.Sprintf("%s is spoken of as current, but %s (stale since %s)", oneLine(text[m.start:m.end]), w.Note, w.Since),
					Hint:    "tell it in the past tense with its date, or name what replaced it",
				})
			}
		}
	}
}

// concerns reports whether an entry applies to a report on country: every
// report when it names no countries, else only reports on one of them.
func concerns(w *watched, country string) bool {
	if len(w.Countries) == 0 {
		return true
	}
	table := countries.Default()
	c, ok := table.Lookup(country)
	if !ok {
		return false
	}
	for _, name := range w.Countries {
		if o, ok := table.Lookup(name); ok && o.Name == c.Name {
			return true
		}
	}
	return false
}

func sentenceAt(ss []prose.Range, off, textLen int) prose.Range {
	for _, s := range ss {
		if off >= s.Start && off < s.End {
			return s
		}
	}
	return prose.Range{Start: 0, End: textLen}
}
