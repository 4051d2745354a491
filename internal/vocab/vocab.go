// Package vocab is the fixed vocabulary of security reports, read from
// rules/data/vocabulary.yaml: advisory levels and their wording, the risk
// indicator letters and the words that name them, and the threat rating
// levels in order.
package vocab

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// Indicator is a travel advisory risk indicator.
type Indicator struct {
	Code  string   `yaml:"code"`
	Name  string   `yaml:"name"`
	Words []string `yaml:"words"`
}

// Vocabulary is the content of vocabulary.yaml.
type Vocabulary struct {
	Levels           map[int]string `yaml:"levels"`
	Indicators       []Indicator    `yaml:"indicators"`
	RatingLevels     []string       `yaml:"rating-levels"`
	RatingCategories []string       `yaml:"rating-categories"`
	// ContactLabels maps a contact kind (phone, emergency, …) to its labels.
	ContactLabels  map[string][]string `yaml:"contact-labels"`
	PhoneWords     []string            `yaml:"phone-words"`
	EmergencyWords []string            `yaml:"emergency-words"`

	labelKind    map[string]string // lower-case label -> kind
	longestLabel int
}

var defaultOnce = sync.OnceValues(func() (*Vocabulary, error) { return Load(rules.FS, "data/vocabulary.yaml") })

// Default is the embedded vocabulary.
func Default() *Vocabulary {
	v, err := defaultOnce()
	if err != nil {
		panic("embedded vocabulary is broken: " + err.Error()) // a test guards this
	}
	return v
}

// Load reads a vocabulary file.
func Load(fsys fs.FS, path string) (*Vocabulary, error) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	var v Vocabulary
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	for l := 1; l <= 4; l++ {
		if v.Levels[l] == "" {
			return nil, fmt.Errorf("%s: levels: level %d has no wording", path, l)
		}
	}
	if len(v.RatingLevels) == 0 {
		return nil, fmt.Errorf("%s: rating-levels is empty", path)
	}
	v.labelKind = map[string]string{}
	kinds := make([]string, 0, len(v.ContactLabels))
	for k := range v.ContactLabels {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		for _, l := range v.ContactLabels[k] {
			key := strings.ToLower(strings.TrimSuffix(l, ":"))
			if other, dup := v.labelKind[key]; dup && other != k {
				return nil, fmt.Errorf("%s: contact label %q is given to both %s and %s", path, l, other, k)
			}
			v.labelKind[key] = k
			v.longestLabel = max(v.longestLabel, len(key))
		}
	}
	return &v, nil
}

// IndicatorFor returns the indicator a reason names ("kidnapping" -> K).
func (v *Vocabulary) IndicatorFor(reason string) (Indicator, bool) {
	reason = strings.ToLower(strings.TrimSpace(reason))
	best, bestLen := Indicator{}, 0
	for _, ind := range v.Indicators {
		for _, w := range ind.Words {
			if (reason == w || strings.Contains(" "+reason+" ", " "+w+" ")) && len(w) > bestLen {
				best, bestLen = ind, len(w)
			}
		}
	}
	return best, bestLen > 0
}

// Indicator returns the indicator with a code.
func (v *Vocabulary) Indicator(code string) (Indicator, bool) {
	for _, ind := range v.Indicators {
		if ind.Code == code {
			return ind, true
		}
	}
	return Indicator{}, false
}

// RatingRank is a rating level's place in the order (0 for the lowest), or
// -1 for a word outside the vocabulary.
func (v *Vocabulary) RatingRank(level string) int {
	for i, l := range v.RatingLevels {
		if strings.EqualFold(l, level) {
			return i
		}
	}
	return -1
}

// LevelFor returns the advisory level whose wording is w (case-insensitive), or 0.
func (v *Vocabulary) LevelFor(w string) int {
	keys := make([]int, 0, len(v.Levels))
	for k := range v.Levels {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		if strings.EqualFold(strings.TrimSpace(w), v.Levels[k]) {
			return k
		}
	}
	return 0
}

// ContactKindOf returns the contact kind a label names ("Tel:" -> phone).
func (v *Vocabulary) ContactKindOf(label string) (string, bool) {
	label = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(label), ":"))
	if len(label) > v.longestLabel {
		return "", false
	}
	k, ok := v.labelKind[strings.ToLower(label)]
	return k, ok
}
