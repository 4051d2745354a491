// Package dated holds the rules about dated claims: relative time phrases
// with no date, dates without a year, future dates told as past, and
// statistics with no source.
//
// The rules read the report's date mentions (document.Report.Dates, found
// by package dates) in the running text they stand in, cut into sentences
// by package prose, and the word lists in rules/data/dated-claims.yaml.
package dated

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prose"
)

// Rules returns the rules of this package.
func Rules() []*lint.Rule {
	return []*lint.Rule{UndatedRelativeTime, DateMissingYear, FutureDate, UnsourcedStatistic}
}

// unit is a paragraph or heading read for dated claims: its tokens, its
// sentences and the date mentions in it.
type unit struct {
	*lint.TextUnit      // in pass.Texts()
	bare           bool // no rule reads its words (needsWords): no tokens, no sentences; its dates unplaced
	toks           []token
	folded         string // the lower forms that are not the text's (token.lo)
	sents          []sentence
	dates          []mention // in text order
}

// sentence is text[start:end] of a unit and its tokens toks[tok0:tok1].
type sentence struct {
	start, end int
	tok0, tok1 int
}

// mention is a date mention placed in its unit's text.
type mention struct {
	*document.DateMention
	start, end int // in the unit's text
	tok0, tok1 int // the tokens it covers
	sent       int // index of its sentence
}

// analyse places every date mention of the report in the text unit it
// stands in. Mentions whose span cannot be mapped back into a unit's text
// (inside markup) are left out.
func analyse(pass *lint.Pass) []*unit {
	return pass.Shared("dated.analyse", func() any { return analyseReport(pass, false) }).(*analysis).units
}

// analysis is a report's units, and the blocks their tokens and
// sentences are cut from, which the next report's analysis reuses once
// this report's rules are done (lint.Releaser): a report's tokens are the
// largest thing its check allocates, and a block made anew is cleared and
// paid for in the collector's work each time.
type analysis struct {
	units []*unit
	toks  [][]token
	sents [][]sentence
	pub   string   // the publication date the bare units were judged by (needsWords)
	fold  [][]byte // the folder's buffer: the units read a copy (unit.folded)
	// The arrays units points into and is: lent too (a Markdown page has
	// a unit a link or label, and these were a twentieth of the bytes a
	// check of the real corpus allocated), cleared first, as they point
	// into the report.
	unitArr []unit
	ptrArr  []*unit
}

// tokenBlocks, sentenceBlocks and foldBuffers hold blocks to reuse (*[]T,
// empty). A block of more than maxPooled items is left to the collector,
// so that one huge report does not keep its memory for the rest of the
// run.
var tokenBlocks, sentenceBlocks, foldBuffers, unitBlocks, unitPtrBlocks sync.Pool

const maxPooled = 1 << 16

// Release lends the report's blocks to the next report's analysis.
func (a *analysis) Release() {
	release(&tokenBlocks, a.toks)
	release(&sentenceBlocks, a.sents)
	release(&foldBuffers, a.fold)
	clear(a.unitArr)
	clear(a.ptrArr)
	release(&unitBlocks, [][]unit{a.unitArr})
	release(&unitPtrBlocks, [][]*unit{a.ptrArr})
	a.toks, a.sents, a.fold, a.units, a.unitArr, a.ptrArr = nil, nil, nil, nil, nil, nil
}

func release[T any](pool *sync.Pool, blocks [][]T) {
	for _, b := range blocks {
		if cap(b) <= maxPooled {
			b = b[:0]
			pool.Put(&b)
		}
	}
}

// block returns an empty block of at least n items, reused from pool when
// one is at hand, and adds it to kept, to be released.
func block[T any](pool *sync.Pool, kept *[][]T, n int) []T {
	b, ok := pool.Get().(*[]T)
	if !ok || cap(*b) < n {
		b = new(make([]T, 0, n))
	}
	*kept = append(*kept, *b)
	return *b
}

// analyseReport cuts into tokens and sentences only the units a rule
// reads words in (needsWords), unless all: the others, most of a report's
// text, stay in the list bare, with their date mentions, as the rules
// read their neighbours (a list's lead-in, whether the items after a line
// give a year). all is for a rule that cannot use bare units and for the
// tests that hold the rules' findings to a full analysis.
func analyseReport(pass *lint.Pass, all bool) *analysis {
	a := &analysis{}
	if t, ok := published(pass.Doc); ok {
		a.pub = t.Format("2006-01-02")
	}
	ds := make([]*document.DateMention, 0, len(pass.Doc.Dates))
	for i := range pass.Doc.Dates {
		ds = append(ds, &pass.Doc.Dates[i])
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Span.Start < ds[j].Span.Start })
	tus := pass.Texts()
	// A first pass finds each unit's date mentions and whether a rule reads
	// its words: the blocks below are then sized for the units that are cut
	// into words, most often a small share of the text, where they were
	// sized for the whole report (the token block alone was 3.5% of the
	// bytes a check of the real corpus allocated).
	var kept [][]unit
	var keptPtrs [][]*unit
	units := block(&unitBlocks, &kept, len(tus)) // never grows: out points into it
	dated := make([]mention, 0, len(ds))
	var unitDates []mention // reused: each text's date mentions before they are cut
	size, worded := 0, 0    // bytes and count of the units cut into words
	for i := range tus {
		tu := &tus[i]
		text := tu.Text
		if text == "" || len(text) > math.MaxInt32/2 {
			// int32 offsets, in a text or in its folded form, which may be
			// half as long again: a text of 1 GiB is not read.
			continue
		}
		// The mentions need only the unit's text and spans; tokens or not
		// depends on them.
		probe := unit{TextUnit: tu}
		unitDates = probe.appendMentions(unitDates[:0], pass.Doc, ds)
		if !all && !probe.needsWords(unitDates, a.pub) {
			// Kept where the full analysis keeps it, the text that has a
			// sentence: one that is not all space.
			if strings.TrimLeftFunc(text, unicode.IsSpace) != "" {
				probe.bare = true
				dated, probe.dates = cut(dated, unitDates, 16)
				units = append(units, probe)
			}
			continue
		}
		// Not bare: its words are read below, and its dates placed among
		// them (a unit without a sentence is dropped there).
		dated, probe.dates = cut(dated, unitDates, 16)
		units = append(units, probe)
		size += len(text)
		worded++
	}
	// The units' slices are cut from a few arrays, filled unit by unit: a
	// report's words then cost a few allocations, not one or more each.
	// The cuts are capped, so a unit's slice never grows into the next
	// one's; and a full array is never grown but followed by a new one,
	// for the cuts from it would keep every old copy alive (a report of
	// many short paragraphs kept four times its tokens).
	var f folder
	f.buf = block(&foldBuffers, &a.fold, size/4) // about the capitalised words' share of prose
	flushed := 0                                 // the units before it have their folded string
	out := block(&unitPtrBlocks, &keptPtrs, len(units))
	toks := block(&tokenBlocks, &a.toks, size/5+1)
	sents := block(&sentenceBlocks, &a.sents, worded+size/64)
	var ranges []prose.Range // reused for each text
	left := size             // bytes of the worded texts not yet read
	n := 0                   // units[:n] are kept; units[n:] are still to read
	for r := range units {
		probe := units[r]
		if probe.bare {
			units[n] = probe
			out = append(out, &units[n])
			n++
			continue
		}
		text := probe.Text
		left -= len(text)
		ranges = prose.AppendSentences(ranges[:0], text)
		if len(ranges) == 0 {
			continue
		}
		// The tokens are written where they are kept, in the free end of
		// toks, rather than made elsewhere and copied there.
		need := len(text)/5 + 1 // about a token a word
		if len(text) > 4<<10 {
			// A long text's tokens grown from a guess leave copies behind
			// (a line of "[" is a token a byte): count them first.
			need = maxTokens(text)
		}
		if len(f.buf) > math.MaxInt32-len(text)/2*3-3 {
			flushed = setFolded(units[:n], flushed, f.buf)
			f.buf = nil // the next units' folded forms in a new buffer
		}
		var ut []token
		switch want := left/5 + 1; {
		case len(text) > 4<<10 && need > cap(toks)-len(toks) && need > want:
			ut = appendTokens(make([]token, 0, need), text, &f) // big enough to keep its own array
		default:
			if cap(toks)-len(toks) < need {
				toks = block(&tokenBlocks, &a.toks, max(need, want))
			}
			free := toks[len(toks):len(toks):cap(toks)]
			ut = appendTokens(free, text, &f)
			if len(ut) <= cap(free) {
				toks = toks[:len(toks)+len(ut)]
			} else {
				// More tokens than guessed, and no room left: append gave
				// them an array of their own, and the next text starts a
				// new block, toks never being grown.
				toks = toks[:0:0]
			}
			ut = ut[:len(ut):len(ut)]
		}
		units[n] = unit{TextUnit: probe.TextUnit, toks: ut, dates: probe.dates}
		u := &units[n]
		n++
		if cap(sents)-len(sents) < len(ranges) {
			sents = block(&sentenceBlocks, &a.sents, max(len(ranges), left/64+1))
		}
		s0 := len(sents)
		k := 0 // the sentences' bounds come in order: one pass over the tokens
		for _, r := range ranges {
			t0 := u.tokenFrom(k, r.Start)
			k = u.tokenFrom(t0, r.End)
			sents = append(sents, sentence{start: r.Start, end: r.End, tok0: t0, tok1: k})
		}
		u.sents = sents[s0:len(sents):len(sents)]
		for j := range u.dates {
			m := &u.dates[j]
			m.tok0, m.tok1 = u.tokenAt(m.start), u.tokenAt(m.end)
			m.sent = u.sentenceAt(m.start)
			for k := m.tok0; k < m.tok1; k++ {
				if m.Kind == document.DateRelative {
					u.toks[k].inRelative = true
				} else {
					u.toks[k].inDate = true
				}
			}
		}
		out = append(out, u)
	}
	clear(units[n:]) // the dropped units: the array is lent on, cleared
	units = units[:n]
	setFolded(units, flushed, f.buf)
	// The buffer as it grew: the one lent to the next report.
	if len(a.fold) > 0 && cap(f.buf) > cap(a.fold[0]) {
		a.fold[0] = f.buf
	}
	a.units, a.unitArr, a.ptrArr = out, units, out
	return a
}

// needsWords reports whether a rule may read the words of the unit, whose
// date mentions are ms. The date rules judge a relative mention
// (undated-relative-time), a day or month without a year
// (date-missing-year) and an explicit date after pub, the publication
// date, if any (future-date, whose limit is pub or later); date-missing-year
// also reads a list's lead-in (introducesList) for a year or a recurring
// word. unsourced-statistic judges counts: tokens of ASCII digits
// (tokNumber) outside the date mentions.
func (u *unit) needsWords(ms []mention, pub string) bool {
	for _, m := range ms {
		if m.Kind == document.DateRelative || noYear(m.DateMention) ||
			pub != "" && m.Kind == document.DateExplicit && m.From > pub {
			return true
		}
	}
	return u.introducesList() || digitOutside(u.Text, ms)
}

// digitOutside reports whether text holds a byte '0' to '9' outside the
// mentions (in text order, as appendMentions gives them; a mention that
// starts before the end of an earlier one only widens it). A number that
// straddles a mention's bound counts: it errs on the side of yes.
func digitOutside(text string, ms []mention) bool {
	at := 0
	for _, m := range ms {
		if m.start > at && phrase.HasDigit(text[at:min(m.start, len(text))]) {
			return true
		}
		at = max(at, m.end)
	}
	return at < len(text) && phrase.HasDigit(text[at:])
}

// setFolded gives units[from:] buf as their folded string, and returns
// the number of units that have theirs.
func setFolded(units []unit, from int, buf []byte) int {
	s := string(buf)
	for k := from; k < len(units); k++ {
		units[k].folded = s
	}
	return len(units)
}

// cut appends items to block and returns the block and the piece of it
// holding them. A block that has no room is not grown but replaced by a
// new one, of at least want, so that the pieces cut from the old one keep
// only it alive.
func cut[T any](block, items []T, want int) ([]T, []T) {
	if cap(block)-len(block) < len(items) {
		block = make([]T, 0, max(len(items), want))
	}
	start := len(block)
	block = append(block, items...)
	return block, block[start:len(block):len(block)]
}

// appendMentions appends to out the date mentions in the unit, placed in
// its text. In a text or Markdown report they are the model's (ds, sorted by
// position), mapped back from their source spans. In a JSON or YAML report
// the model's dates point into its "dates" list, not into the paragraphs, so
// the unit's text is read again with the same finder the extractor uses.
func (u *unit) appendMentions(out []mention, r *document.Report, ds []*document.DateMention) []mention {
	if r.Data != nil {
		for _, f := range dates.Default().Find(u.Text) {
			d := f.DateMention
			d.Points = string(f.PhraseKind)
			d.Span = u.Source(f.Start, f.End)
			out = append(out, mention{DateMention: &d, start: f.Start, end: f.End})
		}
		return out
	}
	first := sort.Search(len(ds), func(i int) bool { return ds[i].Span.Start >= u.Span.Start })
	for _, d := range ds[first:] {
		if d.Span.Start >= u.Span.End {
			break
		}
		start, ok1 := textOffset(&u.Inline, d.Span.Start)
		last, ok2 := textOffset(&u.Inline, d.Span.End-1)
		if ok1 && ok2 && last >= start {
			out = append(out, mention{DateMention: d, start: start, end: last + 1})
		}
	}
	return out
}

// sentenceHas returns a test of whether a sentence of the unit holds a
// phrase of one of the sets, on tokens skip allows (nil: all); each sentence
// is read once, when first asked about.
func (u *unit) sentenceHas(skip func(*token) bool, sets ...phraseSet) func(int) bool {
	memo := make([]int8, len(u.sents)) // 0 not read, 1 no, 2 yes
	return func(i int) bool {
		if memo[i] == 0 {
			memo[i] = 1
			s := u.sents[i]
			for _, set := range sets {
				if _, _, ok := set.find(u, s.tok0, s.tok1, skip); ok {
					memo[i] = 2
				}
			}
		}
		return memo[i] == 2
	}
}

// textOffset maps a source offset into the unit's text, if that byte was
// copied from the source.
func textOffset(in *document.Inline, src int) (int, bool) {
	segs := in.Segments
	i := sort.Search(len(segs), func(i int) bool { return segs[i].SourceStart > src }) - 1
	if i < 0 || src >= segs[i].SourceStart+segs[i].Len {
		return 0, false
	}
	return segs[i].TextStart + src - segs[i].SourceStart, true
}

// tokenFrom is tokenAt(off) for an off at or after the end of token k-1
// (tokenAt of an earlier offset was k), found by walking on from k: bounds
// asked for in order cost one pass over the tokens. An off before that
// falls back to tokenAt.
func (u *unit) tokenFrom(k, off int) int {
	if k > len(u.toks) || k > 0 && int(u.toks[k-1].end) > off {
		return u.tokenAt(off)
	}
	for k < len(u.toks) && int(u.toks[k].end) <= off {
		k++
	}
	return k
}

// tokenAt is the index of the first token that ends after off.
func (u *unit) tokenAt(off int) int {
	return sort.Search(len(u.toks), func(i int) bool { return int(u.toks[i].end) > off })
}

// sentenceAt is the index of the sentence holding off (the last one that
// starts at or before it).
func (u *unit) sentenceAt(off int) int {
	i := sort.Search(len(u.sents), func(i int) bool { return u.sents[i].start > off }) - 1
	return max(i, 0)
}

// source is the span of the unit's text[start:end].
func (u *unit) source(start, end int) document.Span { return u.Source(start, end) }

// quote is the unit's text[start:end], for messages.
func (u *unit) quote(start, end int) string { return u.Text[start:end] }

// givesYear reports whether a mention is an explicit date whose year is
// known, to a year or finer: not a decade, not a day or month alone.
func givesYear(d *document.DateMention) bool {
	if d.Kind != document.DateExplicit || d.From == "" {
		return false
	}
	switch d.Precision {
	case document.PrecisionDay, document.PrecisionMonth, document.PrecisionPartOfYear, document.PrecisionYear:
		return true
	}
	return false
}

// noYear reports whether a mention is a day or a month written without a year.
func noYear(d *document.DateMention) bool {
	return d.Kind == document.DateExplicit &&
		(d.Precision == document.PrecisionDayNoYear || d.Precision == document.PrecisionMonthNoYear)
}

// published is the report's publication date, if it states one.
func published(r *document.Report) (time.Time, bool) {
	if r.Published.Value == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", r.Published.Value)
	return t, err == nil
}

// publishedText is the publication date as the report writes it, or in ISO
// form (always so in a JSON or YAML report, whose span is a quoted token,
// and for a date the run gives, whose span is the title).
func publishedText(pass *lint.Pass) string {
	p := pass.Doc.Published
	if s := p.Span; pass.Doc.Data == nil && pass.Doc.PublishedBy == "" && s.Start < s.End && s.End <= len(pass.File.Text) {
		return pass.File.Text[s.Start:s.End]
	}
	return p.Value
}

// validateCount checks that a count option is not negative.
func validateCount(name string, n int) error {
	if n < 0 {
		return fmt.Errorf("%s: %d is negative", name, n)
	}
	return nil
}

// list is a list option. It prints in flow style ("[past, present]"), so
// that reportlint explain and the rule reference show it on one line.
type list []string

// MarshalYAML writes the list in flow style.
func (l list) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range l {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: s})
	}
	return n, nil
}
