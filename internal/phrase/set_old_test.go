package phrase

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// oldFind is find before the lengths of first runs (firstKey.lens) and the
// 256-place tables: kept as the oracle of FuzzSetOld.
func oldFind(s *Set, text string, found []bool, first []int) bool {
	clear(found)
	held := false
	for _, i := range s.anywhere {
		found[i], held = true, true
		if first != nil {
			first[i] = 0
		}
	}
	prevWord := false
	for at := 0; at < len(text); {
		c := text[at]
		var cands []int
		if c < utf8.RuneSelf {
			if !isWordRune(rune(c)) {
				prevWord = false
				at++
				continue
			}
			start := at
			for at++; at < len(text) && text[at] < utf8.RuneSelf && isWordRune(rune(text[at])); at++ {
			}
			if prevWord {
				continue
			}
			prevWord = true
			if s.fold {
				c = byte(lowerASCII(rune(c)))
			}
			cands = s.ascii[c].cands
			if len(cands) == 0 || start+1 < len(text) && !s.ascii[c].second.has(text[start+1]) {
				continue
			}
			held = s.matchAll(cands, text, start, found, first) || held
			continue
		}
		r, n := utf8.DecodeRuneInString(text[at:])
		start := at
		at += n
		isWord := isWordRune(r)
		if !isWord || prevWord {
			prevWord = isWord
			continue
		}
		prevWord = true
		if k := s.key(r); k < utf8.RuneSelf {
			cands = s.ascii[k].cands
		} else {
			cands = s.other[k]
		}
		held = s.matchAll(cands, text, start, found, first) || held
	}
	return held
}

// FuzzSetOld: find, with its filter on the length of a word's first run,
// finds what oldFind finds, at the same first places.
func FuzzSetOld(f *testing.F) {
	f.Add("at this point", "in", "That is at this point in time, at\u00e9 atm", true)
	f.Add("ſtop", "Kelvin", "STOP and \u212aelvin, stopſ", true)
	f.Add("e-mail", "in order to", "by E-mail in  order to, e-mails", true)
	f.Add("a", "ab", "a ab abc a\u00e9 ab\u212a", false)
	f.Add("s\u00edntoma", "Mal\u00ed", "los s\u00edntomas, Mal\u00ed", true)
	f.Fuzz(func(t *testing.T, p1, p2, text string, fold bool) {
		if len(p1) > 64 || len(p2) > 64 || len(text) > 1024 || !utf8.ValidString(p1) || !utf8.ValidString(p2) {
			return
		}
		s := NewSet([]string{p1, p2}, fold)
		found, first := make([]bool, 2), make([]int, 2)
		wantFound, wantFirst := make([]bool, 2), make([]int, 2)
		held := s.FindFirst(text, found, first)
		wantHeld := oldFind(s, text, wantFound, wantFirst)
		if held != wantHeld || !slices.Equal(found, wantFound) || !slices.Equal(first, wantFirst) {
			t.Fatalf("%q, %q in %q (fold %v): %v %v %v, old %v %v %v", p1, p2, text, fold, held, found, first, wantHeld, wantFound, wantFirst)
		}
	})
}

// TestRunLens: the first run's length, and every length when a letter
// outside ASCII follows the run.
func TestRunLens(t *testing.T) {
	for _, c := range []struct {
		p    string
		want uint64
	}{
		{"at this", 1 << 2},
		{"e-mail", 1 << 1},
		{"alot", 1 << 4},
		{"ſtop", ^uint64(0)},
		{"Malí", ^uint64(0)},
		{"Mali's", 1 << 4},
	} {
		rs := NewSet([]string{c.p}, true).phrases[0]
		if got := runLens(rs); got != c.want {
			t.Errorf("runLens(%q) = %b, want %b", c.p, got, c.want)
		}
	}
}
