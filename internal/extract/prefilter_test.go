package extract

import (
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"testing"
)

// lineFilters pairs each advisory-line regexp with the cheap test that
// must pass wherever it matches.
var lineFilters = []struct {
	name   string
	re     *lazyregexp.Regexp
	filter func(string) bool
}{
	{"levelLine", levelLine, func(s string) bool { return mentionsLevel(s) && mayBeLevelLine(s) }},
	{"levelSentence", levelSentence, mentionsLevel},
	{"wordLevelLine", wordLevelLine, endsInWording},
	{"levelFirstLine", levelFirstLine, func(s string) bool { return hasPrefixFold(s, "level") }},
}

// prefilterSeeds match their regexp in the shapes that make a prefilter
// easy to get wrong: other cases, no-break and other Unicode spaces, the
// long s and the dashes without spaces before them.
var prefilterSeeds = []string{
	"Mali - Level 4: Do Not Travel",
	"NIGER – LEVEL 4: DO NOT TRAVEL",
	"Far North Region–\u00a0Level 4:\u2003Do Not Travel\u00a0",
	"Somewhere —\tlevel 12 : words",
	"Colima state – Do Not Travel",
	"Coastal areas - EXERCISE NORMAL PRECAUTIONS \u00a0",
	"Coastal areas - exercise normal precautionſ",
	"Tigray—Exercise Increased Caution",
	"Level 4: Do Not Travel - Areas of the north",
	"LEVEL 3: Reconsider Travel to the regions of Kidal.",
	"level 2:exercise increased caution in Bamako",
	"Travel advisory level 4 assessed: no",
	"development - level x:",
	"Mali - LeVeL 4: Do Not Travel",
	"The Department assesses Mali at Level 4.",
	"WE ASSESS NOTHING; IT ASSESSES MALI AT LEVEL 4",
	"it assessed the country at lEVEL 2",
}

func TestLinePrefiltersHoldWhereTheRegexpMatches(t *testing.T) {
	matched := map[string]int{}
	for _, s := range prefilterSeeds {
		for _, f := range lineFilters {
			if f.re.MatchString(s) {
				matched[f.name]++
				if !f.filter(s) {
					t.Errorf("%s matches %q, its prefilter says it cannot", f.name, s)
				}
			}
		}
	}
	// The seeds are only a test if each regexp matches several of them.
	for _, f := range lineFilters {
		if matched[f.name] < 3 {
			t.Errorf("%s matches %d seeds, want 3 or more", f.name, matched[f.name])
		}
	}
}

func TestLinePrefiltersPassOverOrdinaryLines(t *testing.T) {
	// Lines of a report that the old tests ("evel", none) ran the regexps on.
	for _, s := range []string{
		"The Department of State assesses Mali at Level 4, indicating that travel is not advised: see below.",
		"Economic underdevelopment persists - a problem for the region.",
		"Crime: the level of violent crime is high.",
		"Travelers should exercise caution at night.",
	} {
		for _, f := range lineFilters {
			if f.name == "levelSentence" {
				continue // its test is "level" alone, which these hold
			}
			if f.filter(s) {
				t.Errorf("%s's prefilter lets %q through", f.name, s)
			}
		}
	}
}

func FuzzLinePrefilters(f *testing.F) {
	for _, s := range prefilterSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, lf := range lineFilters {
			if lf.re.MatchString(s) && !lf.filter(s) {
				t.Fatalf("%s matches %q, its prefilter says it cannot", lf.name, s)
			}
		}
	})
}

func TestHasDueTo(t *testing.T) {
	for text, want := range map[string]bool{
		"due to crime":                 true,
		"Due to crime":                 true,
		"level 4 due to":               true,
		"DUE TO crime":                 false, // as the two Contains it replaces
		"ue to":                        false,
		"value to the Embassy; due to": true,
		"issue to issue":               false,
		"":                             false,
	} {
		if got := hasDueTo(text); got != want {
			t.Errorf("hasDueTo(%q) = %v, want %v", text, got, want)
		}
	}
}
