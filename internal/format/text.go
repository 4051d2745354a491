package format

import (
	"bufio"
	"fmt"
	"io"
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
func writeText(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !r.Color {
			return s
		}
		return code + s + ansiReset
	}
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
			fixable := ""
			if f.Fix != nil {
				fixable = " " + paint(ansiCyan, "[fixable]")
			}
			fmt.Fprintf(bw, "%s %s %s %s%s\n",
				paint(ansiBold, fmt.Sprintf("%s:%d:%d", source.PrintableLine(f.Path), f.Start.Line, r.column(file, f))),
				paint(levelColor, f.Level.String()), paint(ansiDim, f.Rule), source.PrintableLine(f.Message), fixable)
			if view := file.Source; view != nil && f.Start.Line > 0 {
				lineStart := view.LineStart(f.Start.Line)
				end := -1
				if f.End.Line == f.Start.Line {
					end = f.Span.End - lineStart
				}
				line, caretCol, width := excerpt(view.Line(f.Start.Line), f.Span.Start-lineStart, end)
				fmt.Fprintf(bw, "%s%s\n", paint(ansiDim, fmt.Sprintf("%5d | ", f.Start.Line)), line)
				fmt.Fprintf(bw, "%s%s%s\n", paint(ansiDim, "      | "), strings.Repeat(" ", caretCol-1), paint(levelColor, strings.Repeat("^", width)))
			}
			if f.Hint != "" {
				fmt.Fprintf(bw, "      %s %s\n", paint(ansiCyan, "hint:"), source.PrintableLine(f.Hint))
			}
		}
	}
	if !r.Quiet {
		fmt.Fprintln(bw, SummaryLine(r.Summary()))
	}
	return bw.Flush()
}

// excerpt returns the line to show (tabs as spaces, cut to maxExcerpt
// characters around the span), the caret's column in it and its width, in
// terminal cells. start and end are the span's byte offsets in line; an end
// of -1 means the span runs past the end of the line.
func excerpt(line string, start, end int) (string, int, int) {
	shown, caret, width := excerptRunes(line, start, end)
	// The caret goes under the span as a terminal draws it: a CJK
	// character or an emoji takes two cells, a combining accent none.
	runes := []rune(shown)
	caret = min(caret, len(runes)+1)
	end = min(caret-1+width, len(runes))
	return shown, 1 + cells(runes[:caret-1]), max(cells(runes[caret-1:end]), 1)
}

// cells is how many terminal cells runes take.
func cells(runes []rune) int {
	n := 0
	for _, r := range runes {
		n += cellWidth(r)
	}
	return n
}

// cellWidth is 0 for a combining mark or a zero-width character, 2 for an
// East Asian wide or fullwidth character or an emoji, 1 otherwise: the few
// lines of Unicode's East Asian Width that reports meet.
func cellWidth(r rune) int {
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
