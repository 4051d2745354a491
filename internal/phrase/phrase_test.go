package phrase

import (
	"reflect"
	"testing"
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
