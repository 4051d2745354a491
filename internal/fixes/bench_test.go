package fixes

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// reportText makes a report-like text of about size bytes: headings,
// paragraphs of wrapped lines and blank lines, so that many lines repeat.
func reportText(rng *rand.Rand, size int) []string {
	words := strings.Fields("the survey found that most respondents agreed with a proposal to extend " +
		"funding for regional programmes over three years while costs rose by percent in")
	var lines []string
	total := 0
	for n := 0; total < size; n++ {
		var l string
		switch {
		case n%12 == 0:
			l = fmt.Sprintf("## Section %d\n", n/12+1)
		case n%4 == 0:
			l = "\n"
		default:
			var b strings.Builder
			for b.Len() < 60 {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteByte(' ')
			}
			b.WriteString(fmt.Sprint(rng.IntN(100)))
			b.WriteString(".\n")
			l = b.String()
		}
		lines = append(lines, l)
		total += len(l)
	}
	return lines
}

// withFewChanges changes, inserts and deletes a handful of lines spread
// through the text, as a fix run does.
func withFewChanges(rng *rand.Rand, lines []string, changes int) []string {
	out := append([]string(nil), lines...)
	for c := 0; c < changes; c++ {
		i := rng.IntN(len(out))
		switch c % 3 {
		case 0:
			out[i] = strings.Replace(out[i], "the", "the \u201cfixed\u201d", 1)
		case 1:
			out = append(out[:i], append([]string{"An inserted line.\n"}, out[i:]...)...)
		case 2:
			out = append(out[:i], out[i+1:]...)
		}
	}
	return out
}

func benchmarkUnified(b *testing.B, size, changes int) {
	rng := rand.New(rand.NewPCG(11, 12))
	lines := reportText(rng, size)
	old := []byte(strings.Join(lines, ""))
	new := []byte(strings.Join(withFewChanges(rng, lines, changes), ""))
	b.SetBytes(int64(len(old)))
	b.ResetTimer()
	for b.Loop() {
		if Unified("r.md", old, new) == "" {
			b.Fatal("no diff")
		}
	}
}

func BenchmarkUnified20KB(b *testing.B) { benchmarkUnified(b, 20<<10, 6) }
func BenchmarkUnified1MB(b *testing.B)  { benchmarkUnified(b, 1<<20, 30) }

// Every line rewritten, as a fix that touches each line would: each old line
// and its replacement are unique to their side.
func BenchmarkUnified1MBEveryLineChanged(b *testing.B) {
	rng := rand.New(rand.NewPCG(13, 14))
	lines := reportText(rng, 1<<20)
	changed := make([]string, len(lines))
	for i, l := range lines {
		changed[i] = strings.Replace(l, "e", "E", 1)
	}
	old, new := []byte(strings.Join(lines, "")), []byte(strings.Join(changed, ""))
	b.SetBytes(int64(len(old)))
	for b.Loop() {
		Unified("r.md", old, new)
	}
}

// The worst case: two unrelated texts built from the same few lines, where
// nothing can be set aside and the search must give up at expensiveCost.
func BenchmarkUnified1MBShuffled(b *testing.B) {
	rng := rand.New(rand.NewPCG(15, 16))
	vocab := reportText(rng, 4<<10)
	var old, new strings.Builder
	for old.Len() < 1<<20 {
		old.WriteString(vocab[rng.IntN(len(vocab))])
		new.WriteString(vocab[rng.IntN(len(vocab))])
	}
	b.SetBytes(int64(old.Len()))
	for b.Loop() {
		Unified("r.md", []byte(old.String()), []byte(new.String()))
	}
}
