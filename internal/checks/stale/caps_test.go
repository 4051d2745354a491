package stale

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// oldCapsAgree is capsAgree before it looked at the capital first: kept as
// FuzzCapsAgree's oracle.
func oldCapsAgree(w *watched, matched string) bool {
	if !w.caps[nameKey(matched)] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(matched)
	return unicode.IsUpper(r)
}

// FuzzCapsAgree: capsAgree answers as the old code for an entry with a
// capital name and a lower-case one, whatever the mention.
func FuzzCapsAgree(f *testing.F) {
	w := compileEntry(WatchEntry{Term: "Operation Serval", Aliases: []string{"serval force", "Serval"}, Since: "2014-08-01"})
	for _, s := range []string{"Operation Serval", "operation  serval", "serval force", "Serval Force", "ſerval", "ÉOperation", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, matched string) {
		if got, want := w.capsAgree(matched), oldCapsAgree(w, matched); got != want {
			t.Fatalf("capsAgree(%q) = %v, the old code %v", matched, got, want)
		}
	})
}

func TestCapsAgree(t *testing.T) {
	w := compileEntry(WatchEntry{Term: "Operation Serval", Aliases: []string{"serval force"}, Since: "2014-08-01"})
	for matched, want := range map[string]bool{"Operation Serval": true, "operation serval": false, "OPERATION  serval": true, "serval force": true, "Serval force": true} {
		if got := w.capsAgree(matched); got != want {
			t.Errorf("capsAgree(%q) = %v, want %v", matched, got, want)
		}
	}
}
