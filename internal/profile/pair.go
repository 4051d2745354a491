package profile

import (
	"regexp/syntax"
	"strings"

	"github.com/reportlint/reportlint/internal/phrase"
)

// pairMatcher answers MatchString for a pattern made of branches "A, then
// anything, then B", A and B ASCII literals with optional \b at either
// end, such as `(?s)\bFCDO\b.*?/foreign-travel-advice/|…`: Go's regexp
// ran its NFA over the page up to the match (about 3 ms for a
// smartraveller page, a tenth of checking the corpus), where a branch
// holds exactly when A stands somewhere and B after A's first place ends.
// Literals are found with strings.Index (ASCII case folded by hand under
// (?i)).
type pairMatcher struct {
	branches []pairBranch
	folds    bool // some literal ignores case
}

type pairBranch struct{ first, second pairLit }

// pairLit is a literal with the \b asked before and after it.
type pairLit struct {
	text                 string // lower-case when fold
	fold                 bool
	boundStart, boundEnd bool
}

// maxPairBranches bounds the branches a pattern may expand to.
const maxPairBranches = 8

// newPairMatcher is the pairMatcher of pat, or nil when pat is not of that
// shape.
func newPairMatcher(pat string) *pairMatcher {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		return nil
	}
	seqs, ok := expand(re)
	if !ok || len(seqs) == 0 {
		return nil
	}
	m := &pairMatcher{}
	for _, seq := range seqs {
		b, ok := pairOf(seq)
		if !ok {
			return nil
		}
		m.folds = m.folds || b.first.fold || b.second.fold
		m.branches = append(m.branches, b)
	}
	return m
}

// expand lists the sequences of pieces (literals, word boundaries, runs
// of anything) re's matches are made of, one for each branch of its
// alternations, distributing a concatenation over them; ok is false for
// anything else. Captures are looked through: MatchString does not read
// them.
func expand(re *syntax.Regexp) (seqs [][]*syntax.Regexp, ok bool) {
	switch re.Op {
	case syntax.OpLiteral, syntax.OpWordBoundary, syntax.OpStar:
		return [][]*syntax.Regexp{{re}}, true
	case syntax.OpCapture:
		return expand(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, ok := expand(sub)
			if !ok || len(seqs)+len(s) > maxPairBranches {
				return nil, false
			}
			seqs = append(seqs, s...)
		}
		return seqs, true
	case syntax.OpConcat:
		seqs = [][]*syntax.Regexp{nil}
		for _, sub := range re.Sub {
			s, ok := expand(sub)
			if !ok || len(seqs)*len(s) > maxPairBranches {
				return nil, false
			}
			var next [][]*syntax.Regexp
			for _, head := range seqs {
				for _, tail := range s {
					next = append(next, append(head[:len(head):len(head)], tail...))
				}
			}
			seqs = next
		}
		return seqs, true
	}
	return nil, false
}

// pairOf reads seq as [\b] A [\b] (?s:.*) [\b] B [\b], greedy or lazy.
func pairOf(seq []*syntax.Regexp) (pairBranch, bool) {
	var b pairBranch
	i := 0
	lit := func() (pairLit, bool) {
		var l pairLit
		if i < len(seq) && seq[i].Op == syntax.OpWordBoundary {
			l.boundStart = true
			i++
		}
		if i == len(seq) || seq[i].Op != syntax.OpLiteral {
			return l, false
		}
		// Literals in a row (one split by a capture) are one, when they
		// fold alike.
		l.fold = seq[i].Flags&syntax.FoldCase != 0
		var sb strings.Builder
		for ; i < len(seq) && seq[i].Op == syntax.OpLiteral; i++ {
			if fold := seq[i].Flags&syntax.FoldCase != 0; fold != l.fold {
				return l, false
			}
			for _, r := range seq[i].Rune {
				if r >= 0x80 {
					return l, false // ASCII only: no U+FFFD, no folding beyond ASCII's
				}
				if l.fold && 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				sb.WriteRune(r)
			}
		}
		l.text = sb.String()
		if i < len(seq) && seq[i].Op == syntax.OpWordBoundary {
			l.boundEnd = true
			i++
		}
		return l, l.text != ""
	}
	var ok bool
	if b.first, ok = lit(); !ok {
		return b, false
	}
	if i == len(seq) || seq[i].Op != syntax.OpStar || seq[i].Sub[0].Op != syntax.OpAnyChar {
		return b, false
	}
	i++
	if b.second, ok = lit(); !ok || i != len(seq) {
		return b, false
	}
	return b, true
}

// match is the regexp's MatchString(text); ok is false where it cannot
// tell: under (?i) Go folds k to the Kelvin sign and s to the long s,
// which byte-wise folding does not.
func (m *pairMatcher) match(text string) (matched, ok bool) {
	if m.folds && (strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f")) {
		return false, false
	}
	for _, b := range m.branches {
		if at := b.first.index(text, 0); at >= 0 && b.second.index(text, at+len(b.first.text)) >= 0 {
			return true, true
		}
	}
	return false, true
}

// index is the first place at or after from where l stands with its
// boundaries, or -1. It looks again from the next byte after a place that
// fails, so time is linear in text for a given literal.
func (l pairLit) index(text string, from int) int {
	for from <= len(text)-len(l.text) {
		var k int
		if l.fold {
			k = phrase.IndexFold(text[from:], l.text)
		} else {
			k = strings.Index(text[from:], l.text)
		}
		if k < 0 {
			return -1
		}
		at := from + k
		if (!l.boundStart || atBoundary(text, at)) && (!l.boundEnd || atBoundary(text, at+len(l.text))) {
			return at
		}
		from = at + 1
	}
	return -1
}

// atBoundary is Go's \b at i: an ASCII word character on one side only.
// A byte of a multi-byte or invalid character is never one, as the rune
// the regexp decodes there is not.
func atBoundary(text string, i int) bool {
	before := i > 0 && isWordByte(text[i-1])
	after := i < len(text) && isWordByte(text[i])
	return before != after
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
