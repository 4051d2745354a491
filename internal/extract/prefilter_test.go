package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/vocab"
)

// lineFilters pairs each advisory-line regexp with the cheap test that
// must pass wherever it matches.
var lineFilters = []struct {
	name   string
	re     *lazyregexp.Regexp
	filter func(string) bool
}{
	{"levelLine", levelLine, mayHoldLevelLine},
	{"levelSentence", levelSentence, mentionsLevel},
	{"wordLevelLine", wordLevelLine, endsInWording},
	{"levelFirstLine", levelFirstLine, func(s string) bool { return hasPrefixFold(s, "level") }},
	{"areaReason", areaReason, mayHoldAreaReason},
	{"intlPhone", intlPhone, func(s string) bool { return strings.Contains(s, "+") }}, // scanPhones
}

// prefilterSeeds match their regexp in the shapes that make a prefilter
// easy to get wrong: other cases, no-break and other Unicode spaces, the
// long s and the dashes without spaces before them.
var prefilterSeeds = []string{
	"Kidal region DUE TO crime", "Gao, Due\n\tto terrorism", "dUe to\t", "du e to",
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
	"Tel: +223 20 70 23 00", "(+1) 202-501-4444", "call +44(0)20 7008 5000 now",
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

// keywordsOf says what a strings.Contains for each keyword says.
func checkKeywords(t *testing.T, text string) {
	t.Helper()
	k := keywordsOf(text)
	for w, word := range map[keywords]string{kwIndicator: "ndicator", kwDueTo: "due to", kwCapDueTo: "Due to", kwAssessed: "ssessed"} {
		if got, want := k.has(w), strings.Contains(text, word); got != want {
			t.Errorf("keywordsOf(%q) has %q: %v, want %v", text, word, got, want)
		}
	}
}

func TestKeywordsOf(t *testing.T) {
	for _, text := range []string{
		"due to crime", "Due to crime", "level 4 due to", "DUE TO crime", "ue to",
		"value to the Embassy; due to", "issue to issue", "", "d", "dd",
		"has assessed Bamako", "ssessed", "sessed", "reassessed due to", "a “K” Indicator", "ndicator",
		"indicator due to; Due to, assessed",
	} {
		checkKeywords(t, text)
	}
	if k := keywordsOf("assessed the indicator due to Due to"); k != kwIndicator|kwDueTo|kwCapDueTo|kwAssessed {
		t.Errorf("all four: %b", k)
	}
}

func FuzzKeywords(f *testing.F) {
	f.Add("reassessed due to a “K” Indicator. Due to")
	f.Add("dddue toossesssed")
	f.Fuzz(checkKeywords)
}

// FuzzIndicatorStatements holds the statements read from their possible
// starts to the regexp run over the whole text.
func FuzzIndicatorStatements(f *testing.F) {
	f.Add(`The Department has included a Crime "C" Indicator; it HAS NOT  included a “T” indicator.`)
	f.Add("haſ\tincluded the 'K' indicator, have not\nincluded an ‘H’ Indicator")
	f.Add(`x_has included "C" indicator, ahas included "C" indicator; has   not included`)
	f.Add(`has included "C"indicator has included "D" indicator`)
	f.Fuzz(func(t *testing.T, text string) {
		got := indicatorStatements(text)
		want := indicatorStatement.FindAllStringSubmatchIndex(text, -1)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Errorf("indicatorStatements(%q) = %v, want %v", text, got, want)
		}
	})
}

// FuzzMentionsPhoneWord holds the test, its words' rarest letters found
// once, to ContainsFold of each word in turn.
func FuzzMentionsPhoneWord(f *testing.F) {
	f.Add("Call the Embassy at 20 70 24 00.")
	f.Add("TELEPHONE: 112")
	f.Add("no such word, 1234")
	x := &extractor{vocab: vocab.Default()}
	f.Fuzz(func(t *testing.T, text string) {
		want := false
		for _, w := range x.vocab.PhoneWords {
			if phrase.IsASCII(w) && phrase.ContainsFold(text, w) ||
				!phrase.IsASCII(w) && strings.Contains(strings.ToLower(text), w) {
				want = true
			}
		}
		if got := x.mentionsPhoneWord(text); got != want {
			t.Errorf("mentionsPhoneWord(%q) = %v, want %v", text, got, want)
		}
	})
}

// FuzzRatingSentences holds the ratings read from their possible starts
// to the regexp run over the whole text.
func FuzzRatingSentences(f *testing.F) {
	f.Add("The U.S. Department of State has assessed Bamako as being a CRITICAL-threat location for crime directed at or affecting official U.S. government interests.")
	f.Add("ASSESSED Lomé as a HIGH threat post for terrorism; reassessed X as low threat city for crime. assessed Y as an medium-threat country for political violence")
	f.Add("has aſſeſſed Niamey as being HIGH-threat location for crime, _assessed Z as low threat post for x. Assessed  as moderate threat city for")
	f.Add("assessed assessed Bamako as high threat location for crime.")
	f.Fuzz(func(t *testing.T, text string) {
		got := ratingSentences(text)
		want := ratingSentence.FindAllStringSubmatchIndex(text, -1)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Errorf("ratingSentences(%q) = %v, want %v", text, got, want)
		}
	})
}

// FuzzEndsInExtension holds the extension test by hand to its regexp, and
// the clock test on its window to the regexp on the whole rest.
func FuzzEndsInExtension(f *testing.F) {
	for _, s := range []string{"Tel. 2020 ext. ", "EXTENSION\t", "fax", "(x", "\u017fx", "exten\u017fion ", "\xbfext", "_x", "Ext.\n\f", "next", "9x", "ex", "\xc5\xbf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := endsInExtension(s), extensionBefore.MatchString(s); got != want {
			t.Errorf("endsInExtension(%q) = %v, the regexp %v", s, got, want)
		}
		if got, want := clockAfter.MatchString(s[:min(len(s), clockReach)]), clockAfter.MatchString(s); got != want {
			t.Errorf("clockAfter on %q: %v within %d bytes, %v on all", s, got, clockReach, want)
		}
	})
}

// FuzzFirstLevelSentence holds the level sentence read from its possible
// starts to the regexp run over the whole text.
func FuzzFirstLevelSentence(f *testing.F) {
	f.Add("The current U.S. Department of State Travel Advisory at the date of this report's publication assesses Mali at Level 4, indicating that travelers should not travel.")
	f.Add("reassesses x at level 2; ASSESSED Niger AT LEVEL 12 and aſſeſſes Chad at level 3")
	f.Add("assessed. Mali at Level 4; assesses the country, at level 1x; _assesses Y at level 2; assesses Z at level 3")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := firstLevelSentence(text), levelSentence.FindStringSubmatchIndex(text); !slices.Equal(got, want) {
			t.Errorf("firstLevelSentence(%q) = %v, want %v", text, got, want)
		}
	})
}

// mayHoldLocalNumberByByte is mayHoldLocalNumber before it passed over
// the bytes between numbers by indexDigit: FuzzMayHoldLocalNumber's
// reference.
func (x *extractor) mayHoldLocalNumberByByte(text string) bool {
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		run := text[i:j]
		grouped := j+1 < len(text) && strings.IndexByte(" .-", text[j]) >= 0 && isDigit(text[j+1])
		if len(run) >= 2 && (grouped || !isYear(run) && !x.vocab.IsCountWord(text[j:])) {
			return true
		}
		i = j
	}
	return false
}

func FuzzMayHoldLocalNumber(f *testing.F) {
	f.Add("In 2023, 12 people were hurt; call 17.")
	f.Add("the years 1999 and 2024, 5 km away, 3-4 days")
	f.Add("Tel 20 70 23 00")
	x := &extractor{vocab: vocab.Default()}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := x.mayHoldLocalNumber(text), x.mayHoldLocalNumberByByte(text); got != want {
			t.Errorf("mayHoldLocalNumber(%q) = %v, byte by byte %v", text, got, want)
		}
	})
}

// FuzzLastWords holds lastWords to the last n words of the whole text
// lowered and split, as calledNumber read them before.
func FuzzLastWords(f *testing.F) {
	f.Add("Please call the Embassy (duty officer), number: 20 70 23 00 or", 10)
	f.Add("İSTANBUL K\xe2\x80 ,,(a)b:c d", 3)
	f.Add("", 10)
	f.Add("   ", 1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 40 {
			return
		}
		all := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == ',' || r == ':' })
		want := all[max(0, len(all)-n):]
		if got := lastWords(s, n); !slices.Equal(got, want) {
			t.Errorf("lastWords(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}
