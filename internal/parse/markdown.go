package parse

import (
	"bytes"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/profile"
)

// markdownParser is goldmark's CommonMark parser, with plainParagraphs after
// its link reference transformer; it is safe to share.
var markdownParser = newMarkdownParser(true, true)

// markdownParserNoRefs is markdownParser without its link reference
// transformer, which looks for link reference definitions ("[a]: /url")
// at the start of every paragraph. A definition's label is closed by "]"
// followed at once by ":", so in a source without "]:" the transformer
// finds none and leaves every paragraph as it was (FuzzMarkdownParserNoRefs).
var markdownParserNoRefs = newMarkdownParser(false, true)

// newMarkdownParser is goldmark's CommonMark parser, with or without the
// link reference transformer and plainParagraphs (FuzzPlainParagraphs
// holds the parsers with them to those without).
func newMarkdownParser(refs, plain bool) parser.Parser {
	inline := parser.DefaultInlineParsers()
	var transformers []util.PrioritizedValue
	if refs {
		transformers = parser.DefaultParagraphTransformers()
	}
	if plain {
		// After every default transformer: it takes out what it replaces.
		transformers = append(transformers, util.Prioritized(newPlainParagraphs(inline), 1000))
	}
	return parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inline...),
		parser.WithParagraphTransformers(transformers...),
	)
}

// markdownAdd adds a paragraph to its section: one run of mp.order, in
// document order (addInOrder). FuzzMarkdownParagraphsInOrder swaps in the
// old way, a slice of its own for each section, to hold the two together.
var markdownAdd = func(mp *mdParser, p *document.Paragraph) {
	mp.order = append(mp.order, p)
	addInOrder(mp.r, mp.stack, mp.order)
}

// goldmarkFor is the parser for source: the one without the link
// reference transformer when source can hold no definition.
func goldmarkFor(source []byte) parser.Parser {
	if bytes.Contains(source, []byte("]:")) {
		return markdownParser
	}
	return markdownParserNoRefs
}

// parseMarkdown builds the section tree of a Markdown report with goldmark.
// The front matter, if any, has already been blanked out of src (replaced
// by spaces, keeping every offset) so that goldmark sees blank lines.
func parseMarkdown(src string, r *document.Report, prof *profile.Profile) {
	source := []byte(src)
	loosenLinkTargets(source)
	doc := goldmarkFor(source).Parse(text.NewReader(source))
	mp := &mdParser{src: src, source: source, r: r, hp: newHeaderReader(prof)}
	mp.order = make([]*document.Paragraph, 0, doc.ChildCount()/2) // a first guess; it grows as needed
	first := true
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && first && h.Level == 1 && r.Title.Value == "" {
			// A level-1 heading that opens the document is its title.
			r.Title = mp.inlineValue(h)
			mp.hp.readLine(r, src, r.Title.Span.Start, r.Title.Span.End)
			first = false
			continue
		}
		first = false
		mp.block(n, document.KindParagraph)
	}
}

type mdParser struct {
	src    string
	source []byte
	r      *document.Report
	inCode bool // inside a code span: entities are text as written
	hp     *headerReader
	// ib builds every paragraph's text, handing its segment room on from
	// one to the next (Take), where each paragraph grew its own segments.
	ib document.InlineBuilder
	// paras is the array the next paragraph is cut from (up to 32 a
	// time, never grown, so pointers into it hold), where each was its own
	// allocation.
	paras []document.Paragraph
	// sections is the array the next section is cut from, as paras is
	// for paragraphs.
	sections []document.Section
	stack    []*document.Section
	// order is every paragraph so far, in document order: the sections'
	// paragraphs are runs of it (addInOrder), where each section grew its
	// own slice.
	order []*document.Paragraph
	// headerDone is set once a heading that is not a header line (or a
	// paragraph of running text) ends the header area.
	headerDone bool
}

func (mp *mdParser) block(n ast.Node, kind document.ParagraphKind) {
	switch n := n.(type) {
	case *ast.Heading:
		title := mp.inlineValue(n)
		// The title's span is the heading's line (inlineValue), read once.
		sec := mp.newSection()
		sec.Title, sec.Level, sec.Heading, sec.Span = title, n.Level, title.Span, title.Span
		if !mp.headerDone {
			if mp.hp.isHeaderLine(title.Value) {
				mp.hp.readLine(mp.r, mp.src, title.Span.Start, title.Span.End)
			} else {
				mp.headerDone = true
			}
		}
		mp.stack = pushSection(mp.r, mp.stack, sec)
	case *ast.Paragraph, *ast.TextBlock, *plainParagraph:
		p := mp.paragraph(n, kind)
		if p == nil {
			return
		}
		if !mp.headerDone && len(mp.stack) == 0 {
			mp.hp.readLine(mp.r, mp.src, p.Span.Start, p.Span.End)
		}
		markdownAdd(mp, p)
	case *ast.List:
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				mp.block(c, document.KindListItem)
			}
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			mp.block(c, kind)
		}
	case *ast.HTMLBlock:
		if n.HTMLBlockType != ast.HTMLBlockType2 { // a comment: no reader sees it
			segs := n.Lines().Sliced(0, n.Lines().Len())
			if n.HasClosure() {
				segs = append(segs, n.ClosureLine)
			}
			mp.addHTML(segs)
		}
	}
	// Code blocks, HTML blocks and thematic breaks carry no report text.
}

// newSection is a zero section cut from mp.sections: one allocation for
// 16 sections, where each was its own.
func (mp *mdParser) newSection() *document.Section {
	if len(mp.sections) == cap(mp.sections) {
		mp.sections = make([]document.Section, 0, 16) // never grown: pointers into it hold
	}
	mp.sections = mp.sections[:len(mp.sections)+1]
	return &mp.sections[len(mp.sections)-1]
}

// lineSpan is the span of a block's lines, from the first line's start to
// the last line's end.
func lineSpan(n ast.Node, src string) document.Span {
	lines := n.Lines()
	if lines == nil || lines.Len() == 0 {
		p := min(max(n.Pos(), 0), len(src))
		if _, ok := n.(*ast.Heading); ok {
			// An empty heading ("##") is still a line of the report: its
			// span is its marks, where a finding about it is shown.
			ls := strings.LastIndexByte(src[:p], '\n') + 1
			le := len(src)
			if i := strings.IndexByte(src[p:], '\n'); i >= 0 {
				le = p + i
			}
			line := strings.TrimRight(src[ls:le], " \t")
			return document.Span{Start: ls + leadingSpace(line), End: ls + len(line)}
		}
		return document.Span{Start: p, End: p}
	}
	start := lines.At(0).Start
	end := lines.At(lines.Len() - 1).Stop
	for end > start && (src[end-1] == '\n' || src[end-1] == ' ' || src[end-1] == '\t') {
		end--
	}
	if _, ok := n.(*ast.Heading); ok {
		// Take the ATX marks too: a heading's span is its whole line.
		ls := strings.LastIndexByte(src[:start], '\n') + 1
		if strings.TrimLeft(src[ls:start], " #") == "" {
			start = ls + leadingSpace(src[ls:start])
		}
	}
	return document.Span{Start: start, End: end}
}

func (mp *mdParser) paragraph(n ast.Node, kind document.ParagraphKind) *document.Paragraph {
	mp.ib.KeepSegmentRoom(8, 64)
	if p, ok := n.(*plainParagraph); ok {
		mp.plainText(p, &mp.ib)
	} else {
		mp.inline(n, &mp.ib)
	}
	in := mp.ib.Take()
	sp := lineSpan(n, mp.src)
	if strings.TrimSpace(in.Text) == "" && len(in.Segments) == 0 && sp.End <= sp.Start {
		// An image-only or empty paragraph still has a place, but no text;
		// one with no place is no paragraph.
		return nil
	}
	if len(mp.paras) == cap(mp.paras) {
		mp.paras = make([]document.Paragraph, 0, 32)
	}
	// Filled in place: the slab's slots are zero, and a paragraph is too
	// large to build and then copy.
	mp.paras = mp.paras[:len(mp.paras)+1]
	p := &mp.paras[len(mp.paras)-1]
	p.Kind, p.Span, p.Inline = kind, sp, in
	return p
}

// inlineValue is n's text and line span. It builds in the paragraphs'
// builder (never mid-paragraph: a heading holds none), where each heading
// grew its own.
func (mp *mdParser) inlineValue(n ast.Node) document.Text {
	mp.ib.KeepSegmentRoom(8, 64)
	mp.inline(n, &mp.ib)
	return document.Text{Value: strings.TrimSpace(mp.ib.Take().Text), Span: lineSpan(n, mp.src)}
}

// inline appends the plain text of n's inline children to b, recording links.
func (mp *mdParser) inline(n ast.Node, b *document.InlineBuilder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if !mp.inCode && gluedBefore(b, c, mp.source) {
			b.AppendSynthetic(" ")
		}
		switch c := c.(type) {
		case *ast.Text:
			seg := c.Segment
			if seg.Stop > seg.Start {
				if mp.inCode {
					b.Append(mp.src[seg.Start:seg.Stop], seg.Start)
				} else {
					mp.appendProse(b, seg.Start, seg.Stop)
				}
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				if b.Len() > 0 && b.LastByte() != ' ' {
					b.AppendSynthetic(" ")
				}
			}
		case *ast.String:
			b.AppendSynthetic(string(c.Value))
		case *ast.Link:
			before := b.Len()
			mp.inline(c, b)
			mp.addLink(c.Pos(), b.Since(before), c.Destination)
		case *ast.Image:
			mp.inline(c, b)
		case *ast.AutoLink:
			label := string(c.Label(mp.source))
			start := max(c.Pos(), 0)
			if i := strings.Index(mp.src[start:], label); i >= 0 && i < 8 {
				b.Append(label, start+i)
			} else {
				b.AppendSynthetic(label)
			}
			mp.r.Links = append(mp.r.Links, document.Link{Text: label, Target: string(c.URL(mp.source)), Span: document.Span{Start: start, End: start + len(label) + 2}})
		case *ast.CodeSpan:
			start := b.Len()
			mp.inCode = true
			mp.inline(c, b)
			mp.inCode = false
			b.MarkCode(start)
		case *ast.RawHTML:
			// Inline HTML is markup, not text; it is kept aside (Report.HTML).
			if segs := c.Segments.Sliced(0, c.Segments.Len()); len(segs) > 0 && !strings.HasPrefix(mp.src[segs[0].Start:], "<!--") {
				mp.addHTML(segs)
			}
		case *ast.Emphasis:
			start := b.Len()
			mp.inline(c, b)
			if c.Level == 2 {
				b.MarkStrong(start)
			}
		default:
			// Anything else: its text is the children's.
			mp.inline(c, b)
		}
	}
}

// gluedBefore reports whether c starts a word right after a word that
// markup ends, or is markup that starts a word right after a word: the
// space between them was lost when the page was converted ("due
// to**crime**", "**terrorism**and", "[Queretaro state](#q)due to"). A word
// does not run on across bold or a link, so the two are read as two words.
func gluedBefore(b *document.InlineBuilder, c ast.Node, source []byte) bool {
	if last := b.LastRune(); !isWordRune(last) && !endsClause(last) {
		return false
	}
	prev := c.PreviousSibling()
	if !isMarkup(c) && (prev == nil || !isMarkup(prev)) {
		return false
	}
	r, ok := firstTextRune(c, source)
	return ok && isWordRune(r)
}

// appendProse appends src[start:end], text goldmark did not read as markup.
// A "**" left in it is a bold marker the converted page glued to its words
// ("due to**crime, and terrorism.**Some"), which CommonMark's flanking
// rules refuse: it is dropped, and stands for a space where it sat between
// the end of a word or sentence and the next word.
func (mp *mdParser) appendProse(b *document.InlineBuilder, start, end int) {
	for {
		i := strings.Index(mp.src[start:end], "**")
		if i < 0 {
			appendUnescaped(b, mp.src, start, end)
			return
		}
		appendUnescaped(b, mp.src, start, start+i)
		start += i
		for start < end && mp.src[start] == '*' {
			start++
		}
		last := b.LastRune()
		// The next word may be the next text node's: look on in the source.
		if r, _ := utf8.DecodeRuneInString(mp.src[start:]); isWordRune(r) && (isWordRune(last) || endsClause(last)) {
			b.AppendSynthetic(" ")
		}
	}
}

// isMarkup: bold, italics and links, whose marks may hide a lost space.
func isMarkup(n ast.Node) bool {
	switch n.(type) {
	case *ast.Emphasis, *ast.Link:
		return true
	}
	return false
}

// firstTextRune is the first character of n's text as written.
func firstTextRune(n ast.Node, source []byte) (rune, bool) {
	if t, ok := n.(*ast.Text); ok {
		if seg := t.Segment; seg.Stop > seg.Start {
			r, _ := utf8.DecodeRune(source[seg.Start:seg.Stop])
			return r, true
		}
		return 0, false
	}
	switch n.(type) {
	case *ast.Emphasis, *ast.Link:
		if c := n.FirstChild(); c != nil {
			return firstTextRune(c, source)
		}
	}
	return 0, false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// endsClause: a word may follow it only after a space ("(DRC) Border",
// "terrorism. Some").
func endsClause(r rune) bool { return r != 0 && strings.ContainsRune(".,;:!?)", r) }

// addHTML records raw HTML, its lines as written, in Report.HTML.
func (mp *mdParser) addHTML(segs []text.Segment) {
	if len(segs) == 0 {
		return
	}
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(mp.src[s.Start:s.Stop])
	}
	mp.r.HTML = append(mp.r.HTML, document.Text{Value: b.String(), Span: document.Span{Start: segs[0].Start, End: segs[len(segs)-1].Stop}})
}

// entity is an HTML character reference: &amp; &#233; &#xE9;.
var entity = lazyregexp.New(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// appendUnescaped appends src[start:end] with its character references
// decoded, as a reader sees "Embassy &amp; Consulate"; a decoded character
// maps to its "&".
func appendUnescaped(b *document.InlineBuilder, src string, start, end int) {
	text := src[start:end]
	if !strings.Contains(text, "&") {
		b.Append(text, start)
		return
	}
	run := 0
	for _, m := range entity.FindAllStringIndex(text, -1) {
		decoded := html.UnescapeString(text[m[0]:m[1]])
		if decoded == text[m[0]:m[1]] {
			continue // not an entity HTML knows: text as written
		}
		b.Append(text[run:m[0]], start+run)
		b.Append(decoded, start+m[0])
		run = m[1]
	}
	b.Append(text[run:], start+run)
}

// addLink records a link whose "[" is at start. goldmark gives no end
// offset, so the closing ")" is found the way the text parser finds it.
func (mp *mdParser) addLink(start int, text string, dest []byte) {
	if start < 0 || start >= len(mp.src) {
		return
	}
	end := start + 1
	target := ""
	if mp.src[start] == '[' {
		if _, targetStart, targetEnd, linkEnd, ok := scanLink(mp.src, start, len(mp.src)); ok {
			end = linkEnd
			target = asWritten(mp.src, targetStart, targetEnd, dest)
		}
	}
	if target == "" && len(dest) > 0 {
		target = string(dest)
	}
	mp.r.Links = append(mp.r.Links, document.Link{Text: text, Target: target, Span: document.Span{Start: start, End: end}})
}

// asWritten is dest, goldmark's link destination, as the source's own
// text when the target written in src[from:to] starts with it (after
// spaces and a "<"), and "" when it does not (an escape or entity
// decoded, a loosened mailto: target). Most links' targets are written
// as they are read, and a string of each was 3% of the allocations of
// checking the corpus.
func asWritten(src string, from, to int, dest []byte) string {
	for from < to && (src[from] == ' ' || src[from] == '\t' || src[from] == '\n') {
		from++
	}
	if from < to && src[from] == '<' {
		from++
	}
	if len(dest) > 0 && from+len(dest) <= to && src[from:from+len(dest)] == string(dest) {
		return src[from : from+len(dest)]
	}
	return ""
}
