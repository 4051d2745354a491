package stale

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/vocab"
	"github.com/reportlint/reportlint/rules"
)

// TestRules runs every rule of the package over its fixtures under
// testdata/<rule-id>/, with want markers checked both ways.
func TestRules(t *testing.T) { linttest.RunRules(t, "testdata", Rules()) }

// Every rule is documented, with examples, options that document
// themselves, and lower-case messages.
func TestRulesAreDocumented(t *testing.T) {
	for _, r := range Rules() {
		if r.Summary == "" || r.Doc == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("rule %s needs a summary, a doc and a bad and a good example", r.ID)
		}
		if strings.Contains(r.Summary, "\n") || strings.HasSuffix(r.Summary, ".") {
			t.Errorf("rule %s: summary %q should be one line with no final period", r.ID, r.Summary)
		}
		for _, o := range lint.OptionDocs(r) {
			if o.Doc == "" {
				t.Errorf("rule %s: option %s has no doc", r.ID, o.Name)
			}
		}
		// Default options are valid.
		if r.Options != nil {
			if v, ok := r.Options().(lint.Validator); ok {
				if err := v.Validate(); err != nil {
					t.Errorf("rule %s: default options: %v", r.ID, err)
				}
			}
		}
	}
}

// The examples in the docs do what they say: the bad one is flagged, the
// good one is not.
func TestRuleExamples(t *testing.T) {
	asOf := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	for _, r := range Rules() {
		name := "example.txt"
		if strings.HasPrefix(r.Bad, "---\n") {
			name = "example.md"
		}
		for _, ex := range []struct {
			text string
			bad  bool
		}{{r.Bad, true}, {r.Good, false}} {
			text := ex.text
			if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "Published:") {
				text = "Published: June 2, 2025\n\n" + text
			}
			got := run(t, r, name, text, asOf)
			if ex.bad && len(got) == 0 {
				t.Errorf("%s: bad example not flagged:\n%s", r.ID, text)
			}
			if !ex.bad && len(got) != 0 {
				t.Errorf("%s: good example flagged: %s\n%s", r.ID, got[0], text)
			}
		}
	}
}

// run runs one rule with its default options and returns "line:col message".
func run(t *testing.T, r *lint.Rule, name, text string, asOf time.Time) []string {
	t.Helper()
	f, err := source.New(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prof, ok := profile.Default().Get(doc.Profile)
	if !ok {
		t.Fatalf("profile %s", doc.Profile)
	}
	var opts any
	if r.Options != nil {
		opts = r.Options()
	}
	var found []lint.Finding
	r.Run(lint.NewPass(r, f, doc, prof, asOf, opts, r.Level, func(fd lint.Finding) {
		fd.Locate(f)
		found = append(found, fd)
	}))
	sort.SliceStable(found, func(i, j int) bool { return lint.Less(&found[i], &found[j]) })
	var out []string
	for _, fd := range found {
		out = append(out, fd.Rule+" "+fd.Start.String()+" "+fd.Message)
	}
	return out
}

// The embedded data files load.
func TestEmbeddedData(t *testing.T) {
	terms, err := LoadWatchlist(rules.FS, watchlistPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range terms {
		if strings.Contains(e.Note, "\n") {
			t.Errorf("%s: the note should be one line", e.Term)
		}
	}
	if _, err := vocab.LoadRatingSynonyms(rules.FS, vocab.RatingSynonymsPath); err != nil {
		t.Fatal(err)
	}
	note, err := revisionNoteRegexp(rules.FS, revisionsPath)
	if err != nil {
		t.Fatal(err)
	}
	// An opener matches as a whole word after markup, not inside one.
	for text, want := range map[string]bool{
		"***Reissued after periodic review.***":  true,
		"Last Update: Reissued with updates":     true,
		"Updates to the embassy's hours":         false,
		"Updated figures show a rise":            false,
		"Updated to reflect the security threat": true,
		"The advisory was reissued":              false,
	} {
		if got := note.MatchString(text); got != want {
			t.Errorf("revision note %q: %v, want %v", text, got, want)
		}
	}
}

// "since" just before a date makes it the start of a state still in force.
func TestSinceBefore(t *testing.T) {
	for text, want := range map[string]bool{
		"closed since 2015": true,
		"Since **May 2021":  true,
		"since  2015":       true,
		"in 2015":           false,
		"evinces 2015":      false,
		"2015":              false,
		// "since" opens the date's clause a few words before it.
		"closed since the army took the road on 2015":                                        true,
		"Since the roads are unsafe, kidnappings rose in 2015":                               false,
		"since one two three four five six seven eight nine ten eleven twelve thirteen 2015": false,
	} {
		at := strings.LastIndex(text, "2015")
		if at < 0 {
			at = strings.Index(text, "May")
		}
		if got := sinceBefore(text, at); got != want {
			t.Errorf("sinceBefore(%q) = %v, want %v", text, got, want)
		}
	}
}

// A year is part of a name when a name word stands just after or just
// before it; the embedded section dates load.
func TestSectionDatesNames(t *testing.T) {
	sd, err := loadSectionDates(rules.FS, sectionDatesPath)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"the Terrorism Act (2000) makes":           true,
		"the Terrorism Act 2000":                   true,
		"a [1968 version of the permit](x)":        true,
		"a 1968 International Driving Permit":      true,
		"notes dated 2006 onwards":                 true,
		"the Convention of 2006":                   true,
		"attacks rose in 2006":                     false,
		"the contract 2006":                        false,
		"In 2006, the act of voting was disrupted": false,
		"the 2006 elections":                       false,
	} {
		at := strings.Index(text, "2006")
		if at < 0 {
			at = strings.IndexAny(text, "12")
		}
		end := at + 4
		if got := sd.names(text, at, end); got != want {
			t.Errorf("names(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestLoadSectionDatesErrors(t *testing.T) {
	for data, want := range map[string]string{
		"name-after: [act]\nname-before: [act]\n":                  "ongoing is empty",
		"name-after: [act]\nname-before: ['']\nongoing: [still]\n": "name-before has an empty phrase",
		"name-after: [act]\nname-befor: [act]\nongoing: [still]\n": "not found",
	} {
		fsys := fstest.MapFS{"d.yaml": {Data: []byte(data)}}
		if _, _, _, err := LoadSectionDates(fsys, "d.yaml"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error with %q", data, err, want)
		}
	}
}

func TestLoadRevisionOpenersErrors(t *testing.T) {
	fsys := fstest.MapFS{"r.yaml": {Data: []byte("openers: []\n")}}
	if _, err := LoadRevisionOpeners(fsys, "r.yaml"); err == nil || !strings.Contains(err.Error(), "openers is empty") {
		t.Errorf("empty openers: %v", err)
	}
}

// The real reports beside the project, checked as of 2025-08-01: every
// finding listed here was read and judged right; anything new must be
// judged too.
func TestSamples(t *testing.T) {
	const samples = "../../../../shared/samples"
	asOf := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	want := map[string][]string{
		// The Crime section's newest event is the French withdrawal of
		// 2022; the Anti-Western Sentiment section's too, and it still says
		// anti-MINUSMA sentiment "manifests" a year after MINUSMA left.
		// Kidnapping Threat (March 2023, 19 months) is within 24 months.
		"osac-mali-2024.txt": {
			`stale-section 33:1 the newest dated event in section "Crime" is "early to mid-2022" (line 49), 26 months before publication on 2024-11-29 (more than 24)`,
			`stale-section 119:1 the newest dated event in section "Anti-U.S./Anti-Western Sentiment" is "mid-2022" (line 121), 26 months before publication on 2024-11-29 (more than 24)`,
		},
		// Two years old on 2025-08-01.
		"advisory-mali-2023.txt": {
			`stale-report 3:21 report published 2023-07-31 is 732 days old on 2025-08-01 (more than 365)`,
		},
		// Reasons, labels and text agree; no dated events in the sections.
		"advisory-egypt-2024.txt": nil,
		"advisory-egypt-2025.txt": nil,
	}
	for name, wantFindings := range want {
		path := filepath.Join(samples, name)
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Skipf("samples not available: %v", err)
		}
		var got []string
		for _, r := range Rules() {
			got = append(got, run(t, r, path, string(raw), asOf)...)
		}
		sort.SliceStable(got, func(i, j int) bool { return position(got[i]).less(position(got[j])) })
		if !reflect.DeepEqual(got, wantFindings) {
			t.Errorf("%s: got findings\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(wantFindings, "\n"))
		}
	}
}

type pos struct{ line, col int }

func (a pos) less(b pos) bool { return a.line < b.line || a.line == b.line && a.col < b.col }

// position reads the line:col of a "rule line:col message" string.
func position(s string) pos {
	var p pos
	f := strings.Fields(s)
	if len(f) > 1 {
		fmt.Sscanf(f[1], "%d:%d", &p.line, &p.col)
	}
	return p
}

// No rule fails on any report the project keeps as test data, whatever its
// shape: every fixture of every package, parsed as its name says.
func TestEveryFixtureRuns(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../../*/testdata/*/*", "../../*/*/testdata/*/*", "../../../testdata/*/*"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	asOf := time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for _, p := range paths {
		if _, ok := parse.FormatOf(p); !ok {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f, err := source.New(p, raw)
		if err != nil {
			continue
		}
		doc, err := parse.Parse(f, parse.Options{})
		if err != nil {
			continue
		}
		prof, _ := profile.Default().Get(doc.Profile)
		for _, r := range Rules() {
			func() {
				defer func() {
					if e := recover(); e != nil {
						t.Errorf("%s on %s: panic: %v", r.ID, p, e)
					}
				}()
				r.Run(lint.NewPass(r, f, doc, prof, asOf, r.Options(), r.Level, func(lint.Finding) {}))
			}()
		}
		n++
	}
	if n < 20 {
		t.Errorf("only %d fixtures found", n)
	}
}

// An indicator letter the vocabulary does not have is the schema's to
// report; indicator-mismatch does not speak of a nameless indicator.
func TestUnknownIndicatorLetter(t *testing.T) {
	report := `{"profile": "travel-advisory", "title": "Mali Travel Advisory", "country": "Mali",
  "advisory": {"level": 4, "reasons": ["crime"],
    "indicators": [{"code": "Z", "included": true, "source": "statement"}, {"code": "C", "included": true, "source": "statement"}]}}`
	got := run(t, IndicatorMismatch, "r.json", report, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(got) != 0 {
		t.Errorf("findings: %q", got)
	}
}

// TestReadEventsSkipsRecent: a date within max-months of publication is
// not read for a state that holds (its section is not stale either way),
// while an older one still is, and a year that names a thing is still
// dropped whatever its age.
func TestReadEventsSkipsRecent(t *testing.T) {
	text := "OSAC Country Security Report\n\nPublished: November 29, 2024\n\nCrime\n\n" +
		"The curfew in force since May 2024 still holds. The border closed since June 2019 is shut. " +
		"Officers apply the Terrorism Act (2000) strictly.\n"
	f, err := source.New("r.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub, ok := published(doc)
	if !ok {
		t.Fatal("no publication date")
	}
	events := datedEvents(f.Text, doc.Dates, pub)
	events = readEvents(f.Text, doc.AllSections(), events, pub, 24, must(defaultSectionDates()))
	got := map[string]string{}
	for _, e := range events {
		got[e.m.Text] = e.to.Format("2006-01-02")
	}
	// The publication line is outside the sections, kept as it is.
	want := map[string]string{"November 29, 2024": "2024-11-29", "May 2024": "2024-05-31", "June 2019": "2024-11-29"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("events read as %v, want %v", got, want)
	}
}
