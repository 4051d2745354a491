package tense

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/prose"
)

// splitWordsByRune is splitWords as it was before its ASCII fast path:
// every character decoded and classed by package unicode, every word
// lower-cased. It is the reference FuzzSplitWords holds splitWords to.
func splitWordsByRune(text string, sent prose.Range) []word {
	var out []word
	brk := false
	for i := sent.Start; i < sent.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if strings.ContainsRune(",;:()[]—–", r) {
				brk = true
			}
			i += n
			continue
		}
		start := i
		for i < sent.End {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				i += n
				continue
			}
			if r == '\'' || r == '’' {
				if next, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < sent.End && unicode.IsLetter(next) {
					i += n
					continue
				}
			}
			break
		}
		first, _ := utf8.DecodeRuneInString(text[start:])
		lower := strings.ReplaceAll(strings.ToLower(text[start:i]), "’", "'")
		out = append(out, word{start: start, end: i, lower: lower, capital: unicode.IsUpper(first) && len(out) > 0, breakBefore: brk})
		brk = false
	}
	return out
}

func FuzzSplitWords(f *testing.F) {
	f.Add("MINUSMA’s camp isn't (now) closed; Ünited KELVIN \u212a 2023—", 0, 0)
	f.Add("the G5 Sahel's force, O’Neill's", 4, 2)
	f.Add("naïve ÉCOLE x'", 0, 0)
	f.Add("So the CNSP said Mali's G5 Sahel Force, MINUSMA, left.", 3, 1) // ASCII: the words slice one lowered sentence
	f.Fuzz(func(t *testing.T, text string, cutStart, cutEnd int) {
		if len(text) > 512 || cutStart < 0 || cutEnd < 0 || cutStart+cutEnd > len(text) {
			return
		}
		sent := prose.Range{Start: cutStart, End: len(text) - cutEnd}
		got, want := splitWords(text, sent), splitWordsByRune(text, sent)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("splitWords(%q, %v) =\n%+v, want\n%+v", text, sent, got, want)
		}
	})
}

// The cues filed by first word give what reading every cue in turn gives:
// the first listed of those that start at a word.
func TestCueListAt(t *testing.T) {
	c := newCueList([]string{"no", "no longer", "used to", "not"}, []string{"no longer", "ended"})
	words := splitWords("It no longer ended, used to", prose.Range{Start: 0, End: 27})
	for i, want := range []struct {
		end int
		ok  bool
	}{{0, false}, {1, true}, {0, false}, {3, true}, {5, true}, {0, false}} {
		if end, ok := c.at(words, i); end != want.end || ok != want.ok {
			t.Errorf("at(%q) = %d, %v; want %d, %v", words[i].lower, end, ok, want.end, want.ok)
		}
	}
}
