package vocab

import (
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// BenchmarkLoad is Default's work, undone by no sync.Once.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(rules.FS, "data/vocabulary.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}
