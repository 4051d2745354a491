package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/profile"
)

// block is a paragraph or list item of a plain-text report, as a span of
// whole lines. It holds no pointer (its kind is a bool, its first line
// read from the source when wanted), so that the blocks are one
// allocation the collector need not scan and grows without write barriers.
type block struct {
	start, end int // the block's text, line ends excluded at the end
	bodyStart  int // after a list marker
	list       bool
	singleLine bool
}

func (b block) kind() document.ParagraphKind {
	if b.list {
		return document.KindListItem
	}
	return document.KindParagraph
}

var listMarker = lazyregexp.New(`^[ \t]{0,3}(?:[-*•–]|\d{1,3}[.)])[ \t]+`)

// splitBlocks cuts text into paragraphs at blank lines, and starts a new
// block at every list item.
func splitBlocks(text string) []block {
	// About one block a blank line ("\n\n" is counted many bytes at a
	// step), so that the slice seldom grows; no more than a block for 32
	// bytes of text, so that a text of blank lines alone reserves little.
	blocks := make([]block, 0, min(strings.Count(text, "\n\n")+1, len(text)/32+1))
	cur := -1
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		line := text[pos:lineEnd]
		switch {
		case strings.TrimSpace(line) == "":
			cur = -1
		case mayBeListItem(line) && listMarker.MatchString(line):
			m := listMarker.FindStringIndex(line)
			end := pos + len(strings.TrimRightFunc(line, unicode.IsSpace))
			// A marker with nothing after it ("0. ") has its trailing space
			// trimmed from end: the body is empty, not before its start.
			blocks = append(blocks, block{start: pos + leadingSpace(line), end: end, bodyStart: min(pos+m[1], end), list: true, singleLine: true})
			cur = len(blocks) - 1
		case cur >= 0:
			blocks[cur].end = pos + len(strings.TrimRightFunc(line, unicode.IsSpace))
			blocks[cur].singleLine = false
		default:
			s := pos + leadingSpace(line)
			blocks = append(blocks, block{start: s, end: pos + len(strings.TrimRightFunc(line, unicode.IsSpace)), bodyStart: s, singleLine: true})
			cur = len(blocks) - 1
		}
		if nl < 0 {
			break
		}
		pos = lineEnd + 1
	}
	return blocks
}

// mayBeListItem is a test that every line listMarker matches passes: after
// at most three spaces or tabs, a marker's first byte (a digit, "-", "*",
// or 0xE2, which "•" and "–" begin with). Most lines fail it, and the
// regexp need not run on them.
func mayBeListItem(line string) bool {
	for i := 0; i < len(line) && i <= 3; i++ {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			continue
		case c == '-' || c == '*' || c == 0xE2 || '0' <= c && c <= '9':
			return true
		default:
			return false
		}
	}
	return false
}

func leadingSpace(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

// parseText builds the section tree of a plain-text report: headings are bare
// lines, recognised as known section names of the profile or by their shape.
func parseText(src string, r *document.Report, prof *profile.Profile) {
	blocks := splitBlocks(src)
	hp := newHeaderReader(prof)

	// The first block is the title when it reads like one.
	i := 0
	if len(blocks) > 0 && blocks[0].singleLine && !blocks[0].list && looksLikeTitle(strings.TrimSpace(src[blocks[0].start:blocks[0].end])) {
		b := blocks[0]
		r.Title = inlineValue(src, b.start, b.end, &r.Links)
		hp.readLine(r, src, b.start, b.end)
		i = 1
	}
	// Header lines (country, published date) before the first heading give
	// the country that section names such as "{country} Travel Advisory" need.
	for j := i; j < len(blocks) && j < i+8; j++ {
		hp.readLine(r, src, blocks[j].start, blocks[j].end)
	}

	var stack []*document.Section // open sections, outermost first
	// One builder for the paragraphs, with segment room for all of them:
	// nearly every paragraph is one segment, and a link or bold adds two.
	var ib document.InlineBuilder
	ib.ReserveSegments(len(blocks) + len(blocks)/2)
	// The paragraphs are cut from arrays of up to 32 (each was its own
	// allocation); an array is never grown, so pointers into it hold, and
	// none is longer than the blocks left.
	var paras []document.Paragraph
	// The paragraphs' pointers, in document order, one array for all: the
	// preamble's and each section's own are each a run of it (see
	// addParagraph), where each slice grew by itself.
	order := make([]*document.Paragraph, 0, len(blocks)-i)
	for ; i < len(blocks); i++ {
		b := blocks[i]
		title := strings.TrimSpace(src[b.start:b.end])
		if !b.list && b.singleLine || numberedSection(b, title, prof, r.Country.Value) {
			if spec, ok := textHeading(title, prof, r.Country.Value, hp, len(r.Sections) == 0); ok {
				level := 2
				if spec != nil {
					level = spec.Level
				} else if d := profile.NumberingDepth(title); d > 1 {
					level = d + 1 // "3.1 Something" under "3. …"
				}
				sec := &document.Section{Level: level, Heading: document.Span{Start: b.start, End: b.end}, Span: document.Span{Start: b.start, End: b.end}}
				sec.Title = inlineValue(src, b.start, b.end, &r.Links)
				stack = pushSection(r, stack, sec)
				continue
			}
		}
		if len(paras) == cap(paras) {
			paras = make([]document.Paragraph, 0, min(32, len(blocks)-i))
		}
		paras = append(paras, document.Paragraph{Kind: b.kind(), Span: document.Span{Start: b.start, End: b.end}})
		p := &paras[len(paras)-1]
		inlineText(src, b.bodyStart, b.end, &ib, &r.Links)
		p.Inline = ib.Take()
		order = append(order, p)
		addInOrder(r, stack, order)
	}
}

// numberedSection: a one-line list item such as "1. Crime" or "4) TERRORISM"
// is a numbered heading when, without its number, it names a section the
// profile knows and does not end a sentence. Other numbered lines stay
// list items.
func numberedSection(b block, line string, prof *profile.Profile, country string) bool {
	if !b.list || !b.singleLine || !isDigit(strings.TrimSpace(line)[0]) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,;:!?", last) && prof.MatchSection(profile.StripLineMarkup(line), country) != nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// inlineValue reads src[start:end] as a one-line value with inline markup removed.
func inlineValue(src string, start, end int, links *[]document.Link) document.Text {
	var ib document.InlineBuilder
	inlineText(src, start, end, &ib, links)
	in := ib.Inline()
	return document.Text{Value: strings.TrimSpace(in.Text), Span: document.Span{Start: start, End: end}}
}

// pushSection places sec in the tree: it closes every open section at its
// level or deeper and nests under the nearest shallower one.
func pushSection(r *document.Report, stack []*document.Section, sec *document.Section) []*document.Section {
	for len(stack) > 0 && stack[len(stack)-1].Level >= sec.Level {
		stack = stack[:len(stack)-1]
	}
	if len(stack) == 0 {
		r.Sections = append(r.Sections, sec)
	} else {
		parent := stack[len(stack)-1]
		parent.Sections = append(parent.Sections, sec)
	}
	return append(stack, sec)
}

// addInOrder adds p, the last of order (every paragraph of the report so
// far, text or Markdown), to the innermost open section or the preamble,
// and stretches the open sections over it. A section's own paragraphs are a run of
// order: once a subsection opens, its parent is never again the innermost
// open section (pushSection: a later heading either nests under the
// subsection or closes both), and the preamble ends at the first heading.
// So the section's paragraphs, p included, are the run of order that ends
// with p, and are sliced from it, where each section's slice grew by
// itself; capped at their end, so that an append to one never writes
// into the next one's run (TestParagraphsInOrder).
func addInOrder(r *document.Report, stack []*document.Section, order []*document.Paragraph) {
	n := len(order)
	p := order[n-1]
	if len(stack) == 0 {
		r.Preamble = order[n-1-len(r.Preamble) : n : n]
		return
	}
	top := stack[len(stack)-1]
	top.Paragraphs = order[n-1-len(top.Paragraphs) : n : n]
	stretch(stack, p)
}

// stretch makes every open section's span reach over p.
func stretch(stack []*document.Section, p *document.Paragraph) {
	for _, s := range stack {
		if p.Span.End > s.Span.End {
			s.Span.End = p.Span.End
		}
	}
}

// Headings in plain text are short: the longest known OSAC heading has 81
// characters and 10 words.
const (
	maxHeadingRunes = 120
	maxHeadingWords = 14
)

// longerThan reports whether s has more than n characters, counting them
// only when its length leaves it open: a character takes one to four
// bytes (an invalid byte counts as one), and most lines tested are
// paragraphs of thousands of bytes.
func longerThan(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	return utf8.RuneCountInString(s) > n
}

// textHeading decides whether a one-line paragraph is a heading, and which
// known section it names (nil for a heading recognised by shape alone).
// In the header (before the first heading), a line that is only a country's
// name is the country line, not a heading.
//
// Whether the line is a header line is asked last, and only of a line that
// would otherwise be a heading: the answer is the same, and the header
// patterns need not run on the short lines that are no heading anyway
// (about a third of those asked about in the Mali sample).
func textHeading(line string, prof *profile.Profile, country string, hp *headerReader, inHeader bool) (*profile.Section, bool) {
	if line == "" || longerThan(line, maxHeadingRunes) {
		return nil, false
	}
	spec := prof.MatchSection(stripEmphasis(line), country)
	if spec == nil || continuesSentence(line) {
		spec = nil
		if !headingShape(line) || inHeader && hp.isCountryLine(line) {
			return nil, false
		}
	}
	if hp.isHeaderLine(line) {
		return nil, false
	}
	return spec, true
}

// continuesSentence: a line that starts in lower case and ends a sentence
// ("kidnapping.") is the end of the paragraph before, cut by a page break,
// even when its words are a section's name.
func continuesSentence(line string) bool {
	line = stripEmphasis(line)
	first, _ := utf8.DecodeRuneInString(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	return unicode.IsLower(first) && strings.ContainsRune(".,;!?", last)
}

// headingShape: a title-cased phrase with no final punctuation, such as
// "Political Violence and Civil Unrest" or "Anti-U.S./Anti-Western Sentiment".
func headingShape(line string) bool {
	line = stripEmphasis(line)
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:!?", last) || strings.Contains(line, "](") || strings.Contains(line, "://") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(line)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	words := strings.Fields(line)
	if len(words) > maxHeadingWords {
		return false
	}
	significant, capital := 0, 0
	for i, w := range words {
		if i > 0 && minorWords[strings.ToLower(strings.Trim(w, ",()"))] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "(\"“'‘"))
		if !unicode.IsLetter(r) {
			continue
		}
		significant++
		if unicode.IsUpper(r) {
			capital++
		}
	}
	// Title case: every significant word capitalised, allowing one slip in a
	// long heading.
	return significant > 0 && capital >= significant-significant/5
}

// minorWords are not capitalised in title case.
var minorWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "nor": true, "but": true,
	"of": true, "in": true, "on": true, "for": true, "with": true, "to": true, "at": true,
	"by": true, "from": true, "as": true, "vs": true, "via": true, "into": true, "&": true,
	"de": true, "du": true, "des": true, "la": true, "le": true,
}

// looksLikeTitle: the first line of a report is its title unless it is
// running text.
func looksLikeTitle(line string) bool {
	line = stripEmphasis(line)
	if line == "" || longerThan(line, maxHeadingRunes) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,;:", last)
}

func stripEmphasis(s string) string { return profile.StripLineMarkup(s) }
