package rules_test

import (
	"testing"

	"github.com/reportlint/reportlint/internal/checks/dated"
	"github.com/reportlint/reportlint/internal/checks/stale"
	"github.com/reportlint/reportlint/internal/vocab"
	"github.com/reportlint/reportlint/rules"
)

// TestEmbeddedDataStrict reads the files whose loaders refuse unknown keys
// as YAML, with the snapshot off: the snapshot's nodes are decoded without
// that check (yaml.v3 has none for a node), so it is made here, on the
// same bytes the snapshot holds (TestSnapshotFresh).
func TestEmbeddedDataStrict(t *testing.T) {
	was := rules.SetSnapshot(false)
	t.Cleanup(func() { rules.SetSnapshot(was) })
	loads := map[string]func() error{
		"vocabulary": func() error { _, err := vocab.Load(rules.FS, "data/vocabulary.yaml"); return err },
		"rating synonyms": func() error {
			_, err := vocab.LoadRatingSynonyms(rules.FS, vocab.RatingSynonymsPath)
			return err
		},
		"watch list":     func() error { _, err := stale.LoadWatchlist(rules.FS, "data/watchlist.yaml"); return err },
		"revision notes": func() error { _, err := stale.LoadRevisionOpeners(rules.FS, "data/revision-notes.yaml"); return err },
		"section dates": func() error {
			_, _, _, err := stale.LoadSectionDates(rules.FS, "data/section-dates.yaml")
			return err
		},
		"dated lexicon": func() error { _, err := dated.LoadData(rules.FS, dated.DataPath); return err },
	}
	for name, load := range loads {
		if err := load(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
