package stale

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/suggest"
	"github.com/reportlint/reportlint/rules"
)

// Paths of the data files in rules/ that these rules read.
const (
	watchlistPath      = "data/watchlist.yaml"
	ratingSynonymsPath = "data/rating-synonyms.yaml"
)

// WatchEntry is one entry of the watch list: a name that has gone stale.
type WatchEntry struct {
	Term      string   `yaml:"term"`
	Aliases   []string `yaml:"aliases,omitempty"`
	Since     string   `yaml:"since"`
	Note      string   `yaml:"note"`
	Countries []string `yaml:"countries,omitempty"`
}

var entryKeys = []string{"term", "aliases", "since", "note", "countries"}

// UnmarshalYAML refuses keys an entry does not have, with a "did you mean".
func (e *WatchEntry) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a watch list entry is a mapping: {term, aliases, since, note, countries}", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !slices.Contains(entryKeys, k.Value) {
			msg := fmt.Sprintf("line %d: a watch list entry has no key %q", k.Line, k.Value)
			if s, ok := suggest.Closest(k.Value, entryKeys); ok {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			return errors.New(msg)
		}
	}
	type plain WatchEntry
	return n.Decode((*plain)(e))
}

// check says what is wrong with an entry, if anything.
func (e WatchEntry) check() error {
	if strings.TrimSpace(e.Term) == "" {
		return fmt.Errorf("an entry has no term")
	}
	if e.Since == "" {
		return fmt.Errorf("term %q needs since, the date (YYYY-MM-DD) after which it is stale", e.Term)
	}
	if _, ok := isoDay(e.Since); !ok {
		return fmt.Errorf("term %q: bad date %q for since; write it as YYYY-MM-DD", e.Term, e.Since)
	}
	if strings.TrimSpace(e.Note) == "" {
		return fmt.Errorf("term %q needs a note saying what happened", e.Term)
	}
	for _, a := range e.Aliases {
		if strings.TrimSpace(a) == "" {
			return fmt.Errorf("term %q has an empty alias", e.Term)
		}
	}
	return nil
}

// LoadWatchlist reads a watch list file: `terms:`, a list of entries.
func LoadWatchlist(fsys fs.FS, path string) ([]WatchEntry, error) {
	var doc struct {
		Terms []WatchEntry `yaml:"terms"`
	}
	if err := decodeStrict(fsys, path, &doc); err != nil {
		return nil, err
	}
	if len(doc.Terms) == 0 {
		return nil, fmt.Errorf("%s: terms is empty", path)
	}
	seen := map[string]string{}
	for _, e := range doc.Terms {
		if err := e.check(); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		for _, n := range append([]string{e.Term}, e.Aliases...) {
			k := nameKey(n)
			if first, dup := seen[k]; dup {
				return nil, fmt.Errorf("%s: %q is watched twice (also under %q)", path, n, first)
			}
			seen[k] = e.Term
		}
	}
	return doc.Terms, nil
}

// LoadRatingSynonyms reads `synonyms:`, a map from a word to the rating
// levels to suggest for it.
func LoadRatingSynonyms(fsys fs.FS, path string) (map[string][]string, error) {
	var doc struct {
		Synonyms map[string][]string `yaml:"synonyms"`
	}
	if err := decodeStrict(fsys, path, &doc); err != nil {
		return nil, err
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

func decodeStrict(fsys fs.FS, path string, v any) error {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}

var (
	defaultWatchlist      = sync.OnceValues(func() ([]WatchEntry, error) { return LoadWatchlist(rules.FS, watchlistPath) })
	defaultRatingSynonyms = sync.OnceValues(func() (map[string][]string, error) { return LoadRatingSynonyms(rules.FS, ratingSynonymsPath) })
)

// must returns v, or panics for a broken embedded file: a test guards this.
func must[T any](v T, err error) T {
	if err != nil {
		panic("embedded rule data is broken: " + err.Error())
	}
	return v
}

// watched is a watch list entry ready to match.
type watched struct {
	WatchEntry
	since time.Time
	re    *regexp.Regexp
	caps  map[string]bool // folded names whose first letter is a capital
	// firstWords are the lower-case first words of the names: a text that
	// contains none of them cannot mention the entry, which is cheaper to
	// know than to run the regexp.
	firstWords []string
}

// mentionedIn is the cheap test before find; lower is the text in lower case.
func (w *watched) mentionedIn(lower string) bool {
	for _, fw := range w.firstWords {
		if strings.Contains(lower, fw) {
			return true
		}
	}
	return false
}

func compileEntry(e WatchEntry) *watched {
	since, _ := isoDay(e.Since)
	w := &watched{WatchEntry: e, since: since, caps: map[string]bool{}}
	names := append([]string{e.Term}, e.Aliases...)
	for _, n := range names {
		if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(n)); unicode.IsUpper(r) {
			w.caps[nameKey(n)] = true
		}
		if f := strings.Fields(strings.ToLower(n)); len(f) > 0 {
			// Up to an apostrophe, which the regexp lets be straight or curly.
			first, _, _ := strings.Cut(strings.NewReplacer("’", "'").Replace(f[0]), "'")
			w.firstWords = append(w.firstWords, first)
		}
	}
	w.re = phrase.Regexp(names, true)
	return w
}

// nameKey is how names compare: space collapsed, apostrophes straightened,
// lower case.
func nameKey(s string) string { return phrase.Key(s, true) }

// span is a byte range [start, end) in a text.
type span struct{ start, end int }

// find returns the mentions of the entry in text: whole words, and with a
// capital first letter where the name has one.
func (w *watched) find(text string) []span {
	var out []span
	for _, m := range phrase.Find(w.re, text, func(start, end int) bool { return w.capsAgree(text[start:end]) }) {
		out = append(out, span{m.Start, m.End})
	}
	return out
}

func (w *watched) capsAgree(matched string) bool {
	if !w.caps[nameKey(matched)] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(matched)
	return unicode.IsUpper(r)
}

// oneLine collapses runs of space (a line break, a blanked comment).
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// expandCountry fills {country} in a heading name.
func expandCountry(name, country string) string {
	return strings.ReplaceAll(name, "{country}", country)
}
