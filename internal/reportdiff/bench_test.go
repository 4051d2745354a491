package reportdiff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
)

// benchDiff compares two editions of a synthetic report of about size
// bytes: parsing both sides, aligning sections and word-diffing paragraphs.
func benchDiff(b *testing.B, size int) {
	old := corpus.Report(1, corpus.Options{Size: size})
	new := corpus.Edition(old, 2)
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		oldSide, of := side(b, "old.txt", []byte(old))
		newSide, nf := side(b, "new.txt", []byte(new))
		if res := Compare(oldSide, newSide, of, nf); res.Empty() {
			b.Fatal("no changes found")
		}
	}
}

func BenchmarkDiff20KB(b *testing.B)  { benchDiff(b, 20<<10) }
func BenchmarkDiff200KB(b *testing.B) { benchDiff(b, 200<<10) }
func BenchmarkDiff1MB(b *testing.B)   { benchDiff(b, 1<<20) }

// benchManyParagraphs compares two editions of n short paragraphs, the
// new one's made by newText: the shapes whose time grew with the square of
// n, as paragraphs were aligned and paired with no budget.
func benchManyParagraphs(b *testing.B, n int, newText func(i int) string) {
	var old, new strings.Builder
	old.WriteString("Title\n\n")
	new.WriteString("Title\n\n")
	for i := range n {
		fmt.Fprintf(&old, "Item %d.\n\n", i)
		new.WriteString(newText(i) + "\n\n")
	}
	oldSide, of := side(b, "old.txt", []byte(old.String()))
	newSide, nf := side(b, "new.txt", []byte(new.String()))
	b.SetBytes(int64(old.Len() + new.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if res := Compare(oldSide, newSide, of, nf); res.Empty() {
			b.Fatal("no changes found")
		}
	}
}

// Each paragraph reworded a little, each shown changed.
func BenchmarkDiffManyParagraphsReworded(b *testing.B) {
	benchManyParagraphs(b, 60000, func(i int) string { return fmt.Sprintf("Item %d!", i) })
}

// Each paragraph replaced by one not alike: each removed one was compared
// with every added one.
func BenchmarkDiffManyParagraphsReplaced(b *testing.B) {
	benchManyParagraphs(b, 16000, func(i int) string { return fmt.Sprintf("Note %d here?", i) })
}

// BenchmarkCompare20KB is BenchmarkDiff20KB without the parsing: the
// comparison alone, which is what reportdiff owns.
func BenchmarkCompare20KB(b *testing.B) {
	old := corpus.Report(1, corpus.Options{Size: 20 << 10})
	new := corpus.Edition(old, 2)
	oldSide, of := side(b, "old.txt", []byte(old))
	newSide, nf := side(b, "new.txt", []byte(new))
	b.ReportAllocs()
	for b.Loop() {
		if res := Compare(oldSide, newSide, of, nf); res.Empty() {
			b.Fatal("no changes found")
		}
	}
}
