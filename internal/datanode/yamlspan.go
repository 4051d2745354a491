package datanode

import (
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// yaml.v3 gives each node only a start, as a 1-based line and column, and
// it counts columns in characters (code points), not bytes: on the line
// "é: [x, “y”]" it puts '[' in column 4, though '[' is the line's fifth byte
// (é takes two). TestYAMLColumnsCountCodePoints pins this down. lineIndex
// turns those positions into byte offsets; the code below finds each node's
// end by reading the text from its start.

// lineIndex maps yaml.v3 line and column numbers to byte offsets.
type lineIndex struct {
	text   string
	starts []int // byte offset of each line's first byte
	ascii  bool  // every column is then one byte
	// The last position looked up: nodes are visited in document order, so
	// the next one is usually further along the same line, and on long
	// non-ASCII lines counting on from there keeps the lookups linear.
	lastLine, lastColumn, lastOffset int
}

// newLineIndex splits text into lines where yaml.v3 does: at LF, CR, CR LF,
// NEL (U+0085), LS (U+2028) and PS (U+2029).
func newLineIndex(text string) *lineIndex {
	x := &lineIndex{text: text, starts: []int{0}, ascii: true}
	for i := 0; i < len(text); {
		if text[i] >= utf8.RuneSelf {
			x.ascii = false
		}
		if n := breakLen(text, i); n > 0 {
			i += n
			x.starts = append(x.starts, i)
			continue
		}
		i++
	}
	return x
}

// lineEnd returns the offset just past line (1-based) and its line break.
func (x *lineIndex) lineEnd(line int) int {
	if line >= len(x.starts) {
		return len(x.text)
	}
	return x.starts[line]
}

// offset converts a 1-based line and a 1-based column counted in code
// points to a byte offset, clamped to the text.
func (x *lineIndex) offset(line, column int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.starts) {
		return len(x.text)
	}
	if column < 1 {
		column = 1
	}
	lineStart := x.starts[line-1]
	if line == 1 && strings.HasPrefix(x.text, "\ufeff") {
		// yaml.v3 reads a leading byte order mark as the encoding, not as a
		// character of the first line. (Callers normally remove it.)
		lineStart += len("\ufeff")
	}
	if x.ascii {
		return min(lineStart+column-1, x.lineEnd(line))
	}
	off, col := lineStart, 1
	if line == x.lastLine && column >= x.lastColumn {
		off, col = x.lastOffset, x.lastColumn
	}
	limit := x.lineEnd(line)
	for col < column && off < limit {
		_, size := utf8.DecodeRuneInString(x.text[off:])
		off += size
		col++
	}
	x.lastLine, x.lastColumn, x.lastOffset = line, col, off
	return off
}

// breakLen returns the length of the line break at text[i], or 0.
func breakLen(text string, i int) int {
	switch c := text[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xC2:
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2 // NEL
		}
	case c == 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3 // LS, PS
		}
	}
	return 0
}

// blankLen returns the length of the space, tab or line break at text[i],
// or 0.
func blankLen(text string, i int) int {
	if text[i] == ' ' || text[i] == '\t' {
		return 1
	}
	return breakLen(text, i)
}

// isAnchorChar is the character class yaml.v3 allows in anchor names.
func isAnchorChar(c byte) bool {
	return isDigit(c) || isLetter(c) || c == '_' || c == '-'
}

func (c *yamlConverter) at(i int, want byte) bool {
	return i < len(c.text) && c.text[i] == want
}

// skipSpaceAndComments steps over blanks, line breaks and comments. It is
// only used between tokens, where yaml.v3 takes any '#' to begin a comment
// ("[#0" opens an empty list); inside a plain scalar "a#b" is text, but
// matchValue has stepped over that already.
func (c *yamlConverter) skipSpaceAndComments(i int) int {
	text := c.text
	for i < len(text) {
		if n := blankLen(text, i); n > 0 {
			i += n
			continue
		}
		if text[i] == '#' {
			for i < len(text) && breakLen(text, i) == 0 {
				i++
			}
			continue
		}
		break
	}
	return i
}

// skipProperties steps over the anchor and tag of node yn, which starts at
// start, and returns where its content starts and where its last property
// ends (start itself if it has none). The properties come in either order
// and may sit on lines of their own. yaml.v3 records whether the node has an
// anchor but not a lone non-specific tag ("!"), so at most one tag is taken.
// When the node has no content (`key: !t`), whatever follows on the next
// line belongs to the next node, even if it is a property ("&a key: v").
func (c *yamlConverter) skipProperties(start int, yn *yaml.Node) (content, propsEnd int) {
	text := c.text
	anchor, tag := yn.Anchor != "", true
	crossLines := yn.Kind != yaml.ScalarNode || yn.Value != "" || yn.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0
	i, propsEnd := start, start
	for {
		j := i
		if j > start {
			if crossLines {
				j = c.skipSpaceAndComments(j)
			} else {
				for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
					j++
				}
			}
		}
		switch {
		case anchor && c.at(j, '&'):
			anchor = false
			j++
			for j < len(text) && isAnchorChar(text[j]) {
				j++
			}
		case tag && c.at(j, '!'):
			tag = false
			// yaml.v3 ends every tag, verbatim !<…> or shorthand, at a blank.
			for j < len(text) && blankLen(text, j) == 0 {
				j++
			}
		default:
			return j, propsEnd
		}
		i, propsEnd = j, j
	}
}

// aliasEnd returns the end of the *name token at start.
func (c *yamlConverter) aliasEnd(start int) int {
	if !c.at(start, '*') {
		c.problem(start, "alias does not start with '*'")
		return start
	}
	i := start + 1
	for i < len(c.text) && isAnchorChar(c.text[i]) {
		i++
	}
	return i
}

func (c *yamlConverter) doubleQuotedEnd(start int) int {
	if !c.at(start, '"') {
		c.problem(start, "double-quoted scalar does not start with '\"'")
		return start
	}
	for i := start + 1; i < len(c.text); i++ {
		switch c.text[i] {
		case '\\':
			i++ // whatever is escaped, it does not close the string
		case '"':
			return i + 1
		}
	}
	c.problem(start, "double-quoted scalar is not closed")
	return len(c.text)
}

func (c *yamlConverter) singleQuotedEnd(start int) int {
	if !c.at(start, '\'') {
		c.problem(start, "single-quoted scalar does not start with \"'\"")
		return start
	}
	for i := start + 1; i < len(c.text); i++ {
		if c.text[i] == '\'' {
			if c.at(i+1, '\'') {
				i++ // '' is an escaped quote
				continue
			}
			return i + 1
		}
	}
	c.problem(start, "single-quoted scalar is not closed")
	return len(c.text)
}

// blockScalarEnd returns the end of a | or > scalar whose indicator is at
// start: the end of its last line with content, or of the header when the
// scalar is empty.
func (c *yamlConverter) blockScalarEnd(start int, value string) int {
	text := c.text
	if !c.at(start, '|') && !c.at(start, '>') {
		c.problem(start, "block scalar does not start with '|' or '>'")
		return start
	}
	headerEnd := start + 1
	for headerEnd < len(text) && (text[headerEnd] == '+' || text[headerEnd] == '-' || isDigit(text[headerEnd])) {
		headerEnd++
	}
	if !hasContent(value) {
		return headerEnd
	}
	// The content starts on the line after the header (which may end in a
	// comment).
	i := headerEnd
	for i < len(text) && breakLen(text, i) == 0 {
		i++
	}
	if i < len(text) {
		i += breakLen(text, i)
	}
	return c.matchValue(i, value)
}

// plainEnd returns the end of a plain scalar starting at start, which may
// run over several lines.
func (c *yamlConverter) plainEnd(start int, value string) int {
	return c.matchValue(start, value)
}

// matchValue reads the source of a plain or block scalar from start against
// its decoded value and returns the end of the last non-blank character.
// Neither style has escapes, so the two agree character for character except
// where the source has indentation or line breaks that the value folds into
// other whitespace; any run of whitespace on either side is therefore
// skipped together with the other side's run.
func (c *yamlConverter) matchValue(start int, value string) int {
	text := c.text
	i, v, end := start, 0, start
	for v < len(value) {
		if i < len(text) && text[i] == value[v] {
			if value[v] != ' ' && value[v] != '\t' && value[v] != '\n' {
				end = i + 1
			}
			i++
			v++
			continue
		}
		textBlank := i < len(text) && blankLen(text, i) > 0
		valueBlank := blankLen(value, v) > 0
		if !textBlank && !valueBlank {
			c.problem(i, "scalar text does not match its value")
			return end
		}
		for i < len(text) && blankLen(text, i) > 0 {
			i += blankLen(text, i)
		}
		for v < len(value) && blankLen(value, v) > 0 {
			v += blankLen(value, v)
		}
	}
	return end
}

// hasContent reports whether a value has any character but spaces, tabs and
// line breaks.
func hasContent(value string) bool {
	for i := 0; i < len(value); {
		n := blankLen(value, i)
		if n == 0 {
			return true
		}
		i += n
	}
	return false
}

// afterIndicator returns the offset just past the indicator ('-', ':', ',')
// that introduces a value left empty, looking from the end of what comes
// before it; or from itself when there is no such indicator ({a}).
func (c *yamlConverter) afterIndicator(from int, indicator byte, flow bool) int {
	i := c.skipSpaceAndComments(from)
	if !c.at(i, indicator) {
		return from
	}
	// An indicator is followed by a blank, or in flow style may end an
	// entry; ":0", ":," and "-x" in block style start plain scalars instead.
	next := i + 1
	if next == len(c.text) || blankLen(c.text, next) > 0 || (flow && strings.IndexByte(",[]{}", c.text[next]) >= 0) {
		return next
	}
	return from
}

// closing returns the end of a flow collection whose last entry ends at
// from: past an optional trailing comma and the closing bracket.
func (c *yamlConverter) closing(from int, bracket byte) int {
	i := c.skipSpaceAndComments(from)
	if c.at(i, ',') {
		i = c.skipSpaceAndComments(i + 1)
	}
	if !c.at(i, bracket) {
		c.problem(from, "flow collection does not end with %q", bracket)
		return from
	}
	return i + 1
}
