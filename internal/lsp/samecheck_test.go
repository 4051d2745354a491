package lsp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/pipeline"
)

// The diagnostics are check's findings: on the shared samples (beside the
// repository; skipped where absent), each report's diagnostics are its
// findings from the engine as `reportlint check` runs it, one for one.
func TestSameFindingsAsCheck(t *testing.T) {
	paths, _ := filepath.Glob("../../../shared/samples/*.txt")
	if len(paths) == 0 {
		t.Skip("the shared samples are not available (../shared/samples, beside the repository)")
	}
	opt, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := startServer(t, Options{})
	c.initialize()
	for _, p := range paths {
		abs, _ := filepath.Abs(p)
		res := engine.Check(context.Background(), []discover.Input{{Path: abs}}, opt)[0]
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		var want []string
		for _, fd := range res.Findings {
			want = append(want, fmt.Sprintf("%d %s %s %s", fd.Start.Line, fd.Level, fd.Rule, fd.Message))
		}
		text, err := os.ReadFile(abs)
		if err != nil {
			t.Fatal(err)
		}
		uri := fileURI(abs)
		c.open(uri, string(text))
		var got []string
		for _, d := range c.diagnosticsFor(uri, 1) {
			level := map[int]string{severityError: "error", severityWarning: "warning", severityInformation: "info"}[d.Severity]
			msg := d.Message
			if i := slices.Index([]byte(msg), '\n'); i >= 0 {
				msg = msg[:i] // the hint follows
			}
			got = append(got, fmt.Sprintf("%d %s %s %s", d.Range.Start.Line+1, level, d.Code, msg))
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: diagnostics\n%q\nfindings of check\n%q", p, got, want)
		}
	}
}
