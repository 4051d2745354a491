package profile

import (
	"os"
	"path/filepath"
	"strings"
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

// BenchmarkFindStatementCorpus asks each paragraph (its first 2,000 bytes,
// as extraction does) of the real corpus's other governments' pages for
// every level statement of its profile, one memo a paragraph.
func BenchmarkFindStatementCorpus(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/corpus/other/*")
	if len(paths) == 0 {
		b.Skip("no shared corpus")
	}
	set := Default()
	type page struct {
		levels *Levels
		paras  []string
	}
	var pages []page
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		prof := set.Detect(string(data))
		if prof == nil || prof.Levels == nil || len(prof.Levels.Statements) == 0 {
			continue
		}
		pg := page{levels: prof.Levels}
		for _, para := range strings.Split(string(data), "\n\n") {
			pg.paras = append(pg.paras, para[:min(len(para), 2000)])
		}
		pages = append(pages, pg)
		total += len(data)
	}
	if len(pages) == 0 {
		b.Skip("no page with level statements")
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, pg := range pages {
			for _, para := range pg.paras {
				memo := pg.levels.Memo()
				for i := range pg.levels.Statements {
					pg.levels.FindStatement(i, para, memo)
				}
			}
		}
	}
}
