package profile

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// Every built-in government profile maps its words onto the common scale,
// case and punctuation aside, and knows no others.
func TestBuiltInLevelScales(t *testing.T) {
	for _, tc := range []struct {
		profile, words string
		level          int
		canonical      string
	}{
		{"canada", "AVOID ALL TRAVEL", 4, "Avoid all travel"},
		{"canada", "Exercise a high degree of caution", 2, "Exercise a high degree of caution"},
		{"smartraveller", "reconsider your need to travel", 3, "Reconsider your need to travel"},
		{"dfa-ireland", "High Degree of Caution", 2, "High Degree of Caution"},
		{"fcdo", "advises against all but essential travel", 3, "advises against all but essential travel"},
		{"fcdo", "Exercise Increased Caution", 0, ""},
	} {
		p, ok := Default().Get(tc.profile)
		if !ok || p.Levels == nil {
			t.Fatalf("%s: no level scale", tc.profile)
		}
		if level, canonical := p.Levels.LevelOf(tc.words); level != tc.level || canonical != tc.canonical {
			t.Errorf("%s %q: %d %q, want %d %q", tc.profile, tc.words, level, canonical, tc.level, tc.canonical)
		}
	}
}

func TestParseLevelsAndCountryErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"name: x\nlevels:\n  scale:\n    - level: 5\n      words: [Go]\n", "x.yaml:4: levels: each step of the scale needs a level from 1 to 4"},
		{"name: x\nlevels:\n  statements:\n    - '^(?P<area>.+)$'\n", "x.yaml:4: levels: a statement pattern needs a (?P<wording>…) group"},
		{"name: x\nlevels:\n  scales: []\n", `unknown key "scales"`},
		{"name: x\ncountry:\n  patterns: ['^(.+)$']\n", "x.yaml:3: country: a pattern needs a (?P<country>…) group"},
		{"name: x\ndetect-text: ['(']\n", "x.yaml:2: bad detect-text pattern"},
	} {
		_, err := Parse("x.yaml", []byte(tc.yaml))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// A page whose top says nothing is recognised from its whole text by a
// detect-text pattern, after every line pattern of every profile.
func TestDetectText(t *testing.T) {
	text := "# Safety\n\nText written for the test.\n\nCall the Consular Emergency Centre, or see smartraveller.gov.au.\n"
	if got := Default().Detect(text).Name; got != "smartraveller" {
		t.Errorf("detected %s, want smartraveller", got)
	}
	// Pages stored without the top that their line patterns know.
	for text, want := range map[string]string{
		"# Health\n\nText.\n\nFCDO can help: see [advice](/foreign-travel-advice/chad/getting-help).\n":  "fcdo",
		"# Health\n\nText.\n\n[Avoid all travel](#levels \"Risk Levels\") to the north.\n":               "canada",
		"## Health\n\nIrish citizens should register with the Department of Foreign Affairs.\n":          "dfa-ireland",
		"# Health\n\nThe Department of Foreign Affairs advises U.S. citizens; FCDO is another office.\n": Generic,
	} {
		if got := Default().Detect(text).Name; got != want {
			t.Errorf("%q: detected %s, want %s", text, got, want)
		}
	}
	if got := Default().Detect("# Safety\n\nSee smartraveller.gov.au.\n").Name; got != Generic {
		t.Errorf("the site's name alone: detected %s, want generic", got)
	}
}

// A profile that names the pages stating its levels reads statements
// there only, whatever the case of a page's title; one that names none
// reads them on every page.
func TestLevelsOnPage(t *testing.T) {
	p, err := Parse("x.yaml", []byte("name: x\nlevels:\n  pages: [Warnings and insurance]\n  statements:\n    - '^(?P<wording>go)$'\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Levels.OnPage("WARNINGS AND INSURANCE") || p.Levels.OnPage("Regional risks") {
		t.Errorf("pages %q: on the first page %v, on Regional risks %v", p.Levels.Pages, p.Levels.OnPage("WARNINGS AND INSURANCE"), p.Levels.OnPage("Regional risks"))
	}
	if all := (&Levels{}); !all.OnPage("Regional risks") {
		t.Error("no pages named: statements on any page should count")
	}
}

// FuzzLevelsKeys holds OnPage and LevelOf with the keys normalised at
// load to the same Levels without them, which normalises as asked (the
// old code), for every built-in profile's levels.
func FuzzLevelsKeys(f *testing.F) {
	set, err := load(rules.FS, "profiles", false)
	if err != nil {
		f.Fatal(err)
	}
	var keyed, bare []*Levels
	for _, name := range set.Names() {
		p, _ := set.Get(name)
		if p.Levels == nil {
			continue
		}
		if p.Levels.pageKeys == nil || p.Levels.scaleKeys == nil {
			f.Fatalf("%s: levels without keys", name)
		}
		b := *p.Levels
		b.pageKeys, b.scaleKeys = nil, nil
		keyed, bare = append(keyed, p.Levels), append(bare, &b)
	}
	if len(keyed) == 0 {
		f.Fatal("no built-in profile has levels")
	}
	for _, s := range []string{"Warnings and insurance", "WARNINGS & INSURANCE", "Do Not Travel", "avoid all travel", "Reconsider your need to travel", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range keyed {
			if got, want := keyed[i].OnPage(s), bare[i].OnPage(s); got != want {
				t.Errorf("OnPage(%q) = %v, want %v", s, got, want)
			}
			gl, gw := keyed[i].LevelOf(s)
			wl, ww := bare[i].LevelOf(s)
			if gl != wl || gw != ww {
				t.Errorf("LevelOf(%q) = %d %q, want %d %q", s, gl, gw, wl, ww)
			}
		}
	})
}
