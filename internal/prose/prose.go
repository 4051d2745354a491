// Package prose reads running English text: where its sentences start and
// end. Rules that judge "the same sentence" (a relative time phrase with no
// date in its sentence, a statistic with no source) all cut sentences here.
package prose

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Range is the byte range [Start, End) of a sentence in a text.
type Range struct{ Start, End int }

// abbreviations end with a period but rarely end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "nos": true,
	"col": true, "gen": true, "lt": true, "sgt": true, "capt": true, "maj": true, "gov": true,
	"sen": true, "rep": true, "pres": true, "amb": true, "vs": true, "approx": true, "est": true,
	"e.g": true, "i.e": true, "cf": true, "al": true, "fig": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"mt": true, "ft": true, "ave": true, "blvd": true, "rd": true, "tel": true,
}

// Sentences splits text into sentences. A sentence ends at ".", "!" or "?"
// (and any closing quotes or brackets after it) followed by a space and a
// capital letter, a digit or an opening quote, or by the end of the text. A
// period after an abbreviation ("U.S.", "e.g.", "Col.") or a single
// initial does not end a sentence.
func Sentences(text string) []Range { return AppendSentences(nil, text) }

// AppendSentences appends the sentences of text to out, so that a caller
// reading many texts can reuse one slice.
func AppendSentences(out []Range, text string) []Range {
	start := skipSpace(text, 0)
	// The marks are ASCII, never part of a longer UTF-8 sequence, so the
	// text is searched for each by strings.IndexByte, many bytes at a
	// step; each mark's next place is looked for again only once passed,
	// so the text is read once for each.
	nextDot, nextBang, nextQuery := -1, -1, -1
	for i := 0; i < len(text); {
		if nextDot < i {
			nextDot = indexByteFrom(text, '.', i)
		}
		if nextBang < i {
			nextBang = indexByteFrom(text, '!', i)
		}
		if nextQuery < i {
			nextQuery = indexByteFrom(text, '?', i)
		}
		if i = min(nextDot, nextBang, nextQuery); i == len(text) {
			break
		}
		c := text[i]
		end := closingEnd(text, i+1)
		next := skipSpace(text, end)
		if next == end && end < len(text) {
			i = end // no space after: "3.5", "state.gov"
			continue
		}
		if next < len(text) && !startsSentence(text[next:]) {
			i = next
			continue
		}
		// A text's last period ends its sentence: no abbreviation look-up.
		if c == '.' && next < len(text) && isAbbreviation(text[start:i]) {
			i = next
			continue
		}
		out = append(out, Range{Start: start, End: end})
		start = next
		i = next
	}
	if start < len(text) {
		end := len(strings.TrimRightFunc(text, unicode.IsSpace))
		if end > start {
			out = append(out, Range{Start: start, End: end})
		}
	}
	return out
}

// indexByteFrom is the first place of c in s at or after i, or len(s).
func indexByteFrom(s string, c byte, i int) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// Of returns the sentence containing byte offset off, or the whole text.
// It cuts the whole text: a caller asking about many offsets of one text
// cuts it once with Sentences and asks In.
func Of(text string, off int) Range { return In(Sentences(text), text, off) }

// In returns the sentence of sentences (text's, in order) containing byte
// offset off, or the whole text.
func In(sentences []Range, text string, off int) Range {
	i := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > off })
	if i < len(sentences) && sentences[i].Start <= off {
		return sentences[i]
	}
	return Range{0, len(text)}
}

// closingEnd is the end of the closing quotes and brackets at text[i:]
// (`"')]”’»*`), reading an ASCII byte without decoding it.
func closingEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if c != '"' && c != '\'' && c != ')' && c != ']' && c != '*' {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '”' && r != '’' && r != '»' {
			break
		}
		i += n
	}
	return i
}

// skipSpace is the end of the white space at s[i:]; an ASCII byte is
// tested without decoding it (unicode.IsSpace's ASCII spaces are \t to \r
// and the space).
func skipSpace(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'(“‘[*`, r)
}

// isAbbreviation looks at the word before a period.
func isAbbreviation(before string) bool {
	w := before
	if i := lastSpace(w); i >= 0 {
		w = w[i+1:]
	}
	if w != "" && (w[0] >= utf8.RuneSelf || strings.IndexByte(`("'[`, w[0]) >= 0) {
		w = strings.TrimLeft(w, `("'“‘[`)
	}
	if w == "" {
		return false
	}
	// Initials and dotted acronyms: "J", "U.S", "U.N".
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return true
	}
	if strings.IndexByte(w, '.') >= 0 && allInitials(w) {
		return true
	}
	return isAbbreviationWord(w)
}

// lastSpace is strings.LastIndexFunc(s, unicode.IsSpace), reading the
// ASCII end of s a byte at a time.
func lastSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.LastIndexFunc(s[:i+1], unicode.IsSpace)
		case c == ' ' || '\t' <= c && c <= '\r':
			return i
		}
	}
	return -1
}

// isAbbreviationWord looks w up in abbreviations, ignoring case, without
// allocating for a short ASCII word: every word that ends a sentence is
// looked up.
//
// An ASCII word of up to eight bytes is packed, lowered, into a number and
// looked up among the abbreviations packed alike; a longer ASCII word is
// longer than any abbreviation. Only a word with other characters is
// lowered by strings.ToLower (the Kelvin sign lowers to "k").
func isAbbreviationWord(w string) bool {
	if len(w) > 8 {
		if !isASCII(w) {
			return abbreviations[strings.ToLower(w)]
		}
		return false
	}
	var key uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return abbreviations[strings.ToLower(w)]
		case c == 0:
			return false // no abbreviation holds it, and it would pack as nothing
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		key = key<<8 | uint64(c)
	}
	return packedAbbreviations.has(key)
}

// packedAbbreviations are the abbreviations as isAbbreviationWord packs a
// word: every one is ASCII, lower case and shorter than nine bytes
// (TestAbbreviationsPack). A word without a 0 byte packs to its own
// number, so the look-up is exact.
var packedAbbreviations = func() *packedSet {
	var t packedSet
	for a := range abbreviations {
		var key uint64
		for i := 0; i < len(a); i++ {
			key = key<<8 | uint64(a[i])
		}
		t.add(key)
	}
	return &t
}()

// packedSet is a set of packed words, none 0, in an open-addressed table
// a multiplication finds the place in: a map's look-up, hashing the key,
// cost several times as much, and every sentence end asks. It holds up to
// half its slots, so a look-up probes few.
type packedSet struct{ slots [packedSlots]uint64 }

const packedBits = 7
const packedSlots = 1 << packedBits

func packedHome(key uint64) uint64 { return (key * 0x9E3779B97F4A7C15) >> (64 - packedBits) }

func (t *packedSet) add(key uint64) {
	for i := packedHome(key); ; i = (i + 1) % packedSlots {
		if t.slots[i] == 0 || t.slots[i] == key {
			t.slots[i] = key
			return
		}
	}
}

func (t *packedSet) has(key uint64) bool {
	for i := packedHome(key); ; i = (i + 1) % packedSlots {
		switch t.slots[i] {
		case key:
			return true
		case 0:
			return false
		}
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// allInitials: every part of w between periods is one character ("U.S",
// "e.g"), read without splitting w.
func allInitials(w string) bool {
	for {
		i := strings.IndexByte(w, '.')
		part := w
		if i >= 0 {
			part = w[:i]
		}
		if part == "" {
			return false
		}
		if _, n := utf8.DecodeRuneInString(part); n != len(part) {
			return false
		}
		if i < 0 {
			return true
		}
		w = w[i+1:]
	}
}
