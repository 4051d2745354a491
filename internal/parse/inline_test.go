package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The link matcher finds, for every "[" and every end, the link scanLink
// finds reading from that "[": on text of brackets, parentheses, line
// ends and blank lines, with links near and past the 3,000-byte reach.
func TestLinkMatcherAgreesWithScanLink(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"[", "]", "(", ")", "\n", "\n\n", "x", "](", "[x](y)", strings.Repeat("w", 700)}
	var texts []string
	for n := 0; n < 60; n++ {
		var b strings.Builder
		for b.Len() < 9000 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// Links whose text or target ends at the edge of reach.
	for d := -3; d <= 3; d++ {
		texts = append(texts, "[["+strings.Repeat("w", linkWindow+d-4)+"](t)", "[x]("+strings.Repeat("w", linkWindow+d-5)+"))")
	}
	for _, src := range texts {
		start := r.IntN(2)
		m := newLinkMatcher(src, start, len(src))
		for i := start; i < len(src); i++ {
			if src[i] != '[' {
				continue
			}
			ends := []int{len(src), i + 1 + r.IntN(len(src)-i)}
			if _, _, _, linkEnd, ok := scanLink(src, i, len(src)); ok {
				ends = append(ends, linkEnd, linkEnd-1, linkEnd+1)
			}
			for _, end := range ends {
				end = min(end, len(src))
				a1, a2, a3, a4, aok := m.link(i, end)
				b1, b2, b3, b4, bok := scanLink(src, i, end)
				if aok != bok || aok && [4]int{a1, a2, a3, a4} != [4]int{b1, b2, b3, b4} {
					t.Fatalf("at %d to %d: matcher %v %v %v %v %v, scanLink %v %v %v %v %v", i, end, a1, a2, a3, a4, aok, b1, b2, b3, b4, bok)
				}
			}
		}
	}
}
