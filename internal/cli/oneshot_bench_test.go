package cli

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

// BenchmarkCheckOneReport is what an editor's save costs, less the
// process's start: the whole command (configuration, profiles, packs,
// schemas, parse, rules, text output) on one 21 KB report, the Mali
// sample when it is there and our Niger fixture when not.
func BenchmarkCheckOneReport(b *testing.B) {
	path := "../../../shared/samples/osac-mali-2024.txt"
	if _, err := os.Stat(path); err != nil {
		path = "../../testdata/reports/niger-csr.txt"
	}
	for b.Loop() {
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
		if code := run(context.Background(), []string{"reportlint", "check", "--as-of", "2026-11-29", path}, e); code > ExitFindings {
			b.Fatalf("exit %d", code)
		}
	}
}
