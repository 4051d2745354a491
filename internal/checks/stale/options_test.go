package stale

import (
	"strings"
	"testing"
	"testing/fstest"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/vocab"
)

// Bad options are refused with a message that names the option.
func TestOptionErrors(t *testing.T) {
	cases := []struct {
		rule *lint.Rule
		yaml string
		want string
	}{
		{StaleReport, "max-age-days: 0", "max-age-days: give a number of days"},
		{StaleSection, "max-months: -3", "max-months: give a number of months"},
		{StaleTerm, "skip: [Nonesuch]", `skip: "Nonesuch" is not a term of the built-in watch list`},
		{StaleTerm, "terms: [{term: X, since: 2024-13-01, note: n}]", `terms: term "X": bad date "2024-13-01" for since`},
		{StaleTerm, "terms: [{term: X, note: n}]", `terms: term "X" needs since`},
		{StaleTerm, "terms: [{term: X, since: 2024-01-01}]", `terms: term "X" needs a note`},
		{StaleTerm, "terms: [{term: X, sinse: 2024-01-01}]", `a watch list entry has no key "sinse"; did you mean "since"?`},
		{StaleTerm, "terms: [{term: minusma, since: 2024-01-01, note: n}]", `terms: "minusma" is already watched by the built-in watch list; skip it there first`},
		{StaleTerm, "terms: [{term: A, since: 2024-01-01, note: n}, {term: B, aliases: [a], since: 2024-01-01, note: n}]", `terms: "a" is already watched by the entry "A"`},
		{RatingVocabulary, "synonyms: {moderate: [AVERAGE]}", `synonyms: "moderate" suggests "AVERAGE", which is not one of LOW, MEDIUM, HIGH, CRITICAL`},
		{RatingVocabulary, "synonyms: {moderate: []}", `synonyms: "moderate" suggests no level`},
		{IndicatorMismatch, "discussion-words: {Z: [zebra]}", `discussion-words: "Z" is not an indicator code`},
		{MetadataMismatch, "facts: [headline]", `facts: "headline" is not title, published, country, advisory or ratings`},
		{StaleReport, "max-age-day: 10", `did you mean "max-age-days"?`},
	}
	for _, c := range cases {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(c.yaml), &doc); err != nil {
			t.Fatal(err)
		}
		_, err := lint.DecodeOptions(c.rule, doc.Content[0])
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s: error %v, want one containing %q", c.rule.ID, c.yaml, err, c.want)
		}
	}
}

func TestRatingHint(t *testing.T) {
	syn := must(defaultRatingSynonyms())
	levels := []string{"LOW", "MEDIUM", "HIGH", "CRITICAL"}
	cases := map[string]string{
		"MODERATE": "did you mean MEDIUM? The levels are LOW, MEDIUM, HIGH or CRITICAL",
		"Severe":   "did you mean HIGH or CRITICAL? Choose the level the assessment means",
		"CRITCAL":  "did you mean CRITICAL? The levels are LOW, MEDIUM, HIGH or CRITICAL",
		"BANANA":   "use LOW, MEDIUM, HIGH or CRITICAL",
	}
	for word, want := range cases {
		if got := ratingHint(word, syn, levels); got != want {
			t.Errorf("ratingHint(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestLoadWatchlistErrors(t *testing.T) {
	cases := map[string]string{
		"terms: []\n": "terms is empty",
		"terms:\n  - {term: A, since: 2020-01-01, note: n}\n  - {term: B, aliases: [a], since: 2020-01-01, note: n}\n": `"a" is watched twice (also under "A")`,
		"terms:\n  - {term: A, since: January 2020, note: n}\n":                                                        `bad date "January 2020" for since`,
		"terms:\n  - {term: A, since: 2020-01-01, note: n, contries: [Mali]}\n":                                        `has no key "contries"; did you mean "countries"?`,
		"terms:\n  - {term: ' ', since: 2020-01-01, note: n}\n":                                                        "an entry has no term",
	}
	for data, want := range cases {
		fsys := fstest.MapFS{"w.yaml": {Data: []byte(data)}}
		_, err := LoadWatchlist(fsys, "w.yaml")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "w.yaml") {
			t.Errorf("%q: error %v, want w.yaml: …%s", data, err, want)
		}
	}
	fsys := fstest.MapFS{"s.yaml": {Data: []byte("synonyms: {}\n")}}
	if _, err := vocab.LoadRatingSynonyms(fsys, "s.yaml"); err == nil || !strings.Contains(err.Error(), "synonyms is empty") {
		t.Errorf("empty synonyms: %v", err)
	}
}

// A watched name matches as whole words, ignoring case and line breaks,
// but a capital stays a capital.
func TestWatchedFind(t *testing.T) {
	w := compileEntry(WatchEntry{Term: "Operation Barkhane", Aliases: []string{"barkhane force"}, Since: "2022-11-09", Note: "n"})
	cases := map[string][]string{
		"OPERATION BARKHANE and Operation\n Barkhane": {"OPERATION BARKHANE", "Operation\n Barkhane"},
		"operation barkhane":                          nil, // lower case where the name has a capital
		"the barkhane force and the Barkhane Force":   {"barkhane force", "Barkhane Force"},
		"Operation Barkhanes":                         nil,
	}
	for text, want := range cases {
		var got []string
		for _, m := range w.find(text, 0) {
			got = append(got, text[m.start:m.end])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("find in %q = %q, want %q", text, got, want)
		}
	}
}

// Options that are fine decode without error.
func TestGoodOptions(t *testing.T) {
	cases := []struct {
		rule *lint.Rule
		yaml string
	}{
		{StaleTerm, "{skip: [MINUSMA], terms: [{term: MINUSMA, since: 2023-06-30, note: the house dates it from the vote to end it}]}"},
		{StaleTerm, "{current-words: [garrisons], past-words: [erstwhile]}"},
		{RatingVocabulary, "{synonyms: {}}"},
		{IndicatorMismatch, "{discussion-words: {K: [abducted, abduction]}}"},
		{MetadataMismatch, "{facts: [published]}"},
		{StaleSection, "{max-months: 12, skip: [History]}"},
	}
	for _, c := range cases {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(c.yaml), &doc); err != nil {
			t.Fatal(err)
		}
		if _, err := lint.DecodeOptions(c.rule, doc.Content[0]); err != nil {
			t.Errorf("%s %s: %v", c.rule.ID, c.yaml, err)
		}
	}
}
