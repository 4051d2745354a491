package suggest

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"published", "publshed", 1},
		{"teh", "the", 1}, {"Goïta", "Goita", 1}, {"same", "same", 0},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	known := []string{"published", "profile", "country", "title"}
	for _, tt := range []struct {
		word, want string
		ok         bool
	}{
		{"publshed", "published", true},
		{"PROFLE", "profile", true},
		{"contry", "country", true},
		{"xyz", "", false},
		{"ti", "", false},
	} {
		got, ok := Closest(tt.word, known)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestUnknown(t *testing.T) {
	for _, tc := range []struct {
		name  string
		known []string
		want  string
	}{
		{"profle", []string{"osac-csr", "profile"}, `unknown key "profle"; did you mean "profile"?`},
		{"zzz", []string{"a", "b"}, `unknown key "zzz" (known: a, b)`},
		{"zzz", nil, `unknown key "zzz"`},
	} {
		if got := Unknown("key", tc.name, tc.known); got != tc.want {
			t.Errorf("Unknown(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestDistanceAtMost(t *testing.T) {
	for _, tt := range []struct {
		a, b        string
		limit, want int
	}{
		{"kitten", "sitting", 3, 3}, {"kitten", "sitting", 2, 3}, {"teh", "the", 1, 1},
		{"abc", "", 2, 3}, {"", "", 0, 0}, {"Goïta", "Goita", 2, 1}, {"same", "same", 0, 0},
		{"abcdef", "badcfe", 2, 3}, {"abcdef", "badcfe", 3, 3},
	} {
		if got := DistanceAtMost(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("DistanceAtMost(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// FuzzDistanceAtMost holds the banded computation to the full table.
func FuzzDistanceAtMost(f *testing.F) {
	f.Add("Securty Situation", "Security Situation", 2)
	f.Add("ca", "abc", 2)
	f.Add("Goïta", "Goita", 1)
	f.Fuzz(func(t *testing.T, a, b string, limit int) {
		if len(a)+len(b) > 300 {
			return
		}
		limit = limit % 6
		if limit < 0 {
			limit = -limit
		}
		want := min(Distance(a, b), limit+1)
		if got := DistanceAtMost(a, b, limit); got != want {
			t.Errorf("DistanceAtMost(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
		}
	})
}

// oldClosest is Closest before it asked DistanceAtMost: the full table
// for every candidate. FuzzClosest's oracle.
func oldClosest(word string, candidates []string) (string, bool) {
	w := strings.ToLower(word)
	limit := max(1, utf8.RuneCountInString(w)/3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := Distance(w, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, bestDist <= limit
}

func FuzzClosest(f *testing.F) {
	f.Add("Securty Situation", "Security Situation", "Security", "Situation")
	f.Add("contry", "country", "county", "CONTRY")
	f.Fuzz(func(t *testing.T, word, a, b, c string) {
		if len(word)+len(a)+len(b)+len(c) > 400 {
			return
		}
		got, gotOK := Closest(word, []string{a, b, c})
		want, wantOK := oldClosest(word, []string{a, b, c})
		if got != want || gotOK != wantOK {
			t.Errorf("Closest(%q, %q) = %q, %v; want %q, %v", word, []string{a, b, c}, got, gotOK, want, wantOK)
		}
	})
}
