package engine

import (
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/checks"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/packs"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// textOnlyInputs are the reports TestTextOnlyRules reads: the rules' own
// fixtures and the project's reports, and the shared samples and corpus
// where they are.
func textOnlyInputs(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, root := range []string{"../checks", "../packs", "../../testdata/reports", "../../testdata/schema",
		"../../../shared/samples", "../../../shared/corpus"} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if _, ok := parse.FormatOf(path); ok && (root != "../checks" && root != "../packs" || strings.Contains(path, "testdata")) {
				paths = append(paths, path)
			}
			return nil
		})
	}
	if len(paths) < 50 {
		t.Fatalf("only %d reports found", len(paths))
	}
	return paths
}

// A rule marked TextOnly finds the same on a report whose facts were left
// unread (parse.Options.CountryOnly) as on one read whole: the check that
// leaves them unread for such rules changes no finding. And the country
// they may read is the one the whole reading finds.
func TestTextOnlyRules(t *testing.T) {
	reg, err := lint.NewRegistry(append(checks.All(), packs.Builtin()...)...)
	if err != nil {
		t.Fatal(err)
	}
	var textOnly []*lint.Rule
	for _, rule := range reg.All() {
		if rule.TextOnly {
			textOnly = append(textOnly, rule)
		}
	}
	if len(textOnly) < 10 {
		t.Fatalf("only %d rules are TextOnly", len(textOnly))
	}
	settings := reg.Defaults()
	asOf := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	findings := func(rule *lint.Rule, f *source.File, r *document.Report) []lint.Finding {
		prof, ok := profile.Default().Get(r.Profile)
		if !ok {
			t.Fatalf("%s: no profile %q", f.Path, r.Profile)
		}
		var out []lint.Finding
		if err := runRule(new(lint.Pass), rule, f, r, prof, asOf, settings[rule.ID], map[string]any{}, func(fd lint.Finding) { out = append(out, fd) }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	read := 0
	for _, path := range textOnlyInputs(t) {
		f, err := source.ReadFile(path, 0)
		if err != nil {
			continue
		}
		whole, err := parse.Parse(f, parse.Options{})
		if err != nil {
			continue // not a report: a fixture of a parse error
		}
		part, err := parse.Parse(f, parse.Options{CountryOnly: true})
		if err != nil {
			t.Fatalf("%s: read whole, but not country only: %v", path, err)
		}
		read++
		if whole.Country != part.Country || !reflect.DeepEqual(whole.Links, part.Links) {
			t.Errorf("%s: country only read country %+v and %d links, whole %+v and %d", path, part.Country, len(part.Links), whole.Country, len(whole.Links))
		}
		if (whole.Format == document.FormatText || whole.Format == document.FormatMarkdown) && len(part.Dates)+len(part.Contacts)+len(part.Ratings) > 0 && len(whole.Dates)+len(whole.Contacts)+len(whole.Ratings) > 0 &&
			reflect.DeepEqual(part.Dates, whole.Dates) && reflect.DeepEqual(part.Contacts, whole.Contacts) {
			t.Errorf("%s: country only read the facts all the same", path)
		}
		for _, rule := range textOnly {
			if got, want := findings(rule, f, part), findings(rule, f, whole); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %s found %d with the facts unread, %d with them read:\n%v\n%v", path, rule.ID, len(got), len(want), got, want)
			}
		}
	}
	t.Logf("%d rules on %d reports", len(textOnly), read)
}

// A check reads the facts when the schema or any rule not TextOnly is on,
// and leaves them when only TextOnly rules are.
func TestReadsFacts(t *testing.T) {
	opt := options(t)
	on := func(ids ...string) map[string]lint.Setting {
		s := map[string]lint.Setting{}
		for _, rule := range opt.Rules.All() {
			s[rule.ID] = lint.Setting{Enabled: false}
		}
		for _, id := range ids {
			s[id] = lint.Setting{Enabled: true}
		}
		return s
	}
	for _, tc := range []struct {
		ids  []string
		want bool
	}{
		{[]string{"quote-style", "term-consistency"}, false},
		{nil, false},
		{[]string{"quote-style", "schema"}, true},
		{[]string{"quote-style", "future-date"}, true},
		{[]string{"emergency-number"}, true},
	} {
		if got := readsFacts(opt, on(tc.ids...)); got != tc.want {
			t.Errorf("%v on: reads facts %v, want %v", tc.ids, got, tc.want)
		}
	}
	if !readsFacts(opt, nil) {
		t.Error("without settings every rule runs, and the facts are not read")
	}
}
