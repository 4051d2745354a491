// Package prose reads running English text: where its sentences start and
// end. Rules that judge "the same sentence" (a relative time phrase with no
// date in its sentence, a statistic with no source) all cut sentences here.
package prose

import (
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
func Sentences(text string) []Range {
	var out []Range
	start := skipSpace(text, 0)
	for i := 0; i < len(text); {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			_, n := utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		end := i + 1
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(`"')]”’»*`, r) {
				break
			}
			end += n
		}
		next := skipSpace(text, end)
		if next == end && end < len(text) {
			i = end // no space after: "3.5", "state.gov"
			continue
		}
		if next < len(text) && !startsSentence(text[next:]) {
			i = next
			continue
		}
		if c == '.' && isAbbreviation(text[start:i]) && next < len(text) {
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

// Of returns the sentence containing byte offset off, or the whole text.
func Of(text string, off int) Range {
	for _, s := range Sentences(text) {
		if off >= s.Start && off < s.End {
			return s
		}
	}
	return Range{0, len(text)}
}

func skipSpace(s string, i int) int {
	for i < len(s) {
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
	if i := strings.LastIndexFunc(w, unicode.IsSpace); i >= 0 {
		w = w[i+1:]
	}
	w = strings.TrimLeft(w, `("'“‘[`)
	if w == "" {
		return false
	}
	// Initials and dotted acronyms: "J", "U.S", "U.N".
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	if strings.Contains(w, ".") && allInitials(w) {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

func allInitials(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}
