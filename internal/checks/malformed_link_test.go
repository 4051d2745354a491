package checks

import (
	"regexp"
	"testing"
)

// The regexps schemeLen and isWebStart replaced, kept to fuzz them against.
var (
	oldGoodStart    = regexp.MustCompile(`(?i)^https?://[^/]`)
	oldSecondScheme = regexp.MustCompile(`(?i)https?:/`)
)

// oldSecondAt is where the old loop found a second scheme run into a word,
// -1 when none.
func oldSecondAt(path string) int {
	for _, loc := range oldSecondScheme.FindAllStringIndex(path, -1) {
		if at := loc[0]; at > 0 && (isLetter(path[at-1]) || isDigit(path[at-1])) {
			return at
		}
	}
	return -1
}

func newSecondAt(path string) int {
	for at := 1; at < len(path); at++ {
		if schemeLen(path, at) > 0 && (isLetter(path[at-1]) || isDigit(path[at-1])) {
			return at
		}
	}
	return -1
}

func FuzzSchemeLen(f *testing.F) {
	for _, s := range []string{"https://x", "HTTPſ://x", "http:///", "http://", "xhttps:/y", "a/https://b", "httpſ:/", "HtTp:/\xff", "https:/\n", "passporhttps:/travel"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isWebStart(s), oldGoodStart.MatchString(s); got != want {
			t.Fatalf("isWebStart(%q) = %v, regexp says %v", s, got, want)
		}
		if got, want := newSecondAt(s), oldSecondAt(s); got != want {
			t.Fatalf("second scheme in %q at %d, regexp says %d", s, got, want)
		}
		for i := range len(s) {
			loc := oldSecondScheme.FindStringIndex(s[i:])
			want := 0
			if loc != nil && loc[0] == 0 {
				want = loc[1]
			}
			if got := schemeLen(s, i); got != want {
				t.Fatalf("schemeLen(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	})
}

// TestLinkProblemSchemes pins the cases the hand-written scheme tests must
// keep: the long s is an s to a case-ignoring regexp.
func TestLinkProblemSchemes(t *testing.T) {
	for _, c := range []struct {
		target  string
		flagged bool
	}{
		{"HTTPS://example.org/passporthttps:/x", true},
		{"https://example.org/a/https://b", false},
		{"httpſ://example.org/x", false},
		{"https://example.org/xhttpſ:/y", true},
		{"WwW.example.org", true},
		{"https://example.org/?next=https://b", false},
	} {
		if p, _ := linkProblem(c.target); (p != "") != c.flagged {
			t.Errorf("linkProblem(%q) = %q, want flagged %v", c.target, p, c.flagged)
		}
	}
}
