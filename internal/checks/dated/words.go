package dated

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

// tokKind tells words from numbers and punctuation.
type tokKind uint8

const (
	tokWord   tokKind = iota + 1 // letters, maybe with digits or inner apostrophes: Mali's, G5, 15th
	tokNumber                    // digits, maybe grouped: 70, 1,200, 3.5
	tokPunct                     // one character that is neither
)

// token is a word, a number or a punctuation mark at text[start:end]. A
// report has thousands, all kept while its rules run, so the fields are
// packed (24 bytes) and hold no pointer: the collector never scans a block
// of them, and writing one needs no write barrier. Its lower form is read
// through its unit (unit.lower): the text itself for most words, or a piece
// of the unit's folded buffer. Offsets are int32, which the units' texts
// and their folded forms never outgrow (analyseReport passes over a longer
// text).
type token struct {
	start, end int32
	// lo and ln place the lower form in the unit's folded buffer, when
	// folded; else it is text[start:end].
	lo, ln int32
	kind   tokKind
	upper  bool // the first letter is a capital
	// spaceBefore says white space (or the start of the text) comes before.
	spaceBefore bool
	// inDate marks tokens inside an explicit date mention; inRelative inside a
	// relative time phrase.
	inDate, inRelative bool
	folded             bool
}

// isWordRune is unicode.IsLetter or IsDigit, by table for ASCII: small
// enough to inline, for the tokenizer calls it on every byte.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range t {
		t[r] = isWordRuneSlow(rune(r))
	}
	return t
}()

// isSpace is unicode.IsSpace, quicker for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// tokenize cuts text into tokens, in a unit of its own; white space
// separates them and is dropped. Time is linear in the text.
func tokenize(text string) *unit {
	var f folder
	toks := appendTokens(make([]token, 0, len(text)/5+1), text, &f)
	return &unit{TextUnit: &lint.TextUnit{Inline: document.Inline{Text: text}}, toks: toks, folded: string(f.buf)}
}

// lower is the lower form of the unit's token i: lower case, curly
// apostrophes made straight.
func (u *unit) lower(i int) string {
	t := &u.toks[i]
	if t.folded {
		return u.folded[t.lo : t.lo+t.ln]
	}
	return u.Text[t.start:t.end]
}

// appendTokens appends the tokens of text to out, f giving their lower forms.
func appendTokens(out []token, text string, f *folder) []token {
	space := true
	for i := 0; i < len(text); {
		// The commonest bytes first: a space, a lower-case word.
		switch c := text[i]; {
		case c == ' ':
			space = true
			i++
			continue
		case 'a' <= c && c <= 'z':
			if end := lowerWord(text, i); end > i {
				out = append(out, token{start: int32(i), end: int32(end), kind: tokWord, spaceBefore: space})
				i, space = end, false
				continue
			}
		}
		// ASCII, nearly all of a report, is classed without decoding.
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isSpace(r):
			space = true
			i += n
			continue
		case r < utf8.RuneSelf && isDigit(byte(r)):
			end := scanNumber(text, i)
			if end < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsLetter(next) {
					end = scanWord(text, end) // 15th, G5-style mixtures are words
					out = append(out, f.token(text, i, end, tokWord, space))
					break
				}
			}
			// Digits, commas and a period: no capital to fold.
			out = append(out, token{start: int32(i), end: int32(end), kind: tokNumber, spaceBefore: space})
		case isWordRune(r): // a letter, or a digit of another script
			if end := lowerWord(text, i); end > i {
				// Most words: their own lower form, told as they are read.
				out = append(out, token{start: int32(i), end: int32(end), kind: tokWord, spaceBefore: space})
				break
			}
			if end := capitalWord(text, i); end > i {
				// A capitalised ASCII word ("Mali", "ACLED"): folded here.
				lo := len(f.buf)
				f.buf = append(f.buf, text[i:end]...)
				lowerASCII(f.buf[lo:])
				out = append(out, token{start: int32(i), end: int32(end), lo: int32(lo), ln: int32(end - i), folded: true,
					kind: tokWord, upper: true, spaceBefore: space})
				break
			}
			out = append(out, f.token(text, i, scanWord(text, i), tokWord, space))
		case r < utf8.RuneSelf: // ASCII punctuation: nothing to fold
			out = append(out, token{start: int32(i), end: int32(i + 1), kind: tokPunct, spaceBefore: space})
		default:
			out = append(out, f.token(text, i, i+n, tokPunct, space))
		}
		i = int(out[len(out)-1].end)
		space = false
	}
	return out
}

// maxTokens is at least the number of tokens appendTokens makes of text,
// and near it: a word or number is counted at each run of letters and
// digits, anything else but space at each character. Within a run, a
// number ends before a digit of another script ("200߇0" is two tokens).
func maxTokens(text string) int {
	n, inWord, afterDigit := 0, false, false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		switch {
		case isSpace(r):
			inWord = false
		case isWordRune(r):
			if !inWord || afterDigit && r >= utf8.RuneSelf {
				n++
			}
			inWord = true
		default:
			n++
			inWord = false
		}
		afterDigit = r < utf8.RuneSelf && isDigit(byte(r))
	}
	return n
}

// scanNumber reads digits with groups of three after commas ("1,200") and a
// decimal part ("3.5").
func scanNumber(text string, i int) int {
	end := i
	for end < len(text) && isDigit(text[end]) {
		end++
	}
	for end+3 < len(text) && text[end] == ',' && isDigit(text[end+1]) && isDigit(text[end+2]) && isDigit(text[end+3]) &&
		(end+4 == len(text) || !isDigit(text[end+4])) {
		end += 4
	}
	if end+1 < len(text) && text[end] == '.' && isDigit(text[end+1]) {
		end++
		for end < len(text) && isDigit(text[end]) {
			end++
		}
	}
	return end
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// scanWord reads letters and digits, with apostrophes between them.
func scanWord(text string, i int) int {
	end := i
	// ASCII letters and digits, most of a word, by table in a tight loop.
	for end < len(text) && text[end] < utf8.RuneSelf && asciiWord[text[end]] {
		end++
	}
	for end < len(text) {
		r, n := rune(text[end]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[end:])
		}
		if isWordRune(r) {
			end += n
			continue
		}
		if isApostrophe(r) && end+n < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[end+n:]); unicode.IsLetter(next) {
				end += n
				continue
			}
		}
		break
	}
	return end
}

// lowerWord is the end of the word at i, a letter, when the word is lower-case
// ASCII letters and digits, so that scanWord would end it there and fold
// would give it back as it is; else i. An apostrophe after it (it may go
// on: "mali's") or a byte outside ASCII leaves the word to scanWord.
func lowerWord(text string, i int) int {
	end := i
	for end < len(text) && text[end] < utf8.RuneSelf && asciiLowerWord[text[end]] {
		end++
	}
	if end < len(text) && (text[end] >= utf8.RuneSelf || asciiWord[text[end]] || text[end] == '\'') {
		return i
	}
	return end
}

// capitalWord is the end of the word at i when it starts with an ASCII
// capital and is ASCII letters and digits, so that scanWord would end it
// there; else i. As in lowerWord, an apostrophe or a byte outside ASCII
// after it leaves the word to scanWord.
func capitalWord(text string, i int) int {
	if c := text[i]; c < 'A' || c > 'Z' {
		return i
	}
	end := i + 1
	for end < len(text) && text[end] < utf8.RuneSelf && asciiWord[text[end]] {
		end++
	}
	if end < len(text) && (text[end] >= utf8.RuneSelf || text[end] == '\'') {
		return i
	}
	return end
}

// lowerASCII lowers the ASCII capitals of b in place.
func lowerASCII(b []byte) {
	for k, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
}

// asciiLowerWord marks the ASCII letters and digits that are not capitals.
var asciiLowerWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = asciiWord[c] && !('A' <= c && c <= 'Z')
	}
	return t
}()

// folder makes tokens. The lower forms that differ from the text are
// written one after another into one buffer, so that the capitalised words
// of a report cost a few allocations rather than one each; a token holds
// their offset, not a string. The units read the buffer as one string made
// once it is full (string(buf)).
type folder struct{ buf []byte }

func (f *folder) token(text string, start, end int, kind tokKind, space bool) token {
	s := text[start:end]
	upper := 'A' <= s[0] && s[0] <= 'Z'
	if s[0] >= utf8.RuneSelf {
		first, _ := utf8.DecodeRuneInString(s)
		upper = unicode.IsUpper(first)
	}
	t := token{start: int32(start), end: int32(end), kind: kind, upper: upper, spaceBefore: space}
	t.lo, t.ln, t.folded = f.fold(s)
	return t
}

// fold writes s lower-cased, curly apostrophes made straight, into the
// buffer and returns where; folded is false when that form is s itself,
// which is then not written.
func (f *folder) fold(s string) (lo, ln int32, folded bool) {
	i := 0 // the first capital, or the first byte not ASCII
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return 0, 0, false // lower-case ASCII already: no copy
	}
	start := len(f.buf)
	for j := i; j < len(s); j++ {
		if s[j] >= utf8.RuneSelf {
			low := strings.ReplaceAll(strings.ToLower(s), "’", "'")
			if low == s {
				return 0, 0, false
			}
			f.buf = append(f.buf, low...)
			return int32(start), int32(len(low)), true
		}
	}
	// Copied whole, then lowered in place: quicker than byte by byte.
	f.buf = append(f.buf, s...)
	lowerASCII(f.buf[start+i:])
	return int32(start), int32(len(s)), true
}

// nameSlot in a phrase stands for one word written with a capital letter.
const nameSlot = "{name}"

// phraseSet is a list of phrases compiled for matching against tokens.
type phraseSet struct {
	byFirst map[string][][]string // by first word (or nameSlot), longest first
	// names is byFirst[nameSlot], which matchAt tries at every token:
	// looked up once rather than hashed each time.
	names [][]string
}

func compileSet(phrases ...[]string) phraseSet {
	n := 0
	for _, list := range phrases {
		n += len(list)
	}
	set := phraseSet{byFirst: make(map[string][][]string, n)}
	// The words of all the phrases, one after another: each phrase's slice
	// is cut from it, rather than allocated on its own.
	all := make([]string, 0, 2*n)
	for _, list := range phrases {
		for _, p := range list {
			from := len(all)
			all = appendPhraseWords(all, p)
			if len(all) == from {
				continue
			}
			words := all[from:len(all):len(all)]
			set.byFirst[words[0]] = append(set.byFirst[words[0]], words)
		}
	}
	for k, list := range set.byFirst {
		// Longest first, so the longest phrase at a place is the one reported.
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j]) > len(list[j-1]); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		set.byFirst[k] = list
	}
	set.names = set.byFirst[nameSlot]
	return set
}

// phraseWords cuts a phrase into the folded tokens it must match.
func phraseWords(p string) []string { return appendPhraseWords(nil, p) }

// appendPhraseWords appends the folded tokens of phrase p to out. The lists
// hold hundreds of phrases, read at start-up: most are one lower-case word,
// taken as it is, and the rest are cut with appendTokens into a buffer on
// the stack, not a unit of their own.
func appendPhraseWords(out []string, p string) []string {
	if p != "" && 'a' <= p[0] && p[0] <= 'z' && lowerWord(p, 0) == len(p) {
		return append(out, p)
	}
	var scratch [16]token
	var f folder
	for k := 0; ; k++ {
		part, rest, found := strings.Cut(p, nameSlot)
		if k > 0 {
			out = append(out, nameSlot)
		}
		f.buf = f.buf[:0]
		toks := appendTokens(scratch[:0], part, &f)
		for _, t := range toks {
			if t.folded {
				out = append(out, string(f.buf[t.lo:t.lo+t.ln]))
			} else {
				out = append(out, part[t.start:t.end])
			}
		}
		if !found {
			return out
		}
		p = rest
	}
}

// hasWords reports whether phrase p has a token to match, as
// len(phraseWords(p)) > 0 does without cutting it: every character but
// white space makes a token.
func hasWords(p string) bool {
	return strings.IndexFunc(p, func(r rune) bool { return !isSpace(r) }) >= 0
}

// matchAt returns the end (exclusive token index) of the longest phrase that
// starts at the unit's token i and ends by token limit; skip tells tokens no
// phrase may cover.
func (set phraseSet) matchAt(u *unit, i, limit int, skip func(*token) bool) (int, bool) {
	toks := u.toks
	if i >= limit || skip != nil && skip(&toks[i]) {
		return 0, false
	}
	try := func(list [][]string) (int, bool) {
	next:
		for _, words := range list {
			if i+len(words) > limit {
				continue
			}
			for k, w := range words {
				t := &toks[i+k]
				if skip != nil && skip(t) {
					continue next
				}
				if w == nameSlot {
					if t.kind != tokWord || !t.upper {
						continue next
					}
				} else if u.lower(i+k) != w {
					continue next
				}
			}
			return i + len(words), true
		}
		return 0, false
	}
	if end, ok := try(set.byFirst[u.lower(i)]); ok {
		return end, true
	}
	return try(set.names)
}

// find returns the first phrase of the set in the unit's tokens [from:to],
// as a token range.
func (set phraseSet) find(u *unit, from, to int, skip func(*token) bool) (int, int, bool) {
	for i := from; i < to; i++ {
		if end, ok := set.matchAt(u, i, to, skip); ok {
			return i, end, true
		}
	}
	return 0, 0, false
}

// endsAt reports whether a phrase of the set ends exactly at token index end
// (exclusive) and starts at or after from.
func (set phraseSet) endsAt(u *unit, from, end int, skip func(*token) bool) bool {
	for i := max(from, end-maxPhraseWords); i < end; i++ {
		if e, ok := set.matchAt(u, i, end, skip); ok && e == end {
			return true
		}
	}
	return false
}

// maxPhraseWords bounds how far back endsAt looks.
const maxPhraseWords = 8

// has reports whether the word (a token's lower form) is a one-word phrase
// of the set.
func (set phraseSet) has(w string) bool {
	for _, words := range set.byFirst[w] {
		if len(words) == 1 {
			return true
		}
	}
	return false
}
