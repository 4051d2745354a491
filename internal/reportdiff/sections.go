package reportdiff

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
)

// ParagraphMoved is a paragraph that moved within its section, its text
// the same.
const ParagraphMoved = "moved"

// ParagraphDiff is one paragraph that differs between the editions.
type ParagraphDiff struct {
	Status  string   `json:"status"` // added, removed, changed, moved
	OldLine int      `json:"oldLine,omitempty"`
	NewLine int      `json:"newLine,omitempty"`
	Old     string   `json:"old,omitempty"`
	New     string   `json:"new,omitempty"`
	Words   []WordOp `json:"words,omitempty"` // for a changed paragraph
	// Moved is set on a changed paragraph found away from where it was.
	Moved bool `json:"moved,omitempty"`
	// FromSection is the section a paragraph moved from, when it left one
	// section for another.
	FromSection string `json:"fromSection,omitempty"`
	// Boilerplate is set on a paragraph of the stock kind every edition
	// repeats (see stockOpenings): text and Markdown group them.
	Boilerplate bool `json:"boilerplate,omitempty"`
	// pos orders a section's rows as the new edition reads (see
	// compareParagraphs); zero once they are in order, so that a Result
	// read back from its JSON is the same.
	pos int
}

// WordOp is a run of words kept, inserted or deleted.
type WordOp struct {
	Op   string `json:"op"` // equal, insert, delete
	Text string `json:"text"`
}

type flatSection struct {
	sec    *document.Section
	parent int      // index of the enclosing section in the flat list, -1 at the top
	key    string   // normalised title
	paras  []string // paragraph texts, spaces collapsed
	lines  []int
	words  map[string]bool // filled only when needed, for rename detection
}

// wordSet is the set of words of a section's paragraphs.
func (f *flatSection) wordSet() map[string]bool {
	if f.words == nil {
		f.words = map[string]bool{}
		for _, p := range f.paras {
			for _, w := range strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				f.words[w] = true
			}
		}
	}
	return f.words
}

// flatten lists a report's sections with the key they are matched by: the
// normalised title, or, for a header line the profile knows ("Travel
// Advisory July 15, 2025", "Egypt - Level 2: …"), which header line it is,
// so that a new date or level does not read as a new section.
//
// The text before the first heading is a section of its own, matched only
// with the other edition's. A paragraph's text is followed by the address
// of each link in it, so that a link pointed elsewhere is a change too.
func flatten(r *document.Report, pos Positioner, prof *profile.Profile) []flatSection {
	var out []flatSection
	sections := r.AllSections()
	if len(r.Preamble) > 0 || beforeFirstHeading(r, sections) {
		opening := &document.Section{Title: document.Text{Value: OpeningTitle}, Paragraphs: r.Preamble}
		if len(r.Preamble) > 0 {
			opening.Heading = r.Preamble[0].Span
		}
		sections = append([]*document.Section{opening}, sections...)
	}
	html := newRawHTML(r, sections)
	parentOf := map[*document.Section]int{}
	for i, s := range sections {
		for _, c := range s.Sections {
			parentOf[c] = i
		}
	}
	// Links in document order, so that each paragraph finds its own by
	// binary search: asking every link of the report made it quadratic.
	links := slices.Clone(r.Links)
	slices.SortStableFunc(links, func(a, b document.Link) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	for si, s := range sections {
		parent, ok := parentOf[s]
		if !ok {
			parent = -1
		}
		key := profile.NormalizeTitle(s.Title.Value)
		if s.Title.Value == OpeningTitle && s.Level == 0 {
			key = openingKey
		} else if prof != nil {
			if h, ok := prof.MatchHeader(profile.StripLineMarkup(s.Title.Value)); ok {
				key = fmt.Sprintf("%s%d", headerKey, h.Pattern)
			}
		}
		f := flatSection{sec: s, parent: parent, key: key}
		for _, p := range html.paragraphs(si, s.Paragraphs, pos) {
			text := strings.Join(strings.Fields(p.Text), " ")
			first := sort.Search(len(links), func(i int) bool { return links[i].Span.Start >= p.Span.Start })
			for _, l := range links[first:] {
				if l.Span.Start > p.Span.End {
					break
				}
				if p.Span.Contains(l.Span) && l.Target != "" {
					text += " (→ " + l.Target + ")"
				}
			}
			f.paras = append(f.paras, text)
			line := 0
			if pos != nil {
				line, _ = pos.LineColumn(p.Span.Start)
			}
			f.lines = append(f.lines, line)
		}
		out = append(out, f)
	}
	return out
}

// OpeningTitle names the text before a report's first heading in a diff.
const OpeningTitle = "(before the first heading)"

const openingKey = "\x00opening"

// headerKey starts the key of a header line the profile knows.
const headerKey = "\x00header "

// renameSimilarity is how alike two sections' words must be (Jaccard) for
// a section whose title changed to count as renamed rather than removed
// and added.
const renameSimilarity = 0.5

func compareSections(old, new Side, oldPos, newPos Positioner) []SectionChange {
	profileOf := func(s Side) *profile.Profile {
		if s.Profile != nil {
			return s.Profile
		}
		p, _ := profile.Default().Get(s.Report.Profile)
		return p
	}
	olds, news := flatten(old.Report, oldPos, profileOf(old)), flatten(new.Report, newPos, profileOf(new))
	w := newWork()                  // shared by every section's comparison
	match := make([]int, len(news)) // new index -> old index, or -1
	for i := range match {
		match[i] = -1
	}
	taken := make([]bool, len(olds))
	renamed := map[int]bool{}
	// 1. The same title, in order. Each title's old sections wait in a
	// queue, so that matching is linear in the number of sections.
	byKey := map[string][]int{}
	for j, os := range olds {
		if os.key != "" {
			byKey[os.key] = append(byKey[os.key], j)
		}
	}
	for i, ns := range news {
		if q := byKey[ns.key]; ns.key != "" && len(q) > 0 {
			match[i], taken[q[0]] = q[0], true
			byKey[ns.key] = q[1:]
		}
	}
	// 1b. A section whose title has no words ("#", "***") is matched only
	// with one that is the same, title and text: it is unchanged.
	same := func(f flatSection) string {
		var b strings.Builder
		fmt.Fprintf(&b, "%d:%s", len(f.sec.Title.Value), f.sec.Title.Value)
		for _, p := range f.paras {
			fmt.Fprintf(&b, "%d:%s", len(p), p)
		}
		return b.String()
	}
	bySame := map[string][]int{}
	for j, os := range olds {
		if os.key == "" {
			k := same(os)
			bySame[k] = append(bySame[k], j)
		}
	}
	for i, ns := range news {
		if match[i] >= 0 || ns.key != "" {
			continue
		}
		k := same(ns)
		if q := bySame[k]; len(q) > 0 {
			match[i], taken[q[0]] = q[0], true
			bySame[k] = q[1:]
		}
	}
	// 2. A new title over text that is mostly the old one's: renamed.
	// Each pair weighed costs the words of both; past the budget, the
	// sections not yet weighed are added and removed (a report of 40,000
	// sections, each under a new title, would take hours).
	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
weigh:
	for i := range news {
		if match[i] >= 0 || news[i].key == openingKey {
			continue
		}
		for j := range olds {
			if taken[j] || olds[j].key == openingKey {
				continue
			}
			a, b := news[i].wordSet(), olds[j].wordSet()
			if w.renames -= len(a) + len(b) + 1; w.renames < 0 {
				break weigh
			}
			if s := jaccard(a, b); s >= renameSimilarity {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].score > cands[b].score })
	for _, c := range cands {
		if match[c.i] < 0 && !taken[c.j] {
			match[c.i], taken[c.j] = c.j, true
			renamed[c.i] = true
		}
	}
	// 3. A matched section under another parent than before moved, and
	// so did matched sections out of their old order: the longest run in
	// the same order stays. Sections that changed parent are left out of
	// that run, so that a subsection moved under another heading is the
	// one reported, not the heading it now sits under.
	newParent := make([]bool, len(news))
	order := slices.Clone(match)
	for i, j := range match {
		if j < 0 {
			continue
		}
		np, op := news[i].parent, olds[j].parent
		if (np < 0) != (op < 0) || np >= 0 && match[np] != op {
			newParent[i], order[i] = true, -1
		}
	}
	inOrder := longestIncreasing(order)

	var out []SectionChange
	for i, ns := range news {
		line := 0
		if newPos != nil {
			line, _ = newPos.LineColumn(ns.sec.Heading.Start)
		}
		c := SectionChange{Title: ns.sec.Title.Value, Level: ns.sec.Level, NewLine: line}
		j := match[i]
		if j < 0 {
			c.Status = StatusAdded
			for k, p := range ns.paras {
				c.Paragraphs = append(c.Paragraphs, ParagraphDiff{Status: Added, NewLine: ns.lines[k], New: p})
			}
			out = append(out, c)
			continue
		}
		os := olds[j]
		if oldPos != nil {
			c.OldLine, _ = oldPos.LineColumn(os.sec.Heading.Start)
		}
		c.Paragraphs = compareParagraphs(os, ns, w)
		for k := range c.Paragraphs {
			p := &c.Paragraphs[k]
			p.Boilerplate = isBoilerplate(p.Old) || isBoilerplate(p.New)
		}
		changed := len(c.Paragraphs) > 0
		switch {
		// A header line matched as such ("Travel Advisory July 1, 2025")
		// is not renamed by its new date or level: the facts say those.
		case renamed[i] || os.sec.Title.Value != ns.sec.Title.Value && os.key != profile.NormalizeTitle(ns.sec.Title.Value) && !strings.HasPrefix(os.key, headerKey):
			c.Status, c.OldTitle, c.TextChanged = StatusRenamed, os.sec.Title.Value, changed
		case newParent[i] || !inOrder[i]:
			c.Status, c.TextChanged = StatusMoved, changed
		case changed:
			c.Status = StatusChanged
		default:
			c.Status = StatusUnchanged
		}
		out = append(out, c)
	}
	for j, os := range olds {
		if taken[j] {
			continue
		}
		c := SectionChange{Title: os.sec.Title.Value, Level: os.sec.Level, Status: StatusRemoved}
		if oldPos != nil {
			c.OldLine, _ = oldPos.LineColumn(os.sec.Heading.Start)
		}
		for k, p := range os.paras {
			c.Paragraphs = append(c.Paragraphs, ParagraphDiff{Status: Removed, OldLine: os.lines[k], Old: p})
		}
		out = append(out, c)
	}
	if out == nil {
		out = []SectionChange{}
	}
	movedAcross(out, w)
	return out
}

// movedAcross finds the paragraphs that left one section for another: one
// removed from a section and one added to another that are word for word
// the same, or alike enough to be its lightly edited self (movedSimilarity),
// are one paragraph, shown where it now is, marked moved with the section
// it came from. Sections added or removed whole keep their paragraphs.
// Weighing the pairs is charged to the pairs budget.
func movedAcross(secs []SectionChange, w *work) {
	type ref struct{ s, p int }
	var rem, add []ref
	for i, s := range secs {
		if s.Status == StatusAdded || s.Status == StatusRemoved {
			continue
		}
		for k, p := range s.Paragraphs {
			switch p.Status {
			case Removed:
				rem = append(rem, ref{i, k})
			case Added:
				add = append(add, ref{i, k})
			}
		}
	}
	if len(rem) == 0 || len(add) == 0 {
		return
	}
	gone := map[ref]bool{}   // removed paragraphs now shown where they went
	paired := map[ref]bool{} // added paragraphs now shown as moved
	move := func(r, a ref, exact bool) {
		old, new := secs[r.s].Paragraphs[r.p], secs[a.s].Paragraphs[a.p]
		d := ParagraphDiff{Status: ParagraphMoved, OldLine: old.OldLine, NewLine: new.NewLine, Old: old.Old, New: new.New, FromSection: secs[r.s].Title, Boilerplate: new.Boilerplate}
		if !exact {
			d.Status, d.Moved, d.Words = Changed, true, wordDiff(old.Old, new.New, &w.words)
		}
		secs[a.s].Paragraphs[a.p] = d
		gone[r], paired[a] = true, true
	}
	// Word for word first, through a map.
	byText := map[string][]ref{}
	for _, a := range add {
		t := secs[a.s].Paragraphs[a.p].New
		byText[t] = append(byText[t], a)
	}
	for _, r := range rem {
		t := secs[r.s].Paragraphs[r.p].Old
		for len(byText[t]) > 0 {
			a := byText[t][0]
			byText[t] = byText[t][1:]
			if a.s != r.s {
				move(r, a, true)
				break
			}
		}
	}
	// Then the lightly edited, the most alike first.
	type cand struct {
		r, a  ref
		score float64
	}
	var cands []cand
	set := wordSets[ref]{}.of
weigh:
	for _, r := range rem {
		if gone[r] {
			continue
		}
		for _, a := range add {
			// Each pair looked at costs, those passed over too: a
			// section of many removed and added paragraphs would
			// otherwise be passed over for free, its square of times.
			if w.pairs--; w.pairs < 0 {
				break weigh
			}
			if paired[a] || a.s == r.s {
				continue
			}
			wr, wa := set(r, secs[r.s].Paragraphs[r.p].Old), set(a, secs[a.s].Paragraphs[a.p].New)
			if w.pairs -= len(wr) + len(wa); w.pairs < 0 {
				break weigh
			}
			if sc := jaccard(wr, wa); sc >= movedSimilarity {
				cands = append(cands, cand{r, a, sc})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	for _, c := range cands {
		if !gone[c.r] && !paired[c.a] {
			move(c.r, c.a, false)
		}
	}
	if len(gone) == 0 {
		return
	}
	// The paragraphs that left a section are no longer its own changes.
	for i := range secs {
		s := &secs[i]
		kept := s.Paragraphs[:0]
		for k, p := range s.Paragraphs {
			if !gone[ref{i, k}] {
				kept = append(kept, p)
			}
		}
		s.Paragraphs = kept
		switch {
		case len(kept) > 0:
		case s.Status == StatusChanged:
			s.Status = StatusUnchanged
		default:
			s.TextChanged = false
		}
	}
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// longestIncreasing marks the matched new sections that form the longest
// run whose old positions increase: those kept their order.
func longestIncreasing(match []int) map[int]bool {
	var idx []int // new indices of matched sections
	for i, j := range match {
		if j >= 0 {
			idx = append(idx, i)
		}
	}
	// Patience sorting with predecessor links: O(n log n).
	tails := []int{} // positions in idx
	prev := make([]int, len(idx))
	for k, i := range idx {
		v := match[i]
		lo := sort.Search(len(tails), func(t int) bool { return match[idx[tails[t]]] >= v })
		if lo > 0 {
			prev[k] = tails[lo-1]
		} else {
			prev[k] = -1
		}
		if lo == len(tails) {
			tails = append(tails, k)
		} else {
			tails[lo] = k
		}
	}
	keep := map[int]bool{}
	if len(tails) == 0 {
		return keep
	}
	for k := tails[len(tails)-1]; k >= 0; k = prev[k] {
		keep[idx[k]] = true
	}
	return keep
}

// changedSimilarity is how alike an old and a new paragraph must be to be
// shown as one changed paragraph rather than one removed and one added.
const changedSimilarity = 0.3

// pairWindow is how many of the paragraphs added after a removed one are
// weighed as its new wording: a rewording stays near where it was.
const pairWindow = 1000

// work bounds what one comparison may spend where its time would grow
// with the square of the report's size; past a bound it gives up finesse,
// never correctness: what it no longer aligns, pairs or renames is shown
// removed and added.
type work struct {
	words   int // word diffs of changed paragraphs (see wordDiffWork)
	align   int // aligning paragraphs, counted as the square of those aligned
	pairs   int // weighing removed against added paragraphs, in words
	renames int // weighing sections for a renaming, in words
}

// The bounds are generous: every paragraph of a 1 MB report rewritten
// takes a small part of each. 120,000 paragraphs each reworded took 86 s
// before they were bounded, and 16,000 replaced 5 s.
func newWork() *work {
	return &work{words: wordDiffWork, align: 400_000_000, pairs: 50_000_000, renames: 50_000_000}
}

// compareParagraphs aligns two sections' paragraphs (equal ones are
// anchors) and word-diffs the pairs that changed.
func compareParagraphs(o, n flatSection, w *work) []ParagraphDiff {
	ops := alignTokens(o.paras, n.paras, &w.align)
	var out []ParagraphDiff
	oi, ni := 0, 0
	var dels, ins []int
	oldWords, newWords := wordSets[int]{}, wordSets[int]{}
	flush := func() {
		dels, ins = dropReflowed(o.paras, n.paras, dels, ins, &w.pairs)
		// Pair each deletion, in order, with the next insertion alike
		// enough to be its new wording; one word for word the same is
		// left to movedParagraphs. What is not paired was removed or added.
		used := make([]bool, len(ins))
		next := 0
		for _, a := range dels {
			paired := false
			for k := next; k < len(ins) && k < next+pairWindow && !paired && w.pairs > 0; k++ {
				b := ins[k]
				if o.paras[a] == n.paras[b] {
					continue
				}
				wa, wb := oldWords.of(a, o.paras[a]), newWords.of(b, n.paras[b])
				w.pairs -= len(wa) + len(wb) + 1
				if jaccard(wa, wb) < changedSimilarity {
					continue
				}
				out = append(out, ParagraphDiff{Status: Changed, OldLine: o.lines[a], NewLine: n.lines[b], Old: o.paras[a], New: n.paras[b], Words: wordDiff(o.paras[a], n.paras[b], &w.words), pos: 2*b + 1})
				used[k], next, paired = true, k+1, true
			}
			if !paired {
				// Shown just before the next new paragraph not yet passed.
				at := ni
				if next < len(ins) {
					at = ins[next]
				}
				out = append(out, ParagraphDiff{Status: Removed, OldLine: o.lines[a], Old: o.paras[a], pos: 2 * at})
			}
		}
		for k, b := range ins {
			if !used[k] {
				out = append(out, ParagraphDiff{Status: Added, NewLine: n.lines[b], New: n.paras[b], pos: 2*b + 1})
			}
		}
		dels, ins = nil, nil
	}
	for _, op := range ops {
		switch op {
		case diffmatchpatch.DiffEqual:
			flush()
			oi++
			ni++
		case diffmatchpatch.DiffDelete:
			dels = append(dels, oi)
			oi++
		case diffmatchpatch.DiffInsert:
			ins = append(ins, ni)
			ni++
		}
	}
	flush()
	// The rows are put in the new edition's order, a removed paragraph
	// where it stood: pairing and moves leave them in the order they were
	// found (an insertion passed over after the one paired, a moved
	// paragraph where it was), and a reviewer reads down the page.
	out = movedAndEdited(movedParagraphs(out), w)
	slices.SortStableFunc(out, func(a, b ParagraphDiff) int { return cmp.Compare(a.pos, b.pos) })
	for i := range out {
		out[i].pos = 0
	}
	return out
}

// movedSimilarity is how alike a paragraph removed in one place and one
// added in another must be to be one paragraph, moved and lightly edited.
// It is stricter than changedSimilarity: far from where it was, a
// paragraph must be recognisably itself.
const movedSimilarity = 0.6

// movedAndEdited pairs a paragraph removed with one added elsewhere in the
// section that is its lightly edited self: one changed paragraph, marked
// moved, in place of a removal and an addition. The most alike are paired
// first; the weighing is charged to the pairs budget.
func movedAndEdited(diffs []ParagraphDiff, w *work) []ParagraphDiff {
	var rem, add []int
	for i, d := range diffs {
		switch d.Status {
		case Removed:
			rem = append(rem, i)
		case Added:
			add = append(add, i)
		}
	}
	if len(rem) == 0 || len(add) == 0 {
		return diffs
	}
	type cand struct {
		r, a  int
		score float64
	}
	var cands []cand
	set := make(wordSets[int], len(rem)+len(add)).of
weigh:
	for _, r := range rem {
		for _, a := range add {
			wr, wa := set(r, diffs[r].Old), set(a, diffs[a].New)
			if w.pairs -= len(wr) + len(wa) + 1; w.pairs < 0 {
				break weigh
			}
			if s := jaccard(wr, wa); s >= movedSimilarity {
				cands = append(cands, cand{r, a, s})
			}
		}
	}
	if len(cands) == 0 {
		return diffs
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	drop, paired := map[int]bool{}, map[int]bool{}
	for _, c := range cands {
		if drop[c.r] || paired[c.a] {
			continue
		}
		old, new := diffs[c.r], diffs[c.a]
		// It is shown where it now is, in the new edition's order.
		diffs[c.a] = ParagraphDiff{Status: Changed, Moved: true, OldLine: old.OldLine, NewLine: new.NewLine, Old: old.Old, New: new.New, Words: wordDiff(old.Old, new.New, &w.words), pos: new.pos}
		drop[c.r], paired[c.a] = true, true
	}
	out := diffs[:0]
	for i, d := range diffs {
		if !drop[i] {
			out = append(out, d)
		}
	}
	return out
}

// dropReflowed takes out of a run of deleted and inserted paragraphs those
// that are the same text only joined, split, re-wrapped or re-spaced: the
// paragraphs of a group on each side, their spaces left out, read the same.
// A group is grown from a deleted and an inserted paragraph that start
// alike, adding the next paragraph on the side that is behind while one
// side's text starts the other's. The bytes compared are charged to budget.
func dropReflowed(oldParas, newParas []string, dels, ins []int, budget *int) ([]int, []int) {
	if len(dels) == 0 || len(ins) == 0 {
		return dels, ins
	}
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	const keyLen = 4
	sd := make([]string, len(dels))
	for k, i := range dels {
		sd[k] = squeeze(oldParas[i])
	}
	si := make([]string, len(ins))
	starts := map[string][]int{}
	for k, i := range ins {
		si[k] = squeeze(newParas[i])
		if len(si[k]) >= keyLen {
			starts[si[k][:keyLen]] = append(starts[si[k][:keyLen]], k)
		}
	}
	goneD, goneI := make([]bool, len(dels)), make([]bool, len(ins))
	for d := 0; d < len(dels); d++ {
		if len(sd[d]) < keyLen {
			continue
		}
		for tries, k := range starts[sd[d][:keyLen]] {
			if tries >= 8 || *budget <= 0 {
				break
			}
			if goneI[k] {
				continue
			}
			a, b := sd[d], si[k]
			ed, ek := d, k
			ok := false
			for *budget > 0 {
				*budget -= min(len(a), len(b)) + 1
				switch {
				case a == b:
					ok = true
				case strings.HasPrefix(b, a) && ed+1 < len(dels) && dels[ed+1] == dels[ed]+1 && !goneD[ed+1]:
					ed++
					a += sd[ed]
					continue
				case strings.HasPrefix(a, b) && ek+1 < len(ins) && ins[ek+1] == ins[ek]+1 && !goneI[ek+1]:
					ek++
					b += si[ek]
					continue
				}
				break
			}
			if ok {
				for x := d; x <= ed; x++ {
					goneD[x] = true
				}
				for x := k; x <= ek; x++ {
					goneI[x] = true
				}
				d = ed
				break
			}
		}
	}
	keep := func(list []int, gone []bool) []int {
		out := list[:0:0]
		for k, i := range list {
			if !gone[k] {
				out = append(out, i)
			}
		}
		return out
	}
	return keep(dels, goneD), keep(ins, goneI)
}

// movedParagraphs turns a paragraph removed in one place and added word for
// word in another into one paragraph that moved: it is not a change of
// text, and showing it twice hides the edits around it.
func movedParagraphs(diffs []ParagraphDiff) []ParagraphDiff {
	added := map[string][]int{}
	for i, d := range diffs {
		if d.Status == Added {
			added[d.New] = append(added[d.New], i)
		}
	}
	drop := map[int]bool{}
	for i, d := range diffs {
		if d.Status != Removed || len(added[d.Old]) == 0 {
			continue
		}
		j := added[d.Old][0]
		added[d.Old] = added[d.Old][1:]
		diffs[i] = ParagraphDiff{Status: ParagraphMoved, OldLine: d.OldLine, NewLine: diffs[j].NewLine, Old: d.Old, New: d.Old, pos: diffs[j].pos}
		drop[j] = true
	}
	if len(drop) == 0 {
		return diffs
	}
	out := diffs[:0]
	for i, d := range diffs {
		if !drop[i] {
			out = append(out, d)
		}
	}
	return out
}

// wordSets keeps each paragraph's word set, by a key that names the
// paragraph, so that weighing it against many others builds it once.
type wordSets[K comparable] map[K]map[string]bool

func (c wordSets[K]) of(k K, text string) map[string]bool {
	m, ok := c[k]
	if !ok {
		m = wordSetOf(text)
		c[k] = m
	}
	return m
}

// wordSetOf is the set of a paragraph's words, lowercased, as similarity
// weighs them.
func wordSetOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		m[w] = true
	}
	return m
}

// alignTokens diffs two sequences of strings as sequences of symbols, one
// rune per distinct string, with go-diff (Myers, no time limit, so the
// result never degrades to the timeout's coarse fallback). It returns one
// operation per element: equal (both advance), delete, insert.
//
// Myers' time grows with the square of the elements in the worst case, so
// each run is charged that square to budget. Past it, the elements found
// once in each sequence and in the same order anchor the alignment (as
// patience diff does), and only the gaps between anchors that the budget
// still covers are diffed; the others are shown deleted and inserted.
func alignTokens(a, b []string, budget *int) []diffmatchpatch.Operation {
	symbols := map[string]rune{}
	encode := func(ss []string) []rune {
		out := make([]rune, len(ss))
		for i, s := range ss {
			r, ok := symbols[s]
			if !ok {
				r = symbolRune(len(symbols))
				symbols[s] = r
			}
			out[i] = r
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	var ops []diffmatchpatch.Operation
	repeat := func(op diffmatchpatch.Operation, n int) {
		for range n {
			ops = append(ops, op)
		}
	}
	// gap aligns x with y, its common ends first.
	gap := func(x, y []rune) {
		pre, suf := commonEnds(x, y)
		repeat(diffmatchpatch.DiffEqual, pre)
		mx, my := x[pre:len(x)-suf], y[pre:len(y)-suf]
		if cost := (len(mx) + len(my)) * (len(mx) + len(my)); cost <= *budget {
			*budget -= cost
			dmp := diffmatchpatch.New()
			dmp.DiffTimeout = 0
			for _, d := range dmp.DiffMainRunes(mx, my, false) {
				repeat(d.Type, len([]rune(d.Text)))
			}
		} else {
			repeat(diffmatchpatch.DiffDelete, len(mx))
			repeat(diffmatchpatch.DiffInsert, len(my))
		}
		repeat(diffmatchpatch.DiffEqual, suf)
	}
	pre, suf := commonEnds(ra, rb)
	if n := len(ra) + len(rb) - 2*(pre+suf); n*n <= *budget {
		gap(ra, rb)
		return ops
	}
	i, k := 0, 0
	for _, anchor := range uniqueAnchors(ra, rb) {
		gap(ra[i:anchor[0]], rb[k:anchor[1]])
		ops = append(ops, diffmatchpatch.DiffEqual)
		i, k = anchor[0]+1, anchor[1]+1
	}
	gap(ra[i:], rb[k:])
	return ops
}

// uniqueAnchors pairs the positions of the symbols found exactly once in
// each of a and b, keeping the longest run of pairs in the same order in
// both: O(n log n).
func uniqueAnchors(a, b []rune) [][2]int {
	type seen struct{ inA, inB, posA, posB int }
	count := map[rune]*seen{}
	for i, r := range a {
		s := count[r]
		if s == nil {
			s = &seen{}
			count[r] = s
		}
		s.inA++
		s.posA = i
	}
	for k, r := range b {
		if s := count[r]; s != nil {
			s.inB++
			s.posB = k
		}
	}
	var pairs [][2]int // in b's order
	for _, r := range b {
		if s := count[r]; s != nil && s.inA == 1 && s.inB == 1 {
			pairs = append(pairs, [2]int{s.posA, s.posB})
		}
	}
	byA := make([]int, len(pairs))
	for p := range pairs {
		byA[p] = pairs[p][0]
	}
	keep := longestIncreasing(byA)
	var out [][2]int
	for p := range pairs {
		if keep[p] {
			out = append(out, pairs[p])
		}
	}
	return out
}

// symbolRune maps the n-th distinct token to a valid rune outside the
// surrogate range, so that go-diff's internal string conversions keep it.
func symbolRune(n int) rune {
	const base = 0xE000 // the Private Use Area, then the planes above it
	r := rune(base + n)
	if r >= 0xF900 {
		r = rune(0x10000 + n)
	}
	return r
}

// WordDiff is the word-level difference between two paragraphs: words and
// the spaces and punctuation between them are the units, so a change is
// never shown inside a word; a semantic clean-up merges small equalities.
func WordDiff(old, new string) []WordOp {
	budget := wordDiffWork
	return wordDiff(old, new, &budget)
}

// wordDiffWork bounds the work of the word diffs of one comparison,
// counted as the square of the words, spaces and marks each compares
// after their common beginning and end: the diff's time grows with that
// square (10,000 of each took 0.7 s, and two 1 MB paragraphs with every
// sentence changed 12 s). Every paragraph of a 200 KB report rewritten
// takes about a tenth of it. Past it, what lies between the common
// beginning and end is shown removed and added whole.
const wordDiffWork = 1_000_000_000

// wordDiff is WordDiff charging its work to budget.
func wordDiff(old, new string, budget *int) []WordOp {
	ta, tb := tokens(old), tokens(new)
	symbols := map[string]rune{}
	var back []string
	encode := func(ts []string) []rune {
		out := make([]rune, len(ts))
		for i, t := range ts {
			r, ok := symbols[t]
			if !ok {
				r = symbolRune(len(back))
				symbols[t] = r
				back = append(back, t)
			}
			out[i] = r
		}
		return out
	}
	ra, rb := encode(ta), encode(tb)
	var diffs []diffmatchpatch.Diff
	pre, suf := commonEnds(ra, rb)
	if middle := len(ra) + len(rb) - 2*(pre+suf); middle*middle <= *budget {
		*budget -= middle * middle
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0
		diffs = dmp.DiffCleanupSemantic(dmp.DiffMainRunes(ra, rb, false))
	} else {
		for _, d := range []diffmatchpatch.Diff{
			{Type: diffmatchpatch.DiffEqual, Text: string(ra[:pre])},
			{Type: diffmatchpatch.DiffDelete, Text: string(ra[pre : len(ra)-suf])},
			{Type: diffmatchpatch.DiffInsert, Text: string(rb[pre : len(rb)-suf])},
			{Type: diffmatchpatch.DiffEqual, Text: string(ra[len(ra)-suf:])},
		} {
			if d.Text != "" {
				diffs = append(diffs, d)
			}
		}
	}
	var out []WordOp
	for _, d := range diffs {
		var b strings.Builder
		for _, r := range d.Text {
			i := int(r - 0xE000)
			if r >= 0x10000 {
				i = int(r - 0x10000)
			}
			if i >= 0 && i < len(back) {
				b.WriteString(back[i])
			}
		}
		op := map[diffmatchpatch.Operation]string{diffmatchpatch.DiffEqual: "equal", diffmatchpatch.DiffInsert: "insert", diffmatchpatch.DiffDelete: "delete"}[d.Type]
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += b.String()
			continue
		}
		out = append(out, WordOp{Op: op, Text: b.String()})
	}
	return out
}

// commonEnds is how many symbols a and b share at their start, and then
// at their end.
func commonEnds(a, b []rune) (pre, suf int) {
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}

// tokens cuts text into words, runs of spaces, and single other characters.
func tokens(s string) []string {
	var out []string
	start := -1
	kind := 0 // 1 word, 2 space
	flush := func(i int) {
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	for i, r := range s {
		k := 3
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’':
			k = 1
		case unicode.IsSpace(r):
			k = 2
		}
		if k == 3 {
			flush(i)
			out = append(out, string(r))
			continue
		}
		if start >= 0 && k != kind {
			flush(i)
		}
		if start < 0 {
			start, kind = i, k
		}
	}
	flush(len(s))
	return out
}
