package phrase

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	re := Regexp([]string{"alot", "free reign", "Mali's army"}, true)
	text := "Alotau has alot of free\n reign, and Mali’s army; Malis army."
	var got []string
	for _, m := range Find(re, text, nil) {
		got = append(got, text[m.Start:m.End])
	}
	want := []string{"alot", "free\n reign", "Mali’s army"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
	// accept can refuse a match; the search goes on after it.
	capsOnly := Find(Regexp([]string{"twitter"}, true), "birds twitter; Twitter posts", func(s, e int) bool {
		return "birds twitter; Twitter posts"[s] == 'T'
	})
	if len(capsOnly) != 1 || capsOnly[0].Start != 15 {
		t.Errorf("accept: %v", capsOnly)
	}
	if Key("Mali’s   Army", true) != "mali's army" || Key("Mali’s Army", false) != "Mali's Army" {
		t.Errorf("Key")
	}
}

// manyWords are n distinct five-letter words, none holding another.
func manyWords(n int) []string {
	out := make([]string, n)
	for i := range out {
		w := []byte("aaaaa")
		for j, k := 4, i; j >= 0; j, k = j-1, k/26 {
			w[j] = byte('a' + k%26)
		}
		out[i] = string(w)
	}
	return out
}

// A long list of phrases, past the ones tested for before the regexp
// runs, finds what a short list finds.
func TestCompileLongList(t *testing.T) {
	text := "Alotau has alot of free\n reign, and aaabz."
	want := []Match{{11, 15}, {19, 30}, {36, 41}}
	for _, phrases := range [][]string{{"alot", "free reign", "aaabz"}, append(manyWords(maxTestedPhrases*3), "alot", "free reign")} {
		if got := Compile(phrases, true).Find(text, nil); !reflect.DeepEqual(got, want) {
			t.Errorf("%d phrases: Find = %v, want %v", len(phrases), got, want)
		}
	}
}

// BenchmarkCompileManyPhrases compiles 100,000 phrases, as a house pack
// may list, and reads a paragraph with them: time should grow with the
// list, not with its square (it took 40 s, and each paragraph was read
// once per phrase).
func BenchmarkCompileManyPhrases(b *testing.B) {
	words := manyWords(100_000)
	text := "The quick brown fox jumps over the lazy dog near aaabz and zzzzz. "
	for b.Loop() {
		m := Compile(words, true)
		if len(m.Find(text, nil)) != 1 {
			b.Fatal("no match")
		}
	}
}

// ContainsAnyFold finds a literal of two words in either case, at either
// end of the text, and not one cut by a line break.
func TestContainsAnyFold(t *testing.T) {
	l := NewLiterals([]string{"operations suspended", "suspension of operations"})
	for text, want := range map[string]bool{
		"Operations Suspended at the embassy":   true,
		"the embassy: SUSPENSION OF OPERATIONS": true,
		"operations were suspended":             false,
		"operations\nsuspended":                 false,
		"":                                      false,
	} {
		if got := l.ContainsAnyFold(text); got != want {
			t.Errorf("ContainsAnyFold(%q) = %v, want %v", text, got, want)
		}
	}
}

// FuzzLiteralsGrouped holds ContainsAnyFold, which reads a text once for
// all the literals sharing a rarest byte, to containsFold of each literal
// in turn, as it was.
func FuzzLiteralsGrouped(f *testing.F) {
	f.Add("operations suspended", "suspended its operations", "p", "Operations SUSPENDED")
	f.Add("ab", "b", "", "xb")
	f.Add("suspension of operations", "zz", "pp", "suspension of Operation")
	f.Fuzz(func(t *testing.T, a, b, c, text string) {
		var lits []string
		for _, lit := range []string{a, b, c} {
			lit = strings.ToLower(lit)
			for i := 0; i < len(lit); i++ {
				if lit[i] >= utf8.RuneSelf {
					return // the literals are lower-case ASCII
				}
			}
			lits = append(lits, lit)
		}
		want := false
		for _, lit := range lits {
			want = want || lit == "" || containsFold(text, lit, rarest(lit))
		}
		if got := NewLiterals(lits).ContainsAnyFold(text); got != want {
			t.Errorf("%q in %q: %v, each in turn %v", lits, text, got, want)
		}
	})
}

// A literal is looked for by a letter of it, not by the space between
// its words, which prose holds every few bytes.
func TestRarestIsNotTheSpace(t *testing.T) {
	for _, lit := range []string{"operations suspended", "a b", "of the"} {
		if a := rarest(lit); lit[a] == ' ' {
			t.Errorf("rarest(%q) = %d, the space", lit, a)
		}
	}
}

// BenchmarkContainsAnyFold reads 20 KB of prose that holds none of the
// post-closed phrases (rules/data/vocabulary.yaml), as most reports do.
func BenchmarkContainsAnyFold(b *testing.B) {
	text := strings.Repeat("Until the cooperation of the country’s forces, operations in the north remained under review. ", 220)
	l := NewLiterals([]string{"operations suspended", "suspended operations", "suspended its operations", "suspension of operations"})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if l.ContainsAnyFold(text) {
			b.Fatal("found")
		}
	}
}

// FuzzMatcherFindFrom holds the matcher's FindFrom, which stops reading
// after one match when the rest cannot hold another, to FindFrom with its
// regexp; accept refuses a match in lower case half the time, as
// stale-term refuses "un mission" for "UN Mission".
func FuzzMatcherFindFrom(f *testing.F) {
	f.Add("UN Mission in Mali", "MINUSMA", "MINUSMA and the UN  Mission in Mali; un mission in mali, MINUSMA", 0, true)
	f.Add("Barkhane force", "Barkhane forces", "Barkhane forces left; the Barkhane force", 3, false)
	f.Add("Mali's army", "army", "an army, Mali’s army, the ARMY", 1, true)
	f.Add("stop", "G5 Sahel", "G5 Sahel ſtop", 0, false)
	f.Fuzz(func(t *testing.T, p1, p2, text string, from int, caps bool) {
		if len(p1) > 64 || len(p2) > 64 || len(text) > 1024 || !utf8.ValidString(p1) || !utf8.ValidString(p2) ||
			strings.TrimSpace(p1) == "" || strings.TrimSpace(p2) == "" || from < 0 || from > len(text) {
			return
		}
		accept := func(start, end int) bool { return !caps || text[start] < 'a' || text[start] > 'z' }
		ps := []string{p1, p2}
		got := Compile(ps, true).FindFrom(text, from, accept)
		want := FindFrom(Regexp(ps, true), text, from, accept)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("phrases %q in %q from %d: matcher %v, regexp %v", ps, text, from, got, want)
		}
	})
}

// Expr is the text of Regexp's expression, which bounded phrases embed;
// a Matcher compiles the same expression when first used.
func TestExprAndLazyMatcher(t *testing.T) {
	ps := []string{"Mali's army", "G5 Sahel", "un mission"}
	if got, want := Expr(ps, true), Regexp(ps, true).String(); got != want {
		t.Errorf("Expr = %q, Regexp = %q", got, want)
	}
	m := Compile(ps, true)
	if m.Find("nothing here", nil) != nil || m.Regexp().String() != Expr(ps, true) {
		t.Error("the matcher's expression is not Regexp's")
	}
	if got := m.Find("the UN  Mission and Mali’s army", nil); len(got) != 2 || got[0] != (Match{4, 15}) {
		t.Errorf("Find = %v", got)
	}
}

// Compile writes its expression when the regexp is first needed: from its
// own copy of the list, so that a caller reusing its slice changes nothing.
func TestCompileKeepsItsList(t *testing.T) {
	list := []string{"Operation Barkhane", "Barkhane force"}
	m := Compile(list, true)
	list[0], list[1] = "nothing", "else"
	if got := m.Regexp().String(); got != Expr([]string{"Operation Barkhane", "Barkhane force"}, true) {
		t.Errorf("expression %q, written from the changed list", got)
	}
	if len(m.Find("after operation  barkhane ended", nil)) != 1 {
		t.Error("the phrase compiled is not found")
	}
}

// TestCheck: a list passes when its regexp compiles, long or not (a list
// of millions of bytes as one literal does). One over regexp's size limit
// is TestLoadRefusesPhrasesTooLarge's, in packs (parsing it takes seconds).
func TestCheck(t *testing.T) {
	for _, phrases := range [][]string{{"alot", "free reign"}, manyWords(100_000), {strings.Repeat("a", 3_400_000)}} {
		if err := Check(phrases, true); err != nil {
			t.Errorf("%d phrases: %v", len(phrases), err)
		}
	}
}

// TestCommonness holds the table to the look-up it replaced, for every byte.
func TestCommonness(t *testing.T) {
	for c := range 256 {
		if got, want := commonness(byte(c)), strings.IndexByte("zqxjkvbpygfwmucldrhsnioate ", byte(c))+1; got != want {
			t.Fatalf("commonness(%q) = %d, want %d", byte(c), got, want)
		}
	}
}

// FuzzIndexFold holds IndexFold to trying every place of s from the left.
func FuzzIndexFold(f *testing.F) {
	for _, c := range [][2]string{{"Advise AGAINST all travel", "against"}, {"aaa", "aa"}, {"", "x"}, {"xY", "y"}, {"FCDO advice", "fcdo"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, s, lit string) {
		lit = strings.ToLower(lit)
		if !IsASCII(lit) {
			return
		}
		want := -1
		for i := 0; i+len(lit) <= len(s); i++ {
			if EqualFoldASCII(s[i:i+len(lit)], lit) {
				want = i
				break
			}
		}
		if got := IndexFold(s, lit); got != want {
			t.Fatalf("IndexFold(%q, %q) = %d, want %d", s, lit, got, want)
		}
	})
}
