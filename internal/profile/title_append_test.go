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
