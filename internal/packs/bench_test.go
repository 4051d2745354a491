package packs

import (
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/sharedtest"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/rules"
)

// BenchmarkBuiltinMali is every built-in pack rule on the parsed Mali
// sample, sharing one memo as in a check (the engine's BenchmarkCheckMali
// runs internal/checks only, BenchmarkRule each rule with a memo of its
// own).
func BenchmarkBuiltinMali(b *testing.B) {
	raw := sharedtest.Sample(b, "osac-mali-2024.txt")
	f, err := source.New("r.txt", raw)
	if err != nil {
		b.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	prof, _ := profile.Default().Get(r.Profile)
	rules := Builtin()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		memo := map[string]any{}
		for _, rule := range rules {
			p := lint.NewPass(rule, f, r, prof, linttest.DefaultAsOf, nil, rule.Level, func(lint.Finding) {})
			p.Memo = memo
			rule.Run(p)
		}
	}
}

// BenchmarkLoadBuiltin is the loading of the built-in packs, which a check
// does before it reads a report.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadDir(rules.FS, builtinDir, builtinPrefix); err != nil {
			b.Fatal(err)
		}
	}
}
