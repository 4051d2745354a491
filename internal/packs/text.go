package packs

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
)

// scope is the sections a rule reads: the rule's `sections` names, compared
// as headings are (profile.NormalizeTitle). A section is in scope when it or
// a section above it is named, so a scope of "Crime" covers "Kidnapping
// Threat" under it. No names means the whole report.
type scope struct {
	names []string // as written, for docs; may contain {country}
}

func newScope(names []string) scope { return scope{names: names} }

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
}

// blocks lists, in document order, the text in scope: paragraphs, and with
// headings set the report title and section headings too.
func (s scope) blocks(r *document.Report, src string, headings bool) []block {
	var keys map[string]bool
	if s.names != nil {
		keys = s.keys(r.Country.Value)
	}
	var out []block
	if keys == nil {
		if headings && r.Title.Value != "" {
			out = append(out, block{text: headingInline(r.Title, src)})
		}
		for _, p := range r.Preamble {
			out = append(out, block{text: &p.Inline})
		}
	}
	var walk func(ss []*document.Section, inScope bool)
	walk = func(ss []*document.Section, inScope bool) {
		for _, sec := range ss {
			in := inScope || keys == nil || keys[profile.NormalizeTitle(sec.Title.Value)]
			if in {
				if headings && sec.Title.Value != "" {
					out = append(out, block{text: headingInline(sec.Title, src), section: sec})
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

// phraseRegexp compiles literal words and phrases into one expression: the
// longest phrase first, so that at any place the longest wins; any run of
// space between words (a line break became one); a straight or curly
// apostrophe for either. Word boundaries are checked by findWords, because
// regexp's \b knows only ASCII.
func phraseRegexp(tokens []string, ignoreCase bool) *regexp.Regexp {
	sorted := append([]string(nil), tokens...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	var alts []string
	for _, t := range sorted {
		var words []string
		for _, w := range strings.Fields(t) {
			q := regexp.QuoteMeta(w)
			q = strings.NewReplacer("'", "['’]", "’", "['’]").Replace(q)
			words = append(words, q)
		}
		alts = append(alts, strings.Join(words, `\s+`))
	}
	expr := "(?:" + strings.Join(alts, "|") + ")"
	if ignoreCase {
		expr = "(?i)" + expr
	}
	return regexp.MustCompile(expr) // quoted literals always compile
}

// phraseKey is how a matched phrase is looked up among the tokens it came
// from: space collapsed, apostrophes straightened, and folded when case is
// ignored.
func phraseKey(s string, ignoreCase bool) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "’", "'")
	if ignoreCase {
		s = strings.ToLower(s)
	}
	return s
}

// findWords returns the non-overlapping matches of re in text that start
// and end on word boundaries: "alot" is not found in "Alotau".
func findWords(re *regexp.Regexp, text string) []match {
	var out []match
	for pos := 0; pos <= len(text); {
		loc := re.FindStringIndex(text[pos:])
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		if end > start && onBoundary(text, start, end) {
			out = append(out, match{start, end})
			pos = end
			continue
		}
		// Try again one character on: a match refused here may hide one
		// that starts inside it.
		_, n := utf8.DecodeRuneInString(text[start:])
		pos = start + max(n, 1)
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

// onBoundary: a match that begins (ends) with a word character must not
// have one just before (after) it.
func onBoundary(text string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(text[start:])
	if isWordRune(first) && start > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(prev) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	if isWordRune(last) && end < len(text) {
		next, _ := utf8.DecodeRuneInString(text[end:])
		if isWordRune(next) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

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
