package engine

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/checks"
	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/packs"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// maliSample is the real 21 KB OSAC report of ../shared, which the
// synthetic corpus only approximates.
const maliSample = "../../../shared/samples/osac-mali-2024.txt"

// BenchmarkCheckMali is BenchmarkCheckOne on the real Mali sample: parse,
// validation and every rule of internal/checks.
func BenchmarkCheckMali(b *testing.B) {
	raw, err := os.ReadFile(maliSample)
	if err != nil {
		b.Skip("no shared samples:", err)
	}
	benchCheck(b, string(raw))
}

// realCorpus is the folder of real travel advice of ../shared.
const realCorpus = "../../../shared/corpus"

// BenchmarkCheckCorpus is BenchmarkCheckMali over every report of the real
// corpus (both folders, text and Markdown), in one loop: the MB/s of issue
// 19's "per core on real reports" beyond the one sample.
func BenchmarkCheckCorpus(b *testing.B) {
	var files []*source.File
	total := 0
	for _, dir := range []string{"us", "other"} {
		entries, err := os.ReadDir(filepath.Join(realCorpus, dir))
		if err != nil {
			b.Skip("no shared corpus:", err)
		}
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); ext != ".txt" && ext != ".md" {
				continue
			}
			raw, err := os.ReadFile(filepath.Join(realCorpus, dir, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			f, err := source.New(e.Name(), raw)
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, f)
			total += len(raw)
		}
	}
	opt := options(b)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			r, err := parse.Parse(f, parse.Options{})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := Lint(f, r, opt, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRule is each default rule alone (the style pack's included) on
// one parsed report: the Mali sample, or the corpus's report when the
// samples are absent. Each run starts with an empty memo, so a rule pays for
// the shared analyses it reads (the dated rules' tokens, say), which in a
// whole check the first rule to read them pays for all. docs/performance.md
// keeps the table.
func BenchmarkRule(b *testing.B) {
	text := corpus.Report(7, corpus.Options{Size: 20 << 10, Problems: true, RealProse: true})
	if raw, err := os.ReadFile(maliSample); err == nil {
		text = string(raw)
	}
	f, err := source.New("r.txt", []byte(text))
	if err != nil {
		b.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	prof, ok := profile.Default().Get(r.Profile)
	if !ok {
		b.Fatalf("no profile %q", r.Profile)
	}
	reg, err := lint.NewRegistry(append(checks.All(), packs.Builtin()...)...)
	if err != nil {
		b.Fatal(err)
	}
	settings := reg.Defaults()
	for _, rule := range reg.All() {
		s := settings[rule.ID]
		if !s.Enabled || !rule.AppliesTo(r.Profile) {
			continue
		}
		b.Run(rule.ID, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				err := runRule(new(lint.Pass), rule, f, r, prof, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), s, map[string]any{}, func(lint.Finding) {})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
