package parse

import (
	"bytes"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/reportlint/reportlint/internal/document"
)

// A plainParagraph is a closed paragraph none of whose lines holds a byte
// an inline parser starts at, or a backslash. goldmark's inline pass would
// make one text node of each of its lines; the node is raw, so the pass
// skips it, and mdParser reads the lines itself (plainText). Half the
// corpus's paragraph text is plain, and the inline pass, a byte at a time
// with a node a line, was a tenth of checking it.
type plainParagraph struct{ ast.BaseBlock }

var kindPlainParagraph = ast.NewNodeKind("PlainParagraph")

func (n *plainParagraph) Kind() ast.NodeKind { return kindPlainParagraph }

// IsRaw makes goldmark's inline pass leave the node alone.
func (n *plainParagraph) IsRaw() bool { return true }

func (n *plainParagraph) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// plainParagraphs is the paragraph transformer that makes plainParagraphs.
// It runs after the link reference transformer, on what that one left.
type plainParagraphs struct {
	// markup marks the bytes goldmark's inline pass acts on: its parsers'
	// triggers and the backslash that escapes them.
	markup [256]bool
}

func newPlainParagraphs(inlineParsers []util.PrioritizedValue) *plainParagraphs {
	t := &plainParagraphs{}
	t.markup['\\'] = true
	for _, v := range inlineParsers {
		for _, c := range v.Value.(parser.InlineParser).Trigger() {
			t.markup[c] = true
		}
	}
	return t
}

// Transform replaces a plain paragraph with a plainParagraph, closing it as
// goldmark's paragraph parser would have: goldmark does not close a
// paragraph a transformer took out.
func (t *plainParagraphs) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	// A setext heading's underline is the line being read when its
	// paragraph is transformed, after goldmark closed it; a paragraph
	// taken out there would unmake the heading. Left alone, it is parsed
	// as goldmark parses it.
	if line, _ := reader.PeekLine(); isSetextUnderline(line) {
		return
	}
	src := reader.Source()
	lines := p.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		if seg.Padding != 0 || seg.Start >= seg.Stop || t.holdsMarkup(src[seg.Start:seg.Stop]) {
			return
		}
	}
	parser.NewParagraphParser().Close(p, reader, pc)
	parent := p.Parent()
	if parent == nil {
		return // Close took out a paragraph of no lines
	}
	n := newPlainParagraph(pc)
	n.SetLines(p.Lines())
	n.SetBlankPreviousLines(p.HasBlankPreviousLines())
	n.SetPos(p.Pos())
	parent.ReplaceChild(parent, p, n)
}

// plainSlabKey keeps, in a parse's context, the array its plainParagraphs
// are cut from: one allocation for 32, where each was its own.
var plainSlabKey = parser.NewContextKey()

type plainSlab struct{ nodes []plainParagraph }

func newPlainParagraph(pc parser.Context) *plainParagraph {
	s, _ := pc.Get(plainSlabKey).(*plainSlab)
	if s == nil {
		s = &plainSlab{}
		pc.Set(plainSlabKey, s)
	}
	if len(s.nodes) == cap(s.nodes) {
		s.nodes = make([]plainParagraph, 0, 32) // never grown: pointers into it hold
	}
	s.nodes = append(s.nodes, plainParagraph{})
	return &s.nodes[len(s.nodes)-1]
}

func (t *plainParagraphs) holdsMarkup(line []byte) bool {
	for _, c := range line {
		if t.markup[c] {
			return true
		}
	}
	return false
}

// isSetextUnderline reports whether line may underline a setext heading:
// "=" or "-" alone between spaces. It may say yes to more (indented
// lines), which only leaves a paragraph to goldmark's inline pass.
func isSetextUnderline(line []byte) bool {
	i := 0
	for i < len(line) && isLineSpace(line[i]) {
		i++
	}
	if i == len(line) || line[i] != '=' && line[i] != '-' {
		return false
	}
	for c := line[i]; i < len(line) && line[i] == c; i++ {
	}
	for ; i < len(line); i++ {
		if !isLineSpace(line[i]) {
			return false
		}
	}
	return true
}

func isLineSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// plainText appends a plainParagraph's text to b as inline appends the
// text nodes goldmark would have made of its lines.
func (mp *mdParser) plainText(n *plainParagraph, b *document.InlineBuilder) {
	lines := n.Lines()
	for i := range lines.Len() {
		seg, lineBreak := plainLine(mp.source, lines.At(i))
		if seg.Stop > seg.Start {
			// appendProse less its search for "**": a plain line has no "*".
			appendUnescaped(b, mp.src, seg.Start, seg.Stop)
		}
		if lineBreak && b.Len() > 0 && b.LastByte() != ' ' {
			b.AppendSynthetic(" ")
		}
	}
}

// plainLine is the text node goldmark's inline pass makes of a line with no
// markup (parser.parseBlock): the line up to its newline, less the two
// spaces of a hard break and trailing space; lineBreak is whether the node
// ends in a soft or hard break.
func plainLine(source []byte, seg text.Segment) (text.Segment, bool) {
	line := source[seg.Start:seg.Stop]
	n := len(line)
	if n == 0 {
		return seg, false
	}
	lineBreak := line[n-1] == '\n'
	switch {
	case !lineBreak:
	case n >= 3 && line[n-3] == ' ' && line[n-2] == ' ':
		n -= 3
	case n >= 4 && line[n-4] == ' ' && line[n-3] == ' ' && line[n-2] == '\r':
		n -= 4
	}
	if i := bytes.IndexByte(line[:n], '\n'); i >= 0 {
		n = i
	}
	node := text.NewSegment(seg.Start, seg.Start+n)
	return node.TrimRightSpace(source), lineBreak
}
