// Package linttest runs a rule over fixture reports and checks its findings
// against want markers written in the fixtures, as analysistest does with
// "// want" comments.
//
// A fixture is a .txt or .md report. A line that must be flagged ends with
// one marker per expected finding:
//
//	Some text with a "straight" quote. <!-- want "mixes straight and curly" -->
//
// The quoted text is a regular expression matched against the finding's
// message (\" stands for a quote; other backslashes belong to the regexp, as
// in \( ); the finding must start on that line. A marker on a line of its
// own stands for a finding on that line (a missing section, say). A marker
// may pin where on the line the finding starts, and where it ends, in
// characters (code points) from 1, as reportlint prints columns:
//
//	Hours 0800 - 1700. <!-- want col=12 "hyphen" -->
//	Hours 0800 - 1700. <!-- want col=12-13 "hyphen" -->
//
// (the end is the column after the last character, as a finding's End). A
// finding that would match the marker at another column is reported with
// both columns, so a rule whose span shifts by one fails. Every
// marker must be matched by exactly one finding, and every finding must
// match a marker. Markers are blanked out (replaced by spaces) before the
// report is parsed, so they neither change positions nor read as text.
//
// A comment <!-- linttest: {profile: osac-csr, as-of: 2025-06-01, options: {…}} -->
// sets the profile, the as-of date and the rule's options for a fixture.
// If <fixture>.fixed exists, applying every fix the rule offers must turn the
// fixture into it (markers blanked first).
package linttest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// Update rewrites .fixed files from what the fixes produce.
var Update = flag.Bool("update", false, "rewrite the golden files the tests compare with (a rule's .fixed files; corpuseval's ledger)")

var (
	wantRE     = regexp.MustCompile(`<!--\s*want\s+(?:col=(\d+)(?:-(\d+))?\s+)?("(?:[^"\\]|\\.)*")\s*-->`)
	settingsRE = regexp.MustCompile(`<!--\s*linttest:\s*(\{.*?\})\s*-->`)
)

// DefaultAsOf is the as-of date fixtures use unless they set one, so that
// results never depend on the day the tests run.
var DefaultAsOf = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// Settings are what a fixture's linttest comment sets.
type Settings struct {
	Profile string    `yaml:"profile"`
	AsOf    string    `yaml:"as-of"`
	Options yaml.Node `yaml:"options"`
}

type marker struct {
	line int
	// col and endCol are the pinned start and end columns; 0: not pinned.
	col, endCol int
	re          *regexp.Regexp
	matched     bool
}

// at reports whether a finding is where the marker pins it.
func (m *marker) at(fd lint.Finding) bool {
	return (m.col == 0 || fd.Start.Column == m.col) &&
		(m.endCol == 0 || fd.End.Line == fd.Start.Line && fd.End.Column == m.endCol)
}

// pinned describes the marker's columns, for messages.
func (m *marker) pinned() string {
	if m.endCol != 0 {
		return fmt.Sprintf("columns %d-%d", m.col, m.endCol)
	}
	return fmt.Sprintf("column %d", m.col)
}

// Fixtures returns the fixture reports of a rule: testdata/<dir>/*.txt and *.md.
func Fixtures(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, ext := range []string{"*.txt", "*.md"} {
		m, _ := filepath.Glob(filepath.Join(dir, ext))
		out = append(out, m...)
	}
	sort.Strings(out)
	return out
}

// Run checks rule against one fixture.
func Run(t *testing.T, rule *lint.Rule, fixture string) {
	t.Helper()
	RunWith(t, fixture, func(text string, set Settings) ([]lint.Finding, *source.File) {
		return Findings(t, rule, fixture, text, set)
	})
}

// RunWith checks the findings of run against one fixture's markers. run
// gets the fixture's text with markers blanked and its settings; it is for
// checks that the engine runs rather than a rule (schema, directives).
func RunWith(t *testing.T, fixture string, run func(text string, set Settings) ([]lint.Finding, *source.File)) {
	t.Helper()
	raw, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	text, markers, set, err := prepare(string(raw))
	if err != nil {
		t.Fatalf("%s: %v", fixture, err)
	}
	findings, f := run(text, set)
	for _, problem := range compare(fixture, markers, findings) {
		t.Error(problem)
	}
	checkFixes(t, fixture, f, findings)
}

// compare matches findings to markers, and says what does not match: a
// finding no marker expects, a marker no finding matches, a finding at
// another column than its marker pins.
func compare(fixture string, markers []*marker, findings []lint.Finding) []string {
	var problems []string
	for _, fd := range findings {
		var ok, elsewhere *marker
		for _, m := range markers {
			if m.line != fd.Start.Line || m.matched || !m.re.MatchString(fd.Message) {
				continue
			}
			if m.at(fd) {
				ok = m
				break
			}
			if elsewhere == nil {
				elsewhere = m
			}
		}
		switch {
		case ok != nil:
			ok.matched = true
		case elsewhere != nil:
			elsewhere.matched = true
			problems = append(problems, fmt.Sprintf("%s:%d:%d: finding at columns %d-%d, want %s: %s",
				fixture, fd.Start.Line, fd.Start.Column, fd.Start.Column, fd.End.Column, elsewhere.pinned(), fd.Message))
		default:
			problems = append(problems, fmt.Sprintf("%s:%d:%d: unexpected finding: %s", fixture, fd.Start.Line, fd.Start.Column, fd.Message))
		}
	}
	for _, m := range markers {
		if !m.matched {
			problems = append(problems, fmt.Sprintf("%s:%d: no finding matched %q", fixture, m.line, m.re))
		}
	}
	return problems
}

// Findings runs the rule on text (markers already blanked) and returns its
// findings located in the file.
func Findings(t *testing.T, rule *lint.Rule, name, text string, set Settings) ([]lint.Finding, *source.File) {
	t.Helper()
	f, err := source.New(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{Profile: set.Profile})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var node *yaml.Node
	if set.Options.Kind != 0 {
		node = &set.Options
	}
	opts, err := lint.DecodeOptions(rule, node)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	asOf, err := set.Date()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	prof, ok := profile.Default().Get(r.Profile)
	if !ok {
		t.Fatalf("%s: profile %s", name, r.Profile)
	}
	var out []lint.Finding
	pass := lint.NewPass(rule, f, r, prof, asOf, opts, rule.Level, func(fd lint.Finding) {
		fd.Locate(f)
		out = append(out, fd)
	})
	rule.Run(pass)
	sort.SliceStable(out, func(i, j int) bool { return lint.Less(&out[i], &out[j]) })
	return out, f
}

// Date is the fixture's as-of date, or DefaultAsOf.
func (s Settings) Date() (time.Time, error) {
	if s.AsOf == "" {
		return DefaultAsOf, nil
	}
	d, err := time.Parse("2006-01-02", s.AsOf)
	if err != nil {
		return d, fmt.Errorf("as-of: %v", err)
	}
	return d, nil
}

// prepare blanks markers and settings out of a fixture and reads them.
func prepare(raw string) (string, []*marker, Settings, error) {
	var set Settings
	var markers []*marker
	b := []byte(raw)
	blank := func(start, end int) {
		for i := start; i < end; i++ {
			if b[i] != '\n' {
				b[i] = ' '
			}
		}
	}
	for _, m := range settingsRE.FindAllStringSubmatchIndex(raw, -1) {
		if err := yaml.Unmarshal([]byte(raw[m[2]:m[3]]), &set); err != nil {
			return "", nil, set, fmt.Errorf("linttest settings: %v", err)
		}
		blank(m[0], m[1])
	}
	for _, m := range wantRE.FindAllStringSubmatchIndex(raw, -1) {
		// The marker is a regular expression between double quotes; \" stands
		// for a quote, every other backslash is the regexp's own.
		quoted := raw[m[6]:m[7]]
		pattern := strings.ReplaceAll(quoted[1:len(quoted)-1], `\"`, `"`)
		re, err := regexp.Compile(pattern)
		if err != nil {
			return "", nil, set, fmt.Errorf("want marker %q: %v", pattern, err)
		}
		mk := &marker{line: 1 + strings.Count(raw[:m[0]], "\n"), re: re}
		if m[2] >= 0 {
			mk.col, _ = strconv.Atoi(raw[m[2]:m[3]])
			if mk.col < 1 {
				return "", nil, set, fmt.Errorf("want marker at line %d: col=%s: columns count from 1", mk.line, raw[m[2]:m[3]])
			}
		}
		if m[4] >= 0 {
			mk.endCol, _ = strconv.Atoi(raw[m[4]:m[5]])
			if mk.endCol < mk.col {
				return "", nil, set, fmt.Errorf("want marker at line %d: col=%d-%d ends before it starts", mk.line, mk.col, mk.endCol)
			}
		}
		markers = append(markers, mk)
		blank(m[0], m[1])
	}
	return string(b), markers, set, nil
}

func checkFixes(t *testing.T, fixture string, f *source.File, findings []lint.Finding) {
	t.Helper()
	golden := fixture + ".fixed"
	var fixes []*lint.Fix
	for _, fd := range findings {
		if fd.Fix != nil {
			fixes = append(fixes, fd.Fix)
		}
	}
	if _, err := os.Stat(golden); err != nil && !*Update {
		return
	}
	if *Update && len(fixes) == 0 {
		return
	}
	var edits []lint.Edit
	for _, fx := range lint.NonOverlapping(fixes) {
		edits = append(edits, fx.Edits...)
	}
	got, err := lint.ApplyEdits(f.Text, edits)
	if err != nil {
		t.Fatalf("%s: applying fixes: %v", fixture, err)
	}
	if *Update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s: fixes give\n%s\nwant (%s)\n%s", fixture, got, golden, want)
	}
}

// RunRules runs each rule over its fixtures under dir/<rule-id>/ and fails
// for a rule without fixtures or without a doc and a bad and a good example.
func RunRules(t *testing.T, dir string, rules []*lint.Rule) {
	t.Helper()
	reg, err := lint.NewRegistry(rules...)
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range reg.All() {
		t.Run(rule.ID, func(t *testing.T) {
			if rule.Summary == "" || rule.Doc == "" || rule.Bad == "" || rule.Good == "" {
				t.Errorf("rule %s needs a summary, a doc and a bad and a good example", rule.ID)
			}
			fixtures := Fixtures(t, filepath.Join(dir, rule.ID))
			if len(fixtures) == 0 {
				t.Fatalf("rule %s has no fixtures under %s/%s", rule.ID, dir, rule.ID)
			}
			for _, fx := range fixtures {
				t.Run(filepath.Base(fx), func(t *testing.T) { Run(t, rule, fx) })
			}
		})
	}
}
