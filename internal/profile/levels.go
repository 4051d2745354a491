package profile

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/prefilter"
)

// Levels is how a government states its advice levels (key "levels"): its
// own words for each step, placed on the common 1–4 scale of the document
// model (docs/profiles.md gives the mapping and why), and the patterns of
// the lines or sentences that state a level for the country or an area.
// A profile without it reads levels as the U.S. advisories write them.
type Levels struct {
	// Scale lists, per common level, the government's words for it.
	Scale map[int][]string
	// Statements match a heading or a paragraph's text. Group "wording" is
	// looked up in Scale; group "area", when present and not the report's
	// country, makes the level an area's. A statement whose area ends in
	// ":" labels the list that follows: each item is an area at that level.
	Statements []*regexp.Regexp
	// filters are the statements' prefilters, by index: a paragraph
	// without any wording of the scale states no level, and running each
	// statement over every paragraph of a report was a fifth of checking
	// the corpus.
	filters []*prefilter.Filter
	// memoLen is the length of the memo FindStatement takes: the
	// statements' distinct literals (prefilter.Share).
	memoLen int
	// Pages are the titles of the pages (the document's title and each
	// level-1 heading after it) whose statements state levels; none means
	// every page. A government that states its levels on one page and
	// repeats them elsewhere in other words ("within 10km of the
	// Turkey-Syria border") would otherwise have each area read twice.
	Pages []string
	Line  int

	// pageKeys and scaleKeys are Pages and Scale normalised (NormalizeTitle),
	// by the same index: OnPage and LevelOf normalised them again for every
	// paragraph and wording they were asked about. Nil in a Levels not read
	// from a file: then they are normalised as asked.
	pageKeys  []string
	scaleKeys map[int][]string
}

// OnPage reports whether statements on the page titled title state
// levels.
func (l *Levels) OnPage(title string) bool {
	if len(l.Pages) == 0 {
		return true
	}
	k := NormalizeTitle(title)
	for i, p := range l.Pages {
		if l.pageKeys != nil {
			p = l.pageKeys[i]
		} else {
			p = NormalizeTitle(p)
		}
		if p == k {
			return true
		}
	}
	return false
}

// Memo is a fresh memo for FindStatement's tests of one text.
func (l *Levels) Memo() []uint8 { return make([]uint8, l.memoLen) }

// FindStatement is Statements[i].FindStringSubmatchIndex(text), with the
// statement's cheap test first; memo (from Memo, one for each text) keeps
// what the tests found, which the statements share.
func (l *Levels) FindStatement(i int, text string, memo []uint8) []int {
	if i < len(l.filters) && !l.filters[i].MayMatchMemo(text, memo) {
		return nil
	}
	return l.Statements[i].FindStringSubmatchIndex(text)
}

// LevelOf is the common level of a government's words, and the words as
// the scale writes them ("AVOID ALL TRAVEL" is "Avoid all travel"); 0 when
// the scale has no such words.
func (l *Levels) LevelOf(words string) (int, string) {
	k := NormalizeTitle(words)
	for level := 1; level <= 4; level++ {
		keys := l.scaleKeys[level]
		for i, w := range l.Scale[level] {
			key := ""
			if keys != nil {
				key = keys[i]
			} else {
				key = NormalizeTitle(w)
			}
			if key == k {
				return level, w
			}
		}
	}
	return 0, ""
}

// normalizeAll is NormalizeTitle of each of titles, never nil.
func normalizeAll(titles []string) []string {
	out := make([]string, len(titles))
	for i, t := range titles {
		out[i] = NormalizeTitle(t)
	}
	return out
}

type fileLevels struct {
	Scale []struct {
		Level int      `yaml:"level"`
		Words []string `yaml:"words"`
	} `yaml:"scale"`
	Statements []string `yaml:"statements"`
	Pages      []string `yaml:"pages"`
}

// readLevels reads the "levels" key; every statement must capture the
// wording, and every level of the scale be from 1 to 4.
func (p *Profile) readLevels(file string, root *yaml.Node) error {
	n := mapValue(root, "levels")
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if err := checkSubKeys(file, "levels", n, "scale", "statements", "pages"); err != nil {
		return err
	}
	var fl fileLevels
	if err := n.Decode(&fl); err != nil {
		return yamlError(file, err)
	}
	l := &Levels{Scale: map[int][]string{}, Pages: fl.Pages, Line: n.Line}
	for i, s := range fl.Scale {
		if s.Level < 1 || s.Level > 4 || len(s.Words) == 0 {
			return fmt.Errorf("%s:%d: levels: each step of the scale needs a level from 1 to 4 and the government's words for it", file, itemLine(n, "scale", i))
		}
		l.Scale[s.Level] = append(l.Scale[s.Level], s.Words...)
	}
	l.pageKeys = normalizeAll(l.Pages)
	l.scaleKeys = map[int][]string{}
	for level, words := range l.Scale {
		l.scaleKeys[level] = normalizeAll(words)
	}
	var err error
	if l.Statements, err = compileAll(file, n, "statements", fl.Statements); err != nil {
		return err
	}
	for i, re := range l.Statements {
		if re.SubexpIndex("wording") < 0 {
			return fmt.Errorf("%s:%d: levels: a statement pattern needs a (?P<wording>…) group", file, itemLine(n, "statements", i))
		}
		l.filters = append(l.filters, prefilter.For(fl.Statements[i]))
	}
	l.memoLen = prefilter.Share(l.filters)
	p.Levels = l
	return nil
}

// readCountry reads the "country" key: patterns, searched in the whole
// text, whose (?P<country>…) group names the report's country where no
// header line does, and whether the country the text names most often is
// taken when none matches (for pages that never state their country).
func (p *Profile) readCountry(file string, root *yaml.Node) error {
	n := mapValue(root, "country")
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if err := checkSubKeys(file, "country", n, "patterns", "most-named"); err != nil {
		return err
	}
	var fc struct {
		Patterns  []string `yaml:"patterns"`
		MostNamed bool     `yaml:"most-named"`
	}
	if err := n.Decode(&fc); err != nil {
		return yamlError(file, err)
	}
	var err error
	if p.CountryPatterns, err = compileAll(file, n, "patterns", fc.Patterns); err != nil {
		return err
	}
	for i, re := range p.CountryPatterns {
		if re.SubexpIndex("country") < 0 {
			return fmt.Errorf("%s:%d: country: a pattern needs a (?P<country>…) group", file, itemLine(n, "patterns", i))
		}
	}
	p.CountryMostNamed = fc.MostNamed
	return nil
}

// readDetectText reads "detect-text": patterns searched in the whole text
// when no profile's detect pattern matches a line at its top, for pages
// whose top says nothing of where they come from.
func (p *Profile) readDetectText(file string, root *yaml.Node, lazy bool) error {
	var pats []string
	n := mapValue(root, "detect-text")
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if err := n.Decode(&pats); err != nil {
		return yamlError(file, err)
	}
	var err error
	p.detectText, err = compileDetect(file, root, "detect-text", pats, lazy)
	return err
}

// IsListLabel reports whether the area a statement captured labels a list
// of areas ("these areas in Khyber Pakhtunkhwa Province:") rather than
// naming one.
func IsListLabel(area string) bool { return strings.HasSuffix(strings.TrimSpace(area), ":") }

// ReadsDate reports whether a header pattern of the profile reads the
// published date; a government whose pages state none has none.
func (p *Profile) ReadsDate() bool {
	for _, re := range p.header {
		if re.SubexpIndex("date") >= 0 {
			return true
		}
	}
	return false
}
