package packs

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/phrase"
)

// packScan finds every phrase of a pack's rules in a text in one reading
// (phrase.Set), once per report, so that each rule runs its regexp only on
// the texts that hold one of its phrases, rather than each rule testing
// every text for its own.
type packScan struct {
	key    string      // its memo key in a Pass
	phrase [2][]string // by ignore-case (0 kept, 1 ignored), every phrase
	slotOf [2][]int    // by ignore-case and phrase, the rule's slot
	sets   [2]*phrase.Set
	slots  int
}

func newPackScan() *packScan {
	s := &packScan{}
	s.key = fmt.Sprintf("packs.scan.%p", s)
	return s
}

// add files a rule's phrases and returns the rule's slot.
func (s *packScan) add(phrases []string, ignoreCase bool) int {
	c := 0
	if ignoreCase {
		c = 1
	}
	slot := s.slots
	s.slots++
	for _, p := range phrases {
		s.phrase[c] = append(s.phrase[c], p)
		s.slotOf[c] = append(s.slotOf[c], slot)
	}
	return slot
}

// compile builds the sets once every rule of the pack is added.
func (s *packScan) compile() {
	for c := range s.phrase {
		if len(s.phrase[c]) > 0 {
			s.sets[c] = phrase.NewSet(s.phrase[c], c == 1)
		}
	}
}

// scanMemo is what a report's rules of the pack share: the blocks of
// each scope read so far, each with the slots of the rules with a phrase in
// its text once a rule has asked.
type scanMemo struct {
	found  []bool
	blocks map[blocksKey][]*scanned
}

// blocksKey names a list of blocks: a scope (scope.key) and whether
// headings are read.
type blocksKey struct {
	scope    string
	headings bool
}

// scanned is a block with, once a rule has asked (mentions), the slots of
// the rules with a phrase in its text.
type scanned struct {
	block
	read bool
	held []bool // by slot; the blocks of a list share one array
}

// blocks is sc.blocks of the report, listed once for all the pack's rules
// of one scope (most have the whole report), which then read each block's
// slots without looking its text up. The list without headings is the one
// with them less its headings, the same blocks, so that a paragraph is
// read once for both.
func (s *packScan) blocks(p *lint.Pass, sc scope, headings bool) (*scanMemo, []*scanned) {
	m := p.Shared(s.key, func() any { return &scanMemo{blocks: map[blocksKey][]*scanned{}} }).(*scanMemo)
	k := blocksKey{sc.key, headings}
	if bs, ok := m.blocks[k]; ok {
		return m, bs
	}
	withHeadings := blocksKey{sc.key, true}
	all, ok := m.blocks[withHeadings]
	if !ok {
		raw := sc.blocks(p.Doc, p.Profile, p.File.Text, true)
		backing := make([]scanned, len(raw))
		held := make([]bool, len(raw)*s.slots)
		all = make([]*scanned, len(raw))
		for i, b := range raw {
			backing[i].block = b
			backing[i].held = held[i*s.slots : (i+1)*s.slots : (i+1)*s.slots]
			all[i] = &backing[i]
		}
		m.blocks[withHeadings] = all
	}
	if headings {
		return m, all
	}
	paragraphs := make([]*scanned, 0, len(all))
	for _, b := range all {
		if !b.heading {
			paragraphs = append(paragraphs, b)
		}
	}
	m.blocks[k] = paragraphs
	return m, paragraphs
}

// mentions reports whether b's text may hold a phrase of the rule in slot:
// a text that holds none is passed over without the rule's regexp. b and
// m are what blocks returned.
func (s *packScan) mentions(m *scanMemo, b *scanned, slot int) bool {
	if !b.read {
		s.heldIn(m, b.text.Text, b.held)
		b.read = true
	}
	return b.held[slot]
}

// heldIn sets held[slot] for the rules with a phrase in text.
func (s *packScan) heldIn(m *scanMemo, text string, held []bool) {
	for c, set := range s.sets {
		if set == nil {
			continue
		}
		if cap(m.found) < set.Len() {
			m.found = make([]bool, set.Len())
		}
		found := m.found[:set.Len()]
		if !set.Find(text, found) {
			continue
		}
		for i, f := range found {
			if f {
				held[s.slotOf[c][i]] = true
			}
		}
	}
}
