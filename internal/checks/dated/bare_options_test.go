package dated

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// runWithOptions is runParsed with each rule's options from opts (by id;
// the defaults for a rule not there).
func runWithOptions(t testing.TB, f *source.File, r *document.Report, memo map[string]any, opts map[string]any) []string {
	t.Helper()
	prof, ok := profile.Default().Get(r.Profile)
	if !ok {
		t.Fatalf("profile %s", r.Profile)
	}
	var out []string
	for _, rule := range Rules() {
		o, ok := opts[rule.ID]
		if !ok {
			o = rule.Options()
		}
		if v, ok := o.(interface{ Validate() error }); ok {
			if err := v.Validate(); err != nil {
				t.Fatalf("%s: %v", rule.ID, err)
			}
		}
		pass := lint.NewPass(rule, f, r, prof, samplesAsOf, o, rule.Level, func(fd lint.Finding) {
			fd.Locate(f)
			out = append(out, fmt.Sprintf("%s %d:%d %q", fd.Rule, fd.Start.Line, fd.Start.Column, f.Text[fd.Span.Start:fd.Span.End]))
		})
		pass.Memo = memo
		rule.Run(pass)
	}
	return out
}

// The units left bare change no finding under a house configuration's
// options either: the widest and the narrowest windows, every kind of
// relative phrase, a count of any size, a grace past the publication date.
// needsWords judges a unit by its dates and digits alone, whatever the
// options; this holds that none of them makes a rule read a bare unit's
// words.
func TestBareUnitsChangeNothingWithOptions(t *testing.T) {
	sets := []map[string]any{
		{
			"undated-relative-time": &undatedOptions{Points: list{"past", "present", "future"}, Ignore: list{}, DatePrecision: "decade"},
			"date-missing-year":     &missingYearOptions{PreviousSentences: 0},
			"future-date":           &futureOptions{GraceDays: 0, ExtraMarkers: list{"expected"}},
			"unsourced-statistic":   &statOptions{MinCount: 0, MaxGap: 20, CasualtyWindow: 20, ExtraAttributions: list{"reported"}},
		},
		{
			"undated-relative-time": &undatedOptions{Points: list{"present"}, Ignore: list{"recently"}, DatePrecision: "day"},
			"date-missing-year":     &missingYearOptions{PreviousSentences: 10},
			"future-date":           &futureOptions{GraceDays: 400, ExtraMarkers: list{}},
			"unsourced-statistic":   &statOptions{MinCount: 1, MaxGap: 0, CasualtyWindow: 0, ExtraAttributions: list{}},
		},
	}
	forBareTestFiles(t, func(name string, f *source.File, r *document.Report) int {
		found := 0
		for k, opts := range sets {
			bare := runWithOptions(t, f, r, map[string]any{}, opts)
			pass := lint.NewPass(Rules()[0], f, r, nil, samplesAsOf, nil, lint.Warning, func(lint.Finding) {})
			full := runWithOptions(t, f, r, map[string]any{"dated.analyse": analyseReport(pass, true)}, opts)
			if !slices.Equal(bare, full) {
				t.Errorf("%s, options %d: with bare units\n%s\nfully analysed\n%s", name, k, strings.Join(bare, "\n"), strings.Join(full, "\n"))
			}
			found += len(full)
		}
		return found
	})
}
