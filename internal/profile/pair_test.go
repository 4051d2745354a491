package profile

import (
	"regexp"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// pairPatterns are the built-in detect-text patterns the pair matcher
// stands for, and shapes around them.
var pairPatterns = []string{
	`(?s)\bFCDO\b.*?/foreign-travel-advice/|/foreign-travel-advice/.*?\bFCDO\b`,
	`(?s)\bIrish citizens\b.*?\bDepartment of Foreign Affairs\b|\bDepartment of Foreign Affairs\b.*?\bIrish citizens\b`,
	`(?is)\bsmartraveller\b.*\bConsular Emergency Centre\b|\bConsular Emergency Centre\b.*\bsmartraveller\b`,
	`(?is)ks.*?_k\b`,
	`(?s)\ba(b)\b.*x`,
	`(?s)\bab\b.*\bab`,
	`(?i)(?s:\bask\b.*?sk)`,
}

// The built-in profiles' two-part detect-text patterns take the pair
// matcher, and nothing else does: a pattern it cannot read exactly.
func TestPairMatcherShapes(t *testing.T) {
	set, err := load(rules.FS, "profiles", true)
	if err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for _, p := range set.profiles {
		for _, m := range p.detectText {
			if m.(filteredMatcher).pair() != nil {
				pairs++
			}
		}
	}
	if pairs != 3 {
		t.Errorf("%d built-in detect-text patterns take the pair matcher, want 3 (fcdo, dfa-ireland, smartraveller)", pairs)
	}
	for _, pat := range pairPatterns {
		if newPairMatcher(pat) == nil {
			t.Errorf("%q: no pair matcher", pat)
		}
	}
	for _, pat := range []string{`(?s)a.*b.*c`, `a.*b`, `(?s)^a.*b`, `(?s)a\B.*b`, `(?s)a+.*b`, `(?s)é.*b`, `(?s)a.*`, `ab`, `(?s)[ab].*c`, `(?s)(a|b|c)(d|e|f).*x`} {
		if newPairMatcher(pat) != nil {
			t.Errorf("%q: read as a pair", pat)
		}
	}
}

// FuzzPairMatcher holds the pair matcher to Go's regexp on any text:
// folded letters (the Kelvin sign, the long s), boundaries next to
// multi-byte and invalid UTF-8, literals that overlap.
func FuzzPairMatcher(f *testing.F) {
	for _, s := range []string{
		"FCDO /foreign-travel-advice/", "/foreign-travel-advice/FCDO", "xFCDO /foreign-travel-advice/ FCDO",
		"Irish citizens ... Department of Foreign Affairs", "Department of Foreign AffairsIrish citizens",
		"SmartTraveller smartraveller\nconsular emergency centre", "\u017fmartraveller Consular Emergency Centre",
		"ks_k", "k\u017f _\u212a", "ab ab", "abab ab", "é\xffab\xff x", "aab b x",
	} {
		for i := range pairPatterns {
			f.Add(uint8(i), s)
		}
	}
	res := make([]*regexp.Regexp, len(pairPatterns))
	pms := make([]*pairMatcher, len(pairPatterns))
	for i, pat := range pairPatterns {
		res[i], pms[i] = regexp.MustCompile(pat), newPairMatcher(pat)
	}
	f.Fuzz(func(t *testing.T, which uint8, text string) {
		i := int(which) % len(pairPatterns)
		got, ok := pms[i].match(text)
		if !ok {
			return
		}
		if want := res[i].MatchString(text); got != want {
			t.Errorf("%q on %q: %v, want %v", pairPatterns[i], text, got, want)
		}
	})
}
