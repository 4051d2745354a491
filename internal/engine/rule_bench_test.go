package engine

import (
	"os"
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
				err := runRule(rule, f, r, prof, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), s, map[string]any{}, func(lint.Finding) {})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
