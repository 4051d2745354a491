// Package tense decides whether a sentence speaks of a term (a mission that
// ended, a group that dissolved, a name that changed) as current. Both the
// watchlist kind of rule packs and the built-in stale-term rule ask it.
//
// Telling "is current" from "was" needs grammar the tool does not have, so
// the test is a deliberately timid one: a present-tense verb next to the
// term, and nothing in the sentence that points to the past. When unsure,
// it says no: a false alarm on every history paragraph would teach editors
// to switch the rule off.
//
// The cue words below are English, not house style, so they live here; a
// caller adds its own with Cues.
package tense

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prose"
)

// currentAfter are present-tense and present-perfect words that, within a
// few words after the term, make it the subject of a verb about now:
// "MINUSMA remains", "MINUSMA peacekeepers are", "MINUSMA has deployed".
var currentAfter = []string{
	"is", "are", "remains", "remain", "continues", "continue", "operates", "operate",
	"maintains", "maintain", "has", "have", "provides", "conducts", "leads", "supports",
	"controls", "deploys", "patrols", "holds", "runs", "includes",
	"currently", "still", "presently", "today",
}

// currentBefore are the words that, just before the term, speak of it as
// present ("there are MINUSMA bases", "the main force is MINUSMA"). Other
// verbs before the term mostly have it as their object ("armed groups have
// attacked MINUSMA"), which says nothing about whether it still exists.
var currentBefore = []string{"is", "are", "remains", "remain", "currently", "still", "presently"}

// pastWords anywhere in the sentence mean it tells of the past, or of the
// term's end, or denies it: the judge says no.
var pastWords = []string{
	// Past tense and the past of common irregular verbs.
	"was", "were", "had", "did", "became", "began", "came", "went", "left", "took",
	"fought", "held", "brought", "saw", "gave", "sent", "lost", "won", "fell", "grew", "led",
	"used to",
	// The term's end.
	"withdrew", "withdrawn", "withdrawal", "withdrawing", "end", "ends", "ended", "ending",
	"departed", "departure", "exit", "drawdown", "dissolved", "dissolution", "disbanded",
	"defunct", "expired", "expiry", "expiration", "ceased", "closed", "closure",
	"concluded", "terminated", "termination", "replaced", "replacement", "successor",
	"succeeded", "predecessor", "wound down", "shut down", "legacy", "remnants", "aftermath",
	// Pointers to an earlier time.
	"former", "formerly", "previously", "then", "ago", "until", "prior", "historically",
	"after", "following", "once",
	// Denial.
	"not", "never", "no", "no longer", "nor",
}

// auxiliaries before a word ending in -ed make it a participle ("has
// deployed", "are stationed"), not a past tense.
var auxiliaries = map[string]bool{
	"has": true, "have": true, "is": true, "are": true, "be": true, "been": true,
	"being": true, "am": true, "get": true, "gets": true,
}

// notPastEd end in -ed without being past tenses.
var notPastEd = map[string]bool{
	"indeed": true, "hundred": true, "speed": true, "proceed": true, "exceed": true,
	"succeed": true, "embed": true,
}

const (
	windowAfter  = 4 // a present cue after the term is at most this many words on
	windowBefore = 3 // and one before it at most this many words back
	edWindow     = 3 // how near an -ed past tense must be to count
)

// Cues are words a caller adds to the built-in ones.
type Cues struct {
	// Current are present-tense words that, a few words after the term,
	// speak of it as current ("garrisons").
	Current []string
	// Past are words that, anywhere in the sentence, point to the past
	// ("erstwhile").
	Past []string
}

// Judge decides with the built-in cue words and a caller's own. It is
// built once and safe for concurrent use.
type Judge struct{ after, before, past cueList }

// NewJudge returns a Judge with the built-in cue words and extra's.
func NewJudge(extra Cues) *Judge {
	return &Judge{
		after:  newCueList(currentAfter, extra.Current),
		before: newCueList(currentBefore),
		past:   newCueList(pastWords, extra.Past),
	}
}

var defaultJudge = sync.OnceValue(func() *Judge { return NewJudge(Cues{}) })

// SpokenOfAsCurrent reports whether sentence speaks of the term at
// sentence[start:end] as current, for a term that went stale at since: a
// present-tense cue within a few words after the term in the same clause
// ("MINUSMA remains", "MINUSMA peacekeepers are"), or "is", "are" or
// "still" just before it, and nothing anywhere in the sentence that points
// to the past (a past tense, a word of ending such as "withdrew" or
// "former", a denial such as "no longer", or a year no later than since's).
func SpokenOfAsCurrent(sentence string, start, end int, since time.Time, extra Cues) bool {
	j := defaultJudge()
	if len(extra.Current) > 0 || len(extra.Past) > 0 {
		j = NewJudge(extra)
	}
	return j.SpokenOfAsCurrent(sentence, prose.Range{Start: 0, End: len(sentence)}, start, end, since)
}

// maxReach is how far from a term its sentence is read. No sentence of a
// report is near that long; a paragraph without a full stop may be, and
// reading all of it for each of the term's mentions in it took time that
// grew with the square of its length (a 2.4 MB one, over twelve minutes).
const maxReach = 1000

// within cuts sent to maxReach bytes on each side of text[start:end], at
// spaces, so that no word is read in part.
func within(text string, sent prose.Range, start, end int) prose.Range {
	if from := start - maxReach; from > sent.Start {
		if i := strings.IndexAny(text[from:start], " \t\n"); i >= 0 {
			sent.Start = from + i
		} else {
			sent.Start = start
		}
	}
	if to := end + maxReach; to < sent.End {
		if i := strings.LastIndexAny(text[end:to], " \t\n"); i >= 0 {
			sent.End = end + i
		} else {
			sent.End = end
		}
	}
	return sent
}

// SpokenOfAsCurrent is the package function for a sentence that is the
// range sent of a longer text, the term being text[start:end].
func (j *Judge) SpokenOfAsCurrent(text string, sent prose.Range, start, end int, since time.Time) bool {
	if sent.Start < 0 || sent.End > len(text) || sent.Start > sent.End || start >= end {
		return false
	}
	sent = within(text, sent, start, end)
	buf := wordBufs.Get().(*[]word)
	defer func() {
		if cap(*buf) <= maxPooledWords {
			clear(*buf)
			wordBufs.Put(buf)
		}
	}()
	words := appendWords((*buf)[:0], text, sent)
	*buf = words
	first, last := -1, -1
	for i, w := range words {
		if w.end > start && w.start < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	inTerm := func(i int) bool { return i >= first && i <= last }
	sinceYear := since.Year()

	// Anything pointing to the past, anywhere in the sentence.
	for i, w := range words {
		if inTerm(i) {
			continue
		}
		if _, ok := j.past.at(words, i); ok {
			return false
		}
		if strings.HasSuffix(w.lower, "n't") {
			return false
		}
		if isYear(w.lower) {
			if y, _ := strconv.Atoi(w.lower); y <= sinceYear {
				return false
			}
		}
		near := i < first && first-i <= edWindow || i > last && i-last <= edWindow
		if near && isPastEd(words, i) {
			return false
		}
	}

	// A present cue after the term, in the same clause.
	for i := last + 1; i < len(words) && i-last <= windowAfter; i++ {
		if words[i].breakBefore {
			break
		}
		if _, ok := j.after.at(words, i); ok {
			return true
		}
	}
	// Or one just before it.
	for i := first - 1; i >= 0 && first-i <= windowBefore; i-- {
		if words[i+1].breakBefore {
			break
		}
		if end, ok := j.before.at(words, i); ok && end < first {
			return true
		}
	}
	return false
}

// isYear: four digits from 1900 to 2099.
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) &&
		strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// cueList is a list of words and phrases, each split into lower-case words
// the way sentences are, so that "no-longer" or "isn’t" in a list matches
// the text however it is written. The cues are filed by their first word:
// the judge asks at every word of a sentence, and the past words are
// eighty.
type cueList struct {
	cues    [][]string
	byFirst map[string][]int // places in cues, in order
}

func newCueList(phrases ...[]string) cueList {
	out := cueList{byFirst: map[string][]int{}}
	for _, list := range phrases {
		for _, p := range list {
			var cue []string
			for _, w := range splitWords(p, prose.Range{Start: 0, End: len(p)}) {
				cue = append(cue, w.lower)
			}
			if len(cue) > 0 {
				out.byFirst[cue[0]] = append(out.byFirst[cue[0]], len(out.cues))
				out.cues = append(out.cues, cue)
			}
		}
	}
	return out
}

// at reports whether a cue starts at word i, and the index of its last
// word: of the cues that do, the first listed.
func (c cueList) at(words []word, i int) (int, bool) {
	for _, k := range c.byFirst[words[i].lower] {
		cue := c.cues[k]
		if i+len(cue) > len(words) {
			continue
		}
		ok := true
		for j, w := range cue[1:] {
			ok = ok && words[i+1+j].lower == w
		}
		if ok {
			return i + len(cue) - 1, true
		}
	}
	return 0, false
}

// word is a word of a sentence: its place and lower-case form.
type word struct {
	start, end int
	lower      string
	// capital: it starts with a capital and does not start the sentence,
	// so it is part of a name ("United Nations").
	capital bool
	// breakBefore: clause punctuation (a comma, a semicolon, a bracket, a
	// dash) comes between it and the word before.
	breakBefore bool
}

// isPastEd: a lower-case word ending in -ed that no auxiliary comes before
// reads as a past tense ("armed groups attacked MINUSMA").
func isPastEd(words []word, i int) bool {
	w := words[i]
	if w.capital || len(w.lower) < 5 || !strings.HasSuffix(w.lower, "ed") || notPastEd[w.lower] {
		return false
	}
	return i == 0 || !auxiliaries[words[i-1].lower]
}

// splitWords cuts a sentence into words: letters and digits, with
// apostrophes inside a word kept ("isn't", "MINUSMA's"). Hyphens separate,
// so "now-defunct" gives "defunct". Curly apostrophes are straightened in
// the lower-case form.
func splitWords(text string, sent prose.Range) []word {
	// About a word in five bytes: one allocation for most sentences, not
	// one for every doubling; capped, as a long run of marks has no words.
	return appendWords(make([]word, 0, min((sent.End-sent.Start)/5+1, 1024)), text, sent)
}

// wordBufs holds the judge's word lists (*[]word) between sentences: a
// stale-term check judges a sentence at each watched name, and each list
// made anew was most of the judge's cost. A list is cleared before it is
// put back, so as to keep no text alive, and one grown past
// maxPooledWords is not put back.
var wordBufs = sync.Pool{New: func() any { return new([]word) }}

const maxPooledWords = 1 << 12

// appendWords is splitWords appending to out.
func appendWords(out []word, text string, sent prose.Range) []word {
	brk := false
	// lowered is the sentence in lower case when it is ASCII, made at its
	// first word that needs folding: its words' forms are slices of it,
	// one string a sentence where ToLower made one a capitalised word.
	var lowered string
	asciiSent := 0 // 0 not known yet, 1 ASCII, -1 not
	for i := sent.Start; i < sent.End; {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if !isLetterOrDigit(r) {
			if strings.ContainsRune(",;:()[]—–", r) {
				brk = true
			}
			i += n
			continue
		}
		start := i
		// Lower-case ASCII letters and digits, most of a sentence's words,
		// are read by table and are their own lower-case form.
		for i < sent.End && text[i] < utf8.RuneSelf && asciiLowerWord[text[i]] {
			i++
		}
		plain := true // text[start:i] needs no folding
		for i < sent.End {
			r, n := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:])
			}
			if isLetterOrDigit(r) {
				plain = plain && r < utf8.RuneSelf && !('A' <= r && r <= 'Z')
				i += n
				continue
			}
			if r == '\'' || r == '’' {
				if next, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < sent.End && unicode.IsLetter(next) {
					plain = plain && r == '\''
					i += n
					continue
				}
			}
			break
		}
		first, _ := utf8.DecodeRuneInString(text[start:])
		lower := text[start:i]
		if !plain {
			if asciiSent == 0 {
				asciiSent = -1
				if phrase.IsASCII(text[sent.Start:sent.End]) {
					asciiSent, lowered = 1, strings.ToLower(text[sent.Start:sent.End])
				}
			}
			if asciiSent == 1 {
				lower = lowered[start-sent.Start : i-sent.Start] // ASCII: no apostrophe to straighten
			} else {
				lower = strings.ReplaceAll(strings.ToLower(lower), "’", "'")
			}
		}
		out = append(out, word{start: start, end: i, lower: lower, capital: unicode.IsUpper(first) && len(out) > 0, breakBefore: brk})
		brk = false
	}
	return out
}

// isLetterOrDigit is unicode.IsLetter or IsDigit, by table for ASCII.
func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord marks ASCII letters and digits; asciiLowerWord those that are
// not capitals.
var asciiWord, asciiLowerWord = func() (w, l [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		w[c] = unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
		l[c] = w[c] && !unicode.IsUpper(rune(c))
	}
	return w, l
}()
