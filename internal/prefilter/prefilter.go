// Package prefilter tells, before a regular expression runs, whether a text
// can hold a match at all: from the expression's syntax it reads the
// literal pieces every match contains ("Irish citizens" and "Department of
// Foreign Affairs", or one of a level's wordings), and a text without them
// is passed over. Looking for a few literals is far cheaper than running
// the expression, which for an unanchored, case-ignoring pattern tries
// every byte of the text; the patterns editors write in profiles are most
// often of that kind, and most texts hold none of their words.
package prefilter

import (
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/phrase"
)

// Filter is the test for one expression. The nil Filter lets every text
// through.
type Filter struct {
	root node
}

// node is what a match must contain: a literal, all of its subs (and), or
// one of them (or). A node that asks nothing is not kept (nil).
type node struct {
	op     op
	lit    string // opLit: as written, or lower case when fold
	fold   bool   // opLit: ASCII letters in either case
	folded phrase.FoldLiteral
	// ks says lit holds a "k" or an "s", which a case-ignoring expression
	// also matches to the Kelvin sign and the long s: a text holding
	// either may match without holding lit.
	ks   bool
	subs []*node
	// memo is 1 + the literal's place in a memo, once Share has numbered
	// it; 0 before.
	memo int
	// ksMemo, for a literal with ks that Share numbered, is 1 + the place
	// in the memo of whether the text holds the Kelvin sign or the long s:
	// looked for once a text, not once for each such literal it lacks
	// (most wordings hold a "k" or an "s"), which was a third of the level
	// statements' tests.
	ksMemo int
	// group, for a case-ignoring literal Share numbered, is the literals
	// whose search looks for the same byte first, found in one search.
	group *group
}

// group is case-ignoring literals numbered by one Share whose searches
// turn on the same byte (phrase.FoldLiteral.Anchor): the level
// statements' wordings most often on the "v" of "travel". Each search read
// the text for that byte in both cases; the group reads it once for all.
type group struct {
	b     byte    // the byte, lower case
	nodes []*node // at most 64, a bit each
}

// maxGroup is the most literals of a group.
const maxGroup = 64

// scan writes in memo, for each literal of g, whether text holds it as
// heldInMemo finds it: its case-ignoring search, then the Kelvin sign's.
func (g *group) scan(text string, memo []uint8) {
	lo, up := g.b, g.b
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	var found uint64
	all := uint64(1)<<len(g.nodes) - 1
	if len(g.nodes) == maxGroup {
		all = ^uint64(0)
	}
	nextLo, nextUp := -1, -1 // the next place of each case, once looked for
	for i := 0; i < len(text) && found != all; {
		if nextLo < i {
			nextLo = phrase.IndexByteFrom(text, lo, i)
		}
		if nextUp < i {
			nextUp = phrase.IndexByteFrom(text, up, i)
		}
		j := min(nextLo, nextUp)
		if j >= len(text) {
			break
		}
		for m := all &^ found; m != 0; m &= m - 1 {
			b := bits.TrailingZeros64(m)
			n := g.nodes[b]
			start := j - n.folded.Anchor()
			if start >= 0 && start+len(n.lit) <= len(text) && phrase.EqualFoldASCII(text[start:start+len(n.lit)], n.lit) {
				found |= 1 << b
			}
		}
		i = j + 1
	}
	for b, n := range g.nodes {
		held := found&(1<<b) != 0 || n.ksMemo != 0 && n.ksIn(text, memo) || n.ksMemo == 0 && n.ks && holdsKS(text)
		memo[n.memo-1] = 2
		if held {
			memo[n.memo-1] = 1
		}
	}
}

type op uint8

const (
	opLit op = iota
	opAnd
	opOr
)

// minLiteral is the shortest literal worth looking for: shorter ones are
// in nearly every text.
const minLiteral = 3

// maxLiterals is the most literals a filter looks for. Each is a search
// of the whole text; for a long list of words (a house profile's, say)
// the expression, which shares their common beginnings, is the cheaper
// test, as for phrase.Matcher.
const maxLiterals = 64

// For reads the expression expr, as regexp.Compile does, and returns its
// filter, or nil when it requires no literal (or does not parse: the
// caller's compile reports that), or too many.
func For(expr string) *Filter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	n := required(re.Simplify())
	if n == nil || n.literals() > maxLiterals {
		return nil
	}
	return &Filter{root: *n}
}

// literals counts the literals n looks for.
func (n *node) literals() int {
	if n.op == opLit {
		return 1
	}
	c := 0
	for _, sub := range n.subs {
		c += sub.literals()
	}
	return c
}

// MayMatch reports whether text may hold a match: false only when it
// cannot.
func (f *Filter) MayMatch(text string) bool {
	if f == nil {
		return true
	}
	return f.root.heldIn(text)
}

// Share numbers the literals of filters for MayMatchMemo, the same
// literal (as written, and asked in either case or not) the same number,
// and returns the length of the memo: how many numbers it gave, and one
// place more, for whether a text holds the Kelvin sign or the long s, when
// a case-ignoring literal holds a "k" or an "s". A profile's level statements ask a paragraph for the same wordings
// ("avoid all travel" in three statements), each a search of it. Call it
// once, before the filters are used; a filter is numbered by one Share
// only.
func Share(filters []*Filter) int {
	type key struct {
		lit  string
		fold bool
	}
	num := map[key]int{}
	var ks []*node
	var folded, firsts []*node // the case-ignoring literals' nodes; the first of each
	firstOf := map[int]*node{} // by memo
	var walk func(n *node)
	walk = func(n *node) {
		if n.op != opLit {
			for _, sub := range n.subs {
				walk(sub)
			}
			return
		}
		k := key{n.lit, n.fold}
		i, ok := num[k]
		if !ok {
			i = len(num)
			num[k] = i
		}
		n.memo = i + 1
		if n.fold {
			folded = append(folded, n)
			if !ok {
				firsts = append(firsts, n)
				firstOf[n.memo] = n
			}
		}
		if n.fold && n.ks {
			ks = append(ks, n)
		}
	}
	for _, f := range filters {
		if f != nil {
			walk(&f.root)
		}
	}
	groupLiterals(firsts)
	for _, n := range folded {
		n.group = firstOf[n.memo].group // the other nodes of the literal
	}
	if len(ks) == 0 {
		return len(num)
	}
	for _, n := range ks {
		n.ksMemo = len(num) + 1 // the place after the literals'
	}
	return len(num) + 1
}

// MayMatchMemo is MayMatch, keeping in memo what each literal's search of
// text found: 0 not searched, 1 held, 2 not. memo is Share's length, zero
// for each new text, and shared by the filters Share numbered together.
func (f *Filter) MayMatchMemo(text string, memo []uint8) bool {
	if f == nil {
		return true
	}
	return f.root.heldInMemo(text, memo)
}

// heldInMemo is heldIn with memo.
func (n *node) heldInMemo(text string, memo []uint8) bool {
	switch n.op {
	case opAnd:
		for _, sub := range n.subs {
			if !sub.heldInMemo(text, memo) {
				return false
			}
		}
		return true
	case opOr:
		for _, sub := range n.subs {
			if sub.heldInMemo(text, memo) {
				return true
			}
		}
		return false
	}
	if n.memo == 0 {
		return n.heldIn(text)
	}
	if n.group != nil {
		if memo[n.memo-1] == 0 {
			n.group.scan(text, memo)
		}
		return memo[n.memo-1] == 1
	}
	switch memo[n.memo-1] {
	case 1:
		return true
	case 2:
		return false
	}
	var held bool
	if n.ksMemo == 0 {
		held = n.heldIn(text)
	} else {
		held = n.folded.In(text) || n.ksIn(text, memo)
	}
	memo[n.memo-1] = 2
	if held {
		memo[n.memo-1] = 1
	}
	return held
}

// groupLiterals puts the literals whose searches turn on the same byte in
// groups, and gives each node of a literal its group; a literal alone
// with its byte keeps its own search. lits holds one node of each
// literal, in the order of their numbers.
func groupLiterals(lits []*node) {
	byByte := map[byte][]*node{}
	var order []byte
	for _, n := range lits {
		b := n.lit[n.folded.Anchor()]
		if _, ok := byByte[b]; !ok {
			order = append(order, b)
		}
		byByte[b] = append(byByte[b], n)
	}
	for _, b := range order {
		nodes := byByte[b]
		for len(nodes) > 1 {
			g := &group{b: b, nodes: nodes[:min(len(nodes), maxGroup)]}
			for _, n := range g.nodes {
				n.group = g
			}
			nodes = nodes[len(g.nodes):]
		}
	}
}

// required is what every match of re contains, or nil for nothing.
func required(re *syntax.Regexp) *node {
	switch re.Op {
	case syntax.OpLiteral:
		return literal(re)
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var subs []*node
		for _, sub := range re.Sub {
			if n := required(sub); n != nil {
				subs = append(subs, n)
			}
		}
		return join(opAnd, subs)
	case syntax.OpAlternate:
		subs := make([]*node, 0, len(re.Sub))
		for _, sub := range re.Sub {
			n := required(sub)
			if n == nil {
				return nil // this branch matches without any literal
			}
			subs = append(subs, n)
		}
		return join(opOr, subs)
	}
	// Classes, any character, anchors, boundaries, optional parts.
	return nil
}

// literal is what a literal requires: itself (its runs between U+FFFD), or
// when case is ignored its runs of ASCII (which fold exactly, but for k and
// s), each of them.
func literal(re *syntax.Regexp) *node {
	s := string(re.Rune)
	if re.Flags&syntax.FoldCase == 0 {
		if !strings.ContainsRune(s, utf8.RuneError) {
			if len(s) < minLiteral {
				return nil
			}
			return &node{op: opLit, lit: s}
		}
		// U+FFFD matches, besides its own encoding, each byte of invalid
		// UTF-8 in the text (the regexp reads such a byte as U+FFFD): the
		// runs between its places are what a match holds.
		var subs []*node
		for _, run := range strings.Split(s, string(utf8.RuneError)) {
			if len(run) >= minLiteral {
				subs = append(subs, &node{op: opLit, lit: run})
			}
		}
		return join(opAnd, subs)
	}
	var subs []*node
	for _, run := range strings.FieldsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) {
		if len(run) < minLiteral {
			continue
		}
		run = strings.ToLower(run)
		subs = append(subs, &node{op: opLit, lit: run, fold: true, folded: phrase.NewFoldLiteral(run), ks: strings.ContainsAny(run, "ks")})
	}
	return join(opAnd, subs)
}

// join makes one node of subs: nil for none, the one, or op over them,
// the longest literals first (the rarest, most often, so an and fails
// soonest).
func join(o op, subs []*node) *node {
	switch len(subs) {
	case 0:
		return nil
	case 1:
		return subs[0]
	}
	slices.SortStableFunc(subs, func(a, b *node) int { return len(b.lit) - len(a.lit) })
	return &node{op: o, subs: subs}
}

// heldIn reports whether text holds what n requires.
func (n *node) heldIn(text string) bool {
	switch n.op {
	case opAnd:
		for _, sub := range n.subs {
			if !sub.heldIn(text) {
				return false
			}
		}
		return true
	case opOr:
		for _, sub := range n.subs {
			if sub.heldIn(text) {
				return true
			}
		}
		return false
	}
	if !n.fold {
		return strings.Contains(text, n.lit)
	}
	return n.folded.In(text) || n.ks && holdsKS(text)
}

// holdsKS reports whether text holds the Kelvin sign or the long s, which
// a case-ignoring expression matches to "k" and "s".
func holdsKS(text string) bool {
	return strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f")
}

// ksIn is holdsKS(text), kept in memo at n.ksMemo.
func (n *node) ksIn(text string, memo []uint8) bool {
	switch memo[n.ksMemo-1] {
	case 1:
		return true
	case 2:
		return false
	}
	held := holdsKS(text)
	memo[n.ksMemo-1] = 2
	if held {
		memo[n.ksMemo-1] = 1
	}
	return held
}

// Regexp is a compiled expression whose searches ask its filter first; the
// methods it does not override search as regexp's do.
type Regexp struct {
	*regexp.Regexp
	filter *Filter
}

// MustCompile is regexp.MustCompile with the expression's filter.
func MustCompile(expr string) *Regexp {
	return &Regexp{Regexp: regexp.MustCompile(expr), filter: For(expr)}
}

func (re *Regexp) MatchString(s string) bool {
	return re.filter.MayMatch(s) && re.Regexp.MatchString(s)
}

func (re *Regexp) FindStringIndex(s string) []int {
	if !re.filter.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringIndex(s)
}

func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	if !re.filter.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringSubmatchIndex(s)
}

func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !re.filter.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringIndex(s, n)
}
