package stale

import (
	"testing"

	"github.com/reportlint/reportlint/internal/tense"
	"github.com/reportlint/reportlint/internal/vocab"
	"github.com/reportlint/reportlint/rules"
)

// BenchmarkLoadData is each loading Preload does, undone by no sync.Once:
// the embedded data compiled before the first report is read.
func BenchmarkLoadData(b *testing.B) {
	b.ReportAllocs()
	b.Run("watch", func(b *testing.B) {
		for b.Loop() {
			es, _ := LoadWatchlist(rules.FS, watchlistPath)
			var out []*watched
			for _, e := range es {
				out = append(out, compileEntry(e))
			}
			newWatchSet(out)
		}
	})
	b.Run("revision", func(b *testing.B) {
		for b.Loop() {
			revisionNoteRegexp(rules.FS, revisionsPath)
		}
	})
	b.Run("sectiondates", func(b *testing.B) {
		for b.Loop() {
			loadSectionDates(rules.FS, sectionDatesPath)
		}
	})
	b.Run("judge", func(b *testing.B) {
		for b.Loop() {
			tense.NewJudge(tense.Cues{})
		}
	})
	b.Run("indicators", func(b *testing.B) {
		for b.Loop() {
			for _, ind := range vocab.Default().Indicators {
				wordsRegexp(ind.Words)
			}
		}
	})
}
