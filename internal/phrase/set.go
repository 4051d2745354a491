package phrase

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Set tells which of many phrases a text holds, as Find would match them
// with each phrase's own expression: whole words, any run of space between
// words, either apostrophe, and with case ignored the regexp's case folding.
// It reads the text once, comparing at each word's start only the phrases
// that begin with that word's first letter, so that a long list costs no
// more than a short one; it spares the regexps the texts (most of them)
// that hold none of the phrases.
type Set struct {
	fold     bool
	phrases  [][]rune // by phrase: its runes, spaceRune for \s+, apostrophe for either
	ascii    [utf8.RuneSelf]firstKey
	other    map[rune][]int
	anywhere []int // phrases not starting with a word character: always "held"
}

// firstKey is what find knows of the phrases filed under one ASCII first
// letter's key, in one cache line.
type firstKey struct {
	cands []int
	// second holds the bytes the text's next character may begin with for
	// one of the phrases to match: most words that share a first letter
	// with a phrase ("the", "to" for "Task Force") are passed over on
	// their second byte.
	second byteSet
	// lens has bit n set when a phrase may match a word whose run of ASCII
	// word characters is n long (63: 63 or more): a phrase's first run of
	// ASCII word characters is followed by a character no ASCII word
	// character matches, so the text's run must be exactly as long. "at"
	// and "in" pass for "at this point in time" and "in order to", "a",
	// "and", "into" do not.
	lens uint64
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }
func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }
func (b *byteSet) addAll()         { *b = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)} }
func (b *byteSet) addRune(r rune)  { b.add(utf8.AppendRune(nil, r)[0]) }

// spaceRune stands in a compiled phrase for a run of the regexp's \s.
const spaceRune = ' '

// NewSet compiles phrases, each as Regexp would, case-insensitively when
// ignoreCase.
func NewSet(phrases []string, ignoreCase bool) *Set {
	s := &Set{fold: ignoreCase, other: map[rune][]int{}}
	for i, p := range phrases {
		var rs []rune
		for j, w := range strings.Fields(p) {
			if j > 0 {
				rs = append(rs, spaceRune)
			}
			for _, r := range w {
				if r == '’' {
					r = '\''
				}
				rs = append(rs, r)
			}
		}
		s.phrases = append(s.phrases, rs)
		if len(rs) == 0 || !isWordRune(rs[0]) {
			s.anywhere = append(s.anywhere, i)
			continue
		}
		if k := s.key(rs[0]); k < utf8.RuneSelf {
			e := &s.ascii[k]
			e.cands = append(e.cands, i)
			s.addSecond(&e.second, rs)
			e.lens |= runLens(rs)
		} else {
			s.other[k] = append(s.other[k], i)
		}
	}
	return s
}

// addSecond adds to b the first bytes of every character that matchAt
// takes for the phrase's second rune: a run of space, either apostrophe,
// or the rune in any case the regexp folds it to. A phrase of one rune
// lets every byte through.
func (s *Set) addSecond(b *byteSet, rs []rune) {
	if len(rs) < 2 {
		b.addAll()
		return
	}
	switch r := rs[1]; r {
	case spaceRune:
		for _, c := range []byte(" \t\n\f\r") {
			b.add(c)
		}
	case '\'':
		b.addRune('\'')
		b.addRune('’')
	default:
		b.addRune(r)
		if s.fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				b.addRune(f)
			}
		}
	}
}

// runLens is a phrase's bit for firstKey.lens: that of the length n of its
// first run of ASCII word characters when the rune after it (if any) is not
// a word character, which no ASCII word character of the text matches, or
// every bit when it is one outside ASCII (the long s matches "s"): a text
// word whose ASCII run is longer or shorter than n cannot match then (a
// shorter one stopped by a byte outside ASCII is let through by find).
func runLens(rs []rune) uint64 {
	n := 0
	for n < len(rs) && rs[n] < utf8.RuneSelf && isWordRune(rs[n]) {
		n++
	}
	if n < len(rs) && isWordRune(rs[n]) {
		return ^uint64(0)
	}
	return 1 << min(n, 63)
}

// Len is the number of phrases.
func (s *Set) Len() int { return len(s.phrases) }

// key is what a first letter is filed under: with case ignored, the same
// for every rune the regexp folds together (k, K and the Kelvin sign).
func (s *Set) key(r rune) rune {
	if !s.fold {
		return r
	}
	if r < utf8.RuneSelf {
		return lowerASCII(r)
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	if least < utf8.RuneSelf {
		return lowerASCII(least)
	}
	return least
}

func lowerASCII(r rune) rune {
	if 'A' <= r && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// Find sets found[i] when text holds phrase i on word boundaries (and for
// every phrase that does not begin with a word character, which it does not
// look for), and reports whether it set any. found has a place per phrase
// and is cleared first.
func (s *Set) Find(text string, found []bool) bool {
	return s.find(text, found, nil)
}

// FindFirst is Find, and sets first[i], for each phrase i found, to where
// its first whole-word match begins: where Find with the phrase's own
// regexp would find it first (0 for a phrase not looked for). A regexp of
// many phrases finds nothing Find accepts before the least of its
// phrases' places, so it need not read what comes before.
func (s *Set) FindFirst(text string, found []bool, first []int) bool {
	return s.find(text, found, first)
}

func (s *Set) find(text string, found []bool, first []int) bool {
	clear(found)
	held := false
	for _, i := range s.anywhere {
		found[i], held = true, true
		if first != nil {
			first[i] = 0
		}
	}
	// A phrase begins at a word's start only. Eight bytes of ASCII at a
	// time, the word starts are found by arithmetic (wordBytes) and only
	// they are read: a loop that stopped at each word and each space took
	// a turn or two a word, most of them mispredicted branches. A block
	// with a byte outside ASCII is read a character at a time.
	prevWord := false // the character before at is a word character
	for at := 0; at < len(text); {
		if at+8 <= len(text) {
			if x := load8(text[at : at+8]); x&highs == 0 {
				w := wordBytes(x)
				var prev uint64
				if prevWord {
					prev = 0x80
				}
				for starts := w &^ (w<<8 | prev); starts != 0; starts &= starts - 1 {
					// The test of the first two bytes, which most words
					// fail, is made here rather than in a call.
					start := at + bits.TrailingZeros64(starts)/8
					c := text[start]
					if s.fold {
						c = lowerByte[c]
					}
					if e := &s.ascii[c&0x7f]; len(e.cands) == 0 || start+1 < len(text) && !e.second.has(text[start+1]) {
						continue
					}
					held = s.atWordStart(text, start, found, first) || held
				}
				prevWord = w>>63 != 0
				at += 8
				continue
			}
		}
		c := text[at]
		if c < utf8.RuneSelf {
			isWord := wordASCII[c]
			if isWord && !prevWord {
				held = s.atWordStart(text, at, found, first) || held
			}
			prevWord = isWord
			at++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[at:])
		start := at
		at += n
		isWord := isWordRune(r)
		if !isWord || prevWord {
			prevWord = isWord
			continue
		}
		prevWord = true
		var cands []int
		if k := s.key(r); k < utf8.RuneSelf {
			cands = s.ascii[k].cands
		} else {
			cands = s.other[k]
		}
		held = s.matchAll(cands, text, start, found, first) || held
	}
	return held
}

// atWordStart is find at a word that begins at start with an ASCII word
// byte: it tries the phrases filed under that byte that may go on as the
// text does.
func (s *Set) atWordStart(text string, start int, found []bool, first []int) bool {
	c := text[start]
	if s.fold {
		c = lowerByte[c]
	}
	e := &s.ascii[c]
	if len(e.cands) == 0 || start+1 < len(text) && !e.second.has(text[start+1]) {
		return false // no phrase filed under c goes on as the text does
	}
	// A run stopped by a byte outside ASCII may go on in a letter that one
	// of the phrase's ASCII letters folds to.
	if end := wordEnd(text, start+1); e.lens&(1<<min(end-start, 63)) == 0 && (end == len(text) || text[end] < utf8.RuneSelf) {
		return false // no phrase filed under c has a first run this long
	}
	return s.matchAll(e.cands, text, start, found, first)
}

// matchAll sets found[i] for each phrase i of cands not found yet that
// matches text at at, which begins a word, and reports whether one did.
func (s *Set) matchAll(cands []int, text string, at int, found []bool, first []int) bool {
	held := false
	for _, i := range cands {
		if !found[i] && s.matchAt(s.phrases[i], text, at) {
			found[i], held = true, true
			if first != nil {
				first[i] = at
			}
		}
	}
	return held
}

// matchAt reports whether phrase p matches text at byte at and ends on a
// word boundary.
func (s *Set) matchAt(p []rune, text string, at int) bool {
	at, ok := s.matchEnd(p, text, at)
	if !ok {
		return false
	}
	if last := p[len(p)-1]; isWordRune(last) && at < len(text) {
		next, _ := utf8.DecodeRuneInString(text[at:])
		return !isWordRune(next)
	}
	return true
}

// MatchEnd reports whether phrase i matches text at byte at, as its own
// regexp would there, and where the match ends; the word boundary after
// it is not tested. A caller that must pick among phrases as one regexp's
// alternatives do (the first that matches, boundary or not) needs that.
func (s *Set) MatchEnd(i int, text string, at int) (end int, ok bool) {
	if len(s.phrases[i]) == 0 {
		return at, true
	}
	return s.matchEnd(s.phrases[i], text, at)
}

// matchEnd is MatchEnd for phrase p, which is not empty.
func (s *Set) matchEnd(p []rune, text string, at int) (int, bool) {
	for j := 0; j < len(p); j++ {
		if at >= len(text) {
			return at, false
		}
		switch pr := p[j]; pr {
		case spaceRune:
			n := 0
			for at < len(text) && isSpaceRE(text[at]) {
				at++
				n++
			}
			if n == 0 {
				return at, false
			}
		case '\'':
			r, n := utf8.DecodeRuneInString(text[at:])
			if r != '\'' && r != '’' {
				return at, false
			}
			at += n
		default:
			r, n := rune(text[at]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[at:])
			}
			if r != pr && !(s.fold && foldEqual(r, pr)) {
				return at, false
			}
			at += n
		}
	}
	return at, true
}

// foldEqual reports whether the regexp's case folding makes r and q one.
func foldEqual(r, q rune) bool {
	if r < utf8.RuneSelf && q < utf8.RuneSelf {
		return lowerASCII(r) == lowerASCII(q)
	}
	for f := unicode.SimpleFold(q); f != q; f = unicode.SimpleFold(f) {
		if f == r {
			return true
		}
	}
	return false
}

// isSpaceRE is the regexp's \s: [\t\n\f\r ].
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// Masks of wordEnd's reading of eight bytes at once, one byte each.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// wordEnd is the first place at or after i of a byte that is not an ASCII
// word character, or len(text). Words are read eight bytes at a time, by
// arithmetic on each byte that no carry crosses (every byte is below 0x80
// once its high bit is cleared): a word of prose mostly ends within the
// first eight, where the loop of one byte a turn took a turn a letter.
func wordEnd(text string, i int) int {
	for ; i+8 <= len(text); i += 8 {
		x := load8(text[i : i+8])
		if stop := ^wordBytes(x&^highs) | x; stop&highs != 0 {
			return i + bits.TrailingZeros64(stop&highs)/8
		}
	}
	for i < len(text) && wordASCII[text[i]] {
		i++
	}
	return i
}

// wordBytes has the high bit of each byte of y set when the byte is an
// ASCII word character; every byte of y is below 0x80, so that no carry
// crosses a byte.
func wordBytes(y uint64) uint64 {
	// b + (0x80-lo) has its high bit set when b >= lo, b + (0x7f-hi) when
	// b > hi.
	lower := y | 0x20*ones // A-Z to a-z
	letter := (lower + (0x80-'a')*ones) &^ (lower + (0x7f-'z')*ones)
	digit := (y + (0x80-'0')*ones) &^ (y + (0x7f-'9')*ones)
	under := ^((y ^ '_'*ones) + 0x7f*ones) // high bit set when the byte is '_'
	return (letter | digit | under) & highs
}

// load8 is the eight bytes of b, the first the lowest.
func load8(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// wordASCII and lowerByte are isWordRune of an ASCII byte (false for the
// bytes outside ASCII, which find decodes) and its case-ignoring key,
// looked up rather than computed in find's loop; 256 places, so that a
// byte indexes them with neither a bounds check nor a test for ASCII.
var wordASCII, lowerByte = func() (w [256]bool, l [256]byte) {
	for c := range utf8.RuneSelf {
		w[c] = isWordRune(rune(c))
		l[c] = byte(lowerASCII(rune(c)))
	}
	return w, l
}()

// NextWordStart is the first place at or after i, a character's start,
// where a word begins: a word character (\pL, \d or "_") after a character
// that is not one, or at the text's start; len(text) when none does. Words
// of ASCII are passed over eight bytes at a time, as find does.
func NextWordStart(text string, i int) int {
	prevWord := false // the character before i is a word character
	if i > 0 && i <= len(text) {
		if c := text[i-1]; c < utf8.RuneSelf {
			prevWord = wordASCII[c]
		} else {
			r, _ := utf8.DecodeLastRuneInString(text[:i])
			prevWord = isWordRune(r)
		}
	}
	for i < len(text) {
		if i+8 <= len(text) {
			if x := load8(text[i : i+8]); x&highs == 0 {
				w := wordBytes(x)
				var prev uint64
				if prevWord {
					prev = 0x80
				}
				if starts := w &^ (w<<8 | prev); starts != 0 {
					return i + bits.TrailingZeros64(starts)/8
				}
				prevWord = w>>63 != 0
				i += 8
				continue
			}
		}
		isWord, n := false, 1
		if c := text[i]; c < utf8.RuneSelf {
			isWord = wordASCII[c]
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(text[i:])
			isWord = isWordRune(r)
		}
		if isWord && !prevWord {
			return i
		}
		prevWord = isWord
		i += n
	}
	return len(text)
}
