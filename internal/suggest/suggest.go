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
		if d := Distance(w, strings.ToLower(c)); d < bestDist {
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
