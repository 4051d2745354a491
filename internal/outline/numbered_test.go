package outline

import (
	"testing"

	"github.com/reportlint/reportlint/internal/profile"
)

// FuzzMayBeNumbered: a title mayBeNumbered rules out is one
// profile.StripNumbering leaves as it is, so match may skip the expression.
func FuzzMayBeNumbered(f *testing.F) {
	for _, s := range []string{"1. Crime", " \t2) Health", "II. Terrorism", "Crime", "Local Laws", "\v1. Crime", "\u00a01. Crime", "", "  ", "3.1 - Entry", "C. Crime", "x1. y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		if !mayBeNumbered(title) && profile.StripNumbering(title) != title {
			t.Fatalf("mayBeNumbered(%q) = false, but StripNumbering gives %q", title, profile.StripNumbering(title))
		}
	})
}

// TestMayBeNumbered: the filter lets the numbered titles through and
// passes over the common unnumbered ones (else it would save nothing).
func TestMayBeNumbered(t *testing.T) {
	for title, want := range map[string]bool{
		"1. Crime": true, " II. Health": true, "Crime": true, // C may start "C." too
		"Terrorism": false, "Safety and Security": false, "Health": false, "": false,
	} {
		if got := mayBeNumbered(title); got != want {
			t.Errorf("mayBeNumbered(%q) = %v, want %v", title, got, want)
		}
	}
}
