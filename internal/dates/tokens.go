package dates

import (
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/phrase"
)

// tokenKind classifies a token by the characters it holds. Whitespace is never
// a token: two tokens either touch (no space between them) or are separated by
// whitespace only.
type tokenKind uint8

const (
	tokNone   tokenKind = iota // past the end of the text
	tokWord                    // letters of any script (and marks, underscores), no ASCII digit
	tokNumber                  // ASCII digits only
	tokMixed                   // letters and digits run together: "FY2024", "7th", "2010s"
	tokPunct                   // one rune that is neither space nor part of a word
)

type token struct {
	start, end int
	kind       tokenKind
}

// lexer cuts text into tokens on demand, left to right.
type lexer struct {
	text string
	pos  int
}

// Classes of ASCII bytes for the lexer, looked up in one step.
const (
	classPunct byte = iota
	classSpace
	classDigit
	classLetter // a-z, A-Z, _
)

var asciiClass = func() (t [utf8.RuneSelf]byte) {
	for _, c := range " \t\n\r\v\f" {
		t[c] = classSpace
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = classDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = classLetter, classLetter
	}
	t['_'] = classLetter
	return t
}()

func (lx *lexer) next() (token, bool) {
	s := lx.text
	i := lx.pos
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == classSpace {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		lx.pos = i
		return token{}, false
	}
	start := i
	var seen byte // 1<<classDigit, 1<<classLetter: what the word holds
	if i = letterRun(s, i); i > start {
		seen = 1 << classLetter // most words: ASCII letters, eight at a step
	}
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			k := asciiClass[c]
			if k < classDigit {
				break
			}
			seen |= 1 << k
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			break
		}
		seen |= 1 << classLetter // non-ASCII digits are not ours to read, so they count as letters
		i += size
	}
	if i == start {
		_, size := utf8.DecodeRuneInString(s[i:])
		lx.pos = i + size
		return token{start, i + size, tokPunct}, true
	}
	lx.pos = i
	kind := tokWord
	switch seen {
	case 1<<classDigit | 1<<classLetter:
		kind = tokMixed
	case 1 << classDigit:
		kind = tokNumber
	}
	return token{start, i, kind}, true
}

// stream gives random access by absolute index to the tokens of a text while
// keeping only a window of them in memory, so a 5 MB line costs no more than a
// short paragraph per token. Look-ahead extends the window as needed;
// look-behind is limited to keepBehind tokens before the last release point,
// and to behind tokens before the first token after a skip.
type stream struct {
	text string
	lex  lexer
	toks []token
	base int // absolute index of toks[0]
	eof  bool
}

const keepBehind = 8

// lexAhead is how many tokens fill reads beyond the one asked for. Few:
// the finder asks readAt about every token lexed, while Finder.skip passes
// over the tokens not yet lexed much more cheaply.
const lexAhead = 4

// reset points s at text, keeping the token buffer for reuse.
func (s *stream) reset(text string) {
	*s = stream{text: text, lex: lexer{text: text}, toks: s.toks[:0]}
}

func (s *stream) get(i int) (token, bool) {
	if j := uint(i - s.base); j < uint(len(s.toks)) {
		return s.toks[j], true
	}
	return s.fill(i)
}

// fill reads tokens up to index i.
func (s *stream) fill(i int) (token, bool) {
	if i < s.base {
		return token{}, false
	}
	// Read a few tokens past i while at it: Find asks for the tokens in
	// order, and one call a batch costs less than one a token.
	want := i - s.base + 1 + lexAhead
	for len(s.toks) < want && !s.eof {
		t, ok := s.lex.next()
		if !ok {
			s.eof = true
			break
		}
		s.toks = append(s.toks, t)
	}
	if i-s.base >= len(s.toks) {
		return token{}, false
	}
	return s.toks[i-s.base], true
}

// release lets the stream forget tokens well before i.
func (s *stream) release(i int) {
	drop := i - keepBehind - s.base
	if drop < 1024 || drop > len(s.toks) {
		return
	}
	n := copy(s.toks, s.toks[drop:])
	s.toks = s.toks[:n]
	s.base += drop
}

func (s *stream) kind(i int) tokenKind {
	t, _ := s.get(i)
	return t.kind
}

func (s *stream) str(i int) string {
	t, ok := s.get(i)
	if !ok {
		return ""
	}
	return s.text[t.start:t.end]
}

// touches reports whether token i is immediately followed by token i+1.
func (s *stream) touches(i int) bool {
	a, ok := s.get(i)
	if !ok {
		return false
	}
	b, ok := s.get(i + 1)
	return ok && a.end == b.start
}

// punct returns the rune of punctuation token i, or -1.
func (s *stream) punct(i int) rune {
	t, ok := s.get(i)
	if !ok || t.kind != tokPunct {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s.text[t.start:t.end])
	return r
}

// isWord reports whether token i is the word w, ignoring case.
func (s *stream) isWord(i int, w string) bool {
	t, ok := s.get(i)
	return ok && t.kind == tokWord && t.end-t.start == len(w) && phrase.EqualFoldASCII(s.text[t.start:t.end], w)
}

// wordAt is the text of token i if it is a word, else "": for the helpers
// that compare one token with a list of words, which asked isWord, and so
// get, once for each word of the list.
func (s *stream) wordAt(i int) string {
	t, ok := s.get(i)
	if !ok || t.kind != tokWord {
		return ""
	}
	return s.text[t.start:t.end]
}

// foldIs reports whether w is the lower-case ASCII word x, ignoring case.
func foldIs(w, x string) bool { return len(w) == len(x) && phrase.EqualFoldASCII(w, x) }

// number returns the value and digit count of number token i.
func (s *stream) number(i int) (value, digits int, ok bool) {
	t, found := s.get(i)
	if !found || t.kind != tokNumber {
		return 0, 0, false
	}
	digits = t.end - t.start
	if digits > 9 {
		return 0, digits, true
	}
	for _, c := range []byte(s.text[t.start:t.end]) {
		value = value*10 + int(c-'0')
	}
	return value, digits, true
}

func (s *stream) hasDigit(i int) bool {
	k := s.kind(i)
	return k == tokNumber || k == tokMixed
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2013': // hyphen-minus, hyphen, non-breaking hyphen, en dash
		return true
	}
	return false
}
