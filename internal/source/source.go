// Package source turns the bytes of a report into checked, normalised text and
// is the one place that turns byte offsets into line:column positions.
//
// Parsers and rules see text with the UTF-8 byte order mark removed and CRLF line
// ends turned into LF, so they never deal with either. Positions are computed on
// that text: removing a BOM or the CR of a CRLF never changes a line or a column,
// and OriginalOffset maps an offset back to the file's own bytes for edits.
package source

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// DefaultMaxSize is the largest report read unless a flag or the config says otherwise.
const DefaultMaxSize = 10 << 20

var bom = []byte{0xEF, 0xBB, 0xBF}

// otherBOMs are the byte order marks of the encodings a report saved by
// mistake is most often in. UTF-32 first: its little-endian mark begins
// with UTF-16's.
var otherBOMs = []struct {
	mark     []byte
	encoding string
}{
	{[]byte{0xFF, 0xFE, 0x00, 0x00}, "UTF-32"},
	{[]byte{0x00, 0x00, 0xFE, 0xFF}, "UTF-32"},
	{[]byte{0xFF, 0xFE}, "UTF-16"},
	{[]byte{0xFE, 0xFF}, "UTF-16"},
}

// File is a report's text, checked and normalised, with its line index.
type File struct {
	Path string // as given by the user; "-" reads become the --stdin-filename
	Raw  []byte // the bytes as read
	Text string // Raw without a BOM, CRLF turned into LF

	HasBOM bool
	// removed holds, in increasing order, the offsets in Text of every LF whose
	// CR was dropped; OriginalOffset uses it to map back to Raw.
	removed []int
	lines   []int     // offset in Text of the first byte of each line
	cols    runeIndex // code point counts of Text, for columns
}

// Position is a 1-based line and column; columns count Unicode code points.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// Error is a refused input: the file, where in it, and why.
type Error struct {
	Path   string
	Pos    Position // zero when the problem is not at a place in the file
	Offset int      // byte offset in the file, -1 when not applicable
	Reason string
	Err    error // the system's error behind Reason, if any
}

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) Error() string {
	if e.Pos.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Column, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Reason)
}

// New checks raw and returns the normalised file. It refuses NUL bytes and
// invalid UTF-8, naming the first offending byte's line and column, and
// text in UTF-16 or UTF-32 with a byte order mark, naming the encoding.
//
// The File keeps raw as its Raw, and its Text shares raw's bytes when no
// CRLF had to be turned into LF (a copy would be a tenth of what checking
// a report allocates): the caller must not change raw afterwards.
func New(path string, raw []byte) (*File, error) {
	f := &File{Path: path, Raw: raw}
	for _, b := range otherBOMs {
		if bytes.HasPrefix(raw, b.mark) {
			// Its NUL bytes would otherwise call it a binary file.
			return nil, &Error{Path: path, Offset: -1, Reason: fmt.Sprintf("is %s (it starts with a %s byte order mark); save it as UTF-8", b.encoding, b.encoding)}
		}
	}
	body := raw
	if bytes.HasPrefix(body, bom) {
		f.HasBOM = true
		body = body[len(bom):]
	}
	base := len(raw) - len(body)
	if i := bytes.IndexByte(body, 0); i >= 0 {
		if enc := unmarkedUTF16(body); enc != "" {
			return nil, &Error{Path: path, Offset: -1, Reason: fmt.Sprintf("looks like %s text without a byte order mark; save it as UTF-8", enc)}
		}
		return nil, f.refuse(body, i, base, fmt.Sprintf("contains a NUL byte (at offset %d); this looks like a binary file, not a report", base+i))
	}
	if !utf8.Valid(body) {
		i := firstInvalid(body)
		return nil, f.refuse(body, i, base, fmt.Sprintf("is not valid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", body[i], base+i))
	}
	if bytes.Count(body, []byte("\r")) > 1 && bytes.IndexByte(body, '\n') < 0 {
		// Old Mac line ends: read as they are, the file would be one
		// line, and every position in it wrong.
		return nil, &Error{Path: path, Offset: -1, Reason: "ends its lines with a carriage return alone (old Mac line ends); save it with LF or CRLF line ends"}
	}
	if bytes.Contains(body, []byte("\r\n")) {
		out := make([]byte, 0, len(body))
		for i := 0; i < len(body); i++ {
			if body[i] == '\r' && i+1 < len(body) && body[i+1] == '\n' {
				f.removed = append(f.removed, len(out))
				continue
			}
			out = append(out, body[i])
		}
		f.Text = frozen(out)
	} else {
		f.Text = frozen(body)
	}
	f.lines = lineStarts(f.Text)
	f.cols = newRuneIndex(f.Text)
	return f, nil
}

// unmarkedUTF16 names the byte order of UTF-16 text saved without a byte
// order mark ("UTF-16LE", "UTF-16BE"), or is "": text in a Latin script
// has a NUL in every other byte, always on the same side, and no two NULs
// side by side. A binary file rarely keeps that up for its first kilobytes.
func unmarkedUTF16(b []byte) string {
	b = b[:min(len(b), 4096)&^1]
	if len(b) < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < len(b); i += 2 {
		switch {
		case b[i] == 0 && b[i+1] == 0:
			return ""
		case b[i] == 0:
			even++
		case b[i+1] == 0:
			odd++
		}
	}
	pairs := len(b) / 2
	switch {
	case odd*10 >= pairs*9 && even == 0:
		return "UTF-16LE"
	case even*10 >= pairs*9 && odd == 0:
		return "UTF-16BE"
	}
	return ""
}

// refuse builds an Error at offset i of body (the file without its BOM).
func (f *File) refuse(body []byte, i, base int, reason string) error {
	line := 1 + bytes.Count(body[:i], []byte("\n"))
	start := bytes.LastIndexByte(body[:i], '\n') + 1
	// Count code points the way Position does, treating any earlier bad bytes as one each.
	col := 1 + utf8.RuneCount(bytes.TrimSuffix(body[start:i], []byte("\r")))
	return &Error{Path: f.Path, Pos: Position{line, col}, Offset: base + i, Reason: reason}
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// frozen is b as a string without a copy; b must never change again (New's
// contract for raw, and out is New's own).
func frozen(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

func lineStarts(s string) []int {
	// Counted first (Count is as fast as IndexByte): a report's lines are
	// two or three times the 64 bytes a guess from its length would take.
	starts := make([]int, 1, 1+strings.Count(s, "\n"))
	// IndexByte reads many bytes at a time; a report's lines are long.
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// Position returns the line and column of a byte offset in Text. Offsets past
// the end clamp to the end; an offset inside a multi-byte character counts
// that character as started.
func (f *File) Position(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(f.Text) {
		offset = len(f.Text)
	}
	line := f.lineOf(offset)
	return Position{Line: line, Column: f.cols.column(f.Text, f.LineStart(line), offset)}
}

// lineOf is the 1-based line holding an offset already clamped to Text.
func (f *File) lineOf(offset int) int {
	return sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > offset })
}

// LineColumn is Position as two numbers, for packages that must not import this one.
func (f *File) LineColumn(offset int) (line, column int) {
	p := f.Position(offset)
	return p.Line, p.Column
}

// Offset is the inverse of Position: the byte offset in Text of a line and
// column. Positions past a line's end clamp to that end.
func (f *File) Offset(p Position) int {
	if p.Line < 1 {
		return 0
	}
	if p.Line > len(f.lines) {
		return len(f.Text)
	}
	return f.cols.offset(f.Text, f.LineStart(p.Line), f.LineEnd(p.Line), p.Column)
}

// Lines is the number of lines in Text.
func (f *File) Lines() int { return len(f.lines) }

// LineStart is the offset of the first byte of a 1-based line.
func (f *File) LineStart(line int) int { return f.lines[line-1] }

// LineEnd is the offset of the LF ending a 1-based line, or len(Text).
func (f *File) LineEnd(line int) int {
	if line < len(f.lines) {
		return f.lines[line] - 1
	}
	return len(f.Text)
}

// Line returns the text of a 1-based line without its line end.
func (f *File) Line(line int) string {
	if line < 1 || line > len(f.lines) {
		return ""
	}
	return f.Text[f.lines[line-1]:f.LineEnd(line)]
}

// OriginalOffset maps an offset in Text to the same place in Raw, for edits
// that must be written back to the file as it is on disk.
func (f *File) OriginalOffset(offset int) int {
	// Every CR dropped before offset shifts it by one; an offset at an LF maps
	// to its CR, so a replaced line end takes the whole CRLF with it.
	o := offset + sort.SearchInts(f.removed, offset)
	if f.HasBOM {
		o += len(bom)
	}
	return o
}
