package profile

import (
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// BenchmarkDefaultLoad is what Default does before a run reads a report:
// the built-in profiles loaded for detection, undone by no sync.Once.
func BenchmarkDefaultLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(rules.FS, "profiles", true); err != nil {
			b.Fatal(err)
		}
	}
}
