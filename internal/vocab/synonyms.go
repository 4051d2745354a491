package vocab

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/rules"
)

// RatingSynonymsPath is the embedded file of words written for a rating
// level: rule rating-vocabulary suggests from it, and diff ranks by it.
const RatingSynonymsPath = "data/rating-synonyms.yaml"

// LoadRatingSynonyms reads `synonyms:`, a map from a word to the rating
// levels it may mean.
func LoadRatingSynonyms(fsys fs.FS, path string) (map[string][]string, error) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Synonyms map[string][]string `yaml:"synonyms"`
	}
	if err := rules.DecodeYAML(data, &doc, true); err != nil {
		return nil, fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Synonyms) == 0 {
		return nil, fmt.Errorf("%s: synonyms is empty", path)
	}
	for w, levels := range doc.Synonyms {
		if len(levels) == 0 {
			return nil, fmt.Errorf("%s: synonym %q suggests no level", path, w)
		}
	}
	return doc.Synonyms, nil
}

var defaultSynonyms = sync.OnceValues(func() (map[string][]string, error) {
	return LoadRatingSynonyms(rules.FS, RatingSynonymsPath)
})

// RatingSynonyms is the embedded synonyms, shared: callers must not change
// the map.
func RatingSynonyms() map[string][]string {
	s, err := defaultSynonyms()
	if err != nil {
		panic("embedded rating synonyms are broken: " + err.Error()) // a test guards this
	}
	return s
}

// RatingSpan is the lowest and highest rank a rating word may stand for:
// one rank for a level ("HIGH"), the ranks of its levels for a synonym
// ("severe": HIGH to CRITICAL), and ok false for a word that is neither.
func (v *Vocabulary) RatingSpan(word string) (lo, hi int, ok bool) {
	if r := v.RatingRank(word); r >= 0 {
		return r, r, true
	}
	levels, found := RatingSynonyms()[strings.ToLower(strings.TrimSpace(word))]
	if !found {
		return 0, 0, false
	}
	lo, hi = len(v.RatingLevels), -1
	for _, l := range levels {
		r := v.RatingRank(l)
		if r < 0 {
			return 0, 0, false
		}
		lo, hi = min(lo, r), max(hi, r)
	}
	return lo, hi, true
}
