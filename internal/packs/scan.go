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

// scanMemo is a report's texts read so far: by text, the slots of the
// rules with a phrase in it.
type scanMemo struct {
	held  map[string][]bool
	found []bool
}

// mentions reports whether text may hold a phrase of the rule in slot: a
// text that holds none is passed over without the rule's regexp.
func (s *packScan) mentions(p *lint.Pass, text string, slot int) bool {
	m := p.Shared(s.key, func() any { return &scanMemo{held: map[string][]bool{}} }).(*scanMemo)
	held, ok := m.held[text]
	if !ok {
		held = make([]bool, s.slots)
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
		m.held[text] = held
	}
	return held[slot]
}
