package dates

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportlint/reportlint/rules"
)

func TestLoadPhrases(t *testing.T) {
	fsys := fstest.MapFS{"p.yaml": {Data: []byte(`# a comment
- recently
- phrase: in the coming months
  kind: future
- {phrase: "the past {n} years", kind: past}
`)}}
	got, err := LoadPhrases(fsys, "p.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []Phrase{{Text: "recently"}, {Text: "in the coming months", Kind: PhraseFuture}, {Text: "the past {n} years", Kind: PhrasePast}}
	if !slices.Equal(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestLoadPhrasesErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"syntax", "- recently\n- lately\n- phrase: soon\n  kind\n", "bad.yaml:4: could not find expected ':'"},
		{"repeated key", "- recently\n- phrase: soon\n  phrase: later\n", `bad.yaml:3: repeated key "phrase"`},
		{"not a list", "phrase: recently\n", "bad.yaml:1: want a list"},
		{"unknown kind", "- recently\n- phrase: soon\n  kind: later\n", `bad.yaml:3: unknown kind "later"`},
		{"unknown key", "- recently\n- phrase: soon\n  knd: future\n", `bad.yaml:3: unknown key "knd"`},
		{"duplicate", "- recently\n- lately\n- Recently\n", `bad.yaml:3: phrase "Recently" repeats the one on line 1`},
		{"empty phrase", "- recently\n- '  '\n", "bad.yaml:2: empty phrase"},
		{"missing phrase", "- recently\n- kind: past\n", "bad.yaml:2: missing phrase"},
		{"not text", "- recently\n- 2024\n", "bad.yaml:2: phrase \"2024\" is not text"},
		{"nested", "- recently\n- phrase: [a, b]\n", "bad.yaml:2: phrase must be text"},
		{"empty file", "# nothing\n", "bad.yaml: no phrases"},
		{"empty list", "[]\n", "bad.yaml:1: no phrases"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadPhrases(fstest.MapFS{"bad.yaml": {Data: []byte(tc.data)}}, "bad.yaml")
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to start with %q", err, tc.want)
			}
		})
	}
	if _, err := LoadPhrases(fstest.MapFS{}, "missing.yaml"); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing file: err = %v, want it to name the file", err)
	}
}

// The embedded list must load, or Default panics for every user.
func TestEmbeddedPhrases(t *testing.T) {
	phrases, err := LoadPhrases(rules.FS, PhrasesPath)
	if err != nil {
		t.Fatal(err)
	}
	have := make(map[string]PhraseKind)
	for _, p := range phrases {
		have[p.Text] = p.Kind
		if p.Kind == "" {
			t.Errorf("%q has no kind; the shipped list gives every phrase one", p.Text)
		}
	}
	for _, required := range []string{"recently", "currently", "presently", "lately", "nowadays",
		"at present", "at the moment", "in recent months", "in recent weeks", "in recent years",
		"in recent days", "recent months", "the past year", "the past few years", "the last decade",
		"the past decade", "last year", "last month", "last week", "this year", "this month",
		"this week", "earlier this year", "later this year", "next year", "so far this year",
		"to date", "in the coming months"} {
		if _, ok := have[required]; !ok {
			t.Errorf("embedded list lacks %q", required)
		}
	}
	for _, left := range []string{"now", "ongoing", "current"} {
		if _, ok := have[left]; ok {
			t.Errorf("embedded list has %q, which the file's header says is left out", left)
		}
	}
	if Default() == nil || len(Default().Find("in recent months")) != 1 {
		t.Error("Default does not find a listed phrase")
	}
}
