package document

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inline is running text with inline markup removed, and the way back from
// offsets in that text to spans in the source.
type Inline struct {
	Text string
	// Segments are the runs of Text copied verbatim from the source, in
	// order. Text between runs (a space standing for a line break) maps to
	// the nearest source position.
	Segments []Segment
	// Anchor is where text with no verbatim run maps to: a JSON string
	// written with escapes maps, as a whole, to its token.
	Anchor Span
	// Code are the ranges of Text that are code (a Markdown code span):
	// shown as written, but not prose, so facts and style are not read there.
	// They are in order and do not overlap.
	Code []Span
	// Strong are the ranges of Text written in bold (**…**), in the order
	// they close (an inner one first). A bold line run into the paragraph that follows it (the
	// conversion lost the line break) ends where its bold ends.
	Strong []Span
}

// InCode reports whether the text range [start, end) overlaps code. It
// searches, as rules ask it about every quote or dash of a paragraph that
// may hold thousands of code spans.
func (in *Inline) InCode(start, end int) bool {
	i := sort.Search(len(in.Code), func(i int) bool { return in.Code[i].End > start })
	return i < len(in.Code) && in.Code[i].Start < max(end, start+1)
}

// Segment says that Text[TextStart:TextStart+Len] is Source[SourceStart:SourceStart+Len].
type Segment struct {
	TextStart   int
	SourceStart int
	Len         int
}

// InlineBuilder accumulates an Inline.
//
// Most paragraphs are one run of the source: that run is kept as it is,
// and Inline returns it without a copy (view). Only a second piece makes
// the builder copy into sb, whose String is not a copy either: the text is
// made once, not grown in a slice and then copied into a string.
type InlineBuilder struct {
	view   string // the text so far while it is one piece; see viewing
	sb     strings.Builder
	segs   []Segment
	code   []Span
	strong []Span
	// viewing: the text so far is view, not sb's. False for an empty builder.
	viewing bool
}

// text is the text built so far.
func (b *InlineBuilder) text() string {
	if b.viewing {
		return b.view
	}
	return b.sb.String()
}

// add appends s to the text, keeping it as a view while it is the only piece.
func (b *InlineBuilder) add(s string) {
	switch {
	case b.viewing:
		b.viewing = false
		b.sb.Grow(len(b.view) + len(s) + 16) // room for the pieces that usually follow: a space, a word
		b.sb.WriteString(b.view)
		b.view = ""
		b.sb.WriteString(s)
	case b.sb.Len() == 0:
		b.view, b.viewing = s, true
	default:
		b.sb.WriteString(s)
	}
}

// MarkStrong records that the text from offset start to the current end is bold.
func (b *InlineBuilder) MarkStrong(start int) {
	if n := b.Len(); start < n {
		b.strong = append(b.strong, Span{Start: start, End: n})
	}
}

// LastRune is the last character of the text so far, or 0.
func (b *InlineBuilder) LastRune() rune {
	t := b.text()
	if t == "" {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return r
}

// MarkCode records that the text from offset start to the current end is code.
func (b *InlineBuilder) MarkCode(start int) {
	if n := b.Len(); start < n {
		b.code = append(b.code, Span{Start: start, End: n})
	}
}

// Append adds s, which is the source text starting at sourceStart. A
// no-break or other Unicode space (U+00A0, U+202F, …) is added as a plain
// space, so that the text reads as it looks: "crime\u00a0and kidnapping" is
// three words. The space is synthetic: a span that starts or ends at it
// maps to a boundary of the character as written.
func (b *InlineBuilder) Append(s string, sourceStart int) {
	run := 0 // start of the part of s not yet added
	for i := 0; i < len(s); {
		if i = nonASCII(s, i); i == len(s) {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Zs, r) {
			b.appendVerbatim(s[run:i], sourceStart+run)
			b.AppendSynthetic(" ")
			run = i + n
		}
		i += n
	}
	b.appendVerbatim(s[run:], sourceStart+run)
}

// nonASCII is the offset of the first byte at or after i that is not
// ASCII, or len(s). It tests eight bytes at a time: a report is nearly all
// ASCII, and Append reads every byte of every paragraph.
func nonASCII(s string, i int) int {
	for ; i+16 <= len(s); i += 16 {
		if (load64(s, i)|load64(s, i+8))&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i+8 <= len(s); i += 8 {
		if load64(s, i)&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return i
}

// load64 is s[i:i+8] as a little-endian word: the compiler makes it one
// load, where or-ing eight bytes made eight.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func (b *InlineBuilder) appendVerbatim(s string, sourceStart int) {
	if s == "" {
		return
	}
	if n := len(b.segs); n > 0 {
		last := &b.segs[n-1]
		if last.TextStart+last.Len == b.Len() && last.SourceStart+last.Len == sourceStart {
			last.Len += len(s)
			b.add(s)
			return
		}
	}
	b.segs = append(b.segs, Segment{TextStart: b.Len(), SourceStart: sourceStart, Len: len(s)})
	b.add(s)
}

// AppendSynthetic adds text that is not in the source as written, such as a
// space standing for a line break.
func (b *InlineBuilder) AppendSynthetic(s string) {
	if s != "" {
		b.add(s)
	}
}

// Len is the length of the text so far.
func (b *InlineBuilder) Len() int {
	if b.viewing {
		return len(b.view)
	}
	return b.sb.Len()
}

// LastByte is the last byte of the text so far, or 0.
func (b *InlineBuilder) LastByte() byte {
	t := b.text()
	if t == "" {
		return 0
	}
	return t[len(t)-1]
}

// Since returns the text appended after the builder had length n.
func (b *InlineBuilder) Since(n int) string { return b.text()[n:] }

// Inline returns the text built so far.
func (b *InlineBuilder) Inline() Inline {
	return Inline{Text: b.text(), Segments: b.segs, Code: b.code, Strong: b.strong}
}

// ReserveSegments gives the builder room for n segments, which Take hands
// on from paragraph to paragraph: a plain-text report's paragraphs were
// each one small allocation for their single segment.
func (b *InlineBuilder) ReserveSegments(n int) {
	if cap(b.segs)-len(b.segs) < n {
		b.segs = append(make([]Segment, 0, len(b.segs)+n), b.segs...)
	}
}

// KeepSegmentRoom makes sure the builder has room for least segments,
// reserving slab at a time when it has not. A Markdown report's
// paragraphs are built one after another (Take), and each grew its
// segments anew from none once the room was used up.
func (b *InlineBuilder) KeepSegmentRoom(least, slab int) {
	if cap(b.segs)-len(b.segs) < least {
		b.ReserveSegments(max(least, slab))
	}
}

// Take returns the text built so far, like Inline, and empties the builder
// for the next text, which gets the segment room left. The segments
// returned have no spare capacity, so an append to them copies rather than
// writes over the next text's.
func (b *InlineBuilder) Take() Inline {
	n := len(b.segs)
	in := Inline{Text: b.text(), Code: b.code, Strong: b.strong}
	if n > 0 {
		in.Segments = b.segs[:n:n]
	}
	*b = InlineBuilder{segs: b.segs[n:n]}
	return in
}

// Source maps the text range [start, end) to a source span.
func (in *Inline) Source(start, end int) Span {
	if len(in.Segments) == 0 {
		return in.Anchor
	}
	s := in.sourceOffset(start, false)
	e := s
	if end > start {
		e = in.sourceOffset(end-1, true) + 1
	}
	if e < s {
		e = s
	}
	return Span{Start: s, End: e}
}

// sourceOffset maps one text offset. A synthetic offset maps to the end of
// the segment before it (or the start of the one after, for a start offset).
func (in *Inline) sourceOffset(t int, isEnd bool) int {
	i := sort.Search(len(in.Segments), func(i int) bool { return in.Segments[i].TextStart > t }) - 1
	if i < 0 {
		return in.Segments[0].SourceStart
	}
	seg := in.Segments[i]
	if t < seg.TextStart+seg.Len {
		return seg.SourceStart + (t - seg.TextStart)
	}
	// t falls in synthetic text after segment i.
	if !isEnd && i+1 < len(in.Segments) {
		return in.Segments[i+1].SourceStart
	}
	return seg.SourceStart + seg.Len - 1
}
