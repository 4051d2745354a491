package profile

import (
	"bytes"
	"testing"
)

// FuzzAppendTitle: AppendTitle, which outline.match looks up as bytes on
// its stack, appends exactly NormalizeTitle's key and leaves dst's bytes.
func FuzzAppendTitle(f *testing.F) {
	f.Add("pre", "3.1 Crime & Safety")
	f.Add("", "Côte d’Ivoire: U.S. Embassy")
	f.Add("x", "\xff&&..  K")
	f.Fuzz(func(t *testing.T, pre, s string) {
		got := AppendTitle([]byte(pre), s)
		if !bytes.HasPrefix(got, []byte(pre)) || string(got[len(pre):]) != NormalizeTitle(s) {
			t.Errorf("AppendTitle(%q, %q) = %q, want %q then %q", pre, s, got, pre, NormalizeTitle(s))
		}
	})
}

// FuzzMatchSectionKey: MatchSectionKey, given a heading's key, finds the
// section MatchSection does from the heading alone.
func FuzzMatchSectionKey(f *testing.F) {
	f.Add("3.1 Kidnapping Threat", "Mali", uint8(0))
	f.Add("Crime & Safety", "", uint8(1))
	f.Add("II. Kenya Travel Advisory", "Kenya", uint8(2))
	f.Add("Embassy of Ireland, Côte d’Ivoire", "Côte d'Ivoire", uint8(3))
	names := []string{"osac-csr", "generic", "travel-advisory", "dfa-ireland", "fcdo", "canada", "smartraveller"}
	f.Fuzz(func(t *testing.T, heading, country string, which uint8) {
		p, ok := Default().Get(names[int(which)%len(names)])
		if !ok {
			t.Fatal("no profile")
		}
		if got, want := p.MatchSectionKey(heading, NormalizeTitle(heading), country), p.MatchSection(heading, country); got != want {
			t.Errorf("MatchSectionKey(%q, %q) = %v, MatchSection %v", heading, country, got, want)
		}
	})
}
