package packs

import (
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prose"
	"github.com/reportlint/reportlint/internal/tense"
)

// A watchlist rule flags a term (a mission that ended, a group that
// dissolved) where a report published after the term's date speaks of it as
// current. Whether a sentence does is package tense's call: a deliberately
// timid test that stays quiet when unsure. A rule adds its own cue words
// with `current-words` and `past-words`.

// watchTerm is one term of a watchlist rule.
type watchTerm struct {
	term      string
	aliases   []string
	since     time.Time
	sinceText string // as the pack writes it, for messages
	note      string
	re        *phrase.Matcher
}

func buildWatchlist(d *ruleDef) error {
	ignoreCase, err := d.boolKey("ignore-case", true)
	if err != nil {
		return err
	}
	terms, err := d.watchTerms(ignoreCase)
	if err != nil {
		return err
	}
	extraCurrent, err := d.optionalList("current-words")
	if err != nil {
		return err
	}
	extraPast, err := d.optionalList("past-words")
	if err != nil {
		return err
	}
	judge := tense.NewJudge(tense.Cues{Current: extraCurrent, Past: extraPast})

	r := d.rule
	var names []string
	for _, t := range terms {
		names = append(names, t.term)
	}
	if r.Summary == "" {
		r.Summary = "flags stale terms used as if current: " + quoteList(names, 3)
	}
	if r.Doc == "" {
		var b strings.Builder
		b.WriteString(d.describeKind())
		b.WriteString(" It watches ")
		for i, t := range terms {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%q", t.term)
			if len(t.aliases) > 0 {
				b.WriteString(" (also " + quoteList(t.aliases, 0) + ")")
			}
			fmt.Fprintf(&b, ", stale after %s", t.sinceText)
			if t.note != "" {
				b.WriteString(" (" + t.note + ")")
			}
		}
		b.WriteString(".")
		b.WriteString("\n\nIn a report published after a term's date (or, with no published date, checked after it), a mention is flagged when its sentence speaks of the term as current: a present-tense verb such as \"is\", \"remains\" or \"has\" within a few words after it (\"is\" or \"are\" just before it), and nothing in the sentence that points to the past: a past tense (\"was\", \"withdrew\"), a word of ending (\"ended\", \"former\", \"until\"), a denial (\"no longer\"), or a year no later than the term's date. When in doubt the rule stays quiet.")
		d.finishDoc(&b)
		r.Doc = b.String()
	}

	message, hint, sc := d.message, d.hint, d.scope
	r.Run = func(p *lint.Pass) {
		date := p.AsOf
		if t, err := time.Parse("2006-01-02", p.Doc.Published.Value); err == nil {
			date = t
		}
		var active []*watchTerm
		for _, t := range terms {
			if date.After(t.since) {
				active = append(active, t)
			}
		}
		if len(active) == 0 {
			return
		}
		for _, b := range sc.blocks(p.Doc, p.Profile, p.File.Text, false) {
			text := b.text.Text
			sentences := prose.Sentences(text)
			for _, t := range active {
				for _, m := range findWords(t.re, text) {
					sent := sentenceAt(sentences, m.start, len(text))
					if !judge.SpokenOfAsCurrent(text, sent, m.start, m.end, t.since) {
						continue
					}
					vars := map[string]string{"match": oneLine(text[m.start:m.end]), "note": t.note, "since": t.sinceText, "section": sectionName(b)}
					p.Report(lint.Finding{Span: b.text.Source(m.start, m.end), Message: expand(message, vars), Hint: expand(hint, vars)})
				}
			}
		}
	}
	return nil
}

func sentenceAt(ss []prose.Range, off, textLen int) prose.Range {
	for _, s := range ss {
		if off >= s.Start && off < s.End {
			return s
		}
	}
	return prose.Range{Start: 0, End: textLen}
}

// Keys of one term of a watchlist rule.
var termKeys = []string{"term", "aliases", "since", "note"}

// watchTerms reads the rule's `terms`.
func (d *ruleDef) watchTerms(ignoreCase bool) ([]*watchTerm, error) {
	v := d.keys["terms"]
	if v == nil || isNull(v) {
		return nil, d.errorf(0, "a watchlist rule needs terms, a list of {term, since, note}")
	}
	if v.Kind != yaml.SequenceNode {
		return nil, d.errorf(v.Line, "terms should be a list of {term, since, note}")
	}
	if len(v.Content) == 0 {
		return nil, d.errorf(v.Line, "terms is empty")
	}
	var out []*watchTerm
	seen := map[string]int{}
	for _, item := range v.Content {
		if item.Kind != yaml.MappingNode {
			return nil, d.errorf(item.Line, "each term is a mapping: {term: MINUSMA, since: 2023-12-31, note: …}")
		}
		keys, err := mappingKeys(d.file, d.name, item, termKeys, nil)
		if err != nil {
			return nil, err
		}
		t := &watchTerm{}
		tn := keys["term"]
		if tn == nil || isNull(tn) {
			return nil, d.errorf(item.Line, "a term needs `term:`, the word or phrase to watch")
		}
		if t.term, err = scalar(d.file, d.name, "term", tn); err != nil {
			return nil, err
		}
		if t.term = strings.TrimSpace(t.term); t.term == "" {
			return nil, d.errorf(tn.Line, "term is empty")
		}
		if a := keys["aliases"]; a != nil {
			if t.aliases, err = d.stringList("aliases", a); err != nil {
				return nil, err
			}
		}
		sn := keys["since"]
		if sn == nil || isNull(sn) {
			return nil, d.errorf(item.Line, "term %q needs `since:`, the date (YYYY-MM-DD) after which it is stale", t.term)
		}
		if t.sinceText, err = scalar(d.file, d.name, "since", sn); err != nil {
			return nil, err
		}
		if t.since, err = time.Parse("2006-01-02", t.sinceText); err != nil {
			return nil, d.errorf(sn.Line, "bad date %q for since; write it as YYYY-MM-DD", t.sinceText)
		}
		if nn := keys["note"]; nn != nil && !isNull(nn) {
			if t.note, err = scalar(d.file, d.name, "note", nn); err != nil {
				return nil, err
			}
			t.note = strings.TrimSpace(t.note)
		}
		for _, n := range append([]string{t.term}, t.aliases...) {
			k := phraseKey(n, ignoreCase)
			if first, dup := seen[k]; dup {
				return nil, d.errorf(item.Line, "%q is watched twice (first at line %d)", n, first)
			}
			seen[k] = item.Line
		}
		names := append([]string{t.term}, t.aliases...)
		if err := d.checkPhrases("terms", names, ignoreCase); err != nil {
			return nil, err
		}
		t.re = phraseRegexp(names, ignoreCase)
		out = append(out, t)
	}
	return out, nil
}

// optionalList reads a list key that may be left out.
func (d *ruleDef) optionalList(key string) ([]string, error) {
	v := d.keys[key]
	if v == nil {
		return nil, nil
	}
	list, err := d.stringList(key, v)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, d.errorf(v.Line, "%s is empty", key)
	}
	return list, nil
}
