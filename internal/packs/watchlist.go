package packs

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/prose"
)

// A watchlist rule flags a term (a mission that ended, a group that
// dissolved) where a report published after the term's date speaks of it as
// current. Telling "is current" from "was" needs grammar the tool does not
// have, so the test is a deliberately timid one: a present-tense verb next
// to the term, and nothing in the sentence that points to the past. When
// unsure, it does not flag: a false alarm on every history paragraph would
// teach editors to switch the rule off.
//
// The cue words below are English, not house style, so they live here; a
// rule adds its own with `current-words` and `past-words`.

// currentAfter are present-tense and present-perfect words that, within a
// few words after the term, make it the subject of a verb about now:
// "MINUSMA remains", "MINUSMA peacekeepers are", "MINUSMA has deployed".
var currentAfter = []string{
	"is", "are", "remains", "remain", "continues", "continue", "operates", "operate",
	"maintains", "maintain", "has", "have", "provides", "conducts", "leads", "supports",
	"controls", "deploys", "patrols", "holds", "runs", "includes",
	"currently", "still", "presently", "today",
}

// currentBefore are the words that, just before the term, speak of it as
// present ("there are MINUSMA bases", "the main force is MINUSMA"). Other
// verbs before the term mostly have it as their object ("armed groups have
// attacked MINUSMA"), which says nothing about whether it still exists.
var currentBefore = []string{"is", "are", "remains", "remain", "currently", "still", "presently"}

// pastWords anywhere in the sentence mean it tells of the past, or of the
// term's end, or denies it: the rule stays quiet.
var pastWords = []string{
	// Past tense and the past of common irregular verbs.
	"was", "were", "had", "did", "became", "began", "came", "went", "left", "took",
	"fought", "held", "brought", "saw", "gave", "sent", "lost", "won", "fell", "grew", "led",
	"used to",
	// The term's end.
	"withdrew", "withdrawn", "withdrawal", "withdrawing", "end", "ends", "ended", "ending",
	"departed", "departure", "exit", "drawdown", "dissolved", "dissolution", "disbanded",
	"defunct", "expired", "expiry", "expiration", "ceased", "closed", "closure",
	"concluded", "terminated", "termination", "replaced", "replacement", "successor",
	"succeeded", "predecessor", "wound down", "shut down", "legacy", "remnants", "aftermath",
	// Pointers to an earlier time.
	"former", "formerly", "previously", "then", "ago", "until", "prior", "historically",
	"after", "following", "once",
	// Denial.
	"not", "never", "no", "no longer", "nor",
}

// auxiliaries before a word ending in -ed make it a participle ("has
// deployed", "are stationed"), not a past tense.
var auxiliaries = map[string]bool{
	"has": true, "have": true, "is": true, "are": true, "be": true, "been": true,
	"being": true, "am": true, "get": true, "gets": true,
}

// notPastEd end in -ed without being past tenses.
var notPastEd = map[string]bool{
	"indeed": true, "hundred": true, "speed": true, "proceed": true, "exceed": true,
	"succeed": true, "embed": true,
}

const (
	windowAfter  = 4 // a present cue after the term is at most this many words on
	windowBefore = 3 // and one before it at most this many words back
	edWindow     = 3 // how near an -ed past tense must be to count
)

// watchTerm is one term of a watchlist rule.
type watchTerm struct {
	term      string
	aliases   []string
	since     time.Time
	sinceText string // as the pack writes it, for messages
	note      string
	re        *regexp.Regexp
}

// cueList is a list of words and phrases, each split into lower-case words
// the way sentences are, so that "no-longer" or "isn’t" in a pack matches
// the text however it is written.
type cueList [][]string

func newCueList(phrases ...[]string) cueList {
	var out cueList
	for _, list := range phrases {
		for _, p := range list {
			var cue []string
			for _, w := range splitWords(p, prose.Range{Start: 0, End: len(p)}) {
				cue = append(cue, w.lower)
			}
			if len(cue) > 0 {
				out = append(out, cue)
			}
		}
	}
	return out
}

// at reports whether a cue starts at word i, and the index of its last word.
func (c cueList) at(words []word, i int) (int, bool) {
	for _, cue := range c {
		if i+len(cue) > len(words) {
			continue
		}
		ok := true
		for j, w := range cue {
			ok = ok && words[i+j].lower == w
		}
		if ok {
			return i + len(cue) - 1, true
		}
	}
	return 0, false
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
	cues := watchCues{
		after:  newCueList(currentAfter, extraCurrent),
		before: newCueList(currentBefore),
		past:   newCueList(pastWords, extraPast),
	}

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
		for _, b := range sc.blocks(p.Doc, p.File.Text, false) {
			text := b.text.Text
			sentences := prose.Sentences(text)
			for _, t := range active {
				for _, m := range findWords(t.re, text) {
					sent := sentenceAt(sentences, m.start, len(text))
					if !cues.speaksAsCurrent(text, sent, m, t.since.Year()) {
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

type watchCues struct{ after, before, past cueList }

// word is a word of a sentence: its place and lower-case form.
type word struct {
	start, end int
	lower      string
	// capital: it starts with a capital and does not start the sentence,
	// so it is part of a name ("United Nations").
	capital bool
	// breakBefore: clause punctuation (a comma, a semicolon, a bracket, a
	// dash) comes between it and the word before.
	breakBefore bool
}

var yearRE = regexp.MustCompile(`^(19|20)\d\d$`)

// speaksAsCurrent decides for one mention m of a term in sentence sent.
func (c watchCues) speaksAsCurrent(text string, sent prose.Range, m match, sinceYear int) bool {
	words := splitWords(text, sent)
	first, last := -1, -1
	for i, w := range words {
		if w.end > m.start && w.start < m.end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	inTerm := func(i int) bool { return i >= first && i <= last }

	// Anything pointing to the past, anywhere in the sentence.
	for i, w := range words {
		if inTerm(i) {
			continue
		}
		if _, ok := c.past.at(words, i); ok {
			return false
		}
		if strings.HasSuffix(w.lower, "n't") || strings.HasSuffix(w.lower, "n’t") {
			return false
		}
		if yearRE.MatchString(w.lower) {
			if y, _ := strconv.Atoi(w.lower); y <= sinceYear {
				return false
			}
		}
		near := i < first && first-i <= edWindow || i > last && i-last <= edWindow
		if near && isPastEd(words, i) {
			return false
		}
	}

	// A present cue after the term, in the same clause.
	for i := last + 1; i < len(words) && i-last <= windowAfter; i++ {
		if words[i].breakBefore {
			break
		}
		if _, ok := c.after.at(words, i); ok {
			return true
		}
	}
	// Or one just before it.
	for i := first - 1; i >= 0 && first-i <= windowBefore; i-- {
		if words[i+1].breakBefore {
			break
		}
		if end, ok := c.before.at(words, i); ok && end < first {
			return true
		}
	}
	return false
}

// isPastEd: a lower-case word ending in -ed that no auxiliary comes before
// reads as a past tense ("armed groups attacked MINUSMA").
func isPastEd(words []word, i int) bool {
	w := words[i]
	if w.capital || len(w.lower) < 5 || !strings.HasSuffix(w.lower, "ed") || notPastEd[w.lower] {
		return false
	}
	return i == 0 || !auxiliaries[words[i-1].lower]
}

// splitWords cuts a sentence into words: letters and digits, with
// apostrophes inside a word kept ("isn't", "MINUSMA's"). Hyphens separate,
// so "now-defunct" gives "defunct".
func splitWords(text string, sent prose.Range) []word {
	var out []word
	brk := false
	for i := sent.Start; i < sent.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if strings.ContainsRune(",;:()[]—–", r) {
				brk = true
			}
			i += n
			continue
		}
		start := i
		for i < sent.End {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += n
				continue
			}
			if r == '\'' || r == '’' {
				if next, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < sent.End && unicode.IsLetter(next) {
					i += n
					continue
				}
			}
			break
		}
		first, _ := utf8.DecodeRuneInString(text[start:])
		lower := strings.ReplaceAll(strings.ToLower(text[start:i]), "’", "'")
		out = append(out, word{start: start, end: i, lower: lower, capital: unicode.IsUpper(first) && len(out) > 0, breakBefore: brk})
		brk = false
	}
	return out
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
		t.re = phraseRegexp(append([]string{t.term}, t.aliases...), ignoreCase)
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
