package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/internal/corpus"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

// BenchmarkCheckOne is one 20 KB report parsed, validated and checked by
// every default rule.
func BenchmarkCheckOne(b *testing.B) {
	benchCheck(b, corpus.Report(7, corpus.Options{Size: 20 << 10, Problems: true, RealProse: true}))
}

func benchCheck(b *testing.B, text string) {
	opt := options(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f, _ := source.New("r.txt", []byte(text))
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Lint(f, r, opt, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckSize checks one report of 20 KB, 200 KB and 2 MB: the
// time per byte (MB/s) should stay flat if the cost is linear in the input.
func BenchmarkCheckSize(b *testing.B) {
	for _, size := range []int{20 << 10, 200 << 10, 2000 << 10} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			benchCheck(b, corpus.Report(7, corpus.Options{Size: size, Problems: true, RealProse: true}))
		})
	}
}

// BenchmarkCheck1000 is the whole check over 1,000 such files on disk, with
// one worker per CPU.
func BenchmarkCheck1000(b *testing.B) {
	dir := b.TempDir()
	var inputs []discover.Input
	for i := 0; i < 1000; i++ {
		p := filepath.Join(dir, fmt.Sprintf("r%04d.txt", i))
		if err := os.WriteFile(p, []byte(corpus.Report(uint64(i), corpus.Options{Size: 20 << 10, Problems: true, RealProse: true})), 0o644); err != nil {
			b.Fatal(err)
		}
		inputs = append(inputs, discover.Input{Path: p})
	}
	opt := options(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(context.Background(), inputs, opt)
	}
}
