package cli

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// longLineShapes are paragraphs written as one long line of a repeated
// piece, each aimed at work done per match on a line: columns and
// excerpts of many findings, rules and extraction that read the rest of
// the line, or the whole sentence, again for every match.
var longLineShapes = []struct{ name, ext, unit string }{
	{"quotes", ".txt", `He said "x" and “y”. `},
	{"brackets", ".txt", "["},
	{"dates", ".txt", "On 12 March 2023 and 5 April 2024 they met. "},
	{"phones", ".txt", "call +223 20 70 23 00 or "},
	{"bold", ".txt", "**x** "},
	{"recently", ".txt", "recently "},
	{"dashes", ".txt", "2019-2020 and 2021–2022 "},
	{"multibyte", ".txt", "Goïta’s «x» — 北京 "},
	{"words", ".txt", "the quick brown fox jumps over "},
	{"markdown", ".md", `He said "x" and “y” [link](http://a.example) **b** ` + "`c` "},
}

// BenchmarkLongLine checks, through the whole command and its text
// output, a report whose last paragraph is one line of 1 MiB: the time
// per byte should be that of an ordinary report, not grow with the line.
func BenchmarkLongLine(b *testing.B) {
	dir := b.TempDir()
	for _, shape := range longLineShapes {
		b.Run(shape.name, func(b *testing.B) {
			fixture := "../../testdata/reports/niger-csr.txt"
			if shape.ext == ".md" {
				fixture = "../../testdata/reports/kenya-advisory.md"
			}
			head, err := os.ReadFile(fixture)
			if err != nil {
				b.Fatal(err)
			}
			text := string(head) + "\n\n" + strings.Repeat(shape.unit, (1<<20)/len(shape.unit)) + "\n"
			path := filepath.Join(dir, shape.name+shape.ext)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
				if code := run(context.Background(), []string{"reportlint", "check", "--as-of", "2026-11-29", path}, e); code > ExitFindings {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
