package checks

import (
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/suggest"
)

// misspeltByTable is misspelt without its test of lengths: the distance
// of every pair computed. FuzzMisspelt holds misspelt to it.
func misspeltByTable(title string, names []string) (string, bool) {
	t := profile.NormalizeTitle(title)
	best, bestDist := "", 3
	for _, n := range names {
		k := profile.NormalizeTitle(n)
		limit := 2
		if utf8.RuneCountInString(k) < 8 {
			limit = 1
		}
		if d := suggest.Distance(t, k); d > 0 && d <= limit && d < bestDist {
			best, bestDist = n, d
		}
	}
	return best, best != ""
}

func FuzzMisspelt(f *testing.F) {
	f.Add("Securty Situation", "Security Situation", "Crime", "Safety and Security")
	f.Add("Crim", "Crime", "Crimes", "Terrorism")
	f.Add("Emergency Contacts", "Emergency Contact", "Entry Requirements", "Entry and Exit")
	f.Fuzz(func(t *testing.T, title, a, b, c string) {
		if len(title)+len(a)+len(b)+len(c) > 400 {
			return
		}
		names := []string{a, b, c}
		got, gotOK := misspelt(title, sectionNames(names))
		want, wantOK := misspeltByTable(title, names)
		if got != want || gotOK != wantOK {
			t.Errorf("misspelt(%q, %q) = %q, %v; every distance: %q, %v", title, names, got, gotOK, want, wantOK)
		}
	})
}
