// Package phrase finds literal words and phrases in running text: the
// matching the declarative packs and the watch list share. Matches start
// and end on word boundaries (regexp's \b knows only ASCII), any run of
// space between words matches, and a straight or curly apostrophe matches
// either.
package phrase

import (
	"errors"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// apostrophes lets either apostrophe match the other; one Replacer for all
// phrases, as building one costs more than the replacing it does.
var apostrophes = strings.NewReplacer("'", "['’]", "’", "['’]")

// Regexp compiles phrases into one expression, the longest first so that at
// any place the longest phrase wins.
func Regexp(phrases []string, ignoreCase bool) *regexp.Regexp {
	return regexp.MustCompile(Expr(phrases, ignoreCase)) // see Check
}

// checkedLen is the length of an expression Check passes without parsing
// it: quoted literals always parse, and only regexp's size limit (about
// 3.3 million instructions) can refuse them; each byte of an expression
// costs at most a few instructions, so one this short is far below it.
const checkedLen = 1 << 20

// Check reports whether the phrases' expression compiles, without
// compiling it, and says why not in a few words (regexp's own error quotes
// the whole expression). Only a list far longer than any written by hand
// fails ("expression too large"): a house pack's, which a Matcher would
// otherwise refuse when it first reads a report. Short lists pass without
// parsing, so checking costs nothing for the usual pack.
func Check(phrases []string, ignoreCase bool) error {
	// Expr writes at most six bytes for each byte of a phrase (['’] for
	// '), one between phrases and a dozen around them.
	n := 16 + len(phrases)
	for _, p := range phrases {
		n += 6 * len(p)
	}
	if n < checkedLen {
		return nil
	}
	expr := Expr(phrases, ignoreCase)
	if len(expr) < checkedLen {
		return nil
	}
	if _, err := syntax.Parse(expr, syntax.Perl); err != nil {
		var se *syntax.Error
		if errors.As(err, &se) {
			return errors.New(se.Code.String())
		}
		return err
	}
	return nil
}

// Expr is Regexp's expression as text, for a caller that embeds it in a
// larger one: compiling it only to read it back cost as much as the
// larger one's compile.
func Expr(phrases []string, ignoreCase bool) string {
	sorted := append([]string(nil), phrases...)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	var alts []string
	for _, p := range sorted {
		var words []string
		for _, w := range strings.Fields(p) {
			words = append(words, apostrophes.Replace(regexp.QuoteMeta(w)))
		}
		alts = append(alts, strings.Join(words, `\s+`))
	}
	expr := "(?:" + strings.Join(alts, "|") + ")"
	if ignoreCase {
		expr = "(?i)" + expr
	}
	return expr
}

// Matcher finds phrases as Find does, with a cheap test first: a text that
// cannot hold a phrase is passed over without running the regexp, which
// most paragraphs are for most phrase lists.
type Matcher struct {
	// re is compiled on first use: most phrase lists (a pack's rules, the
	// watch list's entries) are never found in most runs' reports, and
	// compiling them all was half of loading the packs, on the way to
	// reading the first report.
	re func() *regexp.Regexp
	// runs holds, for each phrase, runs of it that every match holds as
	// written (in lower case when case is ignored), longest first, as
	// places in words; nil when some phrase has none that can be looked
	// for byte by byte.
	runs    [][]int
	words   []string
	anchors []int // by word, the place of its rarest byte (see containsFold)
	fold    bool  // case is ignored
	// foldsIn says a run holds "k" or "s", which the regexp also matches
	// to the Kelvin sign and the long s.
	foldsIn bool
}

// maxTestedPhrases is how many phrases a Matcher tests for before running
// its regexp. The test looks for each phrase's runs in the text, and
// finding which phrases another implies compares them all, pair by pair;
// for a long list (a house pack of 100,000 words took minutes to load and
// read each paragraph 100,000 times) the one regexp, which shares the
// phrases' common beginnings, is the cheaper test.
const maxTestedPhrases = 64

// Compile is Regexp made a Matcher. Its regexp is compiled when first
// needed, and panics then if it does not compile: a caller with phrases
// from a file checks them first (Check).
func Compile(phrases []string, ignoreCase bool) *Matcher {
	// The expression too is written when first needed, from a copy (one
	// allocation against Expr's dozens): most lists never are.
	own := slices.Clone(phrases)
	m := &Matcher{re: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(Expr(own, ignoreCase)) }), fold: ignoreCase}
	if len(phrases) > maxTestedPhrases {
		return m // no test: every text is read
	}
	var all [][]string
	for _, p := range phrases {
		lits := literals(p, ignoreCase)
		if len(lits) == 0 {
			return &Matcher{re: m.re} // no test: every text is read
		}
		all = append(all, lits)
		for _, lit := range lits {
			m.foldsIn = m.foldsIn || ignoreCase && strings.ContainsAny(lit, "ks")
		}
	}
	// A phrase whose runs all hold a run of another, kept phrase needs no
	// test of its own: "e-mails" holds "e-mail".
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) < len(all[j]) })
	var kept [][]string
	for _, lits := range all {
		if !slices.ContainsFunc(kept, func(k []string) bool { return implies(lits, k) }) {
			kept = append(kept, lits)
		}
	}
	at := map[string]int{}
	for _, lits := range kept {
		var places []int
		for _, lit := range lits {
			k, ok := at[lit]
			if !ok {
				k = len(m.words)
				at[lit] = k
				m.words = append(m.words, lit)
				m.anchors = append(m.anchors, rarest(lit))
			}
			places = append(places, k)
		}
		m.runs = append(m.runs, places)
	}
	return m
}

// literals are the runs of p that a match holds byte for byte (ASCII
// letters in either case when case is ignored), longest first: the runs of
// a word between apostrophes, which match either one, and between spaces,
// which match any run of space. Ignoring case, a run outside ASCII may
// match other bytes, so only ASCII runs are taken.
func literals(p string, ignoreCase bool) []string {
	var out []string
	for _, w := range strings.Fields(p) {
		for _, run := range strings.FieldsFunc(w, func(r rune) bool { return r == '\'' || r == '’' }) {
			if ignoreCase {
				if !IsASCII(run) {
					continue
				}
				run = strings.ToLower(run)
			}
			out = append(out, run)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// implies reports whether a text holding every run of a holds every run of b.
func implies(a, b []string) bool {
	for _, y := range b {
		if !slices.ContainsFunc(a, func(x string) bool { return strings.Contains(x, y) }) {
			return false
		}
	}
	return true
}

// Regexp is the matcher's expression.
func (m *Matcher) Regexp() *regexp.Regexp { return m.re() }

// Find is Find with the matcher's expression.
func (m *Matcher) Find(text string, accept func(start, end int) bool) []Match {
	if !m.mayMatch(text) {
		return nil
	}
	return Find(m.re(), text, accept)
}

// MayMatch is the matcher's cheap test alone, for an expression that
// embeds Regexp's: false when text cannot hold any of the phrases.
func (m *Matcher) MayMatch(text string) bool { return m.mayMatch(text) }

// mayMatch reports whether text may hold a match: it holds every run of
// some phrase. Each run is looked for once.
func (m *Matcher) mayMatch(text string) bool {
	if m.runs == nil {
		return true
	}
	var known, held uint64 // by place in words, for the first 64
	holds := func(k int) bool {
		if k < 64 && known&(1<<k) != 0 {
			return held&(1<<k) != 0
		}
		lit := m.words[k]
		ok := m.fold && containsFold(text, lit, m.anchors[k]) || !m.fold && strings.Contains(text, lit)
		if k < 64 {
			known |= 1 << k
			if ok {
				held |= 1 << k
			}
		}
		return ok
	}
	for _, places := range m.runs {
		if !slices.ContainsFunc(places, func(k int) bool { return !holds(k) }) {
			return true
		}
	}
	return m.foldsIn && (strings.Contains(text, "\u212a") || strings.Contains(text, "\u017f"))
}

// ContainsFold reports whether s holds lit, lower-case ASCII, with ASCII
// letters in either case, looking first for lit's rarest letter.
func ContainsFold(s, lit string) bool {
	if lit == "" {
		return true
	}
	return containsFold(s, lit, rarest(lit))
}

// containsFold reports whether s holds lit, a lower-case ASCII run, with
// ASCII letters in either case (indexFold).
func containsFold(s, lit string, a int) bool { return indexFold(s, lit, a) >= 0 }

// IndexFold is the first place of lit, lower-case ASCII, in s with ASCII
// letters of s in either case, or -1, looking first for lit's rarest
// letter.
func IndexFold(s, lit string) int {
	if lit == "" {
		return 0
	}
	return indexFold(s, lit, rarest(lit))
}

// indexFold is IndexFold looking for lit[a], so that few places need a
// closer look; the places are tried from the left, so the first that
// holds lit is its first place. Time is linear in s.
func indexFold(s, lit string, a int) int {
	if len(lit) > len(s) {
		return -1
	}
	lo, up := lit[a], lit[a]
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	// lit[a] may stand at s[a:end]: lit starts a bytes before it.
	end := len(s) - len(lit) + a + 1
	nextLo, nextUp := -1, -1 // the next place of each case, once looked for
	for i := a; i < end; {
		if nextLo < i {
			nextLo = IndexByteFrom(s[:end], lo, i)
		}
		if nextUp < i {
			nextUp = IndexByteFrom(s[:end], up, i)
		}
		j := min(nextLo, nextUp)
		if j >= end {
			return -1
		}
		if EqualFoldASCII(s[j-a:j-a+len(lit)], lit) {
			return j - a
		}
		i = j + 1
	}
	return -1
}

// FoldLiteral is a lower-case ASCII run looked for as ContainsFold does,
// with its anchor found once: a caller that looks for the same run in
// many texts need not rank its bytes each time.
type FoldLiteral struct {
	lit    string
	anchor int
}

// NewFoldLiteral is lit, a lower-case ASCII run, ready to look for.
func NewFoldLiteral(lit string) FoldLiteral { return FoldLiteral{lit: lit, anchor: rarest(lit)} }

// Anchor is the place in the literal of the byte its search looks for
// first (its rarest): literals sharing it can be looked for in one search.
func (l FoldLiteral) Anchor() int { return l.anchor }

// In is ContainsFold(s, lit).
func (l FoldLiteral) In(s string) bool {
	return l.lit == "" || containsFold(s, l.lit, l.anchor)
}

// rarest is the place in lit of its least common byte in English text.
func rarest(lit string) int {
	best := 0
	for i := 1; i < len(lit); i++ {
		if commonness(lit[i]) < commonness(lit[best]) {
			best = i
		}
	}
	return best
}

// commonness ranks lower-case letters by their frequency in English, the
// space above them all (one byte in six of prose: anchored on it, a
// phrase of two words was looked at closely at every word); other bytes,
// rarer in prose, rank below them all.
func commonness(c byte) int { return int(commonRank[c]) }

// byFrequency is the order of commonness, rarest first.
const byFrequency = "zqxjkvbpygfwmucldrhsnioate "

// commonRank is commonness by table: rarest, run for each call of
// ContainsFold, looked each byte up in byFrequency, twice a byte, and was
// half of ContainsFold on a short text.
var commonRank = func() (t [256]uint8) {
	for i := range len(byFrequency) {
		t[byFrequency[i]] = uint8(i + 1)
	}
	return t
}()

// IndexByteFrom is the first place of c in s at or after i, or len(s).
func IndexByteFrom(s string, c byte, i int) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// EqualFoldASCII reports whether s is the lower-case ASCII lit, ignoring
// the case of ASCII letters in s: cheaper than strings.EqualFold where one
// side is known to be lower-case ASCII.
func EqualFoldASCII(s, lit string) bool {
	if len(s) != len(lit) {
		return false
	}
	for i := 0; i < len(lit); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[i] {
			return false
		}
	}
	return true
}

// IsASCII reports whether s is all ASCII, where byte-wise case folding is
// exact.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Key is how a matched phrase is looked up among the phrases it came from:
// space collapsed, apostrophes straightened, lower case when case is ignored.
func Key(s string, ignoreCase bool) string {
	s = strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "’", "'")
	if ignoreCase {
		s = strings.ToLower(s)
	}
	return s
}

// Match is a byte range [Start, End) of a text.
type Match struct{ Start, End int }

// Find returns the non-overlapping matches of re in text that start and end
// on word boundaries ("alot" is not found in "Alotau") and that accept, if
// not nil, takes.
func Find(re *regexp.Regexp, text string, accept func(start, end int) bool) []Match {
	return FindFrom(re, text, 0, accept)
}

// FindFrom is Find of the matches that begin at or after from, word
// boundaries read in the whole text.
func FindFrom(re *regexp.Regexp, text string, from int, accept func(start, end int) bool) []Match {
	return findFrom(re, nil, text, from, accept)
}

// FindFrom is FindFrom with the matcher's expression, for a caller that
// knows a phrase is there (stale-term's watch list found it): after the
// first match, the rest of the text is tested once, so that a text naming
// a phrase once is not read to its end by the regexp, which reads ten
// times slower than the test.
func (m *Matcher) FindFrom(text string, from int, accept func(start, end int) bool) []Match {
	return findFrom(m.re(), m, text, from, accept)
}

// findFrom is FindFrom; with m, the text after the first match is read only
// if it passes m's test. Tested once, the time stays linear.
func findFrom(re *regexp.Regexp, m *Matcher, text string, from int, accept func(start, end int) bool) []Match {
	var out []Match
	for pos := from; pos <= len(text); {
		if m != nil && len(out) == 1 && out[0].End == pos {
			if !m.mayMatch(text[pos:]) {
				break
			}
			m = nil // tested
		}
		loc := re.FindStringIndex(text[pos:])
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		if end > start && OnBoundary(text, start, end) && (accept == nil || accept(start, end)) {
			out = append(out, Match{start, end})
			pos = end
			continue
		}
		// Try again one character on: a match refused here may hide one
		// that starts inside it.
		_, n := utf8.DecodeRuneInString(text[start:])
		pos = start + max(n, 1)
	}
	return out
}

// OnBoundary: a match that begins (ends) with a word character has none
// just before (after) it.
func OnBoundary(text string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(text[start:])
	if isWordRune(first) && start > 0 {
		if prev, _ := utf8.DecodeLastRuneInString(text[:start]); isWordRune(prev) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(text[:end])
	if isWordRune(last) && end < len(text) {
		if next, _ := utf8.DecodeRuneInString(text[end:]); isWordRune(next) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }

// Literals are lower-case ASCII runs looked for as ContainsFold does, each
// with its rarest byte found once rather than at every look. Literals
// whose rarest byte is the same are looked for together, in one reading
// for that byte: the post-closed phrases all turn on the "p" of
// "operations" or "suspended".
type Literals struct {
	lits    []string
	anchors []int
	groups  []litGroup
	empty   bool // one literal is "", which every text holds
}

// litGroup is the literals (places in Literals.lits) with one rarest byte.
type litGroup struct {
	b    byte
	lits []int
}

// NewLiterals prepares lits, lower-case ASCII, for ContainsAnyFold.
func NewLiterals(lits []string) *Literals {
	l := &Literals{lits: lits, anchors: make([]int, len(lits))}
	for i, lit := range lits {
		if lit == "" {
			l.empty = true
			continue
		}
		l.anchors[i] = rarest(lit)
		b := lit[l.anchors[i]]
		g := slices.IndexFunc(l.groups, func(g litGroup) bool { return g.b == b })
		if g < 0 {
			g = len(l.groups)
			l.groups = append(l.groups, litGroup{b: b})
		}
		l.groups[g].lits = append(l.groups[g].lits, i)
	}
	return l
}

// ContainsAnyFold reports whether s holds one of the literals, with ASCII
// letters in either case: ContainsFold of each in turn.
func (l *Literals) ContainsAnyFold(s string) bool {
	if l.empty {
		return true
	}
	for _, g := range l.groups {
		if l.groupFold(s, g) {
			return true
		}
	}
	return false
}

// groupFold is containsFold for every literal of g at once: each place of
// g's byte, in either case, is looked at once for all of them. Time is
// linear in s, for a list of literals fixed in advance.
func (l *Literals) groupFold(s string, g litGroup) bool {
	lo, up := g.b, g.b
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	nextLo, nextUp := -1, -1 // the next place of each case, once looked for
	for i := 0; i < len(s); {
		if nextLo < i {
			nextLo = IndexByteFrom(s, lo, i)
		}
		if nextUp < i {
			nextUp = IndexByteFrom(s, up, i)
		}
		j := min(nextLo, nextUp)
		if j >= len(s) {
			return false
		}
		for _, k := range g.lits {
			lit, start := l.lits[k], j-l.anchors[k]
			if start >= 0 && start+len(lit) <= len(s) && EqualFoldASCII(s[start:start+len(lit)], lit) {
				return true
			}
		}
		i = j + 1
	}
	return false
}
