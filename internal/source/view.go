package source

import (
	"sort"
	"strings"
)

// View is what output reads of a checked file: positions, lines and pieces
// of text. A *File is a View; so is the *Kept a run holds once a file's
// model is dropped, so that checking ten thousand files does not hold ten
// thousand texts until the report is written.
type View interface {
	Position(offset int) Position
	LineStart(line int) int
	Line(line int) string
	// Slice is the text between two offsets.
	Slice(start, end int) string
}

// Slice is f.Text[start:end], with the offsets clamped to the text.
func (f *File) Slice(start, end int) string {
	start = min(max(start, 0), len(f.Text))
	end = min(max(end, start), len(f.Text))
	return f.Text[start:end]
}

// Kept is the part of a file that output quotes: the whole lines that some
// byte ranges touch. Offsets are those of the full file; asked about an
// offset outside the kept lines, it answers as if the text there were empty.
type Kept struct {
	lines   []keptLine // in order
	textLen int        // len of the file's Text, to clamp offsets as File does
}

type keptLine struct {
	number int // 1-based
	start  int // offset of its first byte in the file
	text   string
	cols   runeIndex
}

// Keep copies out the lines that the ranges [start, end) touch, so that f
// itself can be let go.
func (f *File) Keep(ranges [][2]int) *Kept {
	// The ranges as runs of lines, in order, so that each line is visited
	// once however many ranges cover it.
	clamp := func(offset int) int { return min(max(offset, 0), len(f.Text)) }
	runs := make([][2]int, 0, len(ranges))
	for _, r := range ranges {
		runs = append(runs, [2]int{f.lineOf(clamp(r[0])), f.lineOf(clamp(max(r[1], r[0])))})
	}
	sort.Slice(runs, func(i, j int) bool { return runs[i][0] < runs[j][0] })
	k := &Kept{textLen: len(f.Text)}
	next := 1 // the first line not yet kept
	for _, run := range runs {
		for l := max(run[0], next); l <= run[1]; l++ {
			// A copy, not a slice of f.Text, so that the text can be collected.
			text := strings.Clone(f.Line(l))
			k.lines = append(k.lines, keptLine{number: l, start: f.LineStart(l), text: text, cols: newRuneIndex(text)})
		}
		next = max(next, run[1]+1)
	}
	return k
}

// find is the kept line holding offset, if any.
func (k *Kept) find(offset int) (keptLine, bool) {
	i := sort.Search(len(k.lines), func(i int) bool { return k.lines[i].start > offset }) - 1
	if i < 0 {
		return keptLine{}, false
	}
	l := k.lines[i]
	if offset > l.start+len(l.text) {
		return keptLine{}, false
	}
	return l, true
}

// Position is the line and column of an offset in a kept line; for any
// other offset it is the zero Position.
func (k *Kept) Position(offset int) Position {
	offset = min(max(offset, 0), k.textLen)
	l, ok := k.find(offset)
	if !ok {
		return Position{}
	}
	return Position{Line: l.number, Column: l.cols.column(l.text, 0, offset-l.start)}
}

func (k *Kept) line(n int) (keptLine, bool) {
	i := sort.Search(len(k.lines), func(i int) bool { return k.lines[i].number >= n })
	if i < len(k.lines) && k.lines[i].number == n {
		return k.lines[i], true
	}
	return keptLine{}, false
}

// LineStart is the offset of a kept line's first byte (0 for a line not kept).
func (k *Kept) LineStart(n int) int {
	l, _ := k.line(n)
	return l.start
}

// Line is a kept line's text, without its line end ("" for a line not kept).
func (k *Kept) Line(n int) string {
	l, _ := k.line(n)
	return l.text
}

// Slice is the text between two offsets, from the kept lines, with the line
// ends between them.
func (k *Kept) Slice(start, end int) string {
	start = min(max(start, 0), k.textLen)
	end = min(max(end, start), k.textLen)
	var b []byte
	first := true
	// The kept lines are in order: start at the first that reaches start,
	// as output slices once per finding and a file may keep many lines.
	from := sort.Search(len(k.lines), func(i int) bool { return k.lines[i].start+len(k.lines[i].text) >= start })
	for _, l := range k.lines[from:] {
		if l.start > end {
			break
		}
		if !first {
			b = append(b, '\n')
		}
		first = false
		b = append(b, l.text[max(start, l.start)-l.start:min(end, l.start+len(l.text))-l.start]...)
	}
	return string(b)
}
