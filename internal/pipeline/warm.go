package pipeline

import (
	"github.com/reportlint/reportlint/internal/checks/dated"
	"github.com/reportlint/reportlint/internal/checks/stale"
	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/vocab"
)

// Warm reads and compiles the embedded data a check needs, on two
// goroutines, without waiting: the parser's (profiles, countries,
// vocabulary, date phrases) and the rules' (the dated rules' lexicon, the
// watch list, the revision notes). Extraction's patterns are not among
// them: a report needs about half, each compiled when first used, and
// compiling all here cost a one-report run more CPU than it saved. Each is loaded once, when first needed; decoding their
// YAML and compiling their patterns is about half of what checking one
// report costs, and done here it runs on the second core while the run
// reads its configuration and its first report. What a load does is
// unchanged: a goroutine that finds a file broken leaves it to the code
// that needs it, which fails as it always did (a sync.OnceValue that
// panicked panics again for every caller).
func Warm() {
	// The parser needs its four first, so they are split between the two
	// goroutines, each then going on to a rules' share: the country table
	// alone costs about what the profiles, vocabulary and date phrases do.
	go quietly(func() {
		profile.Default()
		vocab.Default()
		vocab.RatingSynonyms()
		dates.Default()
		dated.Preload()
	})
	go quietly(func() {
		countries.Default()
		stale.Preload()
	})
}

func quietly(load func()) {
	defer func() { _ = recover() }()
	load()
}
