package phrase

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var setPhrases = []string{"MINUSMA", "Operation Barkhane", "un mission", "Mali's army", "ſtop", "G5 Sahel", "(ISIS)", "Kelvin"}

func TestSet(t *testing.T) {
	s := NewSet(setPhrases, true)
	for _, c := range []struct {
		text string
		want []string
	}{
		// Whole words only: "un" inside "until", "operation" inside
		// "cooperation", "minusma" inside a longer word.
		{"Until the cooperation barkhane ended, MINUSMAS stayed.", nil},
		{"The UN\n\tmission and operation  Barkhane; minusma.", []string{"MINUSMA", "Operation Barkhane", "un mission"}},
		{"Mali’s army, g5 sahel", []string{"Mali's army", "G5 Sahel"}},
		// The regexp's case folding: the long s and the Kelvin sign.
		{"STOP and \u212aelvin", []string{"ſtop", "Kelvin"}},
		// A phrase that does not begin with a word character is not looked
		// for: it is always passed to its regexp.
		{"nothing here", []string{"(ISIS)"}},
		{"Operation Barkhane_", []string{"(ISIS)"}},
	} {
		found := make([]bool, s.Len())
		held := s.Find(c.text, found)
		var got []string
		for i, f := range found {
			if f {
				got = append(got, setPhrases[i])
			}
		}
		if !slices.Contains(c.want, "(ISIS)") {
			c.want = append(c.want, "(ISIS)")
		}
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) || held != (len(got) > 0) {
			t.Errorf("Find(%q) = %q, %v; want %q", c.text, got, held, c.want)
		}
	}
	// With case kept, case counts.
	kept := NewSet([]string{"Twitter"}, false)
	found := make([]bool, 1)
	if kept.Find("twitter", found) || !kept.Find("on Twitter.", found) {
		t.Errorf("case kept: wrong")
	}
}

// FuzzSet: the set holds a phrase exactly when the phrase's own expression
// finds it, so that it can stand in front of the regexps.
func FuzzSet(f *testing.F) {
	f.Add("Operation Barkhane", "the operation\n barkhane went", true)
	f.Add("Mali's army", "Mali’s army", false)
	f.Add("ſtop", "STOP", true)
	f.Add("un mission", "until mission, un  mission", true)
	f.Fuzz(func(t *testing.T, p, text string, fold bool) {
		if len(p) > 64 || len(text) > 1024 || !utf8.ValidString(p) {
			return // phrases come from YAML: valid UTF-8, as the regexp needs
		}
		s := NewSet([]string{p}, fold)
		if len(s.anywhere) > 0 {
			return // not looked for
		}
		found := []bool{false}
		got := s.Find(text, found)
		want := len(Find(Regexp([]string{p}, fold), text, nil)) > 0
		if got != want {
			t.Errorf("phrase %q in %q (fold %v): set %v, regexp %v", p, text, fold, got, want)
		}
	})
}

// BenchmarkSetFind reads 20 KB of prose for the watch list's sort of names,
// none of which it holds: the cost every paragraph pays.
func BenchmarkSetFind(b *testing.B) {
	text := strings.Repeat("Until the cooperation of the country’s forces, operations in the north remained under review. ", 220)
	s := NewSet(setPhrases, true)
	found := make([]bool, s.Len())
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Find(text, found)
	}
}

// FuzzSetFirst holds FindFirst to what stale-term relies on: each phrase's
// first place is where its own regexp is first found, and the regexp of
// both phrases, read from the lesser place, finds what it finds from the
// start.
func FuzzSetFirst(f *testing.F) {
	f.Add("UN Mission", "Operation", "until the un  mission; Operation Serval", true)
	f.Add("Mali's army", "army", "an army, Mali’s army", false)
	f.Add("ſtop", "top", "atop STOP", true)
	f.Add("G5 Sahel", "Sahel", "the Sahel and G5 Sahel force", true)
	f.Fuzz(func(t *testing.T, p1, p2, text string, fold bool) {
		if len(p1) > 64 || len(p2) > 64 || len(text) > 1024 || !utf8.ValidString(p1) || !utf8.ValidString(p2) {
			return
		}
		ps := []string{p1, p2}
		s := NewSet(ps, fold)
		if len(s.anywhere) > 0 {
			return // not looked for: place 0
		}
		found, first := make([]bool, 2), make([]int, 2)
		held := s.FindFirst(text, found, first)
		from := len(text) + 1
		for i, p := range ps {
			own := Find(Regexp([]string{p}, fold), text, nil)
			if found[i] != (len(own) > 0) {
				t.Fatalf("phrase %q in %q: set %v, regexp %v", p, text, found[i], own)
			}
			if found[i] {
				if own[0].Start != first[i] {
					t.Fatalf("phrase %q in %q: first at %d, regexp at %d", p, text, first[i], own[0].Start)
				}
				from = min(from, first[i])
			}
		}
		both := Regexp(ps, fold)
		want := Find(both, text, nil)
		if !held {
			if len(want) > 0 {
				t.Fatalf("%q in %q: set none, regexp %v", ps, text, want)
			}
			return
		}
		if got := FindFrom(both, text, from, nil); !slices.Equal(got, want) {
			t.Fatalf("%q in %q from %d: %v, from the start %v", ps, text, from, got, want)
		}
	})
}
