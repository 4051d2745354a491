package checks

import (
	"fmt"
	"slices"
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

// TestKnownSectionNames: the list kept for a profile and a country is the
// one a report made for itself, and no more than maxKnownNames are kept.
func TestKnownSectionNames(t *testing.T) {
	p := mustProfile(t, "osac-csr")
	for i := range maxKnownNames + 10 {
		country := fmt.Sprintf("Country %d", i)
		var all []string
		for _, spec := range p.All() {
			all = append(all, spec.Names(country)...)
		}
		want := sectionNames(all)
		for range 2 { // made, then kept (or, past the bound, made again)
			if got := knownSectionNames(p, p.All(), country); !slices.Equal(got, want) {
				t.Fatalf("%s: got %v, want %v", country, got, want)
			}
		}
	}
	knownNames.mu.RLock()
	defer knownNames.mu.RUnlock()
	if n := len(knownNames.m); n > maxKnownNames {
		t.Errorf("%d lists kept, want at most %d", n, maxKnownNames)
	}
}
