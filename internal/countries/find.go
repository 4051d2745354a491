package countries

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindIn returns the first country whose name or alias occurs in text as
// whole words, with the byte offsets of the occurrence: text[start:end] is
// "Côte d’Ivoire" in "The U.S. Embassy in Côte d’Ivoire said". Where names
// start at the same word the longest wins, so "Guinea-Bissau" is not
// "Guinea"; "Nigeria" never contains "Niger", being another word.
//
// Matching ignores accents, apostrophe and hyphen style and line breaks
// between words, but not capitals: a capital in the name must be a capital
// in the text, so "turkey" and "chad" in lower case are not countries while
// "MALI" in a heading is. A leading "the" is not part of the match.
func (t *Table) FindIn(text string) (country Country, start, end int, ok bool) {
	words := tokenize(text)
	for i := range words {
		for _, p := range t.phrases[words[i].lower] {
			if matchesAt(text, words, i, p.words) {
				last := words[i+len(p.words)-1]
				return t.country(p.country), words[i].start, last.end, true
			}
		}
	}
	return Country{}, 0, 0, false
}

// matchesAt reports whether the phrase's words occur in text starting at
// word i, separated only by what can sit inside a name.
func matchesAt(text string, words []token, i int, phrase []token) bool {
	if i+len(phrase) > len(words) {
		return false
	}
	for j, want := range phrase {
		got := words[i+j]
		if !got.lowers(want.lower) || !capitalsAgree(want.folded, got.folded) {
			return false
		}
		if j > 0 && !joinsWords(text[words[i+j-1].end:got.start]) {
			return false
		}
	}
	return true
}

// lowers reports whether the word's lower field is lower; a word of
// appendWords' in ASCII has none, and its folded field is lowered here.
func (t token) lowers(lower string) bool {
	if t.lower != "" || len(t.folded) != len(lower) {
		return t.lower == lower
	}
	for i := 0; i < len(lower); i++ {
		c := t.folded[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// joinsWords reports whether the text between two words can be inside one
// name: spaces, at most one line break (wrapped lines), hyphens and dashes
// ("Guinea-Bissau"), apostrophes ("Côte d’Ivoire") and periods ("St.
// Lucia"). A comma, a blank line or a bracket ends a name.
func joinsWords(gap string) bool {
	if strings.Count(gap, "\n") > 1 {
		return false
	}
	for _, r := range gap {
		switch {
		case unicode.IsSpace(r):
		case strings.ContainsRune("-‐‑–'’‘ʼ`.", r):
		default:
			return false
		}
	}
	return true
}

// Mention is one occurrence of a country's name in a text.
type Mention struct {
	Code       string // the country's ISO code
	Start, End int
}

// FindAllIn returns the countries named in text as FindIn finds them, in
// order, at most max: one pass over the words, however long the text.
// A word is looked up from a buffer on the stack, and only one that starts
// a name is made a token, with the words after it that the longest such
// name needs: a token for every word of the text was nearly all of the
// work, and most words start no name.
func (t *Table) FindAllIn(text string, max int) []Mention {
	var out []Mention
	var local [8]token
	for pos := 0; len(out) < max; {
		start, end := nextWord(text, pos)
		if start < 0 {
			break
		}
		pos = end
		if c := text[start]; 'a' <= c && c <= 'z' && t.lowerStarts&(1<<(c-'a')) == 0 {
			continue
		}
		var buf [64]byte
		ps := t.phrases[string(lowerKey(buf[:0], text[start:end]))]
		if len(ps) == 0 {
			continue
		}
		// The first phrase is the longest (newTable's order): the words it
		// needs are all any of them needs. Tokenizing from a word's start
		// gives the words tokenize gives there.
		words := appendWords(local[:0], text, start, len(ps[0].words))
		for _, p := range ps {
			if matchesAt(text, words, 0, p.words) {
				last := words[len(p.words)-1]
				out = append(out, Mention{Code: t.countries[p.country].Code, Start: start, End: last.end})
				pos = last.end
				break
			}
		}
	}
	return out
}

// nextWord is the first word of s at or after from, as tokenize splits
// words (from is not inside a word), or -1, -1. An ASCII byte is told by
// a table, not decoded and asked of unicode: most of a report is ASCII,
// and the most-named country reads every word of it (FuzzNextWord holds
// it to the decoding loop).
func nextWord(s string, from int) (start, end int) {
	start = -1
	for i := from; i < len(s); {
		c := s[i]
		inWord, size := asciiWordByte[c], 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			inWord = isWordRune(r) || (start >= 0 && unicode.Is(unicode.Mn, r))
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			return start, i
		}
		i += size
	}
	if start >= 0 {
		return start, len(s)
	}
	return -1, -1
}

// asciiWordByte marks the ASCII bytes isWordRune takes, letters and
// digits; the bytes past ASCII are decoded instead.
var asciiWordByte = func() (t [256]bool) {
	for c := range rune(utf8.RuneSelf) {
		t[c] = isWordRune(c)
	}
	return t
}()

// lowerKey is the lower field tokenize gives the word, appended to buf
// (a map lookup by string(bytes) makes no string).
func lowerKey(buf []byte, word string) []byte {
	if !isASCII(word) {
		return append(buf, strings.ToLower(fold(word))...)
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// appendWords appends the tokens of s from the word at from on, at most n.
//
// A word in ASCII is left with no lower field, for matchesAt to compare
// lowering as it goes: its lower field was a slice of a lowered copy of
// s, made for each text with a candidate word (FuzzFindAllIn holds the
// matches to tokenize's words).
func appendWords(tokens []token, s string, from, n int) []token {
	for pos := from; n > 0; n-- {
		start, end := nextWord(s, pos)
		if start < 0 {
			break
		}
		if word := s[start:end]; isASCII(word) {
			tokens = append(tokens, token{folded: word, start: start, end: end})
		} else {
			tokens = append(tokens, newToken(s, nil, start, end))
		}
		pos = end
	}
	return tokens
}
