package reportdiff

import (
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

// benchDiff compares two editions of a synthetic report of about size
// bytes: parsing both sides, aligning sections and word-diffing paragraphs.
func benchDiff(b *testing.B, size int) {
	old := corpus.Report(1, corpus.Options{Size: size})
	new := corpus.Edition(old, 2)
	b.SetBytes(int64(len(old) + len(new)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		of, _ := source.New("old.txt", []byte(old))
		nf, _ := source.New("new.txt", []byte(new))
		or, err := parse.Parse(of, parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		nr, err := parse.Parse(nf, parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res := Compare(Side{Path: "old.txt", Report: or}, Side{Path: "new.txt", Report: nr}, of, nf); res.Empty() {
			b.Fatal("no changes found")
		}
	}
}

func BenchmarkDiff20KB(b *testing.B)  { benchDiff(b, 20<<10) }
func BenchmarkDiff200KB(b *testing.B) { benchDiff(b, 200<<10) }
func BenchmarkDiff1MB(b *testing.B)   { benchDiff(b, 1<<20) }
