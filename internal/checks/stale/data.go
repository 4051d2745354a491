package stale

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prose"
	"github.com/reportlint/reportlint/internal/suggest"
	"github.com/reportlint/reportlint/internal/vocab"
	"github.com/reportlint/reportlint/rules"
)

// Paths of the data files in rules/ that these rules read.
const (
	watchlistPath    = "data/watchlist.yaml"
	revisionsPath    = "data/revision-notes.yaml"
	sectionDatesPath = "data/section-dates.yaml"
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
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	if parsed := rules.Parsed(data); parsed == nil || !decodeWatchlist(parsed, &doc.Terms) {
		doc.Terms = nil
		if err := decodeBytes(data, path, &doc); err != nil {
			return nil, err
		}
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

// decodeWatchlist fills terms from the parsed document n as Decode does
// (through WatchEntry.UnmarshalYAML), when n is `terms:` and a list of
// entries whose keys are the entry's, each once, holding plain strings, a
// since written YYYY-MM-DD, and lists of plain strings; it returns false
// for anything else, which Decode then reads and reports. Decode went
// through reflection twice an entry, and read each since as a timestamp.
// FuzzDecodeWatchlist holds it to Decode.
func decodeWatchlist(n *yaml.Node, terms *[]WatchEntry) bool {
	n, ok := rules.Mapping(n)
	if !ok || len(n.Content) != 2 || !rules.IsString(n.Content[0]) || n.Content[0].Value != "terms" {
		return false
	}
	list := n.Content[1]
	if !rules.IsSequence(list) {
		return false
	}
	out := make([]WatchEntry, len(list.Content))
	for i, m := range list.Content {
		if !rules.IsMapping(m) {
			return false
		}
		var seen [5]bool
		e := &out[i]
		for k := 0; k+1 < len(m.Content); k += 2 {
			key, val := m.Content[k], m.Content[k+1]
			f := slices.Index(entryKeys, key.Value)
			if !rules.IsString(key) || f < 0 || seen[f] {
				return false
			}
			seen[f] = true
			ok := rules.IsString(val)
			switch f {
			case 0:
				e.Term = val.Value
			case 1:
				e.Aliases, ok = rules.PlainStrings(val)
			case 2:
				// A day is read as a timestamp, and Decode gives its text.
				if !ok && val.Kind == yaml.ScalarNode && val.ShortTag() == "!!timestamp" && len(val.Value) == len("2006-01-02") {
					_, ok = isoDay(val.Value)
				}
				e.Since = val.Value
			case 3:
				e.Note = val.Value
			default:
				e.Countries, ok = rules.PlainStrings(val)
			}
			if !ok {
				return false
			}
		}
	}
	*terms = out
	return true
}

// decodeListsFile decodes the file into v, a struct of lists of strings
// under keys, as decodeBytes does; from the snapshot's nodes when the
// file is in it and decodeLists takes it, with no reflection.
func decodeListsFile(fsys fs.FS, path string, v any, keys []string, lists ...*[]string) error {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return err
	}
	if doc := rules.Parsed(data); doc != nil && decodeLists(doc, keys, lists) {
		return nil
	}
	for _, l := range lists {
		*l = nil
	}
	return decodeBytes(data, path, v)
}

// decodeLists fills lists[i] with the list of strings under keys[i] of the
// parsed document n, as Decode does, when n is a mapping of those keys,
// each once, to lists of plain strings; it returns false for anything
// else. FuzzDecodeLists holds it to Decode.
func decodeLists(n *yaml.Node, keys []string, lists []*[]string) bool {
	n, ok := rules.Mapping(n)
	if !ok {
		return false
	}
	seen := make([]bool, len(keys))
	for k := 0; k+1 < len(n.Content); k += 2 {
		key := n.Content[k]
		f := slices.Index(keys, key.Value)
		if !rules.IsString(key) || f < 0 || seen[f] {
			return false
		}
		seen[f] = true
		l, ok := rules.PlainStrings(n.Content[k+1])
		if !ok {
			return false
		}
		*lists[f] = l
	}
	return true
}

// decodeBytes decodes a file's data into v, refusing unknown keys.
func decodeBytes(data []byte, path string, v any) error {
	if err := rules.DecodeYAML(data, v, true); err != nil {
		return fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil
}

// LoadRevisionOpeners reads a revision notes file: `openers:`, the phrases a
// revision note opens with.
func LoadRevisionOpeners(fsys fs.FS, path string) ([]string, error) {
	var doc struct {
		Openers []string `yaml:"openers"`
	}
	if err := decodeListsFile(fsys, path, &doc, []string{"openers"}, &doc.Openers); err != nil {
		return nil, err
	}
	if len(doc.Openers) == 0 {
		return nil, fmt.Errorf("%s: openers is empty", path)
	}
	for _, o := range doc.Openers {
		if strings.TrimSpace(o) == "" {
			return nil, fmt.Errorf("%s: an opener is empty", path)
		}
	}
	return doc.Openers, nil
}

// revisionNoteRegexp compiles the openers of a revision notes file into an
// expression that matches a paragraph opening with one, after any markup
// or punctuation, and followed by a word boundary.
func revisionNoteRegexp(fsys fs.FS, path string) (*boundedPhrases, error) {
	openers, err := LoadRevisionOpeners(fsys, path)
	if err != nil {
		return nil, err
	}
	return openingPhrases(openers), nil
}

// sectionDates is rules/data/section-dates.yaml, compiled: what makes a date
// in a section no event (a year in a name) or the start of a state that
// still holds (see stale-section).
type sectionDates struct {
	nameAfter  *boundedPhrases // matches the text just after a year that names a thing
	nameBefore *boundedPhrases // matches the text just before one
	ongoing    *phrase.Matcher
	// ongoingSet is the cheap test before ongoing's regexp: a sentence
	// that holds none of the phrases as words cannot match.
	ongoingSet *phrase.Set
	// before tests the text before a year for the name-before phrases
	// before nameBefore, unanchored at its start, tries every place in it.
	before *phrase.Matcher
}

// nameContext is how far around a date names() looks, in bytes: enough for
// "Convention of (" and markup.
const nameContext = 40

// LoadSectionDates reads a section dates file: name-after, name-before and
// ongoing, each a non-empty list of phrases.
func LoadSectionDates(fsys fs.FS, path string) (after, before, ongoing []string, err error) {
	var doc struct {
		After   []string `yaml:"name-after"`
		Before  []string `yaml:"name-before"`
		Ongoing []string `yaml:"ongoing"`
	}
	if err := decodeListsFile(fsys, path, &doc, []string{"name-after", "name-before", "ongoing"}, &doc.After, &doc.Before, &doc.Ongoing); err != nil {
		return nil, nil, nil, err
	}
	for _, l := range []struct {
		key   string
		items []string
	}{{"name-after", doc.After}, {"name-before", doc.Before}, {"ongoing", doc.Ongoing}} {
		if len(l.items) == 0 {
			return nil, nil, nil, fmt.Errorf("%s: %s is empty", path, l.key)
		}
		for _, it := range l.items {
			if strings.TrimSpace(it) == "" {
				return nil, nil, nil, fmt.Errorf("%s: %s has an empty phrase", path, l.key)
			}
		}
	}
	return doc.After, doc.Before, doc.Ongoing, nil
}

func loadSectionDates(fsys fs.FS, path string) (*sectionDates, error) {
	after, before, ongoing, err := LoadSectionDates(fsys, path)
	if err != nil {
		return nil, err
	}
	return &sectionDates{
		// After the year: spaces and markup, then the name's word.
		nameAfter: phrasesThenBoundary(" \t\n\f\r*_[", after),
		// Before it: the word, then spaces, markup, and "(" or "of".
		nameBefore: boundaryThenPhrases(before, `[\s*_]*(?:\(|(?i:of)\s)?[\s*_\[]*$`),
		ongoing:    phrase.Compile(ongoing, true),
		ongoingSet: phrase.NewSet(ongoing, true),
		before:     phrase.Compile(before, true),
	}, nil
}

// names reports whether the date at text[at:end] is part of a name.
func (sd *sectionDates) names(text string, at, end int) bool {
	return sd.nameAfter.MatchString(text[end:min(len(text), end+nameContext)]) ||
		sd.before.MayMatch(text[max(0, at-nameContext):at]) && sd.nameBefore.MatchString(text[max(0, at-nameContext):at])
}

// holds reports whether the sentence sent of text says that what the date
// at text[at:] started still holds: "since" opens its clause, or an ongoing
// phrase is in the sentence.
func (sd *sectionDates) holds(text string, sent prose.Range, at int, memo *sentenceMemo) bool {
	if at < sent.Start || at > sent.End {
		sent = prose.Range{Start: 0, End: len(text)}
	}
	if sinceBefore(text[sent.Start:at], at-sent.Start) {
		return true
	}
	if memo.ok && memo.sent == sent {
		return memo.ongoing
	}
	if len(memo.found) != sd.ongoingSet.Len() {
		memo.found = make([]bool, sd.ongoingSet.Len())
	}
	sentence := text[sent.Start:sent.End]
	memo.ok, memo.sent = true, sent
	memo.ongoing = sd.ongoingSet.Find(sentence, memo.found) && len(sd.ongoing.Find(sentence, nil)) > 0
	return memo.ongoing
}

// sentenceMemo is holds' answer for the last sentence it read, of one
// paragraph, and the room its test needs.
type sentenceMemo struct {
	ok      bool
	sent    prose.Range
	ongoing bool
	found   []bool
}

var (
	defaultWatchlist      = sync.OnceValues(func() ([]WatchEntry, error) { return LoadWatchlist(rules.FS, watchlistPath) })
	defaultRevisionNote   = sync.OnceValues(func() (*boundedPhrases, error) { return revisionNoteRegexp(rules.FS, revisionsPath) })
	defaultSectionDates   = sync.OnceValues(func() (*sectionDates, error) { return loadSectionDates(rules.FS, sectionDatesPath) })
	defaultRatingSynonyms = func() (map[string][]string, error) { return vocab.RatingSynonyms(), nil }
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
	re    *phrase.Matcher
	caps  map[string]bool // folded names whose first letter is a capital
	names []string        // the term and its aliases
	// byWords finds the names without the regexp (stale_term_words.go),
	// made on first use: most entries are never looked for.
	byWords     sync.Once
	wordMatcher *nameWords
}

// watchSet finds, in one reading of a text, which entries of a watch list
// it mentions as whole words: the cheap test before an entry's regexp,
// which most paragraphs fail for every entry.
type watchSet struct {
	names   *phrase.Set
	entryOf []int // by name, its entry's place in the list
}

func newWatchSet(list []*watched) *watchSet {
	s := &watchSet{}
	var names []string
	for e, w := range list {
		for _, n := range w.names {
			names = append(names, n)
			s.entryOf = append(s.entryOf, e)
		}
	}
	s.names = phrase.NewSet(names, true)
	return s
}

// find sets mentioned[e] for each entry e that text mentions; found has a
// place per name.
// from[e] is set, for each entry mentioned, to the first place one of its
// names is mentioned: its regexp need not read the text before it. first
// has a place per name.
func (s *watchSet) find(text string, found, mentioned []bool, first, from []int) bool {
	clear(mentioned)
	if !s.names.FindFirst(text, found, first) {
		return false
	}
	for k, f := range found {
		if e := s.entryOf[k]; f && (!mentioned[e] || first[k] < from[e]) {
			mentioned[e], from[e] = true, first[k]
		}
	}
	return true
}

func compileEntry(e WatchEntry) *watched {
	since, _ := isoDay(e.Since)
	w := &watched{WatchEntry: e, since: since, caps: map[string]bool{}}
	names := append([]string{e.Term}, e.Aliases...)
	for _, n := range names {
		if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(n)); unicode.IsUpper(r) {
			w.caps[nameKey(n)] = true
		}
	}
	w.names = names
	w.re = phrase.Compile(names, true)
	return w
}

// nameKey is how names compare: space collapsed, apostrophes straightened,
// lower case.
func nameKey(s string) string { return phrase.Key(s, true) }

// span is a byte range [start, end) in a text.
type span struct{ start, end int }

// find returns the mentions of the entry in text from byte from on: whole
// words, and with a capital first letter where the name has one.
func (w *watched) find(text string, from int) []span {
	if nw := w.words(); nw != nil {
		return nw.find(w, text, from)
	}
	var out []span
	for _, m := range w.re.FindFrom(text, from, func(start, end int) bool { return w.capsAgree(text[start:end]) }) {
		out = append(out, span{m.Start, m.End})
	}
	return out
}

// capsAgree reports whether a mention has a capital first letter where the
// name it matches has one. A capital agrees with any name: the name's key,
// built anew for each mention, is looked up only for the others.
func (w *watched) capsAgree(matched string) bool {
	if r, _ := utf8.DecodeRuneInString(matched); unicode.IsUpper(r) {
		return true
	}
	return !w.caps[nameKey(matched)]
}

// oneLine collapses runs of space (a line break, a blanked comment).
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// expandCountry fills {country} in a heading name.
func expandCountry(name, country string) string {
	return strings.ReplaceAll(name, "{country}", country)
}
