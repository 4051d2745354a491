package lsp

import (
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Position encodings a client may offer.
const (
	encodingUTF16 = "utf-16"
	encodingUTF8  = "utf-8"
	encodingUTF32 = "utf-32"
)

// lineIndex converts between byte offsets in a document's text, as the
// client holds it (with any BOM and CRs), and LSP positions.
type lineIndex struct {
	text     string
	starts   []int // offset of each line's first byte
	encoding string
}

func newLineIndex(text, encoding string) *lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{text: text, starts: starts, encoding: encoding}
}

// position is the LSP position of a byte offset; an offset inside a
// character counts from that character's start.
func (x *lineIndex) position(offset int) Position {
	offset = max(0, min(offset, len(x.text)))
	line := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > offset }) - 1
	return Position{Line: line, Character: x.units(x.text[x.starts[line]:offset])}
}

// units counts s in the negotiated encoding.
func (x *lineIndex) units(s string) int {
	switch x.encoding {
	case encodingUTF8:
		return len(s)
	case encodingUTF32:
		return utf8.RuneCountInString(s)
	}
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// offset is the byte offset of an LSP position. A position past a line's
// end is that line's end (before its line break), and one past the last
// line is the end of the text, as the protocol asks; one inside a
// character is that character's start.
func (x *lineIndex) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(x.starts) {
		return len(x.text)
	}
	start := x.starts[p.Line]
	end := len(x.text)
	if p.Line+1 < len(x.starts) {
		end = x.starts[p.Line+1] - 1
		if end > start && x.text[end-1] == '\r' {
			end--
		}
	}
	if x.encoding == encodingUTF8 {
		o := start + min(p.Character, end-start)
		for o > start && !utf8.RuneStart(x.text[o]) {
			o--
		}
		return o
	}
	n := 0
	for i, r := range x.text[start:end] {
		if n >= p.Character {
			return start + i
		}
		if x.encoding == encodingUTF32 {
			n++
		} else {
			n += utf16.RuneLen(r)
		}
		if n > p.Character {
			return start + i
		}
	}
	return end
}
