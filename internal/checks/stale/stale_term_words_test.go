package stale

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/sharedtest"
)

// oldFind is watched.find before nameWords: the entry's regexp run from
// each match on (phrase.FindFrom). Kept as FuzzNameWords's oracle.
func oldFind(w *watched, text string, from int) []span {
	var out []span
	for _, m := range w.re.FindFrom(text, from, func(start, end int) bool { return w.capsAgree(text[start:end]) }) {
		out = append(out, span{m.Start, m.End})
	}
	return out
}

// FuzzNameWords: for an entry of two names (one with a capital, so that
// capsAgree refuses some mentions), nameWords finds what the regexp finds,
// from any character of the text on.
func FuzzNameWords(f *testing.F) {
	seeds := []struct{ text, term, alias string }{
		{"The MINUSMA and minusma mission left; MINUSMA’s base.", "MINUSMA", "MINUSMA mission"},
		{"Operation  Barkhane, operation barkhane, Operation Barkhanes", "Operation Barkhane", "barkhane force"},
		{"G5 Sahel G5 Sahelien xG5 Sahel", "G5 Sahel", "G5"},
		{"ſerval Kelvin \u212aelvin l'opération l’opération", "Serval", "l'opération"},
		{"a_b a b ab_ a  b", "a b", "a_b"},
		{"CNSP CNSPs (CNSP) 1CNSP", "CNSP", "cnsp council"},
		{"x", "'quoted", "-dash"},
	}
	for i, s := range seeds {
		f.Add(s.text, s.term, s.alias, i)
	}
	f.Fuzz(func(t *testing.T, text, term, alias string, from int) {
		if len(term) > 64 || len(alias) > 64 || !utf8.ValidString(term) || !utf8.ValidString(alias) {
			return // names come from YAML, valid UTF-8; the regexp refuses others
		}
		w := compileEntry(WatchEntry{Term: term, Aliases: []string{alias}, Since: "2020-01-01"})
		nw := w.words()
		if nw == nil {
			return // a name not beginning with a word character: the regexp runs
		}
		if from < 0 {
			from = -from
		}
		from %= len(text) + 1
		for from > 0 && from < len(text) && !utf8.RuneStart(text[from]) {
			from-- // find is asked from a match's start, a character's
		}
		got, want := nw.find(w, text, from), oldFind(w, text, from)
		if !slices.Equal(got, want) {
			t.Fatalf("names %q, %q in %q from %d: %v, the regexp %v", term, alias, text, from, got, want)
		}
	})
}

// TestNameWordsFallBack: a name that does not begin with a word character
// is left to the regexp, which nameWords does not imitate.
func TestNameWordsFallBack(t *testing.T) {
	for _, names := range [][]string{{"MINUSMA", "-dash"}, {"  ", "x"}, {"’quoted"}} {
		if newNameWords(names) != nil {
			t.Errorf("newNameWords(%q) is not nil", names)
		}
	}
	if newNameWords([]string{"MINUSMA", "G5 Sahel"}) == nil {
		t.Error("newNameWords of two names beginning with letters is nil")
	}
}

// BenchmarkNameWordsMali finds the built-in entries' names in the real
// Mali sample's paragraphs as stale-term does (from the set's first
// mention), with nameWords and with the regexp: run together, their ratio
// holds on a loaded machine where either time alone does not.
func BenchmarkNameWordsMali(b *testing.B) {
	raw := sharedtest.Sample(b, "osac-mali-2024.txt")
	// The finds stale-term asks for: an entry and the first place the set
	// found one of its names, in each paragraph that mentions it.
	type ask struct {
		w    *watched
		text string
		from int
	}
	var asks []ask
	list, set := builtinWatched(), builtinSet()
	found, mentioned := make([]bool, set.names.Len()), make([]bool, len(list))
	first, from := make([]int, set.names.Len()), make([]int, len(list))
	for _, p := range strings.Split(string(raw), "\n\n") {
		if set.find(p, found, mentioned, first, from) {
			for e, w := range list {
				if mentioned[e] {
					asks = append(asks, ask{w, p, from[e]})
				}
			}
		}
	}
	for _, c := range []struct {
		name string
		find func(*watched, string, int) []span
	}{{"new", (*watched).find}, {"old", oldFind}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, a := range asks {
					n += len(c.find(a.w, a.text, a.from))
				}
			}
			if n == 0 {
				b.Fatal("no mention found: the benchmark measures nothing")
			}
		})
	}
}
