package countries

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latinFold maps accented Latin letters to their plain ASCII spelling, so
// that "Côte" matches "Cote" and "Türkiye" matches "Turkiye". Built by hand
// rather than with golang.org/x/text so the package needs no dependency
// beyond the YAML decoder; only letters that occur in country names and
// everyday European spellings are covered.
var latinFold = buildLatinFold(map[string]string{
	"A":  "ÀÁÂÃÄÅĀĂĄǍ",
	"a":  "àáâãäåāăąǎª",
	"AE": "ÆǼ",
	"ae": "æǽ",
	"C":  "ÇĆĈĊČ",
	"c":  "çćĉċč",
	"D":  "ĎĐÐ",
	"d":  "ďđð",
	"E":  "ÈÉÊËĒĔĖĘĚ",
	"e":  "èéêëēĕėęě",
	"G":  "ĜĞĠĢ",
	"g":  "ĝğġģ",
	"H":  "ĤĦ",
	"h":  "ĥħ",
	"I":  "ÌÍÎÏĨĪĬĮİǏ",
	"i":  "ìíîïĩīĭįıǐ",
	"J":  "Ĵ",
	"j":  "ĵ",
	"K":  "Ķ",
	"k":  "ķ",
	"L":  "ĹĻĽĿŁ",
	"l":  "ĺļľŀł",
	"N":  "ÑŃŅŇ",
	"n":  "ñńņňŉ",
	"O":  "ÒÓÔÕÖØŌŎŐǑ",
	"o":  "òóôõöøōŏőǒº",
	"OE": "Œ",
	"oe": "œ",
	"R":  "ŔŖŘ",
	"r":  "ŕŗř",
	"S":  "ŚŜŞŠȘ",
	"s":  "śŝşšș",
	"ss": "ß",
	"T":  "ŢŤŦȚ",
	"t":  "ţťŧț",
	"TH": "Þ",
	"th": "þ",
	"U":  "ÙÚÛÜŨŪŬŮŰŲǓ",
	"u":  "ùúûüũūŭůűųǔ",
	"W":  "Ŵ",
	"w":  "ŵ",
	"Y":  "ÝŶŸ",
	"y":  "ýÿŷ",
	"Z":  "ŹŻŽ",
	"z":  "źżž",
})

func buildLatinFold(plainToAccented map[string]string) map[rune]string {
	m := make(map[rune]string)
	for plain, accented := range plainToAccented {
		for _, r := range accented {
			m[r] = plain
		}
	}
	return m
}

// fold returns s with accented Latin letters replaced by plain ones and
// combining marks dropped (text in decomposed form writes "ô" as "o" plus a
// combining circumflex). Case is kept: FindIn needs it.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if plain, ok := latinFold[r]; ok {
			b.WriteString(plain)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// token is one word of a name or of text: a run of letters and digits. Every
// other character separates words, so "Mali's" is "Mali" then "s", and
// "Guinea-Bissau", "Guinea Bissau" and "Côte d’Ivoire" / "Cote d'Ivoire"
// compare equal word by word.
type token struct {
	folded     string // fold applied, case kept
	lower      string // folded and lower-cased: what matching compares
	start, end int    // byte offsets in the original string
}

// tokenize splits s into words. Combining marks stay inside a word, so a
// decomposed "Côte" is one word, as it reads.
func tokenize(s string) []token { return appendTokens(nil, s) }

// appendTokens is tokenize appending to tokens: newTable keeps the words of
// every name in one array.
func appendTokens(tokens []token, s string) []token {
	var lowered string // s with ASCII capitals lowered, made for the first word that needs it
	start := -1
	for i, r := range s {
		inWord := isWordRune(r) || (start >= 0 && unicode.Is(unicode.Mn, r))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			tokens = append(tokens, newToken(s, &lowered, start, i))
			start = -1
		}
	}
	if start >= 0 {
		tokens = append(tokens, newToken(s, &lowered, start, len(s)))
	}
	return tokens
}

// newToken makes the word s[start:end]. A word in ASCII, most of them, is
// its own folded form, and its lower-case form is a slice of one lowered
// copy of s: before, every word cost a fold and a lower-casing, each a new
// string, which was most of loading the table.
func newToken(s string, lowered *string, start, end int) token {
	word := s[start:end]
	if !isASCII(word) {
		folded := fold(word)
		return token{folded: folded, lower: strings.ToLower(folded), start: start, end: end}
	}
	if *lowered == "" {
		*lowered = lowerASCII(s)
	}
	return token{folded: word, lower: (*lowered)[start:end], start: start, end: end}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// lowerASCII lowers the ASCII capitals of s and keeps every other byte, so
// that offsets into s are offsets into the copy. It returns s itself when s
// has no ASCII capital.
func lowerASCII(s string) string {
	first := strings.IndexFunc(s, func(r rune) bool { return 'A' <= r && r <= 'Z' })
	if first < 0 {
		return s
	}
	b := []byte(s)
	for i := first; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// isWordRune reports whether r belongs to a word. The modifier letter
// apostrophe (ʼ) is a letter to Unicode but an apostrophe to a reader.
func isWordRune(r rune) bool {
	if r == 'ʼ' {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// key is the form names are compared in: lower-case folded words joined by
// single spaces, without a leading "the" (editors write both "Gambia" and
// "The Gambia"). It is empty when s has no words.
func key(s string) string {
	return joinLower(dropLeadingThe(tokenize(s)))
}

// appendKeyASCII appends key(s) to buf when s is in ASCII and its key
// fits in buf's capacity; ok is false otherwise, buf then unfinished. In
// ASCII a word is a run of letters and digits, and its lower field the
// run lowered (FuzzTokenize holds it to key).
func appendKeyASCII(buf []byte, s string) (k []byte, ok bool) {
	if len(s) > cap(buf)-len(buf) || !isASCII(s) {
		return buf, false
	}
	from, words, first := len(buf), 0, -1 // first: where the first word ends in buf
	for i := 0; i < len(s); {
		start, end := nextWord(s, i)
		if start < 0 {
			break
		}
		if words > 0 {
			buf = append(buf, ' ')
		}
		for _, c := range []byte(s[start:end]) {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		if words == 0 {
			first = len(buf)
		}
		words++
		i = end
	}
	if words > 1 && string(buf[from:first]) == "the" {
		buf = append(buf[:from], buf[first+1:]...)
	}
	return buf, true
}

func dropLeadingThe(tokens []token) []token {
	if len(tokens) > 1 && tokens[0].lower == "the" {
		return tokens[1:]
	}
	return tokens
}

func joinLower(tokens []token) string {
	switch len(tokens) {
	case 0:
		return ""
	case 1:
		return tokens[0].lower // most names are one word: no copy
	}
	var b strings.Builder
	n := len(tokens) - 1
	for _, t := range tokens {
		n += len(t.lower)
	}
	b.Grow(n) // one allocation, not one for each word that outgrows it
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lower)
	}
	return b.String()
}

// hasWord reports whether s has a word, that is whether key(s) is not
// empty, without making the key.
func hasWord(s string) bool {
	return strings.IndexFunc(s, isWordRune) >= 0
}

// capitalsAgree reports whether every capital letter of the name's word is
// a capital in the text's word, so that the name "Turkey" does not match the
// bird and "UAE" does not match "uae", while "MALI" in a heading still
// matches "Mali". The two words are equal once lower-cased.
func capitalsAgree(name, text string) bool {
	for len(name) > 0 && len(text) > 0 {
		n, nSize := utf8.DecodeRuneInString(name)
		t, tSize := utf8.DecodeRuneInString(text)
		if unicode.IsUpper(n) && !unicode.IsUpper(t) {
			return false
		}
		name, text = name[nSize:], text[tSize:]
	}
	return true
}
