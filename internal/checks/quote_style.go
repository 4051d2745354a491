package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
)

var QuoteStyle = &lint.Rule{
	ID:       "quote-style",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "straight and curly quotes are not mixed",
	Fixable:  true,
	Doc: `A report should write its quotation marks one way: straight (" ') or curly (“ ” ‘ ’).
Double quotes and single quotes (apostrophes included) are counted apart; in each, the style
used less often is reported, one finding per line, unless the "prefer" option names the style
to keep. The fix rewrites the marks in the kept style, choosing opening or closing curly marks
from the characters around them.

The fields of a page's header block (a definition list before the first section: "Updated:",
then ":   19 June 2026" on the next line) are counted apart from the body: a site that
typesets its body with curly quotes shows those fields as typed, so a mix between the two is
not the editor's. A mix within the fields, or within the body, is still reported.`,
	Bad:     "A Crime \"C\" Indicator and a Kidnapping “K” Indicator.",
	Good:    "A Crime “C” Indicator and a Kidnapping “K” Indicator.",
	Options: func() any { return &quoteOptions{Prefer: "majority"} },
	Run:     runQuoteStyle,
}

type quoteOptions struct {
	Prefer string `yaml:"prefer" doc:"the style to keep: majority (whichever the report uses more), curly or straight"`
}

func (o *quoteOptions) Validate() error {
	switch o.Prefer {
	case "majority", "curly", "straight":
		return nil
	}
	return fmt.Errorf("prefer: %q is not majority, curly or straight", o.Prefer)
}

type quoteFamily struct {
	name     string // in messages
	straight string
	curly    string
}

var quoteFamilies = []quoteFamily{
	{name: "double quotes", straight: `"`, curly: "“”"},
	{name: "apostrophes and single quotes", straight: `'`, curly: "‘’"},
}

// curlyLead is the first byte of every curly mark (U+2018–U+201D). No
// other byte of UTF-8 text can be it but a character's first, so the
// marks are found by looking for it and the straight mark alone, as
// strings.IndexByte does, at a fraction of the cost of decoding every
// character (TestCurlyMarksLead holds the families to it).
const curlyLead = 0xE2

// indexFrom is the place of c in text at or after i, or len(text).
func indexFrom(text string, c byte, i int) int {
	if k := strings.IndexByte(text[i:], c); k >= 0 {
		return i + k
	}
	return len(text)
}

// each calls found for every mark of the family in units, in order, but
// those in code, which keeps its straight quotes, and those of the units
// skip marks, if any.
func (fam quoteFamily) each(units []textUnit, skip []bool, found func(unit, off, size int, style string)) {
	for ui, u := range units {
		if skip != nil && skip[ui] {
			continue
		}
		// Jump from mark to mark: most of a report has none. The next
		// straight mark and the next curlyLead are each looked for again
		// only once passed, so a text is read once whatever it holds.
		text := u.Text
		nextStraight, nextLead := -1, -1
		for off := 0; off < len(text); {
			if nextStraight < off {
				nextStraight = indexFrom(text, fam.straight[0], off)
			}
			if nextLead < off {
				nextLead = indexFrom(text, curlyLead, off)
			}
			i := min(nextStraight, nextLead)
			if i == len(text) {
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			off = i + size
			if i == nextLead && !strings.ContainsRune(fam.curly, r) {
				continue // a dash, an ellipsis, the other family's mark
			}
			if !u.InCode(i, i+size) {
				style := "curly"
				if strings.ContainsRune(fam.straight, r) {
					style = "straight"
				}
				found(ui, i, size, style)
			}
		}
	}
}

func runQuoteStyle(pass *lint.Pass) {
	units := texts(pass)
	field := headerFields(pass, units)
	if field == nil {
		quoteStyleIn(pass, units, nil) // no header block: the body is every unit
		return
	}
	body := make([]bool, len(units)) // the units quoteStyleIn passes over
	for i, f := range field {
		body[i] = !f
	}
	quoteStyleIn(pass, units, body) // the fields
	quoteStyleIn(pass, units, field)
}

// headerField matches a labelled field of a page's header block, written as
// a definition list: "Latest update:" and, on the next line, ":   value".
var headerField = lazyregexp.New(`^[^\n:]{1,60}:[ \t]*\r?\n:[ \t]`)

// headerFields tells the units that are fields of the page's header block
// (definition-list fields before the first section) from the rest: nil
// when none is. A site may typeset its body (curly quotes) but show its
// header fields as typed, so a mix between the two is the site's, not the
// editor's: each part is counted on its own. The parts are told by a
// mark, not by copies of the units: most pages have no header block, and
// copying every unit was 6% of the bytes a check of the real corpus made.
func headerFields(pass *lint.Pass, units []textUnit) []bool {
	if pass.Doc.Format != document.FormatMarkdown {
		return nil
	}
	var field []bool
	for i := range units {
		u := &units[i]
		if u.Section == nil && !u.Heading && u.Paragraph != nil &&
			u.Paragraph.Span.End <= len(pass.File.Text) && headerField.MatchString(pass.File.Text[u.Paragraph.Span.Start:u.Paragraph.Span.End]) {
			if field == nil {
				field = make([]bool, len(units))
			}
			field[i] = true
		}
	}
	return field
}

// quoteStyleIn reports the quotes of the minority style among units, but
// those skip marks, if any.
func quoteStyleIn(pass *lint.Pass, units []textUnit, skip []bool) {
	prefer := pass.Options.(*quoteOptions).Prefer
	for _, fam := range quoteFamilies {
		// Count first, then keep only the marks of the style reported,
		// so that a report of a million quotes holds no more than those.
		counts := map[string]int{}
		fam.each(units, skip, func(_, _, _ int, style string) { counts[style]++ })
		keep := majority(prefer, counts, "curly", "straight")
		other := "straight"
		if keep == "straight" {
			other = "curly"
		}
		if counts[other] == 0 || (prefer == "majority" && counts[keep] == 0) {
			continue
		}
		minority := make([]mark, 0, counts[other])
		fam.each(units, skip, func(ui, off, size int, style string) {
			if style == other {
				minority = append(minority, mark{unit: ui, off: off, size: size, style: style})
			}
		})
		// The words are the same for every line of the family: made once,
		// not three strings for each line (a report of many quotes has
		// hundreds of lines to report).
		message := fmt.Sprintf("%s %s here, but %s elsewhere (%d to %d)", other, fam.name, keep, counts[other], counts[keep])
		if prefer != "majority" {
			message = fmt.Sprintf("%s %s here; the house style is %s", other, fam.name, keep)
		}
		hint := fmt.Sprintf("write %s %s throughout", keep, fam.name)
		fixMessage := "rewrite as " + keep
		for _, group := range byLine(pass, units, minority) {
			u := units[group[0].unit]
			first := u.Source(group[0].off, group[0].off+group[0].size)
			span := first // the first mark; the fix covers every mark on the line
			f := lint.Finding{
				Span:    span,
				Message: message,
				Hint:    hint,
			}
			if editable(pass) {
				fix := &lint.Fix{Message: fixMessage, Edits: make([]lint.Edit, 0, len(group))}
				for _, m := range group {
					mu := units[m.unit]
					fix.Edits = append(fix.Edits, lint.Edit{Span: mu.Source(m.off, m.off+m.size), New: convertQuote(mu.Text, m.off, m.size, fam, keep)})
				}
				f.Fix = fix
			}
			pass.Report(f)
		}
	}
}

// elidedYear: s starts with a year cut to two digits ("90s", "24 budget",
// "the '90s."), so the mark before it is an apostrophe, not an opening
// quote; "'24-hour' rule" is a quotation.
func elidedYear(s string) bool {
	if len(s) < 2 || !isDigit(s[0]) || !isDigit(s[1]) {
		return false
	}
	if len(s) == 2 {
		return true
	}
	switch c := s[2]; {
	case c == 's':
		return len(s) == 3 || !isLetter(s[3]) && s[3] != '\''
	case c == ' ' || c == ',' || c == '.' || c == ';' || c == ':' || c == ')':
		return true
	}
	return false
}

// convertQuote rewrites the mark at text[off:off+size] in style keep.
func convertQuote(text string, off, size int, fam quoteFamily, keep string) string {
	if keep == "straight" {
		return fam.straight
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:off])
	next, _ := utf8.DecodeRuneInString(text[off+size:])
	opening := off == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/", prev)
	curly := []rune(fam.curly)
	if fam.straight == "'" && (unicode.IsLetter(prev) || unicode.IsDigit(prev) || elidedYear(text[off+size:])) {
		return string(curly[1]) // an apostrophe: Mali’s, the ’90s
	}
	if opening && !unicode.IsSpace(next) && next != utf8.RuneError {
		return string(curly[0])
	}
	return string(curly[1])
}
