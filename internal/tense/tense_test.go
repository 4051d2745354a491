package tense

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/prose"
)

var ended = time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)

func TestSpokenOfAsCurrent(t *testing.T) {
	cases := []struct {
		sentence, term string
		want           bool
	}{
		// A present cue after the term, or just before it.
		{"MINUSMA remains the largest peacekeeping presence in the north.", "MINUSMA", true},
		{"MINUSMA peacekeepers are stationed in Gao and Timbuktu.", "MINUSMA", true},
		{"MINUSMA has deployed extra troops to Kidal.", "MINUSMA", true},
		{"Expect delays: there are MINUSMA checkpoints on the main road.", "MINUSMA", true},
		{"The UN Mission in Mali currently operates a camp near Gao.", "UN Mission in Mali", true},
		{"The main force in the region is MINUSMA.", "MINUSMA", true},
		{"MINUSMA, in 2025, is the main force.", "MINUSMA", false}, // a comma ends the clause
		{"MINUSMA in 2025 is the main force.", "MINUSMA", true},    // a year after the date is no past
		// The past, an ending, a denial, an earlier year.
		{"MINUSMA withdrew from the country at the end of its mandate.", "MINUSMA", false},
		{"Anti-MINUSMA sentiment was common and remains visible in demonstrations.", "MINUSMA", false},
		{"The former MINUSMA camp near the airport is now a military base.", "MINUSMA", false},
		{"MINUSMA, whose mandate ended, is still mentioned on old signs.", "MINUSMA", false},
		{"Since the departure of MINUSMA, armed groups are active near Gao.", "MINUSMA", false},
		{"Armed groups attacked MINUSMA convoys, which are now rare.", "MINUSMA", false},
		{"MINUSMA is no longer present in the north.", "MINUSMA", false},
		{"MINUSMA deployed in 2013 to stabilise the country and is remembered there.", "MINUSMA", false},
		{"MINUSMA in 2023 is the main force.", "MINUSMA", false},
		{"MINUSMA isn't present in Kidal.", "MINUSMA", false},
		{"MINUSMA isn’t present in Kidal.", "MINUSMA", false},
		{"The now-defunct MINUSMA base is empty.", "MINUSMA", false},
		// No present cue near the term.
		{"Unlike MINUSMA, the new regional force is well equipped.", "MINUSMA", false},
		{"Reports about MINUSMA abound.", "MINUSMA", false},
		{"Regional cooperation still relies on the G5 Sahel.", "G5 Sahel", false},
		// Not in the sentence at all.
		{"Nothing here.", "MINUSMA", false},
	}
	junk := make([]word, 64)
	for i := range junk {
		junk[i] = word{start: 0, end: 1 << 20, lower: "withdrew", capital: true, breakBefore: true}
	}
	for k, c := range cases {
		if k%2 == 1 {
			// The judge's word list may come from the pool full of an
			// earlier sentence's words: here, junk that would change
			// every answer if it were read.
			b := slices.Clone(junk)[:0]
			wordBufs.Put(&b)
		}
		start := strings.Index(c.sentence, c.term)
		end := start + len(c.term)
		if start < 0 {
			start, end = 0, 0
		}
		if got := SpokenOfAsCurrent(c.sentence, start, end, ended, Cues{}); got != c.want {
			t.Errorf("SpokenOfAsCurrent(%q, %q) = %v, want %v", c.sentence, c.term, got, c.want)
		}
	}
}

func TestExtraCues(t *testing.T) {
	s := "The G5 Sahel garrisons the border towns."
	start := strings.Index(s, "G5 Sahel")
	end := start + len("G5 Sahel")
	if SpokenOfAsCurrent(s, start, end, ended, Cues{}) {
		t.Errorf("%q: garrisons is no built-in cue", s)
	}
	if !SpokenOfAsCurrent(s, start, end, ended, Cues{Current: []string{"garrisons"}}) {
		t.Errorf("%q: an extra current word should count", s)
	}
	s = "The erstwhile G5 Sahel is active in the border towns."
	start = strings.Index(s, "G5 Sahel")
	end = start + len("G5 Sahel")
	if !SpokenOfAsCurrent(s, start, end, ended, Cues{}) {
		t.Errorf("%q: without the extra past word it reads as current", s)
	}
	if SpokenOfAsCurrent(s, start, end, ended, Cues{Past: []string{"erstwhile"}}) {
		t.Errorf("%q: an extra past word should count", s)
	}
	// A phrase in a cue list matches however the text writes it.
	s = "MINUSMA is no-longer present."
	if SpokenOfAsCurrent(s, 0, len("MINUSMA"), ended, Cues{}) {
		t.Errorf("%q: no-longer is no longer", s)
	}
}

// A Judge reads one sentence of a longer text, with offsets in the text.
func TestJudgeInText(t *testing.T) {
	text := "MINUSMA withdrew in 2023. Today MINUSMA remains in Gao. MINUSMA was loved."
	j := NewJudge(Cues{})
	var got []bool
	for _, s := range prose.Sentences(text) {
		i := s.Start + strings.Index(text[s.Start:s.End], "MINUSMA")
		got = append(got, j.SpokenOfAsCurrent(text, s, i, i+len("MINUSMA"), ended))
	}
	if len(got) != 3 || got[0] || !got[1] || got[2] {
		t.Errorf("got %v, want [false true false]", got)
	}
	// Bad ranges are no.
	if j.SpokenOfAsCurrent(text, prose.Range{Start: 5, End: 500}, 0, 7, ended) || j.SpokenOfAsCurrent(text, prose.Range{Start: 0, End: 10}, 3, 3, ended) {
		t.Error("a bad range should give false")
	}
}

func BenchmarkSpokenOfAsCurrent(b *testing.B) {
	s := "Since the departure of the peacekeepers, MINUSMA peacekeepers are stationed in Gao and Timbuktu, according to local reports."
	start := strings.Index(s, "MINUSMA")
	j := NewJudge(Cues{})
	for b.Loop() {
		j.SpokenOfAsCurrent(s, prose.Range{Start: 0, End: len(s)}, start, start+7, ended)
	}
}
