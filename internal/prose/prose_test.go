package prose

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"The U.S. Embassy is open. Call first.", []string{"The U.S. Embassy is open.", "Call first."}},
		{"Col. Goïta spoke. He left.", []string{"Col. Goïta spoke.", "He left."}},
		{"Visit state.gov today. Then go.", []string{"Visit state.gov today.", "Then go."}},
		{"He said “stop.” Then he ran!", []string{"He said “stop.”", "Then he ran!"}},
		{"Rates rose 3.5 percent. (Source: ACLED.) Next.", []string{"Rates rose 3.5 percent.", "(Source: ACLED.)", "Next."}},
		{"e.g. markets are busy. ok", []string{"e.g. markets are busy. ok"}},
		{"No final stop", []string{"No final stop"}},
		{"  Leading space. Trailing space.  ", []string{"Leading space.", "Trailing space."}},
		{"In 2023. 887 attacks occurred.", []string{"In 2023.", "887 attacks occurred."}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range Sentences(tt.text) {
			got = append(got, tt.text[r.Start:r.End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestOf(t *testing.T) {
	text := "First one. Second one here."
	r := Of(text, 15)
	if got := text[r.Start:r.End]; got != "Second one here." {
		t.Errorf("Of = %q", got)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("The U.S. Embassy. Call “now.” 3.5 (x.) e.g. y")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, r := range Sentences(text) {
			if r.Start < prev || r.End <= r.Start || r.End > len(text) {
				t.Fatalf("bad range %v after %d in %q", r, prev, text)
			}
			prev = r.End
		}
	})
}

// In, a search of sentences cut once, finds the sentence the linear
// search finds at every offset.
func TestInFindsTheSentenceOf(t *testing.T) {
	for _, text := range []string{"One. Two.", "  Leading space. Trailing space.  ", "No final stop", "", "A. B. C? D! e.g. x. Y."} {
		sentences := Sentences(text)
		for off := -1; off <= len(text)+1; off++ {
			want := Range{0, len(text)}
			for _, s := range sentences {
				if off >= s.Start && off < s.End {
					want = s
					break
				}
			}
			if got := In(sentences, text, off); got != want {
				t.Errorf("%q at %d: %v, want %v", text, off, got, want)
			}
		}
	}
}

// sentencesByByte is AppendSentences as it was before it searched for the
// marks with strings.IndexByte: every byte looked at in turn. It is the
// reference FuzzSentencesByByte holds the search to.
func sentencesByByte(text string) []Range {
	var out []Range
	start := skipSpace(text, 0)
	for i := 0; i < len(text); {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			i++
			continue
		}
		end := i + 1
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(`"')]”’»*`, r) {
				break
			}
			end += n
		}
		next := skipSpace(text, end)
		if next == end && end < len(text) {
			i = end
			continue
		}
		if next < len(text) && !startsSentence(text[next:]) {
			i = next
			continue
		}
		if c == '.' && isAbbreviation(text[start:i]) && next < len(text) {
			i = next
			continue
		}
		out = append(out, Range{Start: start, End: end})
		start = next
		i = next
	}
	if start < len(text) {
		end := len(strings.TrimRightFunc(text, unicode.IsSpace))
		if end > start {
			out = append(out, Range{Start: start, End: end})
		}
	}
	return out
}

func FuzzSentencesByByte(f *testing.F) {
	f.Add("The U.S. Embassy. Call “now.” 3.5 (x.) e.g. y! Why? No.")
	f.Add("?!. .A! b? C.")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := Sentences(text), sentencesByByte(text); !slices.Equal(got, want) {
			t.Errorf("Sentences(%q) = %v, byte by byte %v", text, got, want)
		}
	})
}
