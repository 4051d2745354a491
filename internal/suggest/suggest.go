// Package suggest finds the closest known name to a misspelt one, for the
// "did you mean" in messages about config keys, rule ids, schema
// properties and section headings.
package suggest

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to word (case-insensitive edit
// distance), if it is near enough: at most a third of the word's length,
// and at least one edit allowed. Ties go to the earlier candidate.
func Closest(word string, candidates []string) (string, bool) {
	w := strings.ToLower(word)
	limit := max(1, utf8.RuneCountInString(w)/3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		// Only a distance below the best so far counts: the banded
		// computation stops once it cannot be (outline asks this of
		// every unknown heading, against every section name).
		if d := DistanceAtMost(w, strings.ToLower(c), bestDist-1); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist <= limit
}

// Unknown words a name that is not among known: `unknown KIND "name"`,
// then the nearest known name, or else the list of known names (if any).
func Unknown(kind, name string, known []string) string {
	msg := fmt.Sprintf("unknown %s %q", kind, name)
	if s, ok := Closest(name, known); ok {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	if len(known) == 0 {
		return msg
	}
	return msg + " (known: " + strings.Join(known, ", ") + ")"
}

// Distance is the Levenshtein distance between a and b, counted in code
// points, with a swap of two neighbours counted as one edit.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// shortRunes is the length up to which DistanceAtMost keeps its runes and
// rows on the stack: headings and section names are shorter.
const shortRunes = 64

// DistanceAtMost is Distance(a, b) when that is at most limit, and else
// limit+1. A heading is compared with every section name and only a near
// one matters: it computes the cells within limit of the diagonal (no
// other can be within limit), and stops once two rows in a row exceed it
// (every later cell is then built from cells that do). Short strings take
// no allocation.
func DistanceAtMost(a, b string, limit int) int {
	if limit < 0 {
		return 0 // limit+1: no distance is below zero
	}
	var bufA, bufB [shortRunes]rune
	ra, rb := appendRunes(bufA[:0], a), appendRunes(bufB[:0], b)
	la, lb := len(ra), len(rb)
	if la-lb > limit || lb-la > limit {
		return limit + 1
	}
	var rows [3][shortRunes + 1]int
	prev2, prev, cur := rows[0][:], rows[1][:], rows[2][:]
	if lb > shortRunes {
		prev2, prev, cur = make([]int, lb+1), make([]int, lb+1), make([]int, lb+1)
	}
	over := limit + 1 // any distance beyond limit, kept at this
	for j := 0; j <= lb; j++ {
		prev[j] = min(j, over)
	}
	prevMin := 0
	for i := 1; i <= la; i++ {
		lo, hi := max(1, i-limit), min(lb, i+limit)
		// The cells just outside the band are read by this row and the
		// next two; they are beyond limit (or the first column).
		if lo == 1 {
			cur[0] = min(i, over)
		} else {
			cur[lo-1] = over
		}
		if hi < lb {
			cur[hi+1] = over
		}
		rowMin := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			d = min(d, over)
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > limit && prevMin > limit {
			return over
		}
		prevMin = rowMin
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}
