package baseline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/source"
)

// wordIndex finds the words next to the findings of one file. Reading
// them means reading up to wordReach bytes either side of a finding, which
// on a line of a million findings and few letters (a hostile one of "[1](#) ")
// is gigabytes; so a line asked about often has its runs of letters
// indexed once, and each finding's words are found by a binary search. A
// nil index reads every time.
type wordIndex struct {
	asked map[int]int     // by line, until it is indexed
	runs  map[int][]int32 // by line: the start and end of each run of letters
}

// indexAfter is how many findings on one line are read before its words
// are indexed: most lines hold a few, and are never indexed.
const indexAfter = 8

func newWordIndex() *wordIndex {
	return &wordIndex{asked: map[int]int{}, runs: map[int][]int32{}}
}

// lineRuns is the runs of letters of line n, once it has been asked about
// often enough; nil (and ok false) before.
func (x *wordIndex) lineRuns(f source.View, n int) (runs []int32, ok bool) {
	if x == nil {
		return nil, false
	}
	if runs, ok := x.runs[n]; ok {
		return runs, true
	}
	if x.asked[n]++; x.asked[n] <= indexAfter {
		return nil, false
	}
	delete(x.asked, n)
	line := f.Line(n)
	runs = []int32{}
	start := -1
	for i, r := range line {
		switch letter := unicode.IsLetter(r); {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			runs = append(runs, int32(start), int32(i))
			start = -1
		}
	}
	if start >= 0 {
		runs = append(runs, int32(start), int32(len(line)))
	}
	x.runs[n] = runs
	return runs, true
}

// lastWords is the last neighbours words of line n before offset, as
// lastWords reads them from the line cut wordReach bytes before.
func (x *wordIndex) lastWords(f source.View, n, offset int) []string {
	line, at, lo, _, cut := around(f, n, offset, true)
	runs, ok := x.lineRuns(f, n)
	if !ok {
		return lastWords(line[lo:at], cut, neighbours)
	}
	// Text is valid UTF-8, but the cuts may split a rune: its bytes then
	// read as no letter. lo2 and at2 are the whole runes between the cuts.
	lo2, at2 := lo, at
	for lo2 < at && !utf8.RuneStart(line[lo2]) {
		lo2++
	}
	for at2 > lo2 && at2 < len(line) && !utf8.RuneStart(line[at2]) {
		at2--
	}
	var words []string
	// The runs that start before at2, from the last.
	i := sort.Search(len(runs)/2, func(i int) bool { return int(runs[2*i]) >= at2 }) - 1
	for ; i >= 0 && len(words) < neighbours; i-- {
		start, end := int(runs[2*i]), min(int(runs[2*i+1]), at2)
		if end <= lo2 {
			break
		}
		if start <= lo2 {
			// The run reaches the start of what is read: a piece of a
			// word, unless the line starts there or a split rune ends it.
			if lo2 > lo || !cut {
				words = append(words, strings.ToLower(line[lo2:end]))
			}
			break
		}
		words = append(words, strings.ToLower(line[start:end]))
	}
	for i, j := 0, len(words)-1; i < j; i, j = i+1, j-1 {
		words[i], words[j] = words[j], words[i]
	}
	return words
}

// firstWords is the first neighbours words of line n after offset, as
// firstWords reads them from the line cut wordReach bytes after.
func (x *wordIndex) firstWords(f source.View, n, offset int) []string {
	line, at, _, hi, cut := around(f, n, offset, false)
	runs, ok := x.lineRuns(f, n)
	if !ok {
		return firstWords(line[at:hi], cut, neighbours)
	}
	at2, hi2 := at, hi
	for at2 < hi && !utf8.RuneStart(line[at2]) {
		at2++
	}
	for hi2 > at2 && hi2 < len(line) && !utf8.RuneStart(line[hi2]) {
		hi2--
	}
	var words []string
	// The runs that end after at2, from the first.
	i := sort.Search(len(runs)/2, func(i int) bool { return int(runs[2*i+1]) > at2 })
	for ; i < len(runs)/2 && len(words) < neighbours; i++ {
		start, end := max(int(runs[2*i]), at2), int(runs[2*i+1])
		if start >= hi2 {
			break
		}
		if end >= hi2 {
			// The run reaches the end of what is read: a piece, unless
			// the line ends there or a split rune ends it.
			if hi2 < hi || !cut {
				words = append(words, strings.ToLower(line[start:hi2]))
			}
			break
		}
		words = append(words, strings.ToLower(line[start:end]))
	}
	return words
}
