package format

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("text", writeText) }

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiDim    = "\x1b[2m"
	ansiCyan   = "\x1b[36m"
)

// maxExcerpt is how many characters of a source line are shown; long lines
// are cut around the caret.
const maxExcerpt = 100

// writeText writes, per finding, "path:line:col level rule message", the
// source line with a caret under the span, and the hint; then a summary.
// It writes straight into the buffer, with no string made per piece: a run
// over a folder can write thousands of findings.
func writeText(w io.Writer, r *Run) error {
	t := textWriter{bw: bufio.NewWriter(w), color: r.Color}
	for file := range r.each() {
		for _, f := range file.Findings {
			levelColor := ansiBlue
			switch f.Level {
			case lint.Error:
				levelColor = ansiRed
			case lint.Warning:
				levelColor = ansiYellow
			}
			// Messages quote the report, and paths come from the disk:
			// neither may act on the terminal, nor start a line a CI
			// runner reads as a command.
			t.open(ansiBold)
			t.bw.WriteString(source.PrintableLine(f.Path))
			t.bw.WriteByte(':')
			t.int(f.Start.Line, 0)
			t.bw.WriteByte(':')
			t.int(r.column(file, f), 0)
			t.close()
			t.bw.WriteByte(' ')
			t.paint(levelColor, f.Level.String())
			t.bw.WriteByte(' ')
			t.paint(ansiDim, f.Rule)
			t.bw.WriteByte(' ')
			t.bw.WriteString(source.PrintableLine(f.Message))
			if f.Fix != nil {
				t.bw.WriteByte(' ')
				t.paint(ansiCyan, "[fixable]")
			}
			t.bw.WriteByte('\n')
			if view := file.Source; view != nil && f.Start.Line > 0 {
				lineStart := view.LineStart(f.Start.Line)
				end := -1
				if f.End.Line == f.Start.Line {
					end = f.Span.End - lineStart
				}
				line, caretCol, width := excerpt(view.Line(f.Start.Line), f.Span.Start-lineStart, end)
				t.open(ansiDim)
				t.int(f.Start.Line, 5)
				t.bw.WriteString(" | ")
				t.close()
				t.bw.WriteString(line)
				t.bw.WriteByte('\n')
				t.paint(ansiDim, "      | ")
				t.repeat(' ', caretCol-1)
				t.open(levelColor)
				t.repeat('^', width)
				t.close()
				t.bw.WriteByte('\n')
			}
			if f.Hint != "" {
				t.bw.WriteString("      ")
				t.paint(ansiCyan, "hint:")
				t.bw.WriteByte(' ')
				t.bw.WriteString(source.PrintableLine(f.Hint))
				t.bw.WriteByte('\n')
			}
		}
	}
	if !r.Quiet {
		t.bw.WriteString(SummaryLine(r.Summary()))
		t.bw.WriteByte('\n')
	}
	return t.bw.Flush()
}

// textWriter writes the pieces of the text format, coloured when asked.
// A write error is kept by the bufio.Writer and returned by its Flush.
type textWriter struct {
	bw    *bufio.Writer
	color bool
	num   [20]byte
}

// open starts a coloured stretch, and close ends it.
func (t *textWriter) open(code string) {
	if t.color {
		t.bw.WriteString(code)
	}
}

func (t *textWriter) close() {
	if t.color {
		t.bw.WriteString(ansiReset)
	}
}

func (t *textWriter) paint(code, s string) {
	t.open(code)
	t.bw.WriteString(s)
	t.close()
}

// int writes n right-aligned in width characters, as %*d does.
func (t *textWriter) int(n, width int) {
	digits := strconv.AppendInt(t.num[:0], int64(n), 10)
	t.repeat(' ', width-len(digits))
	t.bw.Write(digits)
}

func (t *textWriter) repeat(c byte, n int) {
	for ; n > 0; n-- {
		t.bw.WriteByte(c)
	}
}

// excerpt returns the line to show (tabs as spaces, cut to maxExcerpt
// characters around the span), the caret's column in it and its width, in
// terminal cells. start and end are the span's byte offsets in line; an end
// of -1 means the span runs past the end of the line.
func excerpt(line string, start, end int) (string, int, int) {
	shown, caret, width := excerptRunes(line, start, end)
	// The caret goes under the span as a terminal draws it: a CJK
	// character or an emoji takes two cells, a combining accent none.
	// Counted over the string as []rune(shown) would hold it, without
	// making the slice.
	before, under, n := 0, 0, 0 // cells before the caret and under it; characters read
	for _, r := range shown {
		switch {
		case n < caret-1:
			before += cellWidth(r)
		case n < caret-1+width:
			under += cellWidth(r)
		}
		n++
	}
	return shown, 1 + before, max(under, 1)
}

// cellWidth is 0 for a combining mark or a zero-width character, 2 for an
// East Asian wide or fullwidth character or an emoji, 1 otherwise: the few
// lines of Unicode's East Asian Width that reports meet.
func cellWidth(r rune) int {
	if r < 0x300 { // below the first combining mark, every character takes one cell
		return 1
	}
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me), r >= 0x200B && r <= 0x200F, r == 0xFEFF, r >= 0xFE00 && r <= 0xFE0F:
		return 0
	case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0x303E, r >= 0x3041 && r <= 0x33FF,
		r >= 0x3400 && r <= 0x4DBF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xA000 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, r >= 0x1F300 && r <= 0x1F64F,
		r >= 0x1F900 && r <= 0x1F9FF, r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// excerptRunes is excerpt with the caret's column and width in characters.
// The line is cut by bytes around the span before any character is counted
// or converted, so that the work per finding does not grow with the line: a
// 10 MB line with thousands of findings would otherwise be read thousands
// of times.
func excerptRunes(line string, start, end int) (string, int, int) {
	start = runeStartAtOrBefore(line, min(max(start, 0), len(line)))
	if end < 0 || end > len(line) {
		end = len(line)
	}
	if len(line) <= maxExcerpt || !longerThan(line, maxExcerpt) {
		return shownText(line), 1 + utf8.RuneCountInString(line[:start]), spanWidth(line, start, end)
	}
	from, before := start, 0 // the cut's first byte, and the characters from it to the span
	for before < maxExcerpt/3 && from > 0 {
		_, n := utf8.DecodeLastRuneInString(line[:from])
		from -= n
		before++
	}
	to := from // the cut's end: maxExcerpt characters from its first
	for n := 0; n < maxExcerpt && to < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[to:])
		to += size
	}
	shown := shownText(line[from:to])
	caret := 1 + before
	if from > 0 {
		shown = "…" + shown
		caret++
	}
	if to < len(line) {
		shown += "…"
	}
	return shown, caret, spanWidth(line, start, min(end, to))
}

// shownText is report text as an excerpt shows it: tabs as spaces and
// control characters as their pictures, one character for one.
func shownText(s string) string { return source.Printable(strings.ReplaceAll(s, "\t", " ")) }

// spanWidth is the characters in line[start:end], at least one.
func spanWidth(line string, start, end int) int {
	if end <= start {
		return 1
	}
	return max(utf8.RuneCountInString(line[start:end]), 1)
}

// longerThan reports whether s has more than n characters, reading no
// further than needed to tell.
func longerThan(s string, n int) bool {
	for range s {
		if n == 0 {
			return true
		}
		n--
	}
	return false
}

// runeStartAtOrBefore moves an offset inside a character back to its first byte.
func runeStartAtOrBefore(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
