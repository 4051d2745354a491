package profile

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/phrase"
)

func TestRequiredLiterals(t *testing.T) {
	for pat, want := range map[string][]string{
		`(?i)^published:?\s+(?P<date>.+?)\.?$`:                                      {"published"},
		`(?i)^(?P<country>.+?)\s+(?:[-–—]\s+)?(?:osac\s+)?country security report$`: {"country security report"},
		`(?i)^(?:last updated|updated):?\s+(?P<date>.+)$`:                           nil, // an alternation: nothing is required
		`^Travel Advisory$`:         nil, // case-sensitive: not used
		`(?i)^(?P<x>date of issue)`: {"date of issue"},
	} {
		if got := requiredLiterals(pat); !reflect.DeepEqual(got, want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", pat, got, want)
		}
	}
}

// The prefilter never turns away a line the header patterns match: every
// line of the fixtures and samples, and case and spacing variants of each,
// get the same answer with and without it.
func TestHeaderPrefilterKeepsMatches(t *testing.T) {
	var lines []string
	for _, pattern := range []string{"../../testdata/reports/*", "../../../shared/samples/*.txt"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(string(data), "\n") {
				lines = append(lines, l, strings.ToUpper(l), strings.ToLower(l), strings.ReplaceAll(l, " ", "  "))
			}
		}
	}
	lines = append(lines, "Published: May 1, 2024", "PUBLISHED 2024-05-01", "Mali – OSAC Country Security Report", "mali country SECURITY report",
		"Publiſhed: May 1, 2024") // Go's (?i) matches the long s for s
	matched := 0
	for _, p := range Default().profiles {
		for i, re := range p.header {
			for _, l := range lines {
				want := re.MatchString(l)
				if got := !phrase.IsASCII(l) || containsAll(l, p.headerNeeds[i]); want && !got {
					t.Errorf("profile %s pattern %q matches %q, but the prefilter turns it away", p.Name, re, l)
				}
				if want {
					matched++
				}
			}
		}
	}
	if matched < 8 {
		t.Errorf("only %d lines matched a header pattern: the test proves little", matched)
	}
}
