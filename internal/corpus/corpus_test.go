package corpus

import (
	"regexp"
	"strings"
	"testing"
)

// RealProse gives the corpus what real reports hold: watch-list names,
// acronyms and paragraphs of many dates; the same seed, the same report.
func TestRealProse(t *testing.T) {
	opt := Options{Size: 20 << 10, Problems: true, RealProse: true}
	text := Report(3, opt)
	if Report(3, opt) != text {
		t.Fatal("the same seed gave two reports")
	}
	if strings.Contains(Report(3, Options{Size: 20 << 10, Problems: true}), "ECOWAS") {
		t.Error("RealProse's sentences appear without it")
	}
	watched := regexp.MustCompile(`MINUSMA|Operation Barkhane|G5 Sahel|Twitter|EU Training Mission`)
	acronym := regexp.MustCompile(`\((JNIM|ECOWAS|AQIM)\)`)
	date := regexp.MustCompile(`(January|February|March|April|May|June|July|August|September|October|November|December)( \d+,)? 20\d\d|\d+ (January|February|March|April|May|June|July|August|September|October|November|December) 20\d\d`)
	most := 0
	for _, p := range strings.Split(text, "\n\n") {
		most = max(most, len(date.FindAllString(p, -1)))
	}
	if len(watched.FindAllString(text, -1)) < 10 || len(acronym.FindAllString(text, -1)) < 10 || most < 6 {
		t.Errorf("watched names %d, acronyms defined %d, most dates in a paragraph %d; want 10, 10 and 6 or more",
			len(watched.FindAllString(text, -1)), len(acronym.FindAllString(text, -1)), most)
	}
}
