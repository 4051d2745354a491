package stale

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prefilter"
	"github.com/reportlint/reportlint/internal/prose"
	"github.com/reportlint/reportlint/internal/vocab"
)

var IndicatorMismatch = &lint.Rule{
	ID:      "indicator-mismatch",
	Level:   lint.Warning,
	Summary: "the advisory's reasons, its indicators and the text disagree",
	Doc: `An advisory gives reasons ("do not travel to Mali due to crime, terrorism, and kidnapping"),
and each reason stands for a risk indicator (C, T, K, …; the words are in
rules/data/vocabulary.yaml). The rule reports where the reasons, the indicators and the text
disagree.

In a report that states its indicators ('has included a Kidnapping "K" Indicator', 'has not
included a … "D" Indicator'), as a Country Security Report does: a reason whose indicator is
stated as not included; an indicator stated as included that no reason names (when the report
gives reasons); and a reason whose indicator is not stated at all.

In a report that states none, as a travel advisory (its indicators come only from its reasons):
a reason no paragraph, heading or bold label speaks of, other than the sentence giving the
reasons and an area's "due to …" (a clause there that says more of the risk, ", which can include
robbery", ", including kidnapping", counts; a paragraph speaks of terrorism if it says "terrorism",
"terrorist" or another word for the indicator; the "discussion-words" option adds words); and a
bold label such as "**Crime:**" naming an indicator that no reason of the advisory gives, for
the country or for an area.

A reason that names no indicator ("due to military zones") is not judged. The extraction of
statements is strict, so a report that words them otherwise is seen as stating none.`,
	Bad:     "Egypt - Level 3: Reconsider Travel\n\nReconsider travel to Egypt due to **terrorism**.\n\n**Country Summary:** Terrorists may attack with little or no warning.\n\n**Crime:** Pickpocketing is common in tourist areas.",
	Good:    "Egypt - Level 3: Reconsider Travel\n\nReconsider travel to Egypt due to **terrorism** and **crime**.\n\n**Country Summary:** Terrorists may attack with little or no warning.\n\n**Crime:** Pickpocketing is common in tourist areas.",
	Options: func() any { return &indicatorOptions{DiscussionWords: defaultDiscussionWords()} },
	Run:     runIndicatorMismatch,
}

type indicatorOptions struct {
	DiscussionWords map[string][]string `yaml:"discussion-words" doc:"by indicator code, words besides the vocabulary's that show a paragraph speaks of the indicator (a plural in -s or -es counts too); a code given replaces that code's default words"`
}

func defaultDiscussionWords() map[string][]string {
	return map[string][]string{
		// Words advisories use for a risk in place of the reason's own:
		// crime as gang attacks or sex-based violence, unrest as a civil
		// war, instability or violence, a natural hazard as the weather.
		"C": {"criminal", "robbery", "robberies", "theft", "carjacking", "gang", "violence"},
		"T": {"terrorist", "extremist"},
		"U": {"protest", "demonstration", "riot", "violence", "civil war", "instability", "unstable"},
		"H": {"medical", "polio", "vaccine", "vaccination"},
		"N": {"earthquake", "flood", "flooding", "hurricane", "cyclone", "typhoon", "volcano", "weather"},
		"K": {"kidnapped", "kidnapper", "hostage"},
		"D": {"detained", "detention"},
	}
}

func (o *indicatorOptions) Validate() error {
	v := vocab.Default()
	for code, words := range o.DiscussionWords {
		if _, ok := v.Indicator(code); !ok {
			return fmt.Errorf("discussion-words: %q is not an indicator code", code)
		}
		for _, w := range words {
			if strings.TrimSpace(w) == "" {
				return fmt.Errorf("discussion-words: %s has an empty word", code)
			}
		}
	}
	return nil
}

// reasonOf is a reason of the advisory that names an indicator.
type reasonOf struct {
	text document.Text
	ind  vocab.Indicator
}

func runIndicatorMismatch(pass *lint.Pass) {
	a := pass.Doc.Advisory
	if a == nil {
		return
	}
	v := vocab.Default()
	var reasons []reasonOf
	seen := map[string]bool{}
	for _, r := range a.Reasons {
		if ind, ok := v.IndicatorFor(r.Value); ok && !seen[ind.Code] {
			seen[ind.Code] = true
			reasons = append(reasons, reasonOf{text: r, ind: ind})
		}
	}
	var stated []document.Indicator
	for _, ind := range a.Indicators {
		if ind.Source == "statement" {
			stated = append(stated, ind)
		}
	}
	if len(stated) > 0 {
		checkStatements(pass, v, reasons, stated)
		return
	}
	checkDiscussion(pass, v, a, reasons, pass.Options.(*indicatorOptions))
}

// indicatorName is how messages name an indicator: the Crime "C" indicator.
func indicatorName(ind vocab.Indicator) string {
	return fmt.Sprintf("%s %q indicator", ind.Name, ind.Code)
}

func reasonList(reasons []reasonOf) string {
	var out []string
	for _, r := range reasons {
		out = append(out, r.text.Value)
	}
	return strings.Join(out, ", ")
}

// checkStatements compares the reasons with the indicators the report
// says are or are not included.
func checkStatements(pass *lint.Pass, v *vocab.Vocabulary, reasons []reasonOf, stated []document.Indicator) {
	byCode := map[string]document.Indicator{}
	for _, s := range stated {
		byCode[s.Code] = s
	}
	given := map[string]bool{}
	for _, r := range reasons {
		given[r.ind.Code] = true
		st, ok := byCode[r.ind.Code]
		switch {
		case ok && !st.Included:
			pass.Report(lint.Finding{
				Span:    r.text.Span,
				Message: fmt.Sprintf("reason %q is given for the advisory, but the report says the %s is not included (line %d)", r.text.Value, indicatorName(r.ind), line(pass, st.Span)),
				Hint:    "drop the reason, or correct the statement about the indicator",
			})
		case !ok:
			pass.Report(lint.Finding{
				Span:    r.text.Span,
				Message: fmt.Sprintf("reason %q is given for the advisory, but the report does not state the %s, though it states others", r.text.Value, indicatorName(r.ind)),
				Hint:    fmt.Sprintf("say that the Travel Advisory has included a %s %q Indicator, where the report states the others", r.ind.Name, r.ind.Code),
			})
		}
	}
	if len(reasons) == 0 {
		return // the report gives no reasons to compare with
	}
	for _, st := range stated {
		ind, known := v.Indicator(st.Code)
		if !st.Included || given[st.Code] || !known {
			continue // an unknown letter is the schema's to report
		}
		pass.Report(lint.Finding{
			Span:    st.Span,
			Message: fmt.Sprintf("the %s is stated as included, but the advisory's reasons (%s) do not name it", indicatorName(ind), reasonList(reasons)),
			Hint:    "add the reason to the advisory's sentence, or correct the statement",
		})
	}
}

// dueTo starts an area's or the country's reasons.
var dueTo = lazyregexp.New(`(?i)\bdue\s+to\b`)

// mayGiveReasons is the cheap test before dueTo: the text has "due",
// "Due", or "DUE" and "ue". It reads the text once for "ue" where four
// searches read most texts four times (1% of checking the corpus), and
// for "DUE" only when the text has an "ue" but no "due" or "Due".
func mayGiveReasons(text string) bool {
	found := false
	for off := 0; ; {
		i := strings.Index(text[off:], "ue")
		if i < 0 {
			break
		}
		i += off
		if i > 0 && (text[i-1] == 'd' || text[i-1] == 'D') {
			return true
		}
		found, off = true, i+2
	}
	return found && strings.Contains(text, "DUE")
}

// indicatorMatcher finds the vocabulary's words for an indicator; firsts
// and sieve are firstParts of the words.
type indicatorMatcher struct {
	code   string
	re     *prefilter.Regexp
	firsts []string
	sieve  bool
}

// indicatorMatchers are the matchers of the vocabulary's indicators.
var indicatorMatchers = sync.OnceValue(func() []indicatorMatcher {
	var out []indicatorMatcher
	for _, ind := range vocab.Default().Indicators {
		firsts, sieve := firstParts(ind.Words)
		out = append(out, indicatorMatcher{code: ind.Code, re: wordsRegexp(ind.Words), firsts: firsts, sieve: sieve})
	}
	return out
})

// lowText is the i-th unit's text in lower case when it is ASCII (the same
// bytes but for case, at the same offsets), else "".
func lowText(low *lowered, i int) string {
	if !low.ascii[i] {
		return ""
	}
	return low.text[i]
}

// asciiLowered is s in lower case when it is ASCII, else "", as lowText
// gives it: the few units that say "due" are lowered each, which costs
// less than lowerTexts's copy of the whole report.
func asciiLowered(s string) string {
	if !phrase.IsASCII(s) {
		return ""
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sliceLow is low[start:end], or "" for a text that has no lowered form.
func sliceLow(low string, start, end int) string {
	if low == "" {
		return ""
	}
	return low[start:end]
}

// findDueTo is the end of dueTo's first match in text. low is text in
// lower case when text is ASCII, else "" (as lowText gives it); then the
// match is read from it by hand, else by the regexp.
func findDueTo(text, low string) (end int, ok bool) {
	if low == "" {
		loc := dueTo.FindStringIndex(text)
		if loc == nil {
			return 0, false
		}
		return loc[1], true
	}
	_, end = dueToIn(low)
	return end, end >= 0
}

// dueToIn is dueTo.FindStringIndex for an ASCII text in lower case, as
// start and end, or -1, -1: its letters fold to no other rune, and \s and
// \b are ASCII, so in such a text a match is "due", spaces, "to", with no
// word byte on either side. Looking for "due" is far cheaper than the
// regexp, which tries every byte.
func dueToIn(low string) (start, end int) {
	for off := 0; ; {
		i := strings.Index(low[off:], "due")
		if i < 0 {
			return -1, -1
		}
		i += off
		off = i + 1
		if i > 0 && isWordByte(low[i-1]) {
			continue
		}
		j := i + len("due")
		k := j
		for k < len(low) && isSpaceByte(low[k]) {
			k++
		}
		if k > j && strings.HasPrefix(low[k:], "to") && (k+2 == len(low) || !isWordByte(low[k+2])) {
			return i, k + 2
		}
	}
}

// isWordByte is \w, isSpaceByte \s, as Go's regexp reads them.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// boldLabel is a paragraph led by a bold label ending in a colon, the colon
// inside or just outside the bold: "**Crime:** Most crimes …", "* **Health**: …".
var boldLabel = lazyregexp.New(`^[ \t]*(?:[*+-][ \t]+|\d{1,2}[.)][ \t]+)?(?:\*\*|__)[ \t]*([^*_\n:]{1,60}?)[ \t]*(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)`)

// mayLeadBold reports whether para starts as boldLabel's matches do, up
// to the bold mark: spaces, then a list marker, if any, then "**" or "__".
// It reads a few bytes where boldLabel's test of a paragraph was a search
// of it all for "**" and "__".
func mayLeadBold(para string) bool {
	i := skipBlanks(para, 0)
	if leadsBold(para[i:]) {
		return true
	}
	j := i
	switch {
	case j < len(para) && (para[j] == '*' || para[j] == '+' || para[j] == '-'):
		j++
	case j < len(para) && '0' <= para[j] && para[j] <= '9':
		j++
		if j < len(para) && '0' <= para[j] && para[j] <= '9' {
			j++
		}
		if j == len(para) || para[j] != '.' && para[j] != ')' {
			return false
		}
		j++
	default:
		return false
	}
	k := skipBlanks(para, j)
	return k > j && leadsBold(para[k:])
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func leadsBold(s string) bool {
	return strings.HasPrefix(s, "**") || strings.HasPrefix(s, "__")
}

// label is a bold label and the indicator it names.
type label struct {
	text string
	span document.Span
	ind  vocab.Indicator
}

// checkDiscussion, for a report that states no indicators: every reason is
// spoken of somewhere, and no bold label names an indicator no reason gives.
func checkDiscussion(pass *lint.Pass, v *vocab.Vocabulary, a *document.Advisory, reasons []reasonOf, opts *indicatorOptions) {
	if len(reasons) == 0 {
		return // an advisory that gives no reasons has none to disagree with
	}
	units := pass.Texts()

	// Bold labels that name an indicator.
	var labels []label
	for _, u := range units {
		if u.Paragraph == nil {
			continue
		}
		sp := u.Paragraph.Span
		if sp.Start < 0 || sp.End > len(pass.File.Text) || sp.Start >= sp.End {
			continue
		}
		para := pass.File.Text[sp.Start:sp.End]
		if !mayLeadBold(para) {
			continue // no bold text at its start, no label
		}
		m := boldLabel.FindStringSubmatchIndex(para)
		if m == nil {
			continue
		}
		text := strings.TrimSpace(pass.File.Text[sp.Start+m[2] : sp.Start+m[3]])
		if ind, ok := labelIndicator(v, text); ok {
			labels = append(labels, label{text: text, span: document.Span{Start: sp.Start + m[2], End: sp.Start + m[3]}, ind: ind})
		}
	}

	for _, r := range reasons {
		if discussed(units, lowerTexts(pass), a, r, labels, opts.DiscussionWords[r.ind.Code]) {
			continue
		}
		pass.Report(lint.Finding{
			Span:    r.text.Span,
			Message: fmt.Sprintf("reason %q is given for the advisory, but no paragraph or bold label speaks of it", r.text.Value),
			Hint:    fmt.Sprintf("add a paragraph on it, such as one led by \"**%s:**\", or drop the reason", r.ind.Name),
		})
	}

	// Indicators given for the country or an area ("… due to terrorism"):
	// the reasons', and those the text gives after "due to". The text is
	// read only for the labels' indicators that no reason gives, and only
	// until it gives them all: most labels name a reason, and the search
	// of every "due to" for every indicator was most of the rule's work.
	given := map[string]bool{}
	for _, r := range reasons {
		given[r.ind.Code] = true
	}
	var wanted []string // the labels' codes to look for, once each
	for _, l := range labels {
		if !given[l.ind.Code] && !slices.Contains(wanted, l.ind.Code) {
			wanted = append(wanted, l.ind.Code)
		}
	}
	if len(wanted) > 0 {
		givenInText(units, indicatorMatchers(), wanted, given)
	}
	for _, l := range labels {
		if given[l.ind.Code] {
			continue
		}
		pass.Report(lint.Finding{
			Span:    l.span,
			Message: fmt.Sprintf("bold label %q speaks of the %s, but the advisory's reasons (%s) do not name it", l.text, indicatorName(l.ind), reasonList(reasons)),
			Hint:    "add the reason to the advisory's sentence, or drop or relabel the paragraph",
		})
	}
}

// givenInText marks in given the codes of wanted that a sentence of the
// units gives after "due to" (a matcher's words in the tail), stopping
// when it has them all.
func givenInText(units []lint.TextUnit, matchers []indicatorMatcher, wanted []string, given map[string]bool) {
	left := len(wanted)
	var sents []prose.Range
	for _, u := range units {
		if u.Heading || !mayGiveReasons(u.Text) {
			continue
		}
		lt := asciiLowered(u.Text)
		if _, ok := findDueTo(u.Text, lt); !ok {
			continue
		}
		sents = prose.AppendSentences(sents[:0], u.Text)
		for _, s := range sents {
			sent := u.Text[s.Start:s.End]
			end, ok := findDueTo(sent, sliceLow(lt, s.Start, s.End))
			if !ok {
				continue
			}
			tail := sent[end:]
			lowTail := sliceLow(lt, s.Start+end, s.End)
			for _, m := range matchers {
				if given[m.code] || !slices.Contains(wanted, m.code) {
					continue
				}
				// In ASCII text a match holds the first part of one of
				// the words in lower case: most tails hold none, and in
				// the others the expression starts at the first.
				from := 0
				if m.sieve && lt != "" {
					if from = sieveFrom(tail, lowTail, m.firsts); from < 0 {
						continue
					}
				}
				if m.re.MatchString(tail[from:]) {
					given[m.code] = true
					if left--; left == 0 {
						return
					}
				}
			}
		}
	}
}

// labelIndicator is the indicator a label names exactly: its name, or one
// of its words ("Crime", "Terrorism", "Civil Unrest"), in the singular or
// plural. The catch-all "Other" is not taken from a label.
func labelIndicator(v *vocab.Vocabulary, text string) (vocab.Indicator, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	for i, words := range labelWordsOf(v) {
		for _, w := range words {
			if rest, ok := strings.CutPrefix(t, w); ok && (rest == "" || rest == "s" || rest == "es") {
				return v.Indicators[i], true
			}
		}
	}
	return vocab.Indicator{}, false
}

// defaultLabelWords is labelWordsOf the default vocabulary, the one the
// rule reads, made once: every label was compared with every indicator's
// words lowered anew, a string each.
var defaultLabelWords = sync.OnceValue(func() [][]string { return lowerLabelWords(vocab.Default()) })

// labelWordsOf is, for each of v's indicators in order, its name and words
// in lower case, none for the catch-all "O".
func labelWordsOf(v *vocab.Vocabulary) [][]string {
	if v == vocab.Default() {
		return defaultLabelWords()
	}
	return lowerLabelWords(v)
}

func lowerLabelWords(v *vocab.Vocabulary) [][]string {
	out := make([][]string, len(v.Indicators))
	for i, ind := range v.Indicators {
		if ind.Code == "O" {
			continue
		}
		for _, w := range append([]string{ind.Name}, ind.Words...) {
			out[i] = append(out[i], strings.ToLower(w))
		}
	}
	return out
}

// discussed reports whether the text speaks of a reason outside the
// sentence that gives the reasons and outside an area's "due to …".
func discussed(units []lint.TextUnit, low *lowered, a *document.Advisory, r reasonOf, labels []label, extra []string) bool {
	for _, l := range labels {
		if l.ind.Code == r.ind.Code {
			return true
		}
	}
	wm := reasonMatcher(r.text.Value, r.ind.Words, extra)
	re, firsts, sieve := wm.re, wm.firsts, wm.sieve
	var sents []prose.Range // reused for each unit
	for i, u := range units {
		// A match starts with the first part of a word, which an ASCII
		// text then holds in lower case (the regexp also folds "K", the
		// Kelvin sign, and "ſ" to ASCII letters; there is no such rune in
		// an ASCII text). Most texts are passed over this way.
		// The expression starts at the first of them (sieveFrom): the
		// words were often met far into the text, and the search of the
		// text up to them was most of discussed.
		from := 0
		if sieve && low.ascii[i] {
			if from = sieveFrom(u.Text, low.text[i], firsts); from < 0 {
				continue
			}
		}
		if !re.MatchString(u.Text[from:]) {
			continue
		}
		lt := lowText(low, i)
		sents = prose.AppendSentences(sents[:0], u.Text)
		for _, s := range sents {
			// The unit's sieve again, for each sentence: a unit that
			// names the reason has most of its sentences not name it,
			// and the regexp's search of each was half of discussed.
			sent := u.Text[s.Start:s.End]
			sf := 0
			if sieve && lt != "" {
				if sf = sieveFrom(sent, lt[s.Start:s.End], firsts); sf < 0 {
					continue
				}
			}
			src := u.Source(s.Start, s.End)
			givesReasons := false
			for _, rs := range a.Reasons {
				givesReasons = givesReasons || src.Overlaps(rs.Span)
			}
			if givesReasons {
				continue
			}
			// The first match most often speaks of the reason: the
			// others are looked for only when it does not.
			first := re.FindStringIndex(sent[sf:])
			if first == nil {
				continue
			}
			if speaksOf(sent, sliceLow(lt, s.Start, s.End), sf+first[0]) {
				return true
			}
			for _, m := range re.FindAllStringIndex(sent[sf:], -1)[1:] {
				if speaksOf(sent, sliceLow(lt, s.Start, s.End), sf+m[0]) {
					return true
				}
			}
		}
	}
	return false
}

// speaksOf reports whether the match of a reason's words at m0 in sent
// (low its lower case, or "") speaks of it: it is not among the reasons
// of a "due to" before it, or in a clause that elaborates them.
func speaksOf(sent, low string, m0 int) bool {
	before, lowBefore := sent[:m0], sliceLow(low, 0, m0)
	_, ok := findDueTo(before, lowBefore)
	return !ok || elaborates(before, lowBefore)
}

// elaboration: after an area's "due to crime", a clause that says more
// of the risk (", which can include robbery", ", including kidnapping")
// speaks of it, as a paragraph would.
var elaboration = lazyregexp.New(`(?i)\bdue\s+to\b.*(?:,\s*(?:which|including|such as)\b|\(|\s[-–—]\s)`)

// elaborates reports whether before, the sentence up to a match, is past
// the reasons of its last "due to", in a clause that elaborates them. low
// is before in lower case, as findDueTo takes it.
func elaborates(before, low string) bool {
	last := -1
	if low == "" {
		if locs := dueTo.FindAllStringIndex(before, -1); len(locs) > 0 {
			last = locs[len(locs)-1][0]
		}
	} else {
		// FindAll's matches: each looked for past the end of the last.
		for off := 0; ; {
			start, end := dueToIn(low[off:])
			if start < 0 {
				break
			}
			last, off = off+start, off+end
		}
	}
	return last >= 0 && elaboration.MatchString(before[last:])
}

// firstParts are, in lower case, the parts of the words that wordsRegexp's
// matches start with. ok is false when they are no test: when one is not
// ASCII, or there are none.
func firstParts(words []string) (firsts []string, ok bool) {
	for _, w := range words {
		parts := strings.FieldsFunc(w, func(r rune) bool { return r == ' ' || r == '-' })
		if len(parts) == 0 {
			continue
		}
		p := strings.ToLower(parts[0])
		if !phrase.IsASCII(p) {
			return nil, false
		}
		firsts = append(firsts, p)
	}
	return firsts, len(firsts) > 0
}

// sieveFrom is where wordsRegexp's expression of words whose firstParts
// are firsts can first match in the ASCII text whose lower case is low:
// the start of the word holding the first place low holds one of firsts,
// or -1 when it holds none (no match). Every match starts with one of
// firsts, and the byte before the place given, if any, is not a word
// byte, so \b reads there as at a text's start: the expression's matches
// in text[from:] are its matches in text, less from.
func sieveFrom(text, low string, firsts []string) int {
	h := -1
	for _, f := range firsts {
		lim := len(low)
		if h >= 0 {
			lim = min(lim, h-1+len(f)) // only a place before h matters
		}
		if i := strings.Index(low[:lim], f); i >= 0 {
			h = i
		}
	}
	for h > 0 && isWordByte(text[h-1]) {
		h--
	}
	return h
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// wordsRegexp matches any of the words or phrases as whole words, ignoring
// case, with a plural in -s or -es; a space or hyphen may join the words of
// a phrase.
// wordsRegexps caches compiled word lists: the same reasons come back in
// every report, and compiling a regexp costs more than running it. A map
// under a lock, not a sync.Map: its lookup by a key made on the stack
// allocates nothing, where sync.Map boxed every key.
var (
	wordsMu      sync.RWMutex
	wordsRegexps = map[string]*wordsMatcher{}
)

func wordsRegexp(words []string) *prefilter.Regexp { return wordsMatcherOf(words).re }

// wordsKey is the cache's key for a word list: each word after its
// length, so that no two lists share one (joined with a separator, a word
// holding the separator could stand for two).
func wordsKey(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(strconv.Itoa(len(w)))
		b.WriteByte(':')
		b.WriteString(w)
	}
	return b.String()
}

// wordsMatcher is a word list's expression and its sieve (firstParts),
// cached together: discussed asked firstParts anew for every reason of
// every report.
type wordsMatcher struct {
	re     *prefilter.Regexp
	firsts []string
	sieve  bool
}

func wordsMatcherOf(words []string) *wordsMatcher {
	key := wordsKey(words)
	wordsMu.RLock()
	wm, ok := wordsRegexps[key]
	wordsMu.RUnlock()
	if ok {
		return wm
	}
	wm = &wordsMatcher{re: compileWords(words)}
	wm.firsts, wm.sieve = firstParts(words)
	wordsMu.Lock()
	if old, ok := wordsRegexps[key]; ok {
		wm = old // another goroutine stored it first: keep one
	} else {
		wordsRegexps[key] = wm
	}
	wordsMu.Unlock()
	return wm
}

// reasonMatcher is wordsMatcherOf(first, words..., extra...), its key made
// on the stack: discussed built the list and its key anew for every reason
// of every report, to find a matcher cached long before.
func reasonMatcher(first string, words, extra []string) *wordsMatcher {
	var buf [256]byte
	k := appendWordsKey(buf[:0], first)
	for _, w := range words {
		k = appendWordsKey(k, w)
	}
	for _, w := range extra {
		k = appendWordsKey(k, w)
	}
	wordsMu.RLock()
	wm, ok := wordsRegexps[string(k)]
	wordsMu.RUnlock()
	if ok {
		return wm
	}
	return wordsMatcherOf(append(append([]string{first}, words...), extra...))
}

// appendWordsKey appends one word of wordsKey's key.
func appendWordsKey(b []byte, w string) []byte {
	b = strconv.AppendInt(b, int64(len(w)), 10)
	b = append(b, ':')
	return append(b, w...)
}

// compileWords is wordsRegexp's expression, with its prefilter: for each
// "due to" sentence, the words of every indicator were looked for, and a
// sentence holds those of one at most (a tenth of checking the corpus).
func compileWords(words []string) *prefilter.Regexp {
	sorted := append([]string(nil), words...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	var alts []string
	for _, w := range sorted {
		var parts []string
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == ' ' || r == '-' }) {
			parts = append(parts, regexp.QuoteMeta(p))
		}
		if len(parts) > 0 {
			alts = append(alts, strings.Join(parts, `[\s-]+`))
		}
	}
	return prefilter.MustCompile(`(?i)\b(?:` + strings.Join(alts, "|") + `)(?:e?s)?\b`)
}
