// Package countries is the table of countries and territories that reports
// are about: their names and aliases, ISO codes, calling codes and demonyms.
// It recognises the country a report names ("Côte d’Ivoire", "Burma") and
// tells which calling code its phone numbers should use.
//
// The table lives in rules/data/countries.yaml so that editors, not
// programmers, keep it; Default loads that embedded copy.
package countries

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/rules"
)

// Country is one entry of the table.
type Country struct {
	Name    string // the State Department's usual short name: "Burma"
	Code    string // ISO 3166-1 alpha-2: "MM"; Kosovo is "XK"
	Calling string // E.164 country calling code, digits only: "95"
	Demonym string // adjective for people and institutions: "Burmese"
	// AreaCodes are the NANP area codes of a place that shares +1, such as
	// Jamaica's "876" and "658". Empty for the United States and Canada,
	// which hold all the others, and for every code but +1.
	AreaCodes []string
	Aliases   []string // other names editors write: "Myanmar"
}

// Table is a loaded country table. It is read-only and safe for concurrent
// use.
type Table struct {
	countries []Country
	byKey     map[string]int // key(name or alias) -> index
	byCode    map[string]int
	byCalling map[string][]int
	// phrases holds every name and alias by its first word, longest first,
	// so FindIn tries "Guinea-Bissau" before "Guinea".
	phrases map[string][]phrase
	// lowerStarts has bit c-'a' set for each lower-case ASCII letter c
	// that a name's first word may begin with in the text: only those
	// names whose first letter is not a capital. Most words of prose begin
	// in lower case, and FindAllIn passes over them without a look-up.
	lowerStarts uint32
}

// phrase is one name or alias split into words for matching in text.
type phrase struct {
	words   []token
	country int
}

// defaultPath is where the embedded table lives inside rules.FS, and
// defaultDisplayName how errors name it: the path an editor opens.
const (
	defaultPath        = "data/countries.yaml"
	defaultDisplayName = "rules/data/countries.yaml"
)

var loadDefault = sync.OnceValue(func() *Table {
	t, err := load(rules.FS, defaultPath, defaultDisplayName)
	if err != nil {
		// The file is embedded at build time and a test loads it, so this
		// is a build that shipped a broken table, not a user's mistake.
		panic("countries: embedded table: " + err.Error())
	}
	return t
})

// Default returns the table embedded from rules/data/countries.yaml, loaded
// on first use.
func Default() *Table { return loadDefault() }

// Load reads a country table from path in fsys. Every error names the file
// and line: "countries.yaml:12: country "Mali" has no calling code".
func Load(fsys fs.FS, path string) (*Table, error) {
	return load(fsys, path, path)
}

func load(fsys fs.FS, path, displayName string) (*Table, error) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", displayName, err)
	}
	entries, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", displayName, err)
	}
	t, err := newTable(entries)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", displayName, err)
	}
	return t, nil
}

// newTable indexes the decoded entries and rejects what would make a lookup
// ambiguous: a code used twice, or a name or alias claimed by two entries.
func newTable(entries []entry) (*Table, error) {
	// Sized once: grown from empty, the maps were rebuilt six or seven
	// times over as the thousand-odd names went in.
	names := 0
	for _, e := range entries {
		names += 1 + len(e.country.Aliases)
	}
	t := &Table{
		byKey:     make(map[string]int, names),
		byCode:    make(map[string]int, len(entries)),
		byCalling: make(map[string][]int, len(entries)),
		phrases:   make(map[string][]phrase, names),
		countries: make([]Country, 0, len(entries)),
	}
	areaCodeOwner := make(map[string]int) // area code -> index
	// The words of every name, in one array: most names are a word or
	// two, and a slice grown for each was most of tokenizing them.
	all := make([]token, 0, 2*names)
	phrases := make([]phrase, 0, names)
	for i, e := range entries {
		c := e.country
		if prev, ok := t.byCode[c.Code]; ok {
			return nil, lineError(e.codeLine, "country %q: code %s is already used by %q (line %d)",
				c.Name, c.Code, entries[prev].country.Name, entries[prev].codeLine)
		}
		t.byCode[c.Code] = i
		t.byCalling[c.Calling] = append(t.byCalling[c.Calling], i)
		for j, area := range c.AreaCodes {
			if prev, ok := areaCodeOwner[area]; ok {
				return nil, lineError(e.areaCodeLines[j], "country %q: area code %s is already used by %q",
					c.Name, area, entries[prev].country.Name)
			}
			areaCodeOwner[area] = i
		}

		for j := range 1 + len(c.Aliases) {
			name := c.Name
			if j > 0 {
				name = c.Aliases[j-1]
			}
			// One tokenization gives both the key and the phrase. Capped,
			// so that the next name's words cannot be appended into it.
			from := len(all)
			all = appendTokens(all, name)
			words := dropLeadingThe(all[from:len(all):len(all)])
			k := joinLower(words)
			if prev, ok := t.byKey[k]; ok {
				if prev == i {
					continue // an alias that only differs in spelling; harmless
				}
				return nil, lineError(e.nameLines[j], "country %q: %q is already a name of %q (line %d)",
					c.Name, name, entries[prev].country.Name, entries[prev].lineOfKey(k))
			}
			t.byKey[k] = i
			phrases = append(phrases, phrase{words: words, country: i})
		}
		t.countries = append(t.countries, c)
	}
	// Grouped by first word, longest first, equally long ones in file
	// order (so FindIn is deterministic), in one array the map's lists
	// are slices of: a list grown for each of the thousand-odd first
	// words was a third of building the table.
	slices.SortStableFunc(phrases, func(a, b phrase) int {
		if c := strings.Compare(a.words[0].lower, b.words[0].lower); c != 0 {
			return c
		}
		return len(b.words) - len(a.words)
	})
	for start := 0; start < len(phrases); {
		first := phrases[start].words[0].lower
		end := start + 1
		for end < len(phrases) && phrases[end].words[0].lower == first {
			end++
		}
		t.phrases[first] = phrases[start:end:end]
		start = end
	}
	for _, p := range phrases {
		// A capital in a name must be one in the text (capitalsAgree), so
		// a word of the text that begins with a lower-case ASCII letter
		// starts only a name whose first letter is not a capital, and
		// folds to that same letter (fold keeps ASCII as it is).
		r, _ := utf8.DecodeRuneInString(p.words[0].folded)
		if c := p.words[0].lower[0]; !unicode.IsUpper(r) && 'a' <= c && c <= 'z' {
			t.lowerStarts |= 1 << (c - 'a')
		}
	}
	return t, nil
}

// lineOfKey is the line of the entry's name or alias whose key is k, for
// the error about a name claimed twice: found again when needed rather
// than kept in a map of every name for a load that finds none.
func (e entry) lineOfKey(k string) int {
	for j := range 1 + len(e.country.Aliases) {
		name := e.country.Name
		if j > 0 {
			name = e.country.Aliases[j-1]
		}
		if key(name) == k {
			return e.nameLines[j]
		}
	}
	return e.line
}

// country returns entry i with its slices copied, so callers cannot change
// the shared table.
func (t *Table) country(i int) Country {
	c := t.countries[i]
	c.AreaCodes = slices.Clone(c.AreaCodes)
	c.Aliases = slices.Clone(c.Aliases)
	return c
}

// Lookup finds a country by name or alias, ignoring case, accents, the style
// of apostrophes and hyphens, periods, a leading "The" and surrounding
// spaces and punctuation: "the gambia", "Cote d'Ivoire", "  Burma. ".
func (t *Table) Lookup(name string) (Country, bool) {
	var i int
	var ok bool
	var buf [128]byte
	if k, short := appendKeyASCII(buf[:0], name); short {
		// The key of a short name in ASCII, most of those asked for, is
		// made on the stack: key made a string, and tokens, of each.
		if len(k) == 0 {
			return Country{}, false
		}
		i, ok = t.byKey[string(k)]
	} else {
		k := key(name)
		if k == "" {
			return Country{}, false
		}
		i, ok = t.byKey[k]
	}
	if !ok {
		return Country{}, false
	}
	return t.country(i), true
}

// ByCode finds a country by its ISO 3166-1 alpha-2 code, in either case.
func (t *Table) ByCode(code string) (Country, bool) {
	i, ok := t.byCode[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return t.country(i), true
}

// ByCalling returns every country that uses the calling code, in file
// order: one for most codes, many for "1". A leading "+" is allowed.
func (t *Table) ByCalling(digits string) []Country {
	indexes := t.byCalling[strings.TrimPrefix(strings.TrimSpace(digits), "+")]
	if len(indexes) == 0 {
		return nil
	}
	out := make([]Country, len(indexes))
	for j, i := range indexes {
		out[j] = t.country(i)
	}
	return out
}

// HasCalling reports whether any country uses the calling code, as
// len(ByCalling(digits)) > 0 would, without copying the countries: callers
// that only ask whether a code exists (phone-format, for every group of
// digits) made one copy per country of "1".
func (t *Table) HasCalling(digits string) bool {
	return len(t.byCalling[strings.TrimPrefix(strings.TrimSpace(digits), "+")]) > 0
}

// All returns every country in file order.
func (t *Table) All() []Country {
	out := make([]Country, len(t.countries))
	for i := range t.countries {
		out[i] = t.country(i)
	}
	return out
}
