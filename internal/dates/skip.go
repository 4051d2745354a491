package dates

import "unicode/utf8"

// behind is how many tokens the finder keeps before a token that may start
// a reading when it skips the text before it. The readers look back at
// most two tokens (startsClean, nameBefore, amongNumbers: i-1 and i-2);
// one more is margin.
const behind = 3

// skip passes over the tokens from the lexer's position that start no
// reading, without making tokens of them or asking readAt, and leaves the
// stream to lex again from behind tokens before the first one that may:
// most words of prose ("the", "in", "to" among them, unless a phrase or a
// date goes on after them) start nothing. i is the index the next token
// will have; s holds no token from i on.
func (f *Finder) skip(s *stream, i int) {
	text := s.text
	var starts [behind]int // where the last tokens passed over start, a ring
	n := 0
	pos := s.lex.pos
	for {
		// Most of prose is ASCII words that the sieves turn away, spaces
		// and punctuation: read those here, byte by byte, and leave the
		// rest to the lexer and mayStart.
		for pos < len(text) {
			c := text[pos]
			if c >= utf8.RuneSelf {
				break
			}
			switch asciiClass[c] {
			case classSpace:
				pos++
				continue
			case classPunct:
				starts[n%behind] = pos
				n++
				pos++
				continue
			case classDigit:
			default:
				end := pos + 1
				for end < len(text) && text[end] < utf8.RuneSelf && asciiClass[text[end]] == classLetter {
					end++
				}
				if (end == len(text) || text[end] < utf8.RuneSelf && asciiClass[text[end]] != classDigit) &&
					f.sievedLetters(text[pos:end]) {
					starts[n%behind] = pos
					n++
					pos = end
					continue
				}
			}
			break
		}
		lx := lexer{text: text, pos: pos}
		t, ok := lx.next()
		if !ok {
			// Nothing more can start a reading; the stream ends here.
			s.toks, s.base, s.eof = s.toks[:0], i, true
			s.lex.pos = len(text)
			return
		}
		if f.mayStart(text, t, lx) {
			if n < behind {
				return // too little passed over: lex on from where the stream is
			}
			s.toks, s.base = s.toks[:0], i
			s.lex.pos = starts[n%behind] // the oldest of the last behind
			return
		}
		starts[n%behind] = t.start
		n++
		pos = lx.pos
	}
}

// sievedLetters is sieved for a word of ASCII letters and underscores.
func (f *Finder) sievedLetters(w string) bool {
	first, last := w[0]|0x20-'a', w[len(w)-1]|0x20-'a'
	return first < 26 && last < 26 &&
		(f.maybeStarter[first]&(1<<last) == 0 || f.maybeLength[first]&(1<<min(len(w), 31)) == 0)
}

// mayStart reports whether readAt could find a reading at token t; after is
// the lexer just past t, for a look at the next token. It errs only on the
// side of yes: a word that starts a phrase counts when the next token
// could go on with it, without following the phrase further.
func (f *Finder) mayStart(text string, t token, after lexer) bool {
	switch t.kind {
	case tokPunct:
		return false
	case tokNumber, tokMixed:
		return true
	}
	w := text[t.start:t.end]
	if f.sieved(w) {
		return false
	}
	st := f.startersByFold.get(w)
	if st.date || st.number || st.month && 'A' <= w[0] && w[0] <= 'Z' {
		return true
	}
	if !st.the && st.phrase == nil {
		return false
	}
	if st.phrase != nil && st.phrase.end {
		return true
	}
	next, ok := after.next()
	if !ok {
		return false
	}
	nw := text[next.start:next.end]
	// "the" leads a date only before "end of" and the like, whose first
	// words are date starters.
	if st.the && next.kind == tokWord && f.startersByFold.get(nw).date {
		return true
	}
	n := st.phrase
	if n == nil {
		return false
	}
	tab := &n.spacedByFold
	if next.start == t.end {
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
