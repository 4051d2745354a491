package checks

import (
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lint"
)

var TermConsistency = &lint.Rule{
	ID:       "term-consistency",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "an acronym or name is written one way throughout",
	Doc: `Acronyms and mixed-case names ("FAMa", the Malian armed forces) are easy to write two ways in
a long report ("FAMA"). Words with at least two capital letters are compared ignoring case; when
a word appears in more than one spelling, every spelling but the most frequent is reported
(the first one written wins a tie). Text with no lower-case letter at all, such as a heading in
capitals, is left out, since it says nothing about the spelling.`,
	Bad:  "Mali's Armed Forces (FAMa) … with FAMA troops.",
	Good: "Mali's Armed Forces (FAMa) … with FAMa troops.",
	Run:  runTermConsistency,
}

// termUse is a use of a word with two capitals: its form's place and
// where it is, text[start:end] of a text unit.
type termUse struct {
	form, unit, start, end int
}

func runTermConsistency(pass *lint.Pass) {
	index := map[string]int{} // lower-case form -> its place in spelled
	// By form, in order of first use: its first spelling, and whether
	// another was seen. Every use goes in one list, and only the forms
	// spelled two ways are gathered from it: a list per form, grown a use
	// at a time, was an allocation or more for each acronym of a report
	// that spells most of them one way.
	var spelled []string
	var mixed []bool
	units := texts(pass)
	// each calls use for every word of two capitals or more outside code,
	// in order.
	each := func(use func(ui, start, end int)) {
		for ui, u := range units {
			if !hasLower(u.Text) {
				continue
			}
			// Most words have fewer than two capitals: they are passed over as
			// they are read, without allocating.
			text := u.Text
			for i := nextCapsWord(text, 0); i < len(text); i = nextCapsWord(text, i) {
				start := i
				var caps int
				i, caps = scanWord(text, i)
				if caps < 2 || u.InCode(start, i) {
					continue
				}
				use(ui, start, i)
			}
		}
	}
	each(func(ui, start, end int) {
		word := units[ui].Text[start:end]
		k, ok := lookupLower(index, word)
		if !ok {
			k = len(spelled)
			index[strings.ToLower(word)] = k
			spelled, mixed = append(spelled, word), append(mixed, false)
		} else if word != spelled[k] {
			mixed[k] = true
		}
	})
	if !slices.Contains(mixed, true) {
		return
	}
	// The uses, read again only now: a report whose forms are each
	// spelled one way, as all of the real corpus's are, does not list
	// them (a twentieth of the rules' allocations there).
	var uses []termUse
	each(func(ui, start, end int) {
		k, _ := lookupLower(index, units[ui].Text[start:end])
		uses = append(uses, termUse{form: k, unit: ui, start: start, end: end})
	})
	// The uses of each form spelled two ways, in order, by counting sort:
	// at[k] is where form k's uses begin in byForm.
	at := make([]int, len(spelled)+1)
	for _, u := range uses {
		if mixed[u.form] {
			at[u.form+1]++
		}
	}
	for k := range spelled {
		at[k+1] += at[k]
	}
	byForm := make([]termUse, at[len(spelled)])
	next := slices.Clone(at[:len(spelled)])
	for _, u := range uses {
		if mixed[u.form] {
			byForm[next[u.form]] = u
			next[u.form]++
		}
	}
	for k := range spelled {
		if !mixed[k] {
			continue
		}
		all := byForm[at[k]:at[k+1]]
		spelling := func(u termUse) string { return units[u.unit].Text[u.start:u.end] }
		count := map[string]int{}
		var spellings []string
		for _, u := range all {
			if count[spelling(u)] == 0 {
				spellings = append(spellings, spelling(u))
			}
			count[spelling(u)]++
		}
		// Most frequent first; the first written wins a tie (stable sort).
		sort.SliceStable(spellings, func(i, j int) bool { return count[spellings[i]] > count[spellings[j]] })
		main := spellings[0]
		for _, u := range all {
			if spelling(u) == main {
				continue
			}
			pass.Report(lint.Finding{
				Span:    units[u.unit].Source(u.start, u.end),
				Message: fmt.Sprintf("%q is written %q elsewhere in the report (%d times)", spelling(u), main, count[main]),
				Hint:    fmt.Sprintf("write %q", main),
			})
		}
	}
}

// lookupLower is index[strings.ToLower(word)], without allocating for a
// short ASCII word.
func lookupLower(index map[string]int, word string) (int, bool) {
	var buf [64]byte
	if len(word) > len(buf) {
		k, ok := index[strings.ToLower(word)]
		return k, ok
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			k, ok := index[strings.ToLower(word)]
			return k, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	k, ok := index[string(buf[:len(word)])]
	return k, ok
}

// nextCapsWord is the start of the next word at or after i that may have
// two capitals, as reading every word would find it: one holding an ASCII capital or
// a letter outside ASCII. The words between, lower-case ASCII and most of a
// report, are passed over by table without being read one by one. i is 0
// or follows a character that is not a letter or digit, so that the word's
// start is found by reading back no further than i.
func nextCapsWord(text string, i int) int {
	for {
		i = skipNoCapital(text, i)
		if i == len(text) {
			return i
		}
		if text[i] >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isLetterOrDigit(r) {
				i += n
				continue
			}
		}
		for i > 0 { // back to the word's start
			if c := text[i-1]; c < utf8.RuneSelf {
				if asciiClass[c]&classWord == 0 {
					break
				}
				i--
				continue
			}
			r, n := utf8.DecodeLastRuneInString(text[:i])
			if !isLetterOrDigit(r) {
				break
			}
			i -= n
		}
		return i
	}
}

// skipNoCapital is the first place at or after i of a byte mayBeCapital
// marks, or len(text). Eight bytes are tested at a time, by arithmetic on
// each byte that no carry crosses: in prose a capital comes about once in
// thirty bytes, and the loop of a byte a turn was a third of the rule.
func skipNoCapital(text string, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(text); i += 8 {
		b := text[i : i+8]
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		y := x &^ highs
		// y + (0x80-'A') has a byte's high bit set when it is 'A' or
		// above, y + (0x7f-'Z') when it is above 'Z'; x's own high bits
		// are the bytes outside ASCII.
		if m := ((y+(0x80-'A')*ones)&^(y+(0x7f-'Z')*ones) | x) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < len(text) && !mayBeCapital[text[i]] {
		i++
	}
	return i
}

// mayBeCapital marks ASCII capitals and the bytes outside ASCII.
var mayBeCapital = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= utf8.RuneSelf || asciiClass[c]&classUpper != 0
	}
	return t
}()

// scanWord reads the run of letters and digits at i: its end, and how many
// capitals it has.
func scanWord(text string, i int) (end, caps int) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			k := asciiClass[c]
			if k&classWord == 0 {
				break
			}
			if k&classUpper != 0 {
				caps++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isLetterOrDigit(r) {
			break
		}
		if unicode.IsUpper(r) {
			caps++
		}
		i += n
	}
	return i, caps
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

const (
	classWord = 1 << iota
	classUpper
)

// asciiClass classes ASCII as isLetterOrDigit and unicode.IsUpper do.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for r := range t {
		if isLetterOrDigit(rune(r)) {
			t[r] |= classWord
		}
		if unicode.IsUpper(rune(r)) {
			t[r] |= classUpper
		}
	}
	return t
}()

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
