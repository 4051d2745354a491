package checks

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var TermConsistency = &lint.Rule{
	ID:      "term-consistency",
	Level:   lint.Warning,
	Summary: "an acronym or name is written one way throughout",
	Doc: `Acronyms and mixed-case names ("FAMa", the Malian armed forces) are easy to write two ways in
a long report ("FAMA"). Words with at least two capital letters are compared ignoring case; when
a word appears in more than one spelling, every spelling but the most frequent is reported
(the first one written wins a tie). Text with no lower-case letter at all, such as a heading in
capitals, is left out, since it says nothing about the spelling.`,
	Bad:  "Mali's Armed Forces (FAMa) … with FAMA troops.",
	Good: "Mali's Armed Forces (FAMa) … with FAMa troops.",
	Run:  runTermConsistency,
}

type termUse struct {
	spelling string
	span     document.Span
}

func runTermConsistency(pass *lint.Pass) {
	uses := map[string][]termUse{} // lower-case form -> every use
	var order []string
	for _, u := range texts(pass) {
		if !hasLower(u.Text) {
			continue
		}
		for _, w := range words(u.Text) {
			word := u.Text[w[0]:w[1]]
			if upperCount(word) < 2 || u.InCode(w[0], w[1]) {
				continue
			}
			key := strings.ToLower(word)
			if _, seen := uses[key]; !seen {
				order = append(order, key)
			}
			uses[key] = append(uses[key], termUse{spelling: word, span: u.Source(w[0], w[1])})
		}
	}
	for _, key := range order {
		count := map[string]int{}
		var spellings []string
		for _, u := range uses[key] {
			if count[u.spelling] == 0 {
				spellings = append(spellings, u.spelling)
			}
			count[u.spelling]++
		}
		if len(spellings) < 2 {
			continue
		}
		// Most frequent first; the first written wins a tie (stable sort).
		sort.SliceStable(spellings, func(i, j int) bool { return count[spellings[i]] > count[spellings[j]] })
		main := spellings[0]
		for _, u := range uses[key] {
			if u.spelling == main {
				continue
			}
			pass.Report(lint.Finding{
				Span:    u.span,
				Message: fmt.Sprintf("%q is written %q elsewhere in the report (%d times)", u.spelling, main, count[main]),
				Hint:    fmt.Sprintf("write %q", main),
			})
		}
	}
}

// words returns the byte ranges of runs of letters and digits.
func words(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

func upperCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
