package parse

import (
	"fmt"
	"iter"
	"strings"

	"github.com/reportlint/reportlint/internal/source"
)

// MaxNesting is how deep block quotes and lists may nest in a Markdown
// report. goldmark's work on a line grows with the square of the containers
// open on it (200,000 nested block quotes take minutes, 3,000 nested lists
// over a minute and a gigabyte), and no report nests more than a few levels,
// so a file that goes past the limit is refused before goldmark sees it.
const MaxNesting = 100

// MaxBlocks is how many blocks (paragraphs, headings, list items) a
// Markdown report may have. goldmark's tree takes about a kilobyte per list
// item (a 5 MB list of 1.3 million items took 1.4 GB and 16 s, 300,000
// headings 665 MB), and the longest real reports have a few thousand
// blocks, so a file past the limit is refused before goldmark reads it.
const MaxBlocks = 100_000

// checkNesting refuses Markdown whose block quotes and lists nest deeper
// than MaxNesting, naming the line and column where the limit is passed.
//
// The depth of a line is bounded from above without parsing: every block
// quote mark ">" and list marker ("-", "+", "*", "1." or "1)" followed by a
// space) at its start opens a level, and its indentation can continue at
// most one list item per two columns, and no more items than the list
// markers seen on earlier lines. Thematic breaks ("- - -") open nothing.
//
// It also refuses a file of more than MaxBlocks blocks, counted from above
// as paragraph starts, headings and list items.
func checkNesting(f *source.File, src string) error {
	listsSeen, blocks, blank := 0, 0, true
	for start, line := range lines(src) {
		// Most lines start with a letter: not blank, and no heading,
		// container mark or break (FuzzProseLinesOpenNothing).
		prose := startsProse(line)
		switch {
		case !prose && strings.TrimSpace(line) == "":
			blank = true
		case blank || !prose && strings.HasPrefix(strings.TrimLeft(line, " \t"), "#"):
			blocks++
			blank = false
		}
		if !prose && !isThematicBreak(line) {
			at, lists := lineNesting(line, listsSeen)
			if at >= 0 {
				off := start + at
				return &source.Error{Path: f.Path, Pos: f.Position(off), Offset: f.OriginalOffset(off),
					Reason: fmt.Sprintf("block quotes and lists nest more than %d deep here; no report needs that, so reportlint does not read the file", MaxNesting)}
			}
			listsSeen += lists
		}
		if blocks+listsSeen > MaxBlocks {
			return &source.Error{Path: f.Path, Pos: f.Position(start), Offset: f.OriginalOffset(start),
				Reason: fmt.Sprintf("the file has more than %d paragraphs, headings and list items by here; no report needs that, so reportlint does not read the file", MaxBlocks)}
		}
	}
	return nil
}

// lineNesting scans the container marks at the start of line. It returns
// the offset of the mark or indentation at which the line's depth passes
// MaxNesting (-1 if it does not), and the number of list markers on it.
func lineNesting(line string, listsSeen int) (at, lists int) {
	marks, cols := 0, 0
	for i := 0; i < len(line); {
		mark := i
		switch c := line[i]; {
		case c == ' ':
			cols++
			i++
		case c == '\t':
			cols += 4 - cols%4
			i++
		case c == '>':
			marks++
			i++
		case (c == '-' || c == '+' || c == '*') && markerEnds(line, i+1):
			marks++
			lists++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || line[j] != '.' && line[j] != ')' || !markerEnds(line, j+1) {
				return -1, lists
			}
			marks++
			lists++
			i = j + 1
		default:
			return -1, lists
		}
		if marks+min(cols/2, listsSeen) > MaxNesting {
			return mark, lists
		}
	}
	return -1, lists
}

// startsProse reports whether line starts with an ASCII letter: it is not
// blank, and holds no heading, block quote, list marker or thematic break.
// The guards above pass over such a line at once.
func startsProse(line string) bool {
	return line != "" && ('a' <= line[0]|0x20 && line[0]|0x20 <= 'z')
}

// markerEnds: a list marker is followed by a space, a tab or the line end.
func markerEnds(line string, i int) bool {
	return i >= len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r'
}

// isThematicBreak: three or more of one of - * _, with only spaces and tabs
// between, and nothing else on the line (up to three spaces before).
func isThematicBreak(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || t == "" {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

// MaxInlineMarks is how many inline marks (link brackets, runs of emphasis
// and code marks, "<", "&" and "\\") a Markdown report may have. goldmark
// builds a node or a delimiter for each, some hundreds of bytes apiece: a
// 10 MB line of "[" took 5.8 GB, of "*x* _y_ " 3.5 GB, of "`a` " 2.5 GB.
// The densest real reports have some 20 a kilobyte, 200,000 in a file of
// the 10 MiB size limit, so a file past the limit is refused before
// goldmark reads it.
const MaxInlineMarks = 500_000

// checkInlineMarks refuses Markdown of more than MaxInlineMarks inline
// marks, naming the place where the count passes the limit.
func checkInlineMarks(f *source.File, src string) error {
	if len(src) <= MaxInlineMarks {
		// Each byte is at most one mark: the count cannot pass the limit,
		// and the scan was 2% of checking the corpus.
		return nil
	}
	marks := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '*', '_', '~', '`':
			if i > 0 && src[i-1] == c {
				continue // a run is one delimiter
			}
		case '[', ']', '<', '&', '\\':
		default:
			continue
		}
		if marks++; marks > MaxInlineMarks {
			return &source.Error{Path: f.Path, Pos: f.Position(i), Offset: f.OriginalOffset(i),
				Reason: fmt.Sprintf("the file has more than %d links, emphasis, code and HTML marks by here; no report needs that, so reportlint does not read the file", MaxInlineMarks)}
		}
	}
	return nil
}

// maxLinkScan bounds the bytes goldmark may rescan for link destinations
// that never close. On "[x](" it reads ahead for the ")" that ends the
// destination, to the end of the line if there is none, and does so again
// for the next "[x](": 20,000 of them on one line took 1.3 s, and a 10 MB
// line of them would take hours. A real report's links close within a URL's
// length, some thousands of bytes in all.
const maxLinkScan = 200_000_000

// checkLinkScans refuses Markdown whose unclosed link destinations would
// cost goldmark more than maxLinkScan bytes of rescanning, naming the
// first "](" of the line where the budget runs out.
//
// Across lines the cost is of another kind: for each "]" goldmark reads the
// link's label again by walking the lines of its paragraph, so a paragraph
// costs its lines times its "]"s (100,000 lines of "[x]" took 3 s, 400,000
// over a minute). Such a paragraph is refused at its first line.
func checkLinkScans(f *source.File, src string) error {
	total := 0
	paraStart, paraLines, paraClosers := -1, 0, 0
	endParagraph := func() error {
		if paraStart >= 0 && paraLines*paraClosers > maxLinkScan {
			return &source.Error{Path: f.Path, Pos: f.Position(paraStart), Offset: f.OriginalOffset(paraStart),
				Reason: fmt.Sprintf("this paragraph has %d lines and %d link brackets, which would take minutes to read; no report needs that, so reportlint does not read the file", paraLines, paraClosers)}
		}
		paraStart, paraLines, paraClosers = -1, 0, 0
		return nil
	}
	for start, line := range lines(src) {
		if !startsProse(line) && strings.TrimSpace(line) == "" {
			if err := endParagraph(); err != nil {
				return err
			}
			continue // no "](" either
		}
		if paraStart < 0 {
			paraStart = start
		}
		paraLines++
		if strings.IndexByte(line, ']') < 0 {
			continue // most lines: no bracket to count, no link
		}
		paraClosers += strings.Count(line, "]")
		if strings.Contains(line, "](") {
			// Walking back, next is where the destination opened at i ends:
			// the first ")" after it, or the end of the line.
			next := len(line)
			for i := len(line) - 1; i >= 1; i-- {
				switch {
				case line[i] == ')':
					next = i
				case line[i] == '(' && line[i-1] == ']':
					if total += next - i; total > maxLinkScan {
						// Named at the line's first link, where an editor
						// would start looking.
						off := start + strings.Index(line, "](")
						return &source.Error{Path: f.Path, Pos: f.Position(off), Offset: f.OriginalOffset(off),
							Reason: "this line opens so many links that never close that reading it would take minutes; no report needs that, so reportlint does not read the file"}
					}
				}
			}
		}
	}
	return endParagraph()
}

// lines yields each line of src with the offset it starts at, without its
// line feed.
func lines(src string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for start := 0; start < len(src); {
			end := strings.IndexByte(src[start:], '\n')
			if end < 0 {
				end = len(src)
			} else {
				end += start
			}
			if !yield(start, src[start:end]) {
				return
			}
			start = end + 1
		}
	}
}
