package profile

import (
	"os"
	"path/filepath"
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

// BenchmarkDetectCorpus detects the profile of every report of the real
// corpus (../shared/corpus), as each parse does once.
func BenchmarkDetectCorpus(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/corpus/*/*")
	if len(paths) == 0 {
		b.Skip("no shared corpus")
	}
	var texts []string
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		total += len(data)
	}
	set := Default()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			set.Detect(t)
		}
	}
}
