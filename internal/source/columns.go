package source

import (
	"math/bits"
	"unicode/utf8"
)

// columnStep is how many bytes apart a runeIndex keeps a count of code
// points: turning an offset into a column counts at most about this many
// bytes, however long the line.
const columnStep = 256

// runeIndex answers "how many code points come before byte x" of one text
// without counting from the start. Counting from the start of the line on
// every call made a long line with many findings quadratic: a 1.2 MB line
// of quotes took minutes.
type runeIndex struct {
	ascii bool // every byte is a code point, so the count is the offset
	// marks[i] is the number of code points before markAt(s, i).
	marks []int
}

func newRuneIndex(s string) runeIndex {
	if isASCII(s) {
		return runeIndex{ascii: true}
	}
	marks := make([]int, 1, len(s)/columnStep+1)
	for i, prev := 1, 0; i*columnStep <= len(s); i++ {
		at := markAt(s, i)
		marks = append(marks, marks[i-1]+runeCountValid(s[prev:at]))
		prev = at
	}
	return runeIndex{marks: marks}
}

// runeCountValid is utf8.RuneCountInString(s) for valid UTF-8, as a
// File's text is (New refuses any other): the bytes that do not continue
// a character, counted eight at a time. The index is made for every
// report, over all its text.
func runeCountValid(s string) int {
	const high = 0x8080808080808080
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A continuation byte is 10xxxxxx: its top bit set, the next clear.
		n += 8 - bits.OnesCount64(w&high&^(w<<1))
	}
	for ; i < len(s); i++ {
		if !utf8.RuneStart(s[i]) {
			continue
		}
		n++
	}
	return n
}

// markAt is where mark i stands: the code point boundary at or before
// byte i*columnStep. Counts from a boundary add up exactly to the count
// from the start, even for an offset inside a character.
func markAt(s string, i int) int {
	at := i * columnStep
	for at > 0 && at < len(s) && !utf8.RuneStart(s[at]) {
		at--
	}
	return at
}

// before is utf8.RuneCountInString(s[:x]) for the text s the index was
// built on.
func (ix *runeIndex) before(s string, x int) int {
	if ix.ascii {
		return x
	}
	i := x / columnStep
	at := markAt(s, i)
	return ix.marks[i] + utf8.RuneCountInString(s[at:x])
}

// column is the 1-based column of offset x on a line that starts at
// offset start of s.
func (ix *runeIndex) column(s string, start, x int) int {
	if ix.ascii {
		return 1 + x - start
	}
	if x-start < columnStep {
		return 1 + utf8.RuneCountInString(s[start:x])
	}
	return 1 + ix.before(s, x) - ix.before(s, start)
}

// offset is the byte offset of the 1-based column col on the line
// s[start:end], clamped to end: the inverse of column.
func (ix *runeIndex) offset(s string, start, end, col int) int {
	if col <= 1 {
		return start
	}
	if ix.ascii {
		return min(start+col-1, end)
	}
	// Jump to the last mark on the line at or before the column, then walk.
	off, left := start, col-1
	if end-start >= columnStep {
		want := ix.before(s, start) + left
		lo, hi := start/columnStep+1, end/columnStep // marks that may lie on the line
		for lo <= hi {
			mid := (lo + hi) / 2
			if ix.marks[mid] <= want {
				off, left = markAt(s, mid), want-ix.marks[mid]
				lo = mid + 1
			} else {
				hi = mid - 1
			}
		}
	}
	for ; left > 0 && off < end; left-- {
		_, n := utf8.DecodeRuneInString(s[off:])
		off += n
	}
	return min(off, end)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
