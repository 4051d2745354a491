package phrase

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/sharedtest"
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
			if !oldWordByte[c] {
				prevWord = false
				at++
				continue
			}
			start := at
			for at++; at < len(text) && text[at] < utf8.RuneSelf && oldWordByte[text[at]]; at++ {
			}
			if prevWord {
				continue
			}
			prevWord = true
			if s.fold {
				c = lowerByte[c]
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

// oldWordByte is the old loop's table of ASCII word bytes.
var oldWordByte = func() (w [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		w[c] = isWordRune(rune(c))
	}
	return w
}()

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

// FuzzSetPrev: find, reading eight bytes at a time for word starts, finds
// what prevFind finds, at the same first places.
func FuzzSetPrev(f *testing.F) {
	f.Add("at this point", "in", "That is at this point in time, at\u00e9 atm", true)
	f.Add("ſtop", "Kelvin", "STOP and \u212aelvin, stopſ", true)
	f.Add("e-mail", "in order to", "by E-mail in  order to, e-mails, e-mail_ x", true)
	f.Add("a", "ab", "a ab abc a\u00e9 ab\u212a", false)
	f.Add("Mal\u00ed", "MINUSMA", "in Mal\u00edMINUSMA 12345678MINUSMA Mal\u00ed_MINUSMA", true)
	f.Fuzz(func(t *testing.T, p1, p2, text string, fold bool) {
		if len(p1) > 64 || len(p2) > 64 || len(text) > 1024 || !utf8.ValidString(p1) || !utf8.ValidString(p2) {
			return
		}
		s := NewSet([]string{p1, p2}, fold)
		found, first := make([]bool, 2), make([]int, 2)
		wantFound, wantFirst := make([]bool, 2), make([]int, 2)
		held := s.FindFirst(text, found, first)
		wantHeld := prevFind(s, text, wantFound, wantFirst)
		if held != wantHeld || !slices.Equal(found, wantFound) || !slices.Equal(first, wantFirst) {
			t.Fatalf("%q, %q in %q (fold %v): %v %v %v, prev %v %v %v", p1, p2, text, fold, held, found, first, wantHeld, wantFound, wantFirst)
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

// TestWordEnd holds wordEnd's arithmetic to the table, for every byte at
// every place of an eight-byte block and the tail after it.
func TestWordEnd(t *testing.T) {
	for c := range 256 {
		for at := range 10 {
			b := []byte("abcdefghijk")
			b[at] = byte(c)
			text := string(b)
			want := 0
			for want < len(text) && wordASCII[text[want]] {
				want++
			}
			if got := wordEnd(text, 0); got != want {
				t.Fatalf("wordEnd(%q) = %d, want %d", text, got, want)
			}
		}
	}
}

// FuzzWordEnd: wordEnd's eight bytes at a time stop where the table does.
func FuzzWordEnd(f *testing.F) {
	f.Add("Barkhane_2024 forces", 0)
	f.Add("caf\u00e9s", 1)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		want := i
		for want < len(text) && wordASCII[text[want]] {
			want++
		}
		if got := wordEnd(text, i); got != want {
			t.Fatalf("wordEnd(%q, %d) = %d, want %d", text, i, got, want)
		}
	})
}

// stylePhrases are the style pack's phrases (rules/packs/style.yaml) as its
// scan files them, for BenchmarkSetFindMali.
var stylePhrases = strings.Split("e-mail|e-mails|e-mailed|e-mailing|on-line|web site|web sites|on-going|alot|irregardless|free reign|"+
	"ATM machine|ATM machines|PIN number|PIN numbers|due to the fact that|owing to the fact that|in view of the fact that|"+
	"despite the fact that|in spite of the fact that|in order to|at this point in time|at the present time|at this moment in time|"+
	"very unique|quite unique|rather unique|extremely unique|totally unique", "|")

// BenchmarkSetFindMali reads the paragraphs of the real Mali sample for the
// style pack's phrases, with find and with oldFind: run together, their
// ratio holds on a loaded machine where either time alone does not.
func BenchmarkSetFindMali(b *testing.B) {
	raw := sharedtest.Sample(b, "osac-mali-2024.txt")
	s := NewSet(stylePhrases, true)
	paras := strings.Split(string(raw), "\n\n")
	found := make([]bool, s.Len())
	for _, c := range []struct {
		name string
		find func(*Set, string, []bool, []int) bool
	}{{"new", (*Set).find}, {"prev", prevFind}, {"old", oldFind}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				for _, p := range paras {
					c.find(s, p, found, nil)
				}
			}
		})
	}
}

// prevFind is find of the fifth pass, which stopped at each word and each
// byte between words: kept as the oracle of FuzzSetPrev.
func prevFind(s *Set, text string, found []bool, first []int) bool {
	clear(found)
	held := false
	for _, i := range s.anywhere {
		found[i], held = true, true
		if first != nil {
			first[i] = 0
		}
	}
	// A phrase begins at a word's start only: the loop reads a word's
	// first character and passes over the rest of it, its ASCII by table
	// in a tight loop, instead of stopping at every byte a phrase could
	// begin with ("t" and "o" within most words of a report).
	prevWord := false // the character before at is a word character
	for at := 0; at < len(text); {
		c := text[at]
		if c < utf8.RuneSelf {
			if !wordASCII[c] {
				prevWord = false
				at++
				continue
			}
			start := at
			at = wordEnd(text, at+1)
			if prevWord {
				continue // inside a word
			}
			prevWord = true
			if s.fold {
				c = lowerByte[c]
			}
			e := &s.ascii[c]
			if len(e.cands) == 0 || start+1 < len(text) && !e.second.has(text[start+1]) {
				continue // no phrase filed under c goes on as the text does
			}
			// A run stopped by a byte outside ASCII may go on in a letter
			// that one of the phrase's ASCII letters folds to.
			if e.lens&(1<<min(at-start, 63)) == 0 && (at == len(text) || text[at] < utf8.RuneSelf) {
				continue // no phrase filed under c has a first run this long
			}
			held = s.matchAll(e.cands, text, start, found, first) || held
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
		var cands []int
		if k := s.key(r); k < utf8.RuneSelf {
			cands = s.ascii[k].cands
		} else {
			cands = s.other[k]
		}
		held = s.matchAll(cands, text, start, found, first) || held
	}
	return held
}

// FuzzNextWordStart: NextWordStart stops where reading one character at
// a time finds a word character after one that is not.
func FuzzNextWordStart(f *testing.F) {
	f.Add("MINUSMA’s base, caf\u00e9 a_b 12345678 abcdefgh.ijk", 0)
	f.Add("\u212aelvin ſerval xx", 3)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) || i < len(text) && !utf8.RuneStart(text[i]) {
			return
		}
		want := i
		for want < len(text) {
			r, n := utf8.DecodeRuneInString(text[want:])
			before, _ := utf8.DecodeLastRuneInString(text[:want])
			if isWordRune(r) && (want == 0 || !isWordRune(before)) {
				break
			}
			want += n
		}
		if got := NextWordStart(text, i); got != want {
			t.Fatalf("NextWordStart(%q, %d) = %d, want %d", text, i, got, want)
		}
	})
}
