// Package dates finds the explicit dates ("November 29, 2024", "mid-2022",
// "from April to July") and the relative time phrases ("recently", "last
// year") in a paragraph of running text, with byte offsets.
//
// Text is cut into tokens (words, numbers, single punctuation marks) and the
// dates are read token by token with a fixed look-ahead, so the time taken
// is linear in the text. Where two readings overlap, the longer wins.
//
// Choices the reports do not settle:
//   - Month names count only capitalised or in capitals; a month name alone
//     ("April") only after a preposition-like word ("in April").
//   - Numeric dates are month first (11/29/2024), as in U.S. reports; a date
//     that is impossible that way (29/11/2024) is no date at all.
//   - A year is four digits, 1900–2099, standing on its own: not glued to other
//     digits or signs, not beside other long numbers ("2070 2300"), not a time
//     ("1930 hours"), not after a short code in capitals ("FY 2024").
//   - Seasons are northern; winter 2022 runs from December 2022 to February 2023.
//   - "the" leads a date only in "the end of 2023" and the like; in "the 2010s"
//     the mention is "2010s".
package dates

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/rules"
)

// Mention is a date or relative time phrase at text[Start:End].
type Mention struct {
	Start, End int
	// DateMention holds what was found; Span is left zero for the caller,
	// which knows where text sits in the source.
	document.DateMention
	// PhraseKind is the kind the phrase list gives a relative phrase; empty
	// for explicit dates.
	PhraseKind PhraseKind
}

// Finder finds mentions. It is built once and safe for concurrent use.
type Finder struct {
	phrases phraseIndex
	// starters holds, in lower case, every word a date or a phrase can
	// start with, so that most words are passed over after one look-up.
	starters map[string]starter
	// startersByFold is starters, for look-ups ignoring case.
	startersByFold foldTable[starter]
	// maybeStarter is a cheap sieve before the map: by the first letter of a
	// lower-case ASCII word, the set of last letters a starter can have.
	maybeStarter [26]uint32
	// maybeLength is a second sieve: by the first letter, the set of
	// lengths (31 for any longer) a starter can have. It holds for an
	// ASCII word only, whose lower case is as long as it is.
	maybeLength [26]uint32
	// dateFirst is firstBits of the words an explicit date can start
	// with: after "the", the next word ("end of 2023") starts with one.
	dateFirst uint32
	// short is startersByFold for the words of one to three ASCII
	// letters ("the", "in", "to", "a", "for", "as": most words that pass
	// the sieves), looked up with no hash or compare: by shortKey, one
	// more than the index in shortVals of the word's starter, or 0.
	short     [1 << 15]uint8
	shortVals []starter
	// numberFirst is the trie node of the phrases that start with {n}, or
	// nil: Finder.skip asks it at every number of up to three digits.
	numberFirst *phraseNode
}

type starter struct {
	date   bool        // an explicit date may start here
	month  bool        // a month name, if the case is right
	the    bool        // "the": a date only as in "the end of 2023"
	number bool        // a number word, which may fill a phrase's {n}
	phrase *phraseNode // the phrases that start with this word
}

// dateStarters are the lower-case words an explicit date can start with;
// month names and numbers are recognised apart.
var dateStarters = [...]string{"from", "between", "early", "mid", "late", "end", "beginning",
	"start", "middle", "spring", "summer", "autumn", "fall", "winter"}

// NewFinder returns a Finder for explicit dates and the given relative
// phrases. Phrases with nothing to match are skipped; LoadPhrases reports them.
func NewFinder(phrases []Phrase) *Finder {
	f := &Finder{phrases: compilePhrases(phrases), starters: make(map[string]starter)}
	update := func(w string, change func(*starter)) {
		st := f.starters[w]
		change(&st)
		f.starters[w] = st
	}
	for _, w := range dateStarters {
		update(w, func(st *starter) { st.date = true })
	}
	update("the", func(st *starter) { st.the = true })
	for name := range monthNames {
		update(strings.ToLower(name), func(st *starter) { st.month = true })
	}
	for w, n := range f.phrases.first {
		update(w, func(st *starter) { st.phrase = n })
	}
	if f.phrases.first[numberSlot] != nil {
		for w := range numberWords {
			update(w, func(st *starter) { st.number = true })
		}
	}
	for w := range f.starters {
		if w == numberSlot {
			continue // never a word: readAt looks up words only
		}
		first, last, ok := asciiEnds(w)
		if !ok {
			// A starter outside a-z cannot be sieved; let every word through.
			for k := range f.maybeStarter {
				f.maybeStarter[k] = ^uint32(0)
				f.maybeLength[k] = ^uint32(0)
			}
			break
		}
		f.maybeStarter[first] |= 1 << last
		f.maybeLength[first] |= 1 << min(len(w), 31)
	}
	f.numberFirst = f.phrases.first[numberSlot]
	f.startersByFold = newFoldTable(f.starters)
	for w, st := range f.starters {
		if k, ok := shortKey(w); ok && len(f.shortVals) < 255 {
			f.shortVals = append(f.shortVals, st)
			f.short[k] = uint8(len(f.shortVals))
		}
	}
	for w, st := range f.starters {
		if st.date {
			bit, _ := firstBit(w[0])
			f.dateFirst |= bit
		}
	}
	return f
}

// PhrasesPath is where Default reads its phrases in rules.FS.
const PhrasesPath = "data/time-phrases.yaml"

var defaultFinder = sync.OnceValue(func() *Finder {
	phrases, err := LoadPhrases(rules.FS, PhrasesPath)
	if err != nil {
		panic("dates: embedded phrase list is broken: " + err.Error())
	}
	return NewFinder(phrases)
})

// Default returns the Finder for the phrases in rules/data/time-phrases.yaml.
func Default() *Finder { return defaultFinder() }

// explicitOnly reads dates without any phrase list, for Parse.
var explicitOnly = NewFinder(nil)

// Parse reads s, trimmed of spaces, as exactly one full date with a day
// ("November 29, 2024", "2024-11-29", "29 Nov 2024"), as a report gives its
// publication date. Offsets are in s.
func Parse(s string) (Mention, bool) {
	trimmed := strings.TrimSpace(s)
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	found := explicitOnly.Find(trimmed)
	if len(found) != 1 {
		return Mention{}, false
	}
	m := found[0]
	if m.Start != 0 || m.End != len(trimmed) || m.Range || m.Precision != document.PrecisionDay {
		return Mention{}, false
	}
	m.Start += lead
	m.End += lead
	return m, true
}

// candidate is one reading of the text, before overlaps are settled.
type candidate struct {
	start, end       int // bytes
	startTok, endTok int
	a, b             when // b is set for a range
	isRange          bool
	relative         bool
	phraseKind       PhraseKind
	veto             bool // wins its place but yields no mention
}

// Find returns the mentions in text, sorted by Start and never overlapping.
func (f *Finder) Find(text string) []Mention {
	w := workspaces.Get().(*workspace)
	defer workspaces.Put(w)
	out := f.appendFind(w, w.out[:0], text) // copied out at the end, at its final size
	var found []Mention
	if len(out) > 0 {
		found = slices.Clone(out)
		clear(out) // drop the references to text
	}
	w.out = out[:0]
	if cap(w.out) > maxKept {
		w.out = nil // do not hold on to what one freak input needed
	}
	return found
}

// AppendFind appends the mentions in text to dst, as Find returns them,
// and returns the longer slice: a caller reading many texts in turn can
// use one slice for all of them, where Find makes one for each.
func (f *Finder) AppendFind(dst []Mention, text string) []Mention {
	w := workspaces.Get().(*workspace)
	defer workspaces.Put(w)
	return f.appendFind(w, dst, text)
}

// Reader finds the mentions of many texts in turn, as AppendFind does,
// with one scratch workspace for all of them: a report's paragraphs each
// took one from the pool and gave it back. Close gives it back; a Reader
// is for one goroutine.
type Reader struct {
	f *Finder
	w *workspace
}

// Reader returns a Reader of f's.
func (f *Finder) Reader() Reader {
	return Reader{f: f, w: workspaces.Get().(*workspace)}
}

// AppendFind is Finder.AppendFind.
func (r Reader) AppendFind(dst []Mention, text string) []Mention {
	return r.f.appendFind(r.w, dst, text)
}

// Close gives the workspace back; r is not to be used after.
func (r Reader) Close() { workspaces.Put(r.w) }

func (f *Finder) appendFind(w *workspace, out []Mention, text string) []Mention {
	s := &w.stream
	s.reset(text)
	pending := w.pending[:0] // readings that may still overlap one to come
	pendingEnd := 0          // token index past the last pending reading
	coldEnd := 0             // tokens before it are known to start nothing
	for i := 0; ; i++ {
		if i == s.base+len(s.toks) && !s.eof {
			// Nothing read ahead: pass over what starts nothing.
			coldEnd = i + f.skip(s, i)
		}
		if _, ok := s.get(i); !ok {
			break
		}
		if i >= pendingEnd && len(pending) > 0 {
			out, w.taken = settle(text, pending, out, w.taken)
			pending = pending[:0]
		}
		before := len(pending)
		if i >= coldEnd {
			pending = f.readAt(s, i, pending)
		}
		for _, c := range pending[before:] {
			pendingEnd = max(pendingEnd, c.endTok)
		}
		s.release(i)
	}
	out, w.taken = settle(text, pending, out, w.taken)
	w.pending = pending[:0]
	if cap(w.pending) > maxKept || cap(w.taken) > maxKept || cap(s.toks) > maxKept {
		*w = workspace{out: w.out} // do not hold on to what one freak input needed
	}
	s.reset("") // drop the reference to text
	return out
}

// workspace is the scratch memory of one Find, reused across calls so that
// scanning many paragraphs does not churn the garbage collector.
type workspace struct {
	stream  stream
	pending []candidate
	taken   []bool
	out     []Mention
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// maxKept bounds the scratch slices a pooled workspace keeps.
const maxKept = 1 << 14

// readAt appends the readings that start at token i: a range, a single
// date, a relative phrase.
func (f *Finder) readAt(s *stream, i int, pending []candidate) []candidate {
	t, _ := s.get(i)
	date, numeric := false, false
	var phrase *phraseNode
	switch t.kind {
	case tokPunct:
		return pending
	case tokNumber, tokMixed:
		date, numeric = true, true
	case tokWord:
		w := s.text[t.start:t.end]
		if f.sieved(w) {
			return pending
		}
		st := f.starterOf(w)
		date = st.date ||
			st.month && 'A' <= w[0] && w[0] <= 'Z' && monthNames[w].number != 0 ||
			st.the && s.periodEdgeAt(i+1) != ""
		phrase = st.phrase
		numeric = st.number
	}
	add := func(c candidate, endTok int) {
		c.startTok, c.endTok = i, endTok
		c.start = t.start
		last, _ := s.get(endTok - 1)
		c.end = last.end
		pending = append(pending, c)
	}
	if date {
		j, between := s.rangeStart(i)
		first := s.single(j, rangeFirst)
		if a, b, end, ok := s.rangeFrom(j, between, first); ok {
			add(candidate{a: a, b: b, isRange: true}, end)
		}
		// Where the range's first end read nothing at i, the stricter
		// ctx reads nothing either (rangeFirst): most numbers of a
		// report are no date, and single is most of readAt.
		if j != i || first.ok {
			if d := s.single(i, ctx{bareMonth: s.prepositionBefore(i)}); d.ok {
				add(candidate{a: d.w, veto: d.veto}, d.end)
			}
		}
	}
	if phrase != nil || numeric {
		if end, kind, ok := f.phrases.match(s, i, phrase); ok {
			add(candidate{relative: true, phraseKind: kind, veto: kind == PhraseIgnore}, end)
		}
	}
	return pending
}

// starterOf is startersByFold.get(w).
func (f *Finder) starterOf(w string) starter {
	if k, ok := shortKey(w); ok {
		if v := f.short[k]; v != 0 {
			return f.shortVals[v-1]
		}
		if len(f.shortVals) < 255 {
			return starter{} // every short starter has its slot
		}
	}
	return f.startersByFold.get(w)
}

// shortKey packs a word of one to three ASCII letters or underscores,
// folded, five bits a byte (31 where there is none), so that words that
// fold alike, and only those, share a key.
func shortKey(w string) (key uint16, ok bool) {
	if len(w) == 0 || len(w) > 3 {
		return 0, false
	}
	key = 1<<15 - 1
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20 - 'a' // '_' becomes 30
		if c >= 26 && w[i] != '_' {
			return 0, false
		}
		key = key<<5 | uint16(c)
	}
	return key & (1<<15 - 1), true
}

// sieved reports that the word w starts no date or phrase, told without
// looking it up: its first and last letters, or its first letter and its
// length, are those of no starter.
func (f *Finder) sieved(w string) bool {
	first, last, ok := asciiEnds(w)
	return ok && (f.maybeStarter[first]&(1<<last) == 0 ||
		f.maybeLength[first]&(1<<min(len(w), 31)) == 0 && isASCII(w))
}

// isASCII: w is all ASCII, so that its lower case is as long as it is.
func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// asciiEnds gives the first and last letters of w, folded to 0–25, when both
// are ASCII letters.
func asciiEnds(w string) (first, last byte, ok bool) {
	if w == "" {
		return 0, 0, false
	}
	first, last = w[0]|0x20, w[len(w)-1]|0x20
	if first < 'a' || first > 'z' || last < 'a' || last > 'z' {
		return 0, 0, false
	}
	return first - 'a', last - 'a', true
}

// prepositions are the words after which a month name alone is a date:
// "in April", "since March", but not "May" or "March" anywhere else.
var prepositions = [...]string{"in", "since", "until", "till", "from", "by", "during", "through",
	"throughout", "to", "of", "before", "after", "early", "mid", "late", "between", "and", "or",
	"around", "last", "next", "this"}

func (s *stream) prepositionBefore(i int) bool {
	t, ok := s.get(i)
	if !ok || t.kind != tokWord || s.text[t.start] < 'A' || s.text[t.start] > 'Z' {
		return false
	}
	w := s.wordAt(i - 1)
	for _, p := range prepositions {
		if foldIs(w, p) {
			return true
		}
	}
	return false
}

// settle keeps the longest readings that do not overlap, longest first and
// then leftmost, and appends their mentions to out in text order. taken is
// scratch space, returned for reuse.
func settle(text string, pending []candidate, out []Mention, taken []bool) ([]Mention, []bool) {
	if len(pending) == 0 {
		return out, taken
	}
	if len(pending) == 1 {
		if !pending[0].veto {
			out = append(out, pending[0].mention(text))
		}
		return out, taken
	}
	// Stable, so that among equals the reading made first wins: a range over
	// a single date over a phrase.
	slices.SortStableFunc(pending, func(x, y candidate) int {
		if c := cmp.Compare(y.end-y.start, x.end-x.start); c != 0 {
			return c
		}
		return cmp.Compare(x.start, y.start)
	})
	first, last := pending[0].startTok, pending[0].endTok
	for _, c := range pending {
		first, last = min(first, c.startTok), max(last, c.endTok)
	}
	taken = slices.Grow(taken[:0], last-first)[:last-first]
	clear(taken)
	kept := pending[:0]
	for _, c := range pending {
		free := true
		for t := c.startTok; t < c.endTok && free; t++ {
			free = !taken[t-first]
		}
		if !free {
			continue
		}
		for t := c.startTok; t < c.endTok; t++ {
			taken[t-first] = true
		}
		kept = append(kept, c)
	}
	slices.SortFunc(kept, func(x, y candidate) int { return cmp.Compare(x.start, y.start) })
	for _, c := range kept {
		if !c.veto {
			out = append(out, c.mention(text))
		}
	}
	return out, taken
}

func (c candidate) mention(text string) Mention {
	m := Mention{Start: c.start, End: c.end}
	m.Text = text[c.start:c.end]
	if c.relative {
		m.Kind = document.DateRelative
		m.Precision = document.PrecisionRelative
		m.PhraseKind = c.phraseKind
		return m
	}
	m.Kind = document.DateExplicit
	// From, To and Value are cut from one string: a report has hundreds
	// of dates, and this is one allocation for each rather than three.
	var buf [64]byte
	from, to := c.a.bounds()
	if c.isRange {
		_, to = c.b.bounds()
	}
	b := from.append(buf[:0])
	nf := len(b)
	b = to.append(b)
	nt := len(b)
	b = c.a.appendValue(b)
	nv := len(b)
	if c.isRange {
		// "a/b", or "a" when both ends read the same.
		b = c.b.appendValue(append(b, '/'))
		if string(b[nv+1:]) == string(b[nt:nv]) {
			b = b[:nv]
		}
	}
	all := string(b)
	m.From, m.To, m.Value = all[:nf], all[nf:nt], all[nt:]
	if !c.isRange {
		m.Precision = c.a.precision()
		m.Qualifier = c.a.qual
		return m
	}
	m.Range = true
	coarser := c.a.prec
	if rank(c.b.prec) > rank(coarser) {
		coarser = c.b.prec
	}
	m.Precision = when{prec: coarser, year: c.a.year}.precision()
	if c.a.qual != "" && c.b.qual != "" {
		m.Qualifier = c.a.qual + " to " + c.b.qual
	}
	return m
}
