package parse

import (
	"os"
	"testing"

	"github.com/reportlint/reportlint/internal/source"
)

func benchParse(b *testing.B, path string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f, err := source.New(path, raw)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Parse(f, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseText(b *testing.B)     { benchParse(b, "../../testdata/reports/niger-csr.txt") }
func BenchmarkParseMarkdown(b *testing.B) { benchParse(b, "../../testdata/reports/kenya-advisory.md") }
func BenchmarkParseSampleCSR(b *testing.B) {
	benchParse(b, samplesDir+"/osac-mali-2024.txt")
}
