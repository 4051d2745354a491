package schema

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

// A reused arena builds each report's slim instance exactly as a fresh one
// does, whatever it built before, and gives back nothing of the last
// report once reset.
func TestArenaReuse(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../../testdata/reports/*", "../../testdata/schema/*"} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	var reports []*document.Report
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		f, err := source.ReadFile(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Data == nil {
			reports = append(reports, r)
		}
	}
	if len(reports) < 2 {
		t.Fatalf("want at least two text or Markdown fixtures, have %d", len(reports))
	}
	shared := new(arena)
	// Each report after each other one, both ways round.
	for _, first := range reports {
		for _, second := range reports {
			slimValue(first, shared)
			shared.reset()
			got := asJSON(t, slimValue(second, shared))
			shared.reset()
			if want := asJSON(t, slimValue(second, new(arena))); got != want {
				t.Fatalf("%s after %s:\nreused: %s\nfresh:  %s", second.Path, first.Path, got, want)
			}
		}
	}
	slimValue(reports[0], shared)
	shared.reset()
	for i, m := range shared.objects {
		if len(m) != 0 {
			t.Errorf("object %d still holds %v after reset", i, m)
		}
	}
	for i, v := range shared.slots[:cap(shared.slots)] {
		if v != nil {
			t.Errorf("slot %d still holds %v after reset", i, v)
		}
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// FuzzHoldsNonSpace holds holdsNonSpace to the pattern it stands for,
// nonEmptyText's \S, in Go's regexp (invalid UTF-8 included: the regexp
// reads such a byte as U+FFFD, which \S matches).
func FuzzHoldsNonSpace(f *testing.F) {
	nonSpace := regexp.MustCompile(`\S`)
	for _, s := range []string{"", " ", "\t\n\f\r ", "\v", "\u00a0", "\u2003", "\xff", " x ", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := holdsNonSpace(s), nonSpace.MatchString(s); got != want {
			t.Errorf("holdsNonSpace(%q) = %v, want %v", s, got, want)
		}
	})
}

// Sections stand as one valid section only when no title can fail: a
// blank title at any depth keeps every section, where its finding points.
func TestSlimSectionList(t *testing.T) {
	sec := func(title string, subs ...*document.Section) *document.Section {
		s := &document.Section{Sections: subs}
		s.Title.Value = title
		return s
	}
	a := new(arena)
	if got := slimSectionList([]*document.Section{sec("A", sec("B")), sec("C")}, a); !reflect.DeepEqual(got, oneValidSection) {
		t.Errorf("valid titles: %v, want %v", got, oneValidSection)
	}
	if got := slimSectionList(nil, a); got == nil || len(got) != 0 {
		t.Errorf("no sections: %#v, want an empty list", got)
	}
	blank := []*document.Section{sec("A"), sec("C", sec("D"), sec(" \t"))}
	want := []any{
		map[string]any{"title": "A"},
		map[string]any{"title": "C", "sections": []any{map[string]any{"title": "D"}, map[string]any{"title": " \t"}}},
	}
	if got := slimSectionList(blank, a); !reflect.DeepEqual(got, want) {
		t.Errorf("a blank title: %v, want %v", got, want)
	}
}

// kindValue is the kind's string, for every kind and for one it does not
// know; a known kind's costs no allocation.
func TestKindValue(t *testing.T) {
	kinds := []document.ContactKind{document.ContactPhone, document.ContactEmergency, document.ContactFax,
		document.ContactEmail, document.ContactAddress, document.ContactHours, document.ContactWebsite, "pager"}
	for _, k := range kinds {
		if got, ok := kindValue(k).(string); !ok || got != string(k) {
			t.Errorf("kindValue(%q) = %#v", k, kindValue(k))
		}
	}
	var sink any
	email := kinds[3] // not a constant, which would box without allocating anyway
	if n := testing.AllocsPerRun(100, func() { sink = kindValue(email) }); n != 0 {
		t.Errorf("kindValue of a known kind: %v allocations", n)
	}
	_ = sink
}

// The compiler's patterns take \S as holdsNonSpace (FuzzHoldsNonSpace holds
// it to the regexp), under the pattern's own text, which messages quote;
// any other pattern stays a regexp.
func TestSharedPatternsNonSpace(t *testing.T) {
	engine := sharedPatterns()
	re, err := engine(`\S`)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := re.(nonSpace); !ok || re.String() != `\S` {
		t.Errorf(`engine(\S) = %T %q, want nonSpace "\S"`, re, re.String())
	}
	for s, want := range map[string]bool{"": false, " \t\n": false, " x": true, "\v": true} {
		if got := re.MatchString(s); got != want {
			t.Errorf("MatchString(%q) = %v, want %v", s, got, want)
		}
	}
	other, err := engine(`^\S$`)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := other.(*regexp.Regexp); !ok {
		t.Errorf(`engine(^\S$) = %T, want *regexp.Regexp`, other)
	}
}
