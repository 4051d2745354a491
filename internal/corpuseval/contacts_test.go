package corpuseval

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/checks/contacts"
	"github.com/reportlint/reportlint/internal/linttest"
)

// TestOtherEmergencyNumbersTakenOut measures that emergency-number, which
// reports nothing on corpus/other, would report a page without its
// emergency numbers (docs/accuracy.md, "Other governments' contacts"):
// each government's page is checked with the place that gives them taken
// out. Only Smartraveller Afghanistan, which says there is no number to
// call, is asked for none.
func TestOtherEmergencyNumbersTakenOut(t *testing.T) {
	dir := otherDir(t)
	emergencyLine := regexp.MustCompile(`(?i)(?:emergenc|police).*\d\d|Our telephone number`)
	for _, tc := range []struct {
		prefix string
		// drop says whether a line is taken out, given the last heading
		// above it (the heading's own line included).
		drop      func(heading, line string) bool
		unflagged []string
	}{
		{"fcdo-", func(h, _ string) bool { return strings.HasPrefix(h, "## Emergency services in") }, nil},
		{"smartraveller-", func(h, _ string) bool {
			for _, s := range []string{"#### All Emergencies", "#### Fire", "#### Medical emergencies", "#### Police", "#### General"} {
				if strings.HasPrefix(h, s) {
					return true
				}
			}
			return false
		}, []string{"smartraveller-afghanistan-2025-06-03.md"}},
		{"dfa-ireland-", func(h, l string) bool {
			return strings.HasPrefix(h, "#") && strings.Contains(h, "Emergency Assistance**") || emergencyLine.MatchString(l)
		}, nil},
	} {
		t.Run(strings.TrimSuffix(tc.prefix, "-"), func(t *testing.T) {
			paths, _ := filepath.Glob(filepath.Join(dir, tc.prefix+"*.md"))
			var unflagged []string
			for _, p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				var kept []string
				heading := ""
				for _, l := range strings.Split(string(data), "\n") {
					if strings.HasPrefix(l, "#") {
						heading = l
					}
					if !tc.drop(heading, l) {
						kept = append(kept, l)
					}
				}
				if n := emergencyFindings(t, filepath.Base(p), strings.Join(kept, "\n")); n == 0 {
					unflagged = append(unflagged, filepath.Base(p))
				}
			}
			// With no page the comparison below holds whatever the rule
			// does: accuracy.md gives 12 FCDO, 10 Smartraveller and 11
			// Irish pages.
			if len(paths) == 0 {
				t.Fatalf("no %s*.md page in %s", tc.prefix, dir)
			}
			sort.Strings(unflagged)
			t.Logf("%s pages without their emergency numbers: %d/%d reported", tc.prefix, len(paths)-len(unflagged), len(paths))
			if strings.Join(unflagged, " ") != strings.Join(tc.unflagged, " ") {
				t.Errorf("not reported: %q, want %q", unflagged, tc.unflagged)
			}
		})
	}
}

// emergencyFindings runs emergency-number, with its default options, over
// a report as check would.
func emergencyFindings(t *testing.T, name, text string) int {
	t.Helper()
	found, _ := linttest.Findings(t, contacts.EmergencyNumber, name, text, linttest.Settings{AsOf: "2026-12-01"})
	return len(found)
}
