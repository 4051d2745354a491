package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/checks"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/schema"
	"github.com/reportlint/reportlint/internal/source"
)

func options(t testing.TB) Options {
	t.Helper()
	reg, err := lint.NewRegistry(checks.All()...)
	if err != nil {
		t.Fatal(err)
	}
	v, err := schema.New("")
	if err != nil {
		t.Fatal(err)
	}
	return Options{Rules: reg, Validate: v.Validate}
}

func summary(results []Result) []string {
	var out []string
	for _, r := range results {
		if r.Err != nil {
			out = append(out, r.Path+": "+r.Err.Error())
		}
		for _, f := range r.Findings {
			out = append(out, fmt.Sprintf("%s:%d:%d %s %s", f.Path, f.Start.Line, f.Start.Column, f.Rule, f.Message))
		}
	}
	return out
}

// The same inputs give the same findings in the same order whatever the
// number of workers.
func TestDeterministicAcrossJobs(t *testing.T) {
	dir := t.TempDir()
	fixture, err := os.ReadFile("../../testdata/reports/niger-csr.txt")
	if err != nil {
		t.Fatal(err)
	}
	var inputs []discover.Input
	for i := 0; i < 24; i++ {
		p := filepath.Join(dir, fmt.Sprintf("r%02d.txt", i))
		// Vary the files so that they take different times.
		body := strings.Repeat(string(fixture)+"\n\n", 1+i%4)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, discover.Input{Path: p})
	}
	opt := options(t)
	opt.Jobs = 1
	want := summary(Check(context.Background(), inputs, opt))
	if len(want) == 0 {
		t.Fatal("no findings at all")
	}
	for _, jobs := range []int{2, 8} {
		opt.Jobs = jobs
		if got := summary(Check(context.Background(), inputs, opt)); !reflect.DeepEqual(got, want) {
			t.Errorf("jobs=%d gives different output", jobs)
		}
	}
}

func TestDirectivesSilence(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.md")
	body := `# Ghana Report

A “curly” quote and a “second” one, and “another”.

<!-- reportlint-disable-next-line quote-style -->
A "straight" pair.

<!-- reportlint-disable -->
A "third" pair, and a [link](#).
<!-- reportlint-enable -->

A "fourth" pair. <!-- reportlint-disable-next-line nonsense -->
`
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	got := summary(Check(context.Background(), []discover.Input{{Path: p}}, options(t)))
	var lines []string
	for _, g := range got {
		lines = append(lines, strings.TrimPrefix(g, p+":"))
	}
	want := []string{
		`12:3 quote-style straight double quotes here, but curly elsewhere (6 to 6)`,
		`12:18 bad-directive reportlint-disable-next-line names an unknown rule "nonsense"`,
	}
	if len(lines) != len(want) {
		t.Fatalf("findings:\n%s", strings.Join(lines, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("finding %d = %q, want %q", i, lines[i], want[i])
		}
	}
}

// When a rule reports the same value the schema rejects, only the rule's
// finding is kept.
func TestSchemaFindingGivesWayToRule(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(p, []byte("Notes\n\nSee [the page](#).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := options(t)
	schemaAt := func(f *source.File, r *document.Report) []lint.Finding {
		return []lint.Finding{
			{Rule: "schema", Level: lint.Error, Message: "same span", Span: r.Links[0].Span},
			{Rule: "schema", Level: lint.Error, Message: "other span", Span: document.Span{Start: 0, End: 5}},
			{Rule: "schema", Level: lint.Error, Message: "absent, same span", Span: r.Links[0].Span, Absent: true},
		}
	}
	opt.Validate = schemaAt
	var got []string
	for _, fd := range Check(context.Background(), []discover.Input{{Path: p}}, opt)[0].Findings {
		got = append(got, fd.Rule+": "+fd.Message)
	}
	want := []string{"schema: other span", `placeholder-link: link "the page" has a placeholder target "#"`, "schema: absent, same span"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Silencing the rule that explains a schema error does not silence the
// error: the schema's finding comes back, unless it is silenced too.
func TestSilencedRuleLeavesSchemaFinding(t *testing.T) {
	dir := t.TempDir()
	opt := options(t)
	opt.Validate = func(f *source.File, r *document.Report) []lint.Finding {
		return []lint.Finding{{Rule: "schema", Level: lint.Error, Message: "same span", Span: r.Links[0].Span}}
	}
	for _, tc := range []struct {
		directive string
		want      []string
	}{
		{"", []string{`placeholder-link: link "the page" has a placeholder target "#"`}},
		{"<!-- reportlint-disable-next-line placeholder-link -->\n", []string{"schema: same span"}},
		{"<!-- reportlint-disable-next-line placeholder-link schema -->\n", nil},
	} {
		p := filepath.Join(dir, "r.md")
		if err := os.WriteFile(p, []byte("# Notes\n\n"+tc.directive+"See [the page](#).\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, fd := range Check(context.Background(), []discover.Input{{Path: p}}, opt)[0].Findings {
			got = append(got, fd.Rule+": "+fd.Message)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("with %q: got %q, want %q", tc.directive, got, tc.want)
		}
	}
}

// Each hands results over in input order; while the first input is slow,
// workers run only a few inputs ahead of it; once emit says stop, no more
// start.
func TestEachStopsEarly(t *testing.T) {
	dir := t.TempDir()
	var inputs []discover.Input
	for i := 0; i < 200; i++ {
		p := filepath.Join(dir, fmt.Sprintf("r%03d.txt", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("Report %d\n\nText.\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, discover.Input{Path: p})
	}
	var started atomic.Int64
	opt := Options{Jobs: 2, Validate: func(f *source.File, _ *document.Report) []lint.Finding {
		started.Add(1)
		if strings.HasSuffix(f.Path, "r000.txt") {
			time.Sleep(300 * time.Millisecond) // the others would all finish meanwhile, unbounded
		}
		return nil
	}}
	var got []string
	Each(context.Background(), inputs, opt, func(r Result) bool {
		got = append(got, filepath.Base(r.Path))
		return len(got) < 3
	})
	if strings.Join(got, " ") != "r000.txt r001.txt r002.txt" {
		t.Errorf("emitted %v", got)
	}
	// 3 emitted, and at most aheadPerJob per worker waiting or under way.
	if n := started.Load(); n > 3+aheadPerJob*2 {
		t.Errorf("%d inputs were checked after emit said stop at the third", n)
	}
}

// A report and the JSON `reportlint parse` prints of it give the same
// findings: the JSON keeps what the rules read, dates in their sentences
// included. Only positions, and lines quoted in messages, differ, and how
// many times a rule that reports once per line speaks (a paragraph of
// several lines is one line of JSON), so findings are compared as a set.
func TestParsedJSONChecksAlike(t *testing.T) {
	paths := []string{"../../testdata/reports/niger-csr.txt", "../../testdata/reports/kenya-advisory.md"}
	if _, err := os.Stat("../../../shared/samples/osac-mali-2024.txt"); err == nil {
		paths = append(paths, "../../../shared/samples/osac-mali-2024.txt")
	}
	opt := options(t)
	opt.AsOf = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	lineRef := regexp.MustCompile(`\(line \d+\)`)
	dir := t.TempDir()
	for _, p := range paths {
		f, r, err := Parse(discover.Input{Path: p}, opt)
		if err != nil {
			t.Fatal(err)
		}
		projected, _ := document.Project(r, f)
		data, err := json.Marshal(projected)
		if err != nil {
			t.Fatal(err)
		}
		jp := filepath.Join(dir, filepath.Base(p)+".json")
		if err := os.WriteFile(jp, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res := Check(context.Background(), []discover.Input{{Path: p}, {Path: jp}}, opt)
		var got [2][]string
		for i, rs := range res {
			if rs.Err != nil {
				t.Fatal(rs.Err)
			}
			seen := map[string]bool{}
			for _, fd := range rs.Findings {
				m := fd.Rule + ": " + lineRef.ReplaceAllString(fd.Message, "(line N)")
				if !seen[m] {
					seen[m] = true
					got[i] = append(got[i], m)
				}
			}
			sort.Strings(got[i])
		}
		if !reflect.DeepEqual(got[0], got[1]) {
			t.Errorf("%s and its JSON differ:\n%s\n--- JSON:\n%s", p, strings.Join(got[0], "\n"), strings.Join(got[1], "\n"))
		}
	}
}

// lintText parses and lints a report given as text.
func lintText(t *testing.T, name, text string, opt Options) []lint.Finding {
	t.Helper()
	f, err := source.New(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, opt.Parse)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := Lint(f, r, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return findings
}

// A file shows its first MaxFindings findings by position and one more at
// the first left out, counting them at the highest level among them: an
// error past the limit still fails the run. Findings silenced inline are
// not counted.
func TestFindingsLimitedPerFile(t *testing.T) {
	fixture, err := os.ReadFile("../../testdata/reports/niger-csr.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(fixture) + "\n\n" + strings.Repeat("Crime recently rose.\n\n", 40) +
		"<!-- reportlint-disable-next-line -->\nCrime recently rose.\n\n" +
		"The U.S. Department of State has assessed Zinder as being a **SEVERE**-threat location for crime.\n"
	opt := options(t)
	opt.MaxFindings = -1
	all := lintText(t, "r.md", text, opt)
	opt.MaxFindings = 10
	limited := lintText(t, "r.md", text, opt)
	if len(all) < 40 || len(limited) != 11 {
		t.Fatalf("%d findings without a limit, %d with 10", len(all), len(limited))
	}
	last := limited[10]
	if !reflect.DeepEqual(limited[:10], all[:10]) {
		t.Errorf("the findings shown are not the first ten")
	}
	if last.Rule != lint.TooManyFindings || last.LeftOut != len(all)-10 || last.Span != all[10].Span || last.Level != lint.Error {
		t.Errorf("closing finding %+v; want %d left out, at %v, level error", last, len(all)-10, all[10].Span)
	}
	if want := fmt.Sprintf("%d more findings, the first of them here, are not shown: a file shows at most 10", len(all)-10); last.Message != want {
		t.Errorf("message %q, want %q", last.Message, want)
	}
	opt.MaxFindings = 0 // the default
	if n := len(lintText(t, "r.md", text, opt)); n != len(all) {
		t.Errorf("%d findings under the default limit, want all %d", n, len(all))
	}
}

// A rule that reports far more than a file shows keeps no more than the
// limit: the rest are counted, not held.
func TestFindingsLimitedPerRule(t *testing.T) {
	text := "Title\n\n" + strings.Repeat("Crime recently rose. ", 5000) + "\n"
	opt := options(t)
	opt.MaxFindings = 100
	findings := lintText(t, "r.txt", text, opt)
	last := findings[len(findings)-1]
	if len(findings) != 101 || last.Rule != lint.TooManyFindings || last.LeftOut < 4900 {
		t.Fatalf("%d findings, the last %s standing for %d", len(findings), last.Rule, last.LeftOut)
	}
}

// Filter hides findings before the limit: the limit shows the first
// findings that pass it, and the closing finding counts only those left
// out that would have been shown, at the highest level among them, not
// among those hidden.
func TestFilterHidesBeforeTheLimit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.txt")
	// 30 warnings (placeholder-link's level), and past them 30 errors;
	// every other line is hidden.
	text := "Title\n" + strings.Repeat("\nSee [x](#).\n", 30) + strings.Repeat("\nSee [e](TODO).\n", 30)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := options(t)
	opt.Validate = func(f *source.File, r *document.Report) []lint.Finding {
		// The schema rejects the errors' links: the rule's findings there
		// take its level.
		var out []lint.Finding
		for _, l := range r.Links {
			if strings.Contains(f.Text[l.Span.Start:l.Span.End], "TODO") {
				out = append(out, lint.Finding{Rule: "schema", Level: lint.Error, Message: "no TODO", Span: l.Span})
			}
		}
		return out
	}
	var asked []int
	seen := map[string]int{}
	opt.Filter = func(i int, f *source.File) func(lint.Finding) bool {
		asked = append(asked, i)
		return func(fd lint.Finding) bool {
			seen[fd.Rule+" "+fd.Level.String()]++
			return fd.Start.Line%4 == 3 // the links on lines 3, 7, 11, …: every other one
		}
	}
	opt.MaxFindings = 10
	res := Check(context.Background(), []discover.Input{{Path: p}}, opt)[0]
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	// The filter saw every finding as it would be shown: the 30 warnings,
	// the 30 rule findings at the schema's level, and not the schema's own.
	if want := map[string]int{"placeholder-link warning": 30, "placeholder-link error": 30}; !reflect.DeepEqual(seen, want) {
		t.Errorf("the filter saw %v, want %v", seen, want)
	}
	if !reflect.DeepEqual(asked, []int{0}) {
		t.Errorf("the filter was asked for inputs %v, want [0]", asked)
	}
	got := res.Findings
	if len(got) != 11 {
		t.Fatalf("%d findings, want 10 and one for the rest: %v", len(got), summary([]Result{res}))
	}
	for i, fd := range got[:10] {
		if fd.Start.Line != 3+4*i {
			t.Errorf("finding %d on line %d, want %d: the first shown are the first that pass", i, fd.Start.Line, 3+4*i)
		}
	}
	last := got[10]
	// 15 warnings and 15 errors pass; 10 warnings are shown.
	if last.Rule != lint.TooManyFindings || last.LeftOut != 20 || last.Start.Line != 43 || last.Level != lint.Error {
		t.Errorf("closing finding %s at line %d, level %s, for %d; want too-many-findings at 43, error, for 20", last.Rule, last.Start.Line, last.Level, last.LeftOut)
	}

	// With only the warnings passing, the errors hidden do not raise the
	// closing finding's level: only what would be shown counts.
	opt.Filter = func(int, *source.File) func(lint.Finding) bool {
		return func(fd lint.Finding) bool { return fd.Level == lint.Warning }
	}
	got = Check(context.Background(), []discover.Input{{Path: p}}, opt)[0].Findings
	if last := got[len(got)-1]; len(got) != 11 || last.LeftOut != 20 || last.Level != lint.Warning {
		t.Errorf("%d findings, the last %s for %d at %s; want 11, the last for 20 at warning", len(got), last.Rule, last.LeftOut, last.Level)
	}
}

// A filter that hides every finding of a file of thousands leaves nothing
// held, shown or counted: no closing finding, no line kept for output.
// Inputs that do not parse are not asked about.
func TestFilterHidingAllLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte("Title\n\n"+strings.Repeat("Crime recently rose. ", 5000)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	opt := options(t)
	opt.MaxFindings = 100
	var asked []int
	hidden := 0
	opt.Filter = func(i int, f *source.File) func(lint.Finding) bool {
		asked = append(asked, i)
		return func(lint.Finding) bool {
			hidden++
			return false
		}
	}
	res := Check(context.Background(), []discover.Input{{Path: bad}, {Path: big}}, opt)
	if res[0].Err == nil || !reflect.DeepEqual(asked, []int{1}) {
		t.Errorf("asked for inputs %v, want [1] (the unparseable input 0 has no findings to filter)", asked)
	}
	if hidden < 5000 {
		t.Errorf("the filter saw %d findings, want every one of the 5,000 or more", hidden)
	}
	if len(res[1].Findings) != 0 {
		t.Errorf("%d findings shown, want none: %v", len(res[1].Findings), summary(res[1:]))
	}
	if line := res[1].Source.Line(3); line != "" {
		t.Errorf("the result keeps the long line (%d bytes), which nothing shown quotes", len(line))
	}
}

// The rules run before the schema, their findings held for its levels;
// past maxHeld of them the rules wait for the schema instead. Either way a
// rule's finding at a schema finding's span takes the schema's level and
// stands for it, and nothing else changes.
func TestRuleFindingsHeldForSchema(t *testing.T) {
	n := maxHeld + 3
	f, err := source.New("r.txt", []byte("Title\n\n"+strings.Repeat("x\n\n", n)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	spanOf := func(i int) document.Span { // the i-th "x"
		start := len("Title\n\n") + 3*i
		return document.Span{Start: start, End: start + 1}
	}
	many := &lint.Rule{ID: "many", Level: lint.Warning, Summary: "one finding a line", Doc: "For the test.",
		Run: func(p *lint.Pass) {
			for i := range n {
				p.Report(lint.Finding{Span: spanOf(i), Message: "x"})
			}
		}}
	reg, err := lint.NewRegistry(many, checks.Schema)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{0, maxHeld - 1, maxHeld, n - 1} { // held, the last held, the first not held, the last
		validated := 0
		opt := Options{Rules: reg, MaxFindings: -1, Validate: func(*source.File, *document.Report) []lint.Finding {
			validated++
			return []lint.Finding{
				{Rule: "schema", Level: lint.Error, Message: "explained", Span: spanOf(at)},
				{Rule: "schema", Level: lint.Error, Message: "not explained", Span: document.Span{Start: 0, End: 5}},
			}
		}}
		got, err := Lint(f, r, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		if validated != 1 || len(got) != n+1 {
			t.Fatalf("at %d: validated %d times, %d findings, want once and %d", at, validated, len(got), n+1)
		}
		var errors []string
		for _, fd := range got {
			if fd.Level == lint.Error {
				errors = append(errors, fmt.Sprintf("%s %s %d", fd.Rule, fd.Message, fd.Span.Start))
			}
		}
		want := []string{"schema not explained 0", fmt.Sprintf("many x %d", spanOf(at).Start)}
		if !reflect.DeepEqual(errors, want) {
			t.Errorf("at %d: errors %q, want %q", at, errors, want)
		}
	}
}

// A panic in the schema's validation is an error for the file, named as
// the schema's, even when the rules' findings held for it make it run
// inside a rule's report.
func TestSchemaPanicIsItsOwn(t *testing.T) {
	f, err := source.New("r.txt", []byte("Title\n\n"+strings.Repeat("x\n\n", maxHeld+1)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, maxHeld + 1} { // settled after the rules, and inside one
		many := &lint.Rule{ID: "many", Level: lint.Warning, Summary: "n findings", Doc: "For the test.",
			Run: func(p *lint.Pass) {
				for i := range n {
					start := len("Title\n\n") + 3*i
					p.Report(lint.Finding{Span: document.Span{Start: start, End: start + 1}, Message: "x"})
				}
			}}
		reg, err := lint.NewRegistry(many, checks.Schema)
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{Rules: reg, MaxFindings: -1, Validate: func(*source.File, *document.Report) []lint.Finding { panic("boom") }}
		_, err = Lint(f, r, opt, nil)
		if err == nil || !strings.Contains(err.Error(), "internal error in the schema's validation: boom") {
			t.Errorf("%d findings: error %v, want the schema's", n, err)
		}
	}
}
