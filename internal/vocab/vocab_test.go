package vocab

import (
	"fmt"
	"io/fs"
	"reflect"
	"regexp"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// oldCompileAll is compileAll as it was, compiling every pattern at load.
func oldCompileAll(patterns []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, p := range patterns {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return nil, fmt.Errorf("%q: %v", p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// The embedded patterns are compiled only when first used, so a broken one
// would show in a report's run, not at load: compile them here.
func TestEmbeddedPatternsMatch(t *testing.T) {
	v := Default()
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Callers within the U.S. dial", true},
		{"from a Ukrainian mobile", true},
		{"Help in the UK", true},
		{"the embassy's switchboard", false},
	} {
		if got := v.LocalCaller(c.text); got != c.want {
			t.Errorf("LocalCaller(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	if !v.DialledFrom(" (from the U.S.)") || v.DialledFrom(" (24 hours)") {
		t.Error("DialledFrom does not tell (from the U.S.) from (24 hours)")
	}
}

func FuzzCompileAll(f *testing.F) {
	for _, s := range []string{`\bif you(?:'re| are) in\b`, `^\s*\((?:from|in) \p{Lu}`, `(`, `a{1001}`, `\pX`, `[z-a]`, `(?i`, `x**`, `\Q`, `)`} {
		f.Add(s, "Callers in Kyiv (from the U.S.)")
	}
	f.Fuzz(func(t *testing.T, p, text string) {
		old, oldErr := oldCompileAll([]string{p})
		got, err := compileAll([]string{p}, true)
		if fmt.Sprint(oldErr) != fmt.Sprint(err) {
			t.Fatalf("%q: error %v, want %v", p, err, oldErr)
		}
		if err != nil {
			return
		}
		if a, b := got[0].MatchString(text), old[0].MatchString(text); a != b {
			t.Fatalf("%q on %q: %v, want %v", p, text, a, b)
		}
	})
}

// The embedded file is read without Decode: the fast reading must take it
// whole, or it saves nothing.
func TestDecodeVocabularyTakesEmbedded(t *testing.T) {
	data, err := fs.ReadFile(rules.FS, "data/vocabulary.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var got, want Vocabulary
	if !decodeVocabulary(&doc, &got) {
		t.Fatal("decodeVocabulary refused the embedded vocabulary")
	}
	if err := doc.Decode(&want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decodeVocabulary gave\n%+v\nwant\n%+v", got, want)
	}
}

func FuzzDecodeVocabulary(f *testing.F) {
	data, err := fs.ReadFile(rules.FS, "data/vocabulary.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	for _, s := range []string{
		"levels: {1: a, 2: b}\nphone-words: [x, y]",
		"levels: {01: a, +2: b, 0x3: c}",
		"levels: {1: a, 1: b}",
		"indicators: [{code: C, name: Crime, words: [crime]}, {}]",
		"indicators: [{code: C, code: D}]",
		"indicators: [{code: 1, other: x}]",
		"contact-labels: {phone: [Tel], fax: []}",
		"contact-labels: {phone: [Tel], phone: [Fax]}",
		"post-names: [a, ~, 3]",
		"post-names: &a [x]\npost-closed: *a",
		"unknown: [x]",
		"rating-levels: !!str x",
		"- a\n- b",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil {
			return
		}
		var got, want Vocabulary
		if !decodeVocabulary(&doc, &got) {
			return // Decode reads it
		}
		if err := doc.Decode(&want); err != nil {
			t.Fatalf("decodeVocabulary took what Decode refuses (%v):\n%s", err, src)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("decodeVocabulary gave\n%+v\nwant\n%+v\nfor\n%s", got, want, src)
		}
	})
}
