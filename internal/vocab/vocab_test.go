package vocab

import (
	"fmt"
	"regexp"
	"testing"
)

// oldCompileAll is compileAll as it was, compiling every pattern at load.
func oldCompileAll(patterns []string) ([]*regexp.Regexp, error) {
	var out []*regexp.Regexp
	for _, p := range patterns {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil {
			return nil, fmt.Errorf("%q: %v", p, err)
		}
		out = append(out, re)
	}
	return out, nil
}

// The embedded patterns are compiled only when first used, so a broken one
// would show in a report's run, not at load: compile them here.
func TestEmbeddedPatternsMatch(t *testing.T) {
	v := Default()
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Callers within the U.S. dial", true},
		{"from a Ukrainian mobile", true},
		{"Help in the UK", true},
		{"the embassy's switchboard", false},
	} {
		if got := v.LocalCaller(c.text); got != c.want {
			t.Errorf("LocalCaller(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	if !v.DialledFrom(" (from the U.S.)") || v.DialledFrom(" (24 hours)") {
		t.Error("DialledFrom does not tell (from the U.S.) from (24 hours)")
	}
}

func FuzzCompileAll(f *testing.F) {
	for _, s := range []string{`\bif you(?:'re| are) in\b`, `^\s*\((?:from|in) \p{Lu}`, `(`, `a{1001}`, `\pX`, `[z-a]`, `(?i`, `x**`, `\Q`, `)`} {
		f.Add(s, "Callers in Kyiv (from the U.S.)")
	}
	f.Fuzz(func(t *testing.T, p, text string) {
		old, oldErr := oldCompileAll([]string{p})
		got, err := compileAll([]string{p})
		if fmt.Sprint(oldErr) != fmt.Sprint(err) {
			t.Fatalf("%q: error %v, want %v", p, err, oldErr)
		}
		if err != nil {
			return
		}
		if a, b := got[0].MatchString(text), old[0].MatchString(text); a != b {
			t.Fatalf("%q on %q: %v, want %v", p, text, a, b)
		}
	})
}
