package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
)

type dashOptions struct {
	Prefer string `yaml:"prefer" doc:"the dash ranges should use: en-dash or hyphen"`
}

func (o *dashOptions) Validate() error {
	if o.Prefer != "en-dash" && o.Prefer != "hyphen" {
		return fmt.Errorf("prefer should be en-dash or hyphen, not %q", o.Prefer)
	}
	return nil
}

type staleOptions struct {
	MaxDays int `yaml:"max-days" doc:"how old a report may be"`
}

type quoteOptions struct {
	Style string `yaml:"style" doc:"straight or curly"`
}

// testRegistry holds rules with the ids the config examples use, and a pack
// rule; optionCalls counts how often any rule's defaults were built, which is
// what decoding options costs.
func testRegistry(t *testing.T) (*lint.Registry, *atomic.Int64) {
	t.Helper()
	calls := new(atomic.Int64)
	noop := func(*lint.Pass) {}
	reg, err := lint.NewRegistry(
		&lint.Rule{ID: "quote-style", Level: lint.Warning, Summary: "quotes", Run: noop,
			Options: func() any { calls.Add(1); return &quoteOptions{Style: "straight"} }},
		&lint.Rule{ID: "broken-paragraph", Level: lint.Warning, Summary: "broken paragraphs", Run: noop},
		&lint.Rule{ID: "dash-style", Level: lint.Info, Summary: "dashes", Run: noop,
			Options: func() any { calls.Add(1); return &dashOptions{Prefer: "en-dash"} }},
		&lint.Rule{ID: "stale-report", Level: lint.Error, Summary: "stale", Run: noop,
			Options: func() any { calls.Add(1); return &staleOptions{MaxDays: 365} }},
		&lint.Rule{ID: "house/banned-phrase", Level: lint.Warning, Summary: "banned", Run: noop, Source: "rules/house.yaml:3"},
	)
	if err != nil {
		t.Fatal(err)
	}
	return reg, calls
}

func TestResolveErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown rule", "rules:\n  quote-styel: off\n",
			`cfg.yaml:2:3: unknown rule "quote-styel"; did you mean "quote-style"?`},
		{"unknown rule, nothing near", "rules:\n  spelling: off\n",
			`cfg.yaml:2:3: unknown rule "spelling"`},
		{"pack rule without its pack", "rules:\n  banned-phrase: error\n",
			`cfg.yaml:2:3: unknown rule "banned-phrase"; did you mean "house/banned-phrase"?`},
		{"unknown rule in an override", "overrides:\n  - files: [a]\n    rules:\n      stale-reports: off\n",
			`cfg.yaml:4:7: unknown rule "stale-reports"; did you mean "stale-report"?`},
		{"unknown option", "rules:\n  dash-style:\n    options:\n      prefr: hyphen\n",
			`cfg.yaml:4:7: rule dash-style has no option "prefr"; did you mean "prefer"?`},
		{"unknown option, flow style", "rules:\n  dash-style: {options: {prefr: hyphen}}\n",
			`cfg.yaml:2:26: rule dash-style has no option "prefr"; did you mean "prefer"?`},
		{"unknown option, nothing near", "rules:\n  dash-style: {options: {prefer: hyphen, width: 3}}\n",
			`cfg.yaml:2:42: rule dash-style has no option "width" (its options: prefer)`},
		{"unknown option in an override", "overrides:\n  - files: [a]\n    rules:\n      stale-report:\n        options: {max-dys: 30}\n",
			`cfg.yaml:5:19: rule stale-report has no option "max-dys"; did you mean "max-days"?`},
		{"option of the wrong type", "rules:\n  stale-report:\n    options:\n      max-days: many\n",
			"cfg.yaml:4:7: options of rule stale-report: cannot unmarshal !!str `many` into int"},
		{"option the rule refuses", "rules:\n  dash-style:\n    options:\n      prefer: em-dash\n",
			`cfg.yaml:4:7: options of rule dash-style: prefer should be en-dash or hyphen, not "em-dash"`},
		{"options for a rule without any", "rules:\n  broken-paragraph:\n    options: {x: 1}\n",
			`cfg.yaml:3:15: rule broken-paragraph has no options`},
		{"the first error in the file wins", "overrides:\n  - files: [a]\n    rules: {dash-styel: off}\nrules:\n  quote-styel: off\n",
			`cfg.yaml:3:13: unknown rule "dash-styel"; did you mean "dash-style"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg, _ := testRegistry(t)
			c, err := Parse("cfg.yaml", []byte(tt.yaml))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			_, err = c.Resolve(reg)
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v (%T), want an *Error", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

const overridesConfig = `profile: osac-csr
rules:
  quote-style: error
  broken-paragraph: off
  dash-style:
    level: warning
    options: {prefer: hyphen}
overrides:
  - files: ["archive/**"]
    profile: generic
    rules:
      stale-report: off
      quote-style: info
  - files: ["archive/2019/*.md", "*.txt"]
    rules:
      stale-report: {level: warning}
      dash-style: {options: {prefer: en-dash}}
  - files: [legacy]
    profile: travel-advisory
    rules:
      broken-paragraph: on
      dash-style: {level: off}
`

// want is a compact form of a setting: level, or "off", and the options'
// interesting field.
func describeSetting(s Setting) string {
	out := s.Level.String()
	if !s.Enabled {
		out = "off(" + out + ")"
	}
	switch o := s.Options.(type) {
	case *dashOptions:
		out += " " + o.Prefer
	case *staleOptions:
		out += fmt.Sprintf(" %d", o.MaxDays)
	case *quoteOptions:
		out += " " + o.Style
	}
	return out
}

func TestFor(t *testing.T) {
	dir := t.TempDir()
	reg, _ := testRegistry(t)
	c, err := Parse(filepath.Join(dir, FileName), []byte(overridesConfig))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Resolve(reg)
	if err != nil {
		t.Fatal(err)
	}
	base := map[string]string{
		"quote-style":         "error straight",
		"broken-paragraph":    "off(warning)",
		"dash-style":          "warning hyphen",
		"stale-report":        "error 365",
		"house/banned-phrase": "warning",
	}
	with := func(changes map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range base {
			out[k] = v
		}
		for k, v := range changes {
			out[k] = v
		}
		return out
	}
	tests := []struct {
		name, path  string
		wantProfile string
		want        map[string]string
	}{
		{"no override", "reports/mali.md", "osac-csr", base},
		{"archive/**, one folder down", "archive/old.md", "generic",
			with(map[string]string{"stale-report": "off(error) 365", "quote-style": "info straight"})},
		{"archive/** at any depth", "archive/a/b/c/old.md", "generic",
			with(map[string]string{"stale-report": "off(error) 365", "quote-style": "info straight"})},
		{"later override wins, options keep the level", "archive/2019/x.md", "generic",
			with(map[string]string{"stale-report": "warning 365", "quote-style": "info straight", "dash-style": "warning en-dash"})},
		{"* stays within one folder", "archive/2019/deep/x.md", "generic",
			with(map[string]string{"stale-report": "off(error) 365", "quote-style": "info straight"})},
		{"a pattern without a slash matches the name anywhere", "notes/sub/a.txt", "osac-csr",
			with(map[string]string{"stale-report": "warning 365", "dash-style": "warning en-dash"})},
		{"a folder pattern covers what is inside", "legacy/sub/x.md", "travel-advisory",
			with(map[string]string{"broken-paragraph": "warning", "dash-style": "off(warning) hyphen"})},
		{"every matching override applies, in order", "archive/legacy/x.txt", "travel-advisory",
			with(map[string]string{"stale-report": "warning 365", "quote-style": "info straight", "broken-paragraph": "warning", "dash-style": "off(warning) en-dash"})},
		{"outside the config's folder", "../elsewhere/archive/a.md", "osac-csr", base},
		{"standard input", "-", "osac-csr", base},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.path
			if p != "-" {
				p = filepath.Join(dir, filepath.FromSlash(p))
			}
			profile, settings := r.For(p)
			if profile != tt.wantProfile {
				t.Errorf("profile = %q, want %q", profile, tt.wantProfile)
			}
			if len(settings) != len(reg.IDs()) {
				t.Errorf("%d settings, want one per rule (%d)", len(settings), len(reg.IDs()))
			}
			for id, want := range tt.want {
				if got := describeSetting(settings[id]); got != want {
					t.Errorf("%s = %s, want %s", id, got, want)
				}
			}
		})
	}
}

// Paths relative to the working directory are matched relative to the
// config's folder, wherever the working directory is.
func TestForRelativePaths(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "archive", "2019"), 0o755); err != nil {
		t.Fatal(err)
	}
	reg, _ := testRegistry(t)
	c, err := Parse(filepath.Join(dir, FileName), []byte(overridesConfig))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Resolve(reg)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		cwd, path, wantProfile, wantStale string
	}{
		{".", "archive/old.md", "generic", "off(error) 365"},
		{".", "./reports/../archive/old.md", "generic", "off(error) 365"},
		{".", "old.md", "osac-csr", "error 365"},
		{"archive", "old.md", "generic", "off(error) 365"},
		{"archive/2019", "x.md", "generic", "warning 365"},
		{"archive/2019", "../../reports/x.md", "osac-csr", "error 365"},
	}
	for _, tt := range tests {
		t.Run(tt.cwd+" "+tt.path, func(t *testing.T) {
			t.Chdir(filepath.Join(dir, filepath.FromSlash(tt.cwd)))
			profile, settings := r.For(tt.path)
			if got := describeSetting(settings["stale-report"]); profile != tt.wantProfile || got != tt.wantStale {
				t.Errorf("For(%q) = %q, stale-report %s; want %q, %s", tt.path, profile, got, tt.wantProfile, tt.wantStale)
			}
		})
	}
}

func TestResolveDefaults(t *testing.T) {
	reg, _ := testRegistry(t)
	r, err := Default().Resolve(reg)
	if err != nil {
		t.Fatal(err)
	}
	profile, settings := r.For("reports/mali.md")
	if profile != "" {
		t.Errorf("profile = %q, want detection", profile)
	}
	for _, rule := range reg.All() {
		s := settings[rule.ID]
		if !s.Enabled || s.Level != rule.Level {
			t.Errorf("%s = %+v, want enabled at %s", rule.ID, s, rule.Level)
		}
		if (rule.Options == nil) != (s.Options == nil) {
			t.Errorf("%s options = %#v", rule.ID, s.Options)
		}
	}
	if o, _ := settings["dash-style"].Options.(*dashOptions); o == nil || o.Prefer != "en-dash" {
		t.Errorf("dash-style options = %#v, want the defaults", settings["dash-style"].Options)
	}
}

// Options are decoded in Resolve, once per options mapping, and For only
// hands out what was decoded.
func TestOptionsDecodedOnce(t *testing.T) {
	reg, calls := testRegistry(t)
	text := overridesConfig + `  - files: ["x/**"]
    rules:
      dash-style: {options: &shared {prefer: hyphen}}
  - files: ["y/**"]
    rules:
      dash-style: {options: *shared}
`
	c, err := Parse(filepath.Join(t.TempDir(), FileName), []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Resolve(reg)
	if err != nil {
		t.Fatal(err)
	}
	afterResolve := calls.Load()
	_, a := r.For(filepath.Join(c.Dir, "x", "a.md"))
	_, b := r.For(filepath.Join(c.Dir, "y", "b.md"))
	if a["dash-style"].Options != b["dash-style"].Options {
		t.Errorf("an aliased options mapping was decoded twice")
	}
	for i := range 100 {
		r.For(filepath.Join(c.Dir, "archive", "2019", fmt.Sprintf("r%d.md", i)))
	}
	if got := calls.Load(); got != afterResolve {
		t.Errorf("Options built %d times in For, want none", got-afterResolve)
	}
}

func TestForConcurrent(t *testing.T) {
	reg, _ := testRegistry(t)
	c, err := Parse(filepath.Join(t.TempDir(), FileName), []byte(overridesConfig))
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Resolve(reg)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"reports/a.md", "archive/old.md", "archive/2019/x.md", "legacy/x.txt", "notes/a.txt"}
	want := map[string]string{}
	for _, p := range paths {
		profile, s := r.For(filepath.Join(c.Dir, p))
		want[p] = profile + " " + describeSetting(s["dash-style"]) + " " + describeSetting(s["stale-report"])
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				p := paths[(g+i)%len(paths)]
				profile, s := r.For(filepath.Join(c.Dir, p))
				got := profile + " " + describeSetting(s["dash-style"]) + " " + describeSetting(s["stale-report"])
				if got != want[p] {
					t.Errorf("%s: got %s, want %s", p, got, want[p])
					return
				}
				// The map is the caller's: changing it must not reach other callers.
				s["dash-style"] = Setting{}
				delete(s, "stale-report")
			}
		}()
	}
	wg.Wait()
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"archive/**", "archive/a.md", true},
		{"archive/**", "archive/x/y/a.md", true},
		{"archive/**", "old/archive/a.md", false},
		{"**/archive/*.md", "archive/a.md", true},
		{"**/archive/*.md", "x/y/archive/a.md", true},
		{"**/archive/*.md", "x/archive/sub/a.md", false},
		{"a/**/b.md", "a/b.md", true},
		{"a/**/b.md", "a/x/y/b.md", true},
		{"legacy/*.txt", "legacy/a.txt", true},
		{"legacy/*.txt", "legacy/sub/a.txt", false},
		{"legacy/*.txt", "legacy/a.md", false},
		{"*.txt", "a.txt", true},
		{"*.txt", "deep/down/a.txt", true},
		{"*.txt", "a.txt.md", false},
		{"/*.txt", "a.txt", true},
		{"/*.txt", "deep/a.txt", false},
		{"./legacy/*.txt", "legacy/a.txt", true},
		{"archive", "archive/2019/a.md", true},
		{"archive/", "x/archive/a.md", true},
		{"archive", "archives/a.md", false},
		{"2019-??.md", "r/2019-01.md", true},
		{"[ab].md", "c.md", false},
		{"reports/mali.md", "reports/mali.md", true},
		{"reports/mali.md", "reports/mali.md.bak", false},
	}
	for _, tt := range tests {
		g, err := compileGlob(tt.pattern)
		if err != nil {
			t.Errorf("%q: %v", tt.pattern, err)
			continue
		}
		if got := g.match(tt.path); got != tt.want {
			t.Errorf("%q matches %q = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
	for _, bad := range []string{"[a", "a/[", "/", "./"} {
		if _, err := compileGlob(bad); err == nil {
			t.Errorf("%q compiled; want an error", bad)
		}
	}
}
