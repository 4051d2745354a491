package extract

import (
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/sharedtest"
	"github.com/reportlint/reportlint/internal/vocab"
)

// The regexps localNumbers replaced, FuzzLocalNumbers's oracle.
var oldLocalNumbers = map[localNumbers]*regexp.Regexp{
	localPhone:    regexp.MustCompile(`\b\d{2,5}(?:[ .\-]\d{2,5}){0,3}\b`),
	labelledPhone: regexp.MustCompile(`\b\d{1,5}(?:[ .\-]\d{1,5}){0,6}\b`),
}

// FuzzLocalNumbers: both shapes find what their regexps find, match for
// match.
func FuzzLocalNumbers(f *testing.F) {
	for _, s := range []string{
		"Call 8000-1115 or 17; 112.", "593-2-398-5000", "235 22 53 91 02", "123456 12 345678",
		"A12 12a _12 é12 12é", "1-2-3-4-5-6-7-8-9", "12--34 12. 34 12.34.56.78.90.12", "99999 999999-12",
		"", "1", "12", "(20) 2797-3300 ext. 2306",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for l, re := range oldLocalNumbers {
			got, want := l.find(text), re.FindAllStringIndex(text, -1)
			if len(got) != len(want) {
				t.Fatalf("%+v in %q: %v, the regexp %v", l, text, got, want)
			}
			for i := range got {
				if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
					t.Fatalf("%+v in %q: %v, the regexp %v", l, text, got, want)
				}
			}
		}
	})
}

func TestLocalNumbers(t *testing.T) {
	got := localPhone.find("Call 8000-1115, 17 or 123456; 12-34-56-78-90")
	want := [][2]int{{5, 14}, {16, 18}, {30, 41}, {42, 44}} // four runs at most: "12-34-56-78", then "90"
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

// BenchmarkLocalNumbersMali reads each paragraph of the real Mali sample
// that holds a digit with both shapes, by hand and by regexp: run
// together, their ratio holds on a loaded machine.
func BenchmarkLocalNumbersMali(b *testing.B) {
	raw := sharedtest.Sample(b, "osac-mali-2024.txt")
	var paras []string
	for _, p := range strings.Split(string(raw), "\n\n") {
		if strings.ContainsAny(p, "0123456789") {
			paras = append(paras, p)
		}
	}
	for _, c := range []struct {
		name string
		find func(localNumbers, string) int
	}{
		{"new", func(l localNumbers, p string) int { return len(l.find(p)) }},
		{"old", func(l localNumbers, p string) int { return len(oldLocalNumbers[l].FindAllStringIndex(p, -1)) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				for _, p := range paras {
					n += c.find(localPhone, p) + c.find(labelledPhone, p)
				}
			}
			if n == 0 {
				b.Fatal("no number found: the benchmark measures nothing")
			}
		})
	}
}

// TestPhoneWordsPerVocabulary: the phone words kept between reports are
// each vocabulary's own.
func TestPhoneWordsPerVocabulary(t *testing.T) {
	a := &extractor{vocab: &vocab.Vocabulary{PhoneWords: []string{"call"}}}
	b := &extractor{vocab: &vocab.Vocabulary{PhoneWords: []string{"téléphone"}}}
	for _, c := range []struct {
		x    *extractor
		text string
		want bool
	}{{a, "Call 17", true}, {b, "Call 17", false}, {b, "Téléphone : 17", true}, {a, "téléphone 17", false}} {
		if got := c.x.mentionsPhoneWord(c.text); got != c.want {
			t.Errorf("%v: mentionsPhoneWord(%q) = %v, want %v", c.x.vocab.PhoneWords, c.text, got, c.want)
		}
	}
}
