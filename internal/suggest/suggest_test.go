package suggest

import "testing"

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
