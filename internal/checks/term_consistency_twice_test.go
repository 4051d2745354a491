package checks

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// FuzzTermConsistencyReadTwice: term-consistency, reading the words again
// for their uses only when a form is spelled two ways, reports what it
// did when it listed every use in one reading (runTermConsistencyOneList).
func FuzzTermConsistencyReadTwice(f *testing.F) {
	f.Add("# Report\n\nThe ECOWAS and Ecowas met; ECOWAS again, `EcoWAS` in code.\n\n* AQIM, AqIM and AQIM.\n")
	f.Add("JNIM JNim jnim JNIM\n\nNo acronyms here.")
	f.Add("USA USA usa UsA")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4000 {
			return
		}
		file, err := source.New("fuzz.md", []byte(text))
		if err != nil {
			return
		}
		r, err := parse.Parse(file, parse.Options{})
		if err != nil {
			return
		}
		if got, want := findingsBy(TermConsistency, file, r, nil, runTermConsistency), findingsBy(TermConsistency, file, r, nil, runTermConsistencyOneList); !slices.Equal(got, want) {
			t.Errorf("%q:\n%s\nwant\n%s", text, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// findingsBy runs run, a version of rule's Run, over the report, and
// gives its findings as text, for a test to hold two versions together.
func findingsBy(rule *lint.Rule, file *source.File, r *document.Report, prof *profile.Profile, run func(*lint.Pass)) []string {
	var out []string
	pass := lint.NewPass(rule, file, r, prof, linttest.DefaultAsOf, nil, lint.Warning, func(fd lint.Finding) {
		out = append(out, fmt.Sprint(fd.Span, fd.Message, fd.Hint))
	})
	run(pass)
	return out
}

// runTermConsistencyOneList is runTermConsistency as it was.
func runTermConsistencyOneList(pass *lint.Pass) {
	index := map[string]int{} // lower-case form -> its place in spelled
	// By form, in order of first use: its first spelling, and whether
	// another was seen. Every use goes in one list, and only the forms
	// spelled two ways are gathered from it: a list per form, grown a use
	// at a time, was an allocation or more for each acronym of a report
	// that spells most of them one way.
	var spelled []string
	var mixed []bool
	var uses []termUse
	units := texts(pass)
	for ui, u := range units {
		if !hasLower(u.Text) {
			continue
		}
		// Most words have fewer than two capitals: they are passed over as
		// they are read, without allocating.
		text := u.Text
		for i := nextCapsWord(text, 0); i < len(text); i = nextCapsWord(text, i) {
			start := i
			var caps int
			i, caps = scanWord(text, i)
			if caps < 2 || u.InCode(start, i) {
				continue
			}
			word := text[start:i]
			k, ok := lookupLower(index, word)
			if !ok {
				k = len(spelled)
				index[strings.ToLower(word)] = k
				spelled, mixed = append(spelled, word), append(mixed, false)
			} else if word != spelled[k] {
				mixed[k] = true
			}
			uses = append(uses, termUse{form: k, unit: ui, start: start, end: i})
		}
	}
	if !slices.Contains(mixed, true) {
		return
	}
	// The uses of each form spelled two ways, in order, by counting sort:
	// at[k] is where form k's uses begin in byForm.
	at := make([]int, len(spelled)+1)
	for _, u := range uses {
		if mixed[u.form] {
			at[u.form+1]++
		}
	}
	for k := range spelled {
		at[k+1] += at[k]
	}
	byForm := make([]termUse, at[len(spelled)])
	next := slices.Clone(at[:len(spelled)])
	for _, u := range uses {
		if mixed[u.form] {
			byForm[next[u.form]] = u
			next[u.form]++
		}
	}
	for k := range spelled {
		if !mixed[k] {
			continue
		}
		all := byForm[at[k]:at[k+1]]
		spelling := func(u termUse) string { return units[u.unit].Text[u.start:u.end] }
		count := map[string]int{}
		var spellings []string
		for _, u := range all {
			if count[spelling(u)] == 0 {
				spellings = append(spellings, spelling(u))
			}
			count[spelling(u)]++
		}
		// Most frequent first; the first written wins a tie (stable sort).
		sort.SliceStable(spellings, func(i, j int) bool { return count[spellings[i]] > count[spellings[j]] })
		main := spellings[0]
		for _, u := range all {
			if spelling(u) == main {
				continue
			}
			pass.Report(lint.Finding{
				Span:    units[u.unit].Source(u.start, u.end),
				Message: fmt.Sprintf("%q is written %q elsewhere in the report (%d times)", spelling(u), main, count[main]),
				Hint:    fmt.Sprintf("write %q", main),
			})
		}
	}
}
