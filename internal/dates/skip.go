package dates

import (
	"math/bits"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/phrase"
)

// behind is how many tokens the finder keeps before a token that may start
// a reading when it skips the text before it. The readers look back at
// most two tokens (startsClean, nameBefore, amongNumbers: i-1 and i-2);
// one more is margin.
const behind = 3

// ring is the size of the ring of token starts skip keeps: at least
// behind, and a power of two.
const ring = 4

// skip passes over the tokens from the lexer's position that start no
// reading, without making tokens of them or asking readAt, and leaves the
// stream to lex again from behind tokens before the first one that may:
// most words of prose ("the", "in", "to" among them, unless a phrase or a
// date goes on after them) start nothing. i is the index the next token
// will have; s holds no token from i on. It returns how many tokens from i
// on are known to start nothing: those lexed again for the look behind.
func (f *Finder) skip(s *stream, i int) (cold int) {
	text := s.text
	var starts [ring]int // where the last tokens passed over start
	n := 0
	pos := s.lex.pos
	hot := -1 // where the first token that may start a reading starts
scan:
	for pos < len(text) {
		// Most of prose is ASCII words that start nothing, spaces and
		// punctuation: read those here, byte by byte, and leave the rest
		// to the lexer.
		if c := text[pos]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case classSpace:
				pos++
				continue
			case classPunct:
				starts[n%ring] = pos
				n++
				pos++
				continue
			case classDigit:
				// Most numbers of a report are no date: phone numbers,
				// addresses, counts. One that the bytes after it show
				// starts nothing is passed over like a word.
				end := digitRun(text, pos+1)
				if end < len(text) && (text[end] >= utf8.RuneSelf || asciiClass[text[end]] == classLetter) ||
					f.mayStartNumber(text, pos, end) {
					hot = pos // digits and letters, or a number that may start a reading
					break scan
				}
				starts[n%ring] = pos
				n++
				pos = end
				continue
			}
			end := letterRun(text, pos+1)
			if end == len(text) || text[end] < utf8.RuneSelf && asciiClass[text[end]] != classDigit {
				// A word of ASCII letters, as the lexer cuts it.
				if !f.sievedLetters(text[pos:end]) && f.mayStartWord(text, pos, end) {
					hot = pos
					break
				}
				starts[n%ring] = pos
				n++
				pos = end
				continue
			}
		}
		lx := lexer{text: text, pos: pos}
		t, ok := lx.next()
		if !ok {
			break // white space to the end
		}
		if t.kind == tokNumber || t.kind == tokMixed ||
			t.kind == tokWord && !f.sieved(text[t.start:t.end]) && f.mayStartWord(text, t.start, t.end) {
			hot = t.start
			break
		}
		starts[n%ring] = t.start
		n++
		pos = lx.pos
	}
	switch {
	case hot < 0:
		// Nothing more can start a reading; the stream ends here.
		s.toks, s.base, s.eof = s.toks[:0], i, true
		s.lex.pos = len(text)
		return 0
	case n >= behind:
		s.toks, s.base = s.toks[:0], i
		s.lex.pos = starts[(n-behind)%ring]
		return behind
	}
	// Too little was passed over: the stream lexes on from where it is.
	return n
}

// letterByte marks the bytes the lexer puts in a word without decoding:
// ASCII letters and the underscore.
var letterByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiClass[c] == classLetter
	}
	return t
}()

// letterRun is the end of the run of letterByte bytes in text from i. It
// reads eight bytes a step, most words of prose ending within the first
// eight: a byte at a time, the loop's exit was mispredicted at each word.
func letterRun(text string, i int) int {
	for i+8 <= len(text) {
		w := text[i : i+8] // one bounds check, one load
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if other := ^letterBytes(x) & highs; other != 0 {
			return i + bits.TrailingZeros64(other)/8
		}
		i += 8
	}
	for i < len(text) && letterByte[text[i]] {
		i++
	}
	return i
}

const ones, highs = 0x0101010101010101, 0x8080808080808080

// letterBytes has the high bit of each byte of x set where that byte is
// an ASCII letter or '_' (letterByte). A byte's low seven bits are added
// to at most 0x80, so no sum carries into the next byte; a byte with its
// high bit set is dropped at the end.
func letterBytes(x uint64) uint64 {
	low := (x | ones*0x20) & (ones * 0x7f) // A-Z folded to a-z; '@' and '[' to '`' and '{'
	atLeastA := low + ones*(0x80-'a')      // high bit: low >= 'a'
	pastZ := low + ones*(0x7f-'z')         // high bit: low > 'z'
	letter := atLeastA &^ pastZ
	u := x ^ ones*'_' // a zero byte where x is '_'
	underscore := ^((u&(ones*0x7f) + ones*0x7f) | u)
	return (letter | underscore) &^ x & highs
}

// sievedLetters is sieved for a word of ASCII letters and underscores.
func (f *Finder) sievedLetters(w string) bool {
	first, last := w[0]|0x20-'a', w[len(w)-1]|0x20-'a'
	return first < 26 && last < 26 &&
		(f.maybeStarter[first]&(1<<last) == 0 || f.maybeLength[first]&(1<<min(len(w), 31)) == 0)
}

// mayStartWord reports whether readAt could find a reading at the word
// text[start:end], the sieves passed. It errs only on the side of yes: a
// word that starts a phrase counts when the next token could go on with
// it, without following the phrase further.
func (f *Finder) mayStartWord(text string, start, end int) bool {
	w := text[start:end]
	st := f.starterOf(w)
	if st.date && (len(w) != 4 && len(w) != 7 || !rangeWord(w)) ||
		st.number || st.month && 'A' <= w[0] && w[0] <= 'Z' {
		return true
	}
	if !st.the && st.phrase == nil && !st.date {
		return false
	}
	if st.phrase != nil && st.phrase.end {
		return true
	}
	// One byte of the next token turns most such words away: "in" goes on
	// only with "recent" or "the", which start with r and t.
	p := nextTokenStart(text, end)
	if p == len(text) {
		return false
	}
	if bit, ok := firstBit(text[p]); ok {
		var may uint32
		switch {
		case st.date: // "from", "between": left to the look below
			may = ^uint32(0)
		case st.the:
			may = f.dateFirst
		}
		if st.phrase != nil {
			if p == end {
				may |= st.phrase.gluedFirst
			} else {
				may |= st.phrase.spacedFirst
			}
		}
		if may&bit == 0 {
			return false
		}
	}
	after := lexer{text: text, pos: end}
	next, ok := after.next()
	if !ok {
		return false
	}
	nw := text[next.start:next.end]
	// "the" leads a date only before "end of" and the like, whose first
	// words are date starters.
	if st.the && next.kind == tokWord && f.starterOf(nw).date {
		return true
	}
	// "from" and "between" start a range only before what may start a
	// date: a number, a date word, "the", a capital (a month).
	if st.date && (next.kind != tokWord || !f.sieved(nw) && f.starterOf(nw) != (starter{}) ||
		'A' <= nw[0] && nw[0] <= 'Z' || nw[0] >= utf8.RuneSelf) {
		return true
	}
	n := st.phrase
	if n == nil {
		return false
	}
	tab := &n.spacedByFold
	if next.start == end {
		tab = &n.gluedByFold
	}
	if tab.n == 0 {
		return false
	}
	if tab.get(nw) != nil {
		return true
	}
	// {n}: a short number or a number word, looked at no closer.
	return tab.all[numberSlot] != nil && (next.kind == tokNumber || next.kind == tokWord)
}

// digitRun is the end of the run of ASCII digits in text from i.
func digitRun(text string, i int) int {
	for i < len(text) && '0' <= text[i] && text[i] <= '9' {
		i++
	}
	return i
}

// mayStartNumber reports whether readAt could find a reading at the number
// token text[start:end] (ASCII digits, as the lexer cuts them). It errs
// only on the side of yes. A number starts a date only as a year
// (1900–2099: numeric, decade), or, of one or two digits, as a day or
// month before a month name, a slash, a dash or "to" and the like
// (dayFirst, numeric, rangeFrom); of up to three digits it may fill the
// {n} that starts a phrase ("3 days ago"). Past the digits one byte of
// the next token decides.
func (f *Finder) mayStartNumber(text string, start, end int) bool {
	digits := end - start
	switch {
	case digits == 4:
		y := int(text[start]-'0')*1000 + int(text[start+1]-'0')*100 + int(text[start+2]-'0')*10 + int(text[start+3]-'0')
		return 1900 <= y && y <= 2099
	case digits > 4:
		return false
	}
	node := f.numberFirst
	if node != nil && node.end {
		return true
	}
	p := nextTokenStart(text, end)
	if p == len(text) {
		return false
	}
	c := text[p]
	if c >= utf8.RuneSelf {
		return true // a dash, a space or a letter outside ASCII
	}
	if digits <= 2 {
		switch {
		case 'A' <= c && c <= 'Z': // a month name; "To", "Until"
			return true
		case c == 't' || c == 'u': // "to", "through", "until", "till", "thru"
			return true
		case c == '-' || c == '/':
			return true
		}
	}
	if node == nil {
		return false
	}
	bit, _ := firstBit(c)
	may := node.spacedFirst
	if p == end {
		may = node.gluedFirst
	}
	return may&bit != 0
}

// nextTokenStart is where the token after end starts: past the ASCII
// spaces the lexer skips, or len(text). mayStartWord and mayStartNumber
// decide by its first byte.
func nextTokenStart(text string, end int) int {
	for end < len(text) && text[end] < utf8.RuneSelf && asciiClass[text[end]] == classSpace {
		end++
	}
	return end
}

// firstBit is the bit of firstBits for a token that starts with byte c: a
// letter's, folded, or one for anything else. ok is false for a byte
// outside ASCII, whose token may fold to anything.
func firstBit(c byte) (bit uint32, ok bool) {
	switch {
	case c >= utf8.RuneSelf:
		return 0, false
	case 'a' <= c|0x20 && c|0x20 <= 'z':
		return 1 << (c | 0x20 - 'a'), true
	}
	return 1 << 26, true
}

// firstBits is the set of firstBit of the words of m; {n} stands for
// every token.
func firstBits[V any](m map[string]V) uint32 {
	var bits uint32
	for w := range m {
		bit, ok := firstBit(w[0])
		if w == numberSlot || !ok {
			return ^uint32(0)
		}
		bits |= bit
	}
	return bits
}

// rangeWord reports whether the date starter w is "from" or "between",
// which start only a range: "from 2019 to 2021", "between April and July".
func rangeWord(w string) bool {
	return phrase.EqualFoldASCII(w, "from") || phrase.EqualFoldASCII(w, "between")
}
