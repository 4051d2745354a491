package pipeline

import (
	"context"
	"fmt"
	"testing"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
)

// Warm loads on its own goroutines what the parser and the rules load when
// they first need it: a run that checks reports while it does (each report
// on its own worker) finds the same as a run after it. Run with -race (CI
// does not; `go test -race ./internal/pipeline` does), it also shows that
// the loads and their readers share nothing unguarded.
func TestWarmWhileChecking(t *testing.T) {
	Warm()
	opt, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var inputs []discover.Input
	for range 4 {
		inputs = append(inputs, discover.Input{Path: "../../testdata/reports/niger-csr.txt"}, discover.Input{Path: "../../testdata/reports/kenya-advisory.md"})
	}
	opt.Jobs = 4
	during := engine.Check(context.Background(), inputs, opt)
	after := engine.Check(context.Background(), inputs, opt)
	if len(during) != len(inputs) {
		t.Fatalf("%d results for %d inputs", len(during), len(inputs))
	}
	for i := range during {
		if during[i].Err != nil {
			t.Fatalf("%s: %v", during[i].Path, during[i].Err)
		}
		if got, want := findingLines(during[i]), findingLines(after[i]); got != want {
			t.Errorf("%s: checked while warming:\n%s\nafter:\n%s", during[i].Path, got, want)
		}
	}
	if len(during[0].Findings) == 0 {
		t.Errorf("%s: no findings: the comparison shows nothing", during[0].Path)
	}
}

func findingLines(r engine.Result) string {
	out := ""
	for _, f := range r.Findings {
		out += fmt.Sprintf("%v %s %s %s\n", f.Span, f.Level, f.Rule, f.Message)
	}
	return out
}
