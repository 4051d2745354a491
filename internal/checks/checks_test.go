package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/schema"
	"github.com/reportlint/reportlint/internal/sharedtest"
	"github.com/reportlint/reportlint/internal/source"
)

// engineRun are rules whose checking the engine does; their fixtures run
// through the same code the engine calls.
var engineRun = map[string]func(t *testing.T, name, text string, set linttest.Settings) ([]lint.Finding, *source.File){
	"schema":            runSchema,
	"bad-directive":     runDirectives,
	"too-many-findings": runLimited,
}

// TestRules runs every built-in rule over its fixtures under
// testdata/<rule-id>/, and fails for a rule without documentation or
// without test data.
func TestRules(t *testing.T) {
	reg, err := lint.NewRegistry(base()...)
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range reg.All() {
		t.Run(rule.ID, func(t *testing.T) {
			if rule.Doc == "" || rule.Bad == "" || rule.Good == "" {
				t.Errorf("rule %s needs a doc and a bad and a good example", rule.ID)
			}
			fixtures := linttest.Fixtures(t, filepath.Join("testdata", rule.ID))
			if len(fixtures) == 0 {
				t.Fatalf("rule %s has no fixtures under testdata/%s", rule.ID, rule.ID)
			}
			for _, fx := range fixtures {
				t.Run(filepath.Base(fx), func(t *testing.T) {
					if run, ok := engineRun[rule.ID]; ok {
						linttest.RunWith(t, fx, func(text string, set linttest.Settings) ([]lint.Finding, *source.File) {
							return run(t, fx, text, set)
						})
						return
					}
					linttest.Run(t, rule, fx)
				})
			}
		})
	}
}

func parseFixture(t *testing.T, name, text string, set linttest.Settings) (*source.File, *document.Report) {
	t.Helper()
	f, err := source.New(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{Profile: set.Profile})
	if err != nil {
		t.Fatal(err)
	}
	return f, r
}

func runSchema(t *testing.T, name, text string, set linttest.Settings) ([]lint.Finding, *source.File) {
	f, r := parseFixture(t, name, text, set)
	v, err := schema.New("")
	if err != nil {
		t.Fatal(err)
	}
	out := v.Validate(f, r)
	for i := range out {
		out[i].Locate(f)
	}
	return out, f
}

func runDirectives(t *testing.T, name, text string, set linttest.Settings) ([]lint.Finding, *source.File) {
	f, _ := parseFixture(t, name, text, set)
	reg, _ := lint.NewRegistry(All()...)
	_, bad := lint.NewSuppressor(f, reg.IDs())
	for i := range bad {
		bad[i].Locate(f)
	}
	return bad, f
}

// runLimited runs the rule the fixture's options name and keeps as many of
// its findings as they say, as the engine keeps a file's.
func runLimited(t *testing.T, name, text string, set linttest.Settings) ([]lint.Finding, *source.File) {
	var opts struct {
		Rule  string `yaml:"rule"`
		Limit int    `yaml:"limit"`
	}
	if err := set.Options.Decode(&opts); err != nil {
		t.Fatal(err)
	}
	reg, _ := lint.NewRegistry(All()...)
	rule, ok := reg.Get(opts.Rule)
	if !ok {
		t.Fatalf("no rule %q", opts.Rule)
	}
	set.Options = yaml.Node{} // the options were the fixture's, not the rule's
	found, f := linttest.Findings(t, rule, name, text, set)
	var left lint.LeftOut
	shown := lint.Limit(found, opts.Limit, &left)
	if left.Count > 0 {
		shown = append(shown, left.Finding("a file", opts.Limit, "--max-findings"))
	}
	return shown, f
}

// The Mali Country Security Report has exactly the problems an editor sees:
// three paragraphs broken mid-sentence, placeholder links, mixed quotes and
// a mixed dash in the opening hours, and no required section missing.
func TestSampleMaliFindings(t *testing.T) {
	path := "../../../shared/samples/osac-mali-2024.txt"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skip("sample not available")
	}
	f, r := parseFixture(t, path, string(raw), linttest.Settings{})
	got := map[string][]int{}
	for _, rule := range base() {
		if _, ok := engineRun[rule.ID]; ok || !rule.AppliesTo(r.Profile) {
			continue
		}
		var opts any
		if rule.Options != nil {
			opts = rule.Options()
		}
		prof := mustProfile(t, r.Profile)
		rule.Run(lint.NewPass(rule, f, r, prof, linttest.DefaultAsOf, opts, rule.Level, func(fd lint.Finding) {
			fd.Locate(f)
			got[fd.Rule] = append(got[fd.Rule], fd.Start.Line)
		}))
	}
	want := map[string][]int{
		"broken-paragraph": {39, 83, 105},
		"placeholder-link": {11, 27, 31, 137, 139, 140, 141, 142, 143, 161, 163},
		"quote-style":      {37, 67, 149, 157},
		"dash-style":       {21},
		"term-consistency": {85},
	}
	for rule, lines := range want {
		if !equal(got[rule], lines) {
			t.Errorf("%s at lines %v, want %v", rule, got[rule], lines)
		}
	}
	for rule, lines := range got {
		if _, ok := want[rule]; !ok {
			t.Errorf("unexpected %s findings at lines %v", rule, lines)
		}
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// A copy of the Mali report with one heading misspelled gets a "did you
// mean" naming the right heading, at that heading.
func TestSampleMaliMisspelledHeading(t *testing.T) {
	raw := sharedtest.Sample(t, "osac-mali-2024.txt")
	text := strings.Replace(string(raw), "\nTerrorism\n", "\nTerorism\n", 1)
	f, r := parseFixture(t, "mali-copy.txt", text, linttest.Settings{})
	var got []lint.Finding
	RequiredSection.Run(lint.NewPass(RequiredSection, f, r, mustProfile(t, r.Profile), linttest.DefaultAsOf, nil, lint.Error, func(fd lint.Finding) {
		fd.Locate(f)
		got = append(got, fd)
	}))
	if len(got) != 1 || got[0].Start.Line != 69 || !strings.Contains(got[0].Message, `did you mean the required section "Terrorism"`) {
		t.Errorf("findings = %+v", got)
	}
}
