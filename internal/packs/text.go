package packs

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/profile"
)

// scope is the sections a rule reads: the rule's `sections` names, compared
// as headings are (profile.NormalizeTitle), and through the report's
// profile: a heading that the profile reads as a section named in the scope,
// under that section's name or any of its aliases, is in scope too ("Crime
// Threats" for a scope of "Crime", when the profile has that alias). A
// section is in scope when it or a section above it is. No names means the
// whole report.
type scope struct {
	names []string // as written, for docs; may contain {country}
	key   string   // the names, quoted: the same for rules of the same scope
}

func newScope(names []string) scope {
	var k strings.Builder
	for _, n := range names {
		k.WriteString(strconv.Quote(n))
	}
	return scope{names: names, key: k.String()}
}

func (s scope) describe() string {
	return "It reads only the sections " + quoteList(s.names, 0) + " and the sections under them."
}

// keys returns the normalised names, with {country} filled in.
func (s scope) keys(country string) map[string]bool {
	out := map[string]bool{}
	for _, n := range s.names {
		if strings.Contains(n, "{country}") {
			if country == "" {
				continue
			}
			n = strings.ReplaceAll(n, "{country}", country)
		}
		out[profile.NormalizeTitle(n)] = true
	}
	return out
}

// block is a run of text a rule reads: a paragraph, or a heading.
type block struct {
	text    *document.Inline
	section *document.Section // innermost section, nil before the first heading
	heading bool              // the title or a section heading
}

// blocks lists, in document order, the text in scope: paragraphs, and with
// headings set the report title and section headings too.
func (s scope) blocks(r *document.Report, prof *profile.Profile, src string, headings bool) []block {
	var keys map[string]bool
	if s.names != nil {
		keys = s.keys(r.Country.Value)
	}
	named := func(sec *document.Section) bool {
		if keys[profile.NormalizeTitle(sec.Title.Value)] {
			return true
		}
		if prof == nil {
			return false
		}
		spec := prof.MatchSection(sec.Title.Value, r.Country.Value)
		if spec == nil {
			return false
		}
		for _, n := range spec.Names(r.Country.Value) {
			if keys[profile.NormalizeTitle(n)] {
				return true
			}
		}
		return false
	}
	// Room for every block of the report, the most the scope can hold:
	// one allocation where growing the list one append at a time took
	// several, and the copying was most of listing the blocks.
	out := make([]block, 0, countBlocks(r))
	if keys == nil {
		if headings && r.Title.Value != "" {
			out = append(out, block{text: headingInline(r.Title, src), heading: true})
		}
		for _, p := range r.Preamble {
			out = append(out, block{text: &p.Inline})
		}
	}
	var walk func(ss []*document.Section, inScope bool)
	walk = func(ss []*document.Section, inScope bool) {
		for _, sec := range ss {
			in := inScope || keys == nil || named(sec)
			if in {
				if headings && sec.Title.Value != "" {
					out = append(out, block{text: headingInline(sec.Title, src), section: sec, heading: true})
				}
				for _, p := range sec.Paragraphs {
					out = append(out, block{text: &p.Inline, section: sec})
				}
			}
			walk(sec.Sections, in)
		}
	}
	walk(r.Sections, false)
	return out
}

// countBlocks is how many blocks the report has, with its headings and
// title: the title, the preamble's paragraphs, and each section's heading
// and paragraphs.
func countBlocks(r *document.Report) int {
	n := 1 + len(r.Preamble)
	var walk func(ss []*document.Section)
	walk = func(ss []*document.Section) {
		for _, sec := range ss {
			n += 1 + len(sec.Paragraphs)
			walk(sec.Sections)
		}
	}
	walk(r.Sections)
	return n
}

// headingInline maps a heading's text back to the source: exactly when the
// text appears verbatim in its span (the usual case), else the whole span.
func headingInline(t document.Text, src string) *document.Inline {
	in := &document.Inline{Text: t.Value, Anchor: t.Span}
	if t.Span.End <= len(src) && t.Span.Start <= t.Span.End {
		if i := strings.Index(src[t.Span.Start:t.Span.End], t.Value); i >= 0 {
			in.Segments = []document.Segment{{TextStart: 0, SourceStart: t.Span.Start + i, Len: len(t.Value)}}
		}
	}
	return in
}

// sectionName is what {{section}} says for a block.
func sectionName(b block) string {
	if b.section == nil {
		return "the opening lines"
	}
	return b.section.Title.Value
}

// oneLine collapses the runs of space a line break or a blanked comment
// leaves inside a match, for messages.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// match is a byte range [start, end) in a block's text.
type match struct{ start, end int }

// phraseRegexp, phraseKey and findWords are the shared phrase matching
// (internal/phrase) in this package's terms. The regexp comes with a cheap
// test that passes over the many paragraphs it cannot match.
func phraseRegexp(tokens []string, ignoreCase bool) *phrase.Matcher {
	return phrase.Compile(tokens, ignoreCase)
}

// checkPhrases reports, at the line of key, a list of phrases whose
// regexp would not compile (a house pack's list of millions of bytes):
// the Matcher compiles it when it first reads a report, and would fail
// there, in every report, with the whole expression in its message.
func (d *ruleDef) checkPhrases(key string, tokens []string, ignoreCase bool) error {
	if err := phrase.Check(tokens, ignoreCase); err != nil {
		line := 0
		if n := d.keys[key]; n != nil {
			line = n.Line
		}
		return d.errorf(line, "%s: the words and phrases cannot be searched for: %v; split them among several rules", key, err)
	}
	return nil
}

func phraseKey(s string, ignoreCase bool) string { return phrase.Key(s, ignoreCase) }

func findWords(pm *phrase.Matcher, text string) []match {
	var out []match
	for _, m := range pm.Find(text, nil) {
		out = append(out, match{m.Start, m.End})
	}
	return out
}

// findAll returns the non-empty matches of a pattern as written.
func findAll(re *regexp.Regexp, text string) []match {
	var out []match
	for _, loc := range re.FindAllStringIndex(text, -1) {
		if loc[1] > loc[0] {
			out = append(out, match{loc[0], loc[1]})
		}
	}
	return out
}

// dropOverlaps keeps, from matches found by several expressions, one per
// place: the earliest, and the longest of those starting together.
func dropOverlaps(ms []match) []match {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	var out []match
	for _, m := range ms {
		if len(out) > 0 && m.start < out[len(out)-1].end {
			continue
		}
		out = append(out, m)
	}
	return out
}

// quoteList writes items as "a", "b" and "c"; with limit > 0, at most limit
// items and "N more".
func quoteList(items []string, limit int) string {
	var q []string
	for _, it := range items {
		q = append(q, `"`+it+`"`)
	}
	extra := 0
	if limit > 0 && len(q) > limit {
		extra = len(q) - limit
		q = q[:limit]
	}
	switch {
	case extra > 0:
		return strings.Join(q, ", ") + " and " + strconv.Itoa(extra) + " more"
	case len(q) == 1:
		return q[0]
	case len(q) == 0:
		return ""
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// capitalizeLike gives repl the case of the text it replaces where that
// case is clear: all capitals stay all capitals ("E-MAIL" becomes "EMAIL"),
// a capital first letter stays one ("E-mail" becomes "Email"); otherwise
// repl is used as written ("ATM" stays "ATM").
func capitalizeLike(matched, repl string) string {
	upper, lower := 0, 0
	for _, r := range matched {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	if upper >= 2 && lower == 0 {
		return strings.ToUpper(repl)
	}
	m, _ := utf8.DecodeRuneInString(matched)
	r, n := utf8.DecodeRuneInString(repl)
	if unicode.IsUpper(m) && unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + repl[n:]
	}
	return repl
}
