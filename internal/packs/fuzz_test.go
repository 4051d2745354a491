package packs

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/watchdog"
)

// fuzzRules is every rule the tests know: the built-in packs and the
// fixture packs of each kind.
func fuzzRules(f *testing.F) []*lint.Rule {
	rs := append([]*lint.Rule(nil), Builtin()...)
	for _, kind := range kindNames {
		more, err := Load(os.DirFS(filepath.Join("testdata", kind)), "pack.yaml")
		if err != nil {
			f.Fatal(err)
		}
		rs = append(rs, more...)
	}
	return rs
}

// checkFindings fails on a finding outside the text, or a fix that does
// not apply: every later stage relies on both.
func checkFindings(t *testing.T, rules []*lint.Rule, name, text string) {
	src, err := source.New(name, []byte(text))
	if err != nil {
		return // refused before parsing
	}
	r, err := parse.Parse(src, parse.Options{})
	if err != nil {
		return
	}
	prof, _ := profile.Default().Get(r.Profile)
	for _, rule := range rules {
		var fixes []*lint.Fix
		rule.Run(lint.NewPass(rule, src, r, prof, linttest.DefaultAsOf, nil, rule.Level, func(fd lint.Finding) {
			if fd.Span.Start < 0 || fd.Span.End < fd.Span.Start || fd.Span.End > len(src.Text) {
				t.Fatalf("%s: span %v outside text of %d bytes", rule.ID, fd.Span, len(src.Text))
			}
			if fd.Fix != nil {
				fixes = append(fixes, fd.Fix)
			}
		}))
		var edits []lint.Edit
		for _, fx := range lint.NonOverlapping(fixes) {
			edits = append(edits, fx.Edits...)
		}
		if _, err := lint.ApplyEdits(src.Text, edits); err != nil {
			t.Fatalf("%s: %v", rule.ID, err)
		}
	}
}

func FuzzRules(f *testing.F) {
	for _, pattern := range []string{"testdata/*/*.txt", "testdata/*/*.md", "../../testdata/reports/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(filepath.Ext(p) == ".md", string(data))
			}
		}
	}
	f.Add(false, "T\n\nPublished: June 2, 2025\n\nCrme\n\nMINUSMA is. E-mail alot. In order\nto")
	rules := fuzzRules(f)
	f.Fuzz(func(t *testing.T, markdown bool, text string) {
		defer watchdog.Start(text)()
		name := "f.txt"
		if markdown {
			name = "f.md"
		}
		checkFindings(t, rules, name, text)
	})
}

// A pack file, however broken, gives rules or an error, never a panic.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*/pack.yaml")
	paths = append(paths, "../../rules/packs/style.yaml")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("pack: p\nrules:\n  - {name: a, kind: watchlist, message: '{{match}}', terms: [{term: X, since: 2020-01-01}]}\n")
	f.Add("pack: p\nrules:\n  - {name: a, kind: required-sections, message: m, order: true, sections: [A, {name: B}]}\n")
	const report = "T\n\nPublished: June 2, 2025\n\nA\n\nX is here. e-mail.\n\nB\n"
	f.Fuzz(func(t *testing.T, data string) {
		defer watchdog.Start(data)()
		rules, err := Parse("f.yaml", []byte(data))
		if err != nil {
			return
		}
		for _, r := range rules {
			if r.ID == "" || r.Summary == "" || r.Doc == "" || r.Run == nil || r.Level == 0 {
				t.Fatalf("incomplete rule %+v", r)
			}
		}
		checkFindings(t, rules, "f.txt", report)
	})
}
