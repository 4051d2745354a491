package prose

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/sharedtest"
)

// isAbbreviationOld, skipSpaceOld and closingEndOld are the code before
// words were packed into numbers and ASCII bytes read without decoding:
// the reference FuzzAbbreviationOld and FuzzSentencesOld hold the new code to.
func isAbbreviationOld(before string) bool {
	w := before
	if i := strings.LastIndexFunc(w, unicode.IsSpace); i >= 0 {
		w = w[i+1:]
	}
	w = strings.TrimLeft(w, `("'“‘[`)
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	if strings.Contains(w, ".") {
		all := true
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) != 1 {
				all = false
			}
		}
		if all {
			return true
		}
	}
	return abbreviations[strings.ToLower(w)]
}

func skipSpaceOld(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func closingEndOld(text string, end int) int {
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune(`"')]”’»*`, r) {
			break
		}
		end += n
	}
	return end
}

func FuzzAbbreviationOld(f *testing.F) {
	for _, s := range []string{"Col", "the U.S", "e.g", "(Dr", "APPROX", "approxi", "\u212At", "İ.e", "x \x00mr", "a..b", "J", "é", "\xff", "U.\xe2\x80", "“Mt", "Sept", "abcdefghij"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAbbreviation(s), isAbbreviationOld(s); got != want {
			t.Errorf("isAbbreviation(%q) = %v, the old code %v", s, got, want)
		}
		for i := 0; i <= len(s); i++ {
			if got, want := skipSpace(s, i), skipSpaceOld(s, i); got != want {
				t.Fatalf("skipSpace(%q, %d) = %d, the old code %d", s, i, got, want)
			}
			if got, want := closingEnd(s, i), closingEndOld(s, i); got != want {
				t.Fatalf("closingEnd(%q, %d) = %d, the old code %d", s, i, got, want)
			}
		}
	})
}

// Every abbreviation must be one isAbbreviationWord can pack: ASCII, lower
// case, no 0 byte, at most eight bytes. One that is not would never be found.
func TestAbbreviationsPack(t *testing.T) {
	for a := range abbreviations {
		if len(a) == 0 || len(a) > 8 || !isASCII(a) || strings.ToLower(a) != a || strings.IndexByte(a, 0) >= 0 {
			t.Errorf("abbreviation %q cannot be packed", a)
		}
		if !isAbbreviationWord(a) || !isAbbreviationWord(strings.ToUpper(a)) {
			t.Errorf("abbreviation %q is not found", a)
		}
	}
	if isAbbreviationWord("\x00mr") || isAbbreviationWord("mrs.") {
		t.Error("a word that is no abbreviation is found")
	}
	// The table must keep empty slots, or a look-up of a word not in it
	// would never end.
	if 2*len(abbreviations) > packedSlots {
		t.Errorf("%d abbreviations fill more than half of %d slots", len(abbreviations), packedSlots)
	}
}

// BenchmarkSentencesMali cuts every paragraph of the Mali sample, as the
// dated analysis does.
func BenchmarkSentencesMali(b *testing.B) {
	src := sharedtest.Sample(b, "osac-mali-2024.txt")
	paras := strings.Split(string(src), "\n\n")
	var out []Range
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		for _, p := range paras {
			out = AppendSentences(out[:0], p)
		}
	}
	_ = slices.Clip(out)
}
