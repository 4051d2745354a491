package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prose"
)

var (
	// "Egypt - Level 3: Reconsider Travel", as a heading or a bold line; an
	// en or em dash may have lost the space before it ("Far North Region–
	// Level 4"), a hyphen not (it joins names: "Afar-Tigray").
	levelLine = lazyRE(`^(?P<name>.+?)(?:[\s\p{Zs}]+-|[\s\p{Zs}]*[–—])[\s\p{Zs}]+(?i:level)[\s\p{Zs}]+(?P<level>\d{1,2})[\s\p{Zs}]*:[\s\p{Zs}]*(?P<wording>.+?)[\s\p{Zs}]*$`)
	// "assesses Mali at Level 4", in the running text of a security report.
	levelSentence = lazyRE(`(?i)` + levelSentenceBody)
	// "Do not travel to Mali due to …": the sentence that gives the reasons.
	reasonSentence = lazyRE(`(?i)^\W*(?P<verb>do not travel|reconsider travel|exercise increased caution|exercise normal precautions)\b[^.]*?\bdue to\s*`)
	dueTo          = lazyRE(`(?i)\bdue to\s+`)
	// 'has included a Crime "C" Indicator', 'has not included a … “D” Indicator'.
	indicatorStatement = lazyRE(`(?i)` + indicatorStatementBody)
	// indicatorStatementAt is indicatorStatement anchored at its text's start.
	indicatorStatementAt = lazyRE(`(?i)^(?:` + indicatorStatementBody + `)`)
	gluedSentenceEnd     = lazyRE(`[.!?][A-Z]`)
	reasonSplit          = lazyRE(`\s*,\s*(?:and\s+|or\s+)?|\s+and\s+`)
)

// findAdvisory reads the advisory level (a "Country - Level N: …" line or an
// "assesses X at Level N" sentence), its reasons, its indicators and its
// regional levels.
func (x *extractor) findAdvisory() {
	a := &document.Advisory{}
	found := false
	// inHeader: no paragraph yet. A level heading there is the header's
	// "<Country> - Level N" line whatever it names ("Kingdom of Denmark",
	// "Mainland China, Hong Kong & Macau - See Summaries").
	inHeader := true
	var unread *unit // a header heading that speaks of a level in a shape not known
	for i, u := range x.units {
		if !u.heading && u.para != nil {
			inHeader = false
		}
		full, base := x.firstLine(u)
		at := func(i, j int) document.Span { return document.Span{Start: base + i, End: base + j} }
		if bold, ok := boldLead(u); ok {
			// A bold line broken by links or plain words ("**Rwanda-**[**Burundi**](…)**Border
			// – Level 4: …**") is read from its text, markup removed.
			full, at = bold, u.source
		}
		line := full
		// The cheap tests first: most lines never say "Level", and of those
		// that do few have a dash before it and a number after.
		if !mayHoldLevelLine(line) {
			line = ""
		}
		if m := levelLine.FindStringSubmatchIndex(line); m != nil {
			name := line[m[2]:m[3]]
			level, _ := strconv.Atoi(line[m[4]:m[5]])
			wording := document.Text{Value: line[m[6]:m[7]], Span: at(m[6], m[7])}
			if !found && (u.heading && inHeader || (u.heading || x.isCountry(name)) && (x.r.Country.Value == "" || x.isCountry(name))) {
				found = true
				a.Level, a.LevelSpan = level, at(m[4], m[5])
				a.Wording = wording
				a.Span = document.Span{Start: base, End: base + len(line)}
				continue
			}
			if !u.heading {
				rn := regionName(name)
				a.Regions = append(a.Regions, document.Region{
					Name:    document.Text{Value: rn, Span: at(m[2], m[2]+len(rn))},
					Level:   level,
					Wording: wording,
					Span:    document.Span{Start: base, End: base + len(line)},
				})
			}
			continue
		}
		if !(u.heading && inHeader) && len(full) < maxRegionLine {
			// A level before the area's name: "Level 4: Do Not Travel - Areas
			// of …", "Level 3: Reconsider Travel to the regions of …".
			if !hasPrefixFold(full, "level") {
				// levelFirstLine cannot match: nothing to do.
			} else if m := levelFirstLine.FindStringSubmatchIndex(full); m != nil {
				level, _ := strconv.Atoi(full[m[2]:m[3]])
				name := regionName(full[m[6]:m[7]])
				a.Regions = append(a.Regions, document.Region{
					Name:    document.Text{Value: name, Span: at(m[6], m[6]+len(name))},
					Level:   level,
					Wording: document.Text{Value: full[m[4]:m[5]], Span: at(m[4], m[5])},
					Span:    at(0, len(full)),
				})
				continue
			}
			// "Baja California state – Reconsider Travel": an area's level
			// given in words only.
			if !endsInWording(full) {
				// wordLevelLine cannot match.
			} else if m := wordLevelLine.FindStringSubmatchIndex(full); m != nil {
				if level := x.levelOf(full[m[4]:m[5]]); level != 0 {
					rn := regionName(full[m[2]:m[3]])
					a.Regions = append(a.Regions, document.Region{
						Name:    document.Text{Value: rn, Span: at(m[2], m[2]+len(rn))},
						Level:   level,
						Wording: document.Text{Value: x.vocab.Levels[level], Span: at(m[4], m[5])},
						Span:    document.Span{Start: base, End: base + len(full)},
					})
					continue
				}
			}
		}
		if u.heading && inHeader && !found && unread == nil && levelWords.MatchString(full) {
			unread = &x.units[i]
		}
		if found || u.heading {
			continue
		}
		if !mentionsLevel(u.text.Text) {
			continue
		}
		if m := firstLevelSentence(u.text.Text); m != nil {
			found = true
			level, _ := strconv.Atoi(u.text.Text[m[4]:m[5]])
			a.Level, a.LevelSpan = level, u.source(m[4], m[5])
			sent := prose.Of(u.text.Text, m[0])
			a.Span = u.source(sent.Start, sent.End)
			if d := dueTo.FindStringIndex(u.text.Text[m[1]:sent.End]); d != nil {
				a.Reasons = x.reasons(u, m[1]+d[1], sent.End)
			}
		}
	}
	if !found {
		x.noOverallLevel(a, unread)
		return
	}
	if a.Wording.Value == "" {
		a.Wording.Value = x.vocab.Levels[a.Level]
	}
	a.Regions = x.listedAreas(a.Regions)
	if a.Reasons == nil {
		a.Reasons = x.advisoryReasons(a.Level)
	}
	a.Indicators = x.indicators(a.Reasons)
	x.r.Advisory = a
}

const indicatorStatementBody = `\b(?:has|have)\s+(?P<not>not\s+)?included\s+(?:an?\s+|the\s+)?[^.]{0,80}?["“”'‘’](?P<code>[A-Z])["“”'‘’]\s*indicator`

const levelSentenceBody = `\bassess(?:es|ed)\s+(?P<name>[^.]{1,80}?)\s+at\s+level\s+(?P<level>\d{1,2})\b`

// regionName is an area's name in its level line, without a reason run
// into it ("X governorate due to terrorism – Level 4: …"). The reason's
// pattern runs only on a name holding "due" (mayHoldAreaReason).
func regionName(name string) string {
	if !mayHoldAreaReason(name) {
		return strings.TrimSpace(name)
	}
	if m := areaReason.FindStringIndex(name); m != nil && m[0] > 0 {
		name = name[:m[0]]
	}
	return strings.TrimSpace(name)
}

// boldLead is the text of a paragraph led by bold, up to where its bold
// ends: bold runs joined by a few plain characters ("**Khyber
// Pakhtunkhwa** (KP)-**Province – Level 4: …**") are one, and a sentence
// the conversion ran into the bold is left out.
func boldLead(u unit) (string, bool) {
	if u.heading || len(u.text.Strong) == 0 {
		return "", false
	}
	// Bold is recorded as it closes: bold nested in a link in bold comes
	// before the bold around it.
	strong := u.text.Strong
	if !startsRise(strong) { // most do: no copy to sort
		strong = append([]document.Span(nil), strong...)
		sort.Slice(strong, func(i, j int) bool { return strong[i].Start < strong[j].Start })
	}
	if strong[0].Start != 0 {
		return "", false
	}
	end := strong[0].End
	for _, s := range strong[1:] {
		if s.Start < end {
			end = max(end, s.End) // nested: bold inside a link inside bold
			continue
		}
		if gap := u.text.Text[end:s.Start]; utf8.RuneCountInString(gap) > maxBoldGap || strings.ContainsAny(gap, ".!?") {
			break
		}
		end = s.End
	}
	return strings.TrimSpace(u.text.Text[:end]), true
}

// startsRise says whether each span starts after the one before: sorted
// by start, they would stay as they are.
func startsRise(spans []document.Span) bool {
	for i := 1; i < len(spans); i++ {
		if spans[i].Start <= spans[i-1].Start {
			return false
		}
	}
	return true
}

// maxBoldGap: " (KP)-" between two bold runs of one line.
const maxBoldGap = 8

// wordLevelLine is an area's level in words only: "Colima state – Do Not
// Travel". Longer lines are sentences, not a heading's.
var wordLevelLine = lazyRE(`^(?P<name>[^:]+?)(?:[\s\p{Zs}]+-|[\s\p{Zs}]*[–—])[\s\p{Zs}]+(?P<wording>(?i:do not travel|reconsider travel|exercise increased caution|exercise normal precautions))[\s\p{Zs}]*$`)

const maxRegionLine = 200

// The prefilters below are each implied by a match of their regexp, so
// that the regexps, which try every place of a line, run only on the few
// lines that may match. FuzzLinePrefilters holds them to that.

// isLineSpace is the regexps' [\s\p{Zs}]; Go's \s is ASCII [\t\n\f\r ].
func isLineSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r' || unicode.Is(unicode.Zs, r)
}

// mentionsLevel is the cheapest test that a text may state a level: it
// holds "level" in any case the regexps' (?i) takes, mixed case included
// ("LeVel"), so that it is implied by each of them (FuzzLinePrefilters).
// "level" has no letter that folds outside ASCII.
func mentionsLevel(text string) bool {
	return phrase.ContainsFold(text, "level")
}

// mayHoldLevelLine is the test levelLine's line passes: a colon first, as
// mayBeLevelLine needs one and strings.IndexByte finds it many bytes at a
// step, where mentionsLevel stops at every "v"; most paragraphs have none.
func mayHoldLevelLine(line string) bool {
	return strings.IndexByte(line, ':') >= 0 && mentionsLevel(line) && mayBeLevelLine(line)
}

// levelSentenceAt is levelSentence anchored at the start of its text.
var levelSentenceAt = lazyRE(`(?i)^(?:` + levelSentenceBody + `)`)

// firstLevelSentence is levelSentence.FindStringSubmatchIndex(text), tried
// only where "assess" starts a word (see foldWordAt), where the
// case-ignoring regexp tried every byte of every paragraph that says
// "level".
func firstLevelSentence(text string) []int {
	ms := anchoredMatches(text, levelSentenceAt, func(text string, p int) bool {
		_, ok := foldWordAt(text, p, "assess")
		return ok
	}, 1)
	if len(ms) == 0 {
		return nil
	}
	return ms[0]
}

// anchoredMatches is FindAllStringSubmatchIndex(text, n) of an expression
// whose anchored form is at, tried only at the places mayStart passes,
// which every match starts at. The first place at matches at gives the
// leftmost match, and the search goes on from its end, as FindAll's does
// (a match is never empty). The slice keeps \b, as mayStart has read the
// byte before p. Run on the whole text, such a case-ignoring expression
// tried every byte of it; run unanchored from a possible start, it read on
// past one that did not match.
func anchoredMatches(text string, at *lazyregexp.Regexp, mayStart func(text string, p int) bool, n int) [][]int {
	var out [][]int
	for p := 0; p < len(text) && (n < 0 || len(out) < n); p++ {
		if !mayStart(text, p) {
			continue
		}
		m := at.FindStringSubmatchIndex(text[p:])
		if m == nil {
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		out = append(out, m)
		p = m[1] - 1
	}
	return out
}

// foldWordAt reports whether text holds at p, at a word's start (\b,
// ASCII), the lower-case ASCII word w in any case, where the regexps' case
// folding also takes a long s (U+017F) for an "s"; and where it ends. w
// holds no "k", which folds to the Kelvin sign too.
func foldWordAt(text string, p int, w string) (int, bool) {
	if p > 0 && isWordByte(text[p-1]) {
		return 0, false
	}
	i := p
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case i < len(text) && text[i]|0x20 == c:
			i++
		case c == 's' && i+1 < len(text) && text[i] == 0xC5 && text[i+1] == 0xBF: // ſ
			i += 2
		default:
			return 0, false
		}
	}
	return i, true
}

// mayBeLevelLine: levelLine's "<dash> Level <digit> … :" — some "level",
// in any case, with a dash before it past at least one space, and at least
// one space, a digit and later a colon after it.
func mayBeLevelLine(line string) bool {
	colon := strings.LastIndexByte(line, ':')
	for i := 0; i+len("level") <= colon; i++ {
		if line[i]|0x20 != 'l' || !phrase.EqualFoldASCII(line[i:i+len("level")], "level") {
			continue
		}
		before := strings.TrimRightFunc(line[:i], isLineSpace)
		after := line[i+len("level"):]
		rest := strings.TrimLeftFunc(after, isLineSpace)
		if len(before) == i || len(rest) == len(after) || rest == "" || rest[0] < '0' || rest[0] > '9' {
			continue
		}
		if strings.HasSuffix(before, "-") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, "—") {
			return true
		}
	}
	return false
}

// endsInWording: wordLevelLine's line ends, before any space, in the last
// word of a level's wording ("travel", "caution", "precautions"; its "s"
// may be the long s that the regexp's case folding takes for one).
func endsInWording(line string) bool {
	t := strings.TrimRightFunc(line, isLineSpace)
	if s, ok := strings.CutSuffix(t, "ſ"); ok {
		t = s + "s"
	}
	return hasSuffixFold(t, "travel") || hasSuffixFold(t, "caution") || hasSuffixFold(t, "precautions")
}

// hasPrefixFold and hasSuffixFold compare lower-case ASCII lit, free of
// the letters k and s that the regexps' case folding matches outside
// ASCII (a final "s" aside, which endsInWording reads), with ASCII case
// ignored.
func hasPrefixFold(s, lit string) bool {
	return len(s) >= len(lit) && phrase.EqualFoldASCII(s[:len(lit)], lit)
}

func hasSuffixFold(s, lit string) bool {
	return len(s) >= len(lit) && phrase.EqualFoldASCII(s[len(s)-len(lit):], lit)
}

var levelFirstLine = lazyRE(`^(?i:level)[\s\p{Zs}]+(?P<level>[1-4])[\s\p{Zs}]*:[\s\p{Zs}]*(?P<wording>(?i:do not travel|reconsider travel|exercise increased caution|exercise normal precautions))(?:[\s\p{Zs}]*[-–—][\s\p{Zs}]*|[\s\p{Zs}]+(?i:to|in)[\s\p{Zs}]+)(?P<name>[^:]+?)\.?[\s\p{Zs}]*$`)

// levelWords: a line that speaks of an advisory level ("Level 2", "Do Not
// Travel", "See Individual Summaries"), to say so when it cannot be read.
var levelWords = lazyRE(`(?i)\blevel\s*[1-4]\b|\b(?:do not travel|reconsider travel|exercise (?:increased caution|normal precautions)|see (?:individual )?summaries)\b`)

// noOverallLevel ends the search when no overall level was read. An
// advisory that gives levels per region only (one per state) has regions
// and no level of its own; either way the parse says what it did not read,
// rather than dropping it silently.
func (x *extractor) noOverallLevel(a *document.Advisory, unread *unit) {
	a.Regions = x.listedAreas(a.Regions)
	switch {
	case len(a.Regions) > 0:
		a.Span = a.Regions[0].Span
		if unread != nil {
			a.Span = unread.span
		}
		a.Indicators = x.indicators(nil)
		x.r.Advisory = a
		x.r.Notes = append(x.r.Notes, document.Note{
			Fact:    "advisory.level",
			Message: fmt.Sprintf("no overall level: the advisory gives levels per region only (%d read)", len(a.Regions)),
			Span:    a.Span,
		})
	case unread != nil:
		line, _ := x.firstLine(*unread)
		x.r.Notes = append(x.r.Notes, document.Note{
			Fact:    "advisory.level",
			Message: fmt.Sprintf("level not found: %q speaks of a level in a shape not known (expected \"<Country> - Level N: <wording>\")", line),
			Span:    unread.span,
		})
	}
}

var (
	// "Do not travel to:", the label of a list of areas at one level, as
	// the U.S. pages word it: "Level 4 Do Not Travel to:", "Exercise
	// Increased Caution When Traveling To:". A longer label ("Do Not
	// Travel to the below areas of Benin due to crime:") lists the parts
	// of an area a heading gives its level, not areas of their own
	// (testdata/corpus/facts.yaml reads Benin, Madagascar and Saudi Arabia
	// so), and is not one.
	areaListLabel = lazyRE(`(?i)^(?:level[\s\p{Zs}]*[1-4][\s\p{Zs}]*[:\-–—]?[\s\p{Zs}]*)?(do not travel|reconsider travel|exercise increased caution)(?:[\s\p{Zs}]+when[\s\p{Zs}]+traveling)?[\s\p{Zs}]+(?:to|in)[\s\p{Zs}]*:$`)
	// " due to terrorism": where an area's name ends in its list item
	// (the text may have lost the space before bold words: "due toterrorism").
	areaReason = lazyRE(`(?i)\s*due\s+to\s`)
)

// mayHoldAreaReason is a test every text areaReason matches passes: it
// holds "due" in any case (no letter of it folds to one outside ASCII).
// Unanchored and ignoring case, the pattern tried every byte of every item
// of a list of areas.
func mayHoldAreaReason(text string) bool { return phrase.ContainsFold(text, "due") }

// listedAreas adds the areas a "Do not travel to:" list names that no
// "Area - Level N: …" line gives: an advisory may list them only, and an
// edition that lists an area is not one that leaves it out. A line's level
// wins over the list's for the same area.
func (x *extractor) listedAreas(regions []document.Region) []document.Region {
	var known knownAreas
	for _, r := range regions {
		known.add(areaKey(r.Name.Value), r.Level)
	}
	level, wording := 0, document.Text{}
	for _, u := range x.units {
		if u.heading || u.para == nil {
			level = 0
			continue
		}
		if u.para.Kind != document.KindListItem {
			level = 0
			// The label is read from the text, its markup gone: a colon
			// after the bold ("**Do Not Travel to**:") is still its end.
			t := strings.TrimSpace(u.text.Text)
			if len(t) > 60 || !strings.HasSuffix(t, ":") {
				continue // the cheap test first: a label is short and ends in ":"
			}
			lead := strings.Index(u.text.Text, t)
			if m := areaListLabel.FindStringSubmatchIndex(t); m != nil {
				level = x.levelOf(t[m[2]:m[3]])
				wording = document.Text{Value: x.vocab.Levels[level], Span: u.source(lead+m[2], lead+m[3])}
			}
			continue
		}
		if level == 0 {
			continue
		}
		text := u.text.Text
		end := len(text)
		if m := areaReason.FindStringIndex(text); m != nil {
			end = m[0]
		}
		name := strings.TrimRight(strings.TrimSpace(text[:end]), ".;:, ")
		if name == "" || moreFieldsThan(name, maxAreaWords) {
			continue
		}
		key := areaKey(name)
		if known.has(key, level) {
			continue
		}
		known.add(key, level)
		start := strings.Index(text, name)
		regions = append(regions, document.Region{
			Name:    document.Text{Value: name, Span: u.source(start, start+len(name))},
			Level:   level,
			Wording: wording,
			Span:    u.span,
		})
	}
	sort.SliceStable(regions, func(i, j int) bool { return regions[i].Span.Start < regions[j].Span.Start })
	return regions
}

// knownAreas are the areas listedAreas has, in order: each one's level,
// key (areaKey) and significant words (areaWords), each made once. The
// test of each item had made the keys and words of every area again, for
// every item of every list.
type knownAreas struct {
	levels []int
	keys   []string
	words  [][]string
	made   []bool // words[i] made: only an area at a list's level needs them
}

func (k *knownAreas) add(key string, level int) {
	k.levels = append(k.levels, level)
	k.keys = append(k.keys, key)
	k.words = append(k.words, nil)
	k.made = append(k.made, false)
}

// has says whether an area of key is known: one at the level that names
// the same area (sameArea), or one at any level whose key is key, begins
// it or is begun by it ("Kenya-Somalia border counties" in the list is the
// "Kenya-Somalia Border" of the level line).
func (k *knownAreas) has(key string, level int) bool {
	var words []string
	made := false
	for i, l := range k.levels {
		if l != level {
			continue
		}
		if !made {
			words, made = areaWords(key), true
		}
		if !k.made[i] {
			k.words[i], k.made[i] = areaWords(k.keys[i]), true
		}
		if sameAreaWords(k.words[i], words) {
			return true
		}
	}
	for _, kk := range k.keys {
		short, long := kk, key
		if len(short) > len(long) {
			short, long = long, short
		}
		if long == short || strings.HasPrefix(long, short+" ") {
			return true
		}
	}
	return false
}

// maxAreaWords: a list item longer than this is advice, not an area's name
// ("The cities of X, Y, and Z in the province of W" has 14 words).
const maxAreaWords = 20

// areaFiller: words that do not tell one area from another ("Areas near
// the eastern borders" is the heading's "Eastern borders").
var areaFiller = map[string]bool{"the": true, "a": true, "of": true, "and": true, "in": true, "on": true, "at": true, "with": true, "by": true, "to": true, "near": true, "area": true, "areas": true, "part": true, "parts": true, "within": true, "along": true, "overland": true, "travel": true}

// sameAreaWords: the summary's list and a heading name one area in other words
// when they share most of their significant words: two at least, and two
// thirds of the shorter name's ("Areas bordering Eritrea" is "Border with
// Eritrea", "Gambella and Benishangul Gumuz Regions" covers "Benishangul
// Gumuz Region"). Words match in the singular, and a word matches one it
// begins ("Algeria", "Algerian") when that is five letters or more.
func sameAreaWords(wa, wb []string) bool {
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	common := 0
	for _, x := range wa {
		for _, y := range wb {
			short, long := x, y
			if len(short) > len(long) {
				short, long = long, short
			}
			if short == long || len(short) >= 5 && strings.HasPrefix(long, short) {
				common++
				break
			}
		}
	}
	return common >= 2 && 3*common >= 2*len(wa)
}

// areaWords are the words of an area's name sameAreaWords compares: not
// filler, in the singular.
func areaWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !areaFiller[w] {
			if len(w) > 3 {
				w = strings.TrimSuffix(w, "s")
			}
			out = append(out, w)
		}
	}
	return out
}

// levelOf is the advisory level whose wording begins with verb ("do not
// travel" is 4), or 0.
func (x *extractor) levelOf(verb string) int {
	for level, w := range x.vocab.Levels {
		if len(w) >= len(verb) && strings.EqualFold(w[:len(verb)], verb) {
			return level
		}
	}
	return 0
}

// areaKey names an area the same however an edition writes it: "The
// Northern Sinai" is "Northern Sinai".
func areaKey(name string) string {
	if !spacedOnce(name) { // most names are; Fields and Join made two copies
		name = strings.Join(strings.Fields(name), " ")
	}
	return strings.TrimPrefix(strings.ToLower(name), "the ")
}

// spacedOnce says whether s is ASCII with its words apart by one space
// and none before or after: strings.Join(strings.Fields(s), " ") is s.
func spacedOnce(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		}
	}
	return true
}

// moreFieldsThan is len(strings.Fields(s)) > n without making the fields.
func moreFieldsThan(s string, n int) bool {
	fields, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
			continue
		}
		if !in {
			in = true
			if fields++; fields > n {
				return true
			}
		}
	}
	return false
}

func (x *extractor) isCountry(name string) bool {
	c, ok := x.countries.Lookup(name)
	if !ok {
		// A country the table does not know ("French West Indies") is
		// still the report's own when the header named it so.
		return x.r.Country.Value != "" && areaKey(name) == areaKey(x.r.Country.Value)
	}
	return x.r.Country.Value == "" || c.Name == x.r.Country.Value
}

// advisoryReasons finds the sentence that gives the reasons for the
// advisory's own level ("Reconsider travel to Egypt due to terrorism.");
// sentences for other levels (an area's "Do not travel to …") are passed over.
func (x *extractor) advisoryReasons(level int) []document.Text {
	want := strings.ToLower(x.vocab.Levels[level])
	var sents []prose.Range // reused for each unit: a list per unit was an allocation or more
	for _, u := range x.units {
		if u.heading || u.para == nil || u.para.Kind == document.KindListItem || !u.keys.has(kwDueTo) {
			continue
		}
		levelSaid := false // the sentence before said the level, with no reason
		sents = prose.AppendSentences(sents[:0], u.text.Text)
		for _, s := range sents {
			sent := u.text.Text[s.Start:s.End]
			if levelSaid {
				// "Exercise increased caution in X. This is due to …"
				if m := reasonAfter.FindStringIndex(sent); m != nil {
					return x.reasons(u, s.Start+m[1], s.End)
				}
			}
			m := reasonSentence.FindStringSubmatchIndex(sent)
			if m == nil {
				v := levelVerb.FindStringSubmatch(sent)
				levelSaid = v != nil && (want == "" || strings.ToLower(v[1]) == want)
				continue
			}
			verb := strings.ToLower(sent[m[2]:m[3]])
			if want != "" && verb != want {
				continue
			}
			return x.reasons(u, s.Start+m[1], s.End)
		}
	}
	return nil
}

var (
	// A sentence that says the level ("Exercise increased caution while
	// traveling to X."), and one after it that gives its reasons.
	levelVerb   = lazyRE(`(?i)^\W*(do not travel|reconsider travel|exercise increased caution|exercise normal precautions)\b`)
	reasonAfter = lazyRE(`(?i)^\W*this is (?:due to|because of)\s+`)
)

// reasons splits "crime, terrorism, and kidnapping." into its parts. A
// reason that is a long phrase is kept whole rather than cut at its "and".
func (x *extractor) reasons(u unit, start, end int) []document.Text {
	text := u.text.Text
	// A sentence glued to the next ("terrorism.Some areas have …") ends
	// at its full stop.
	if m := gluedSentenceEnd.FindStringIndex(text[start:end]); m != nil {
		end = start + m[0] + 1
	}
	// A label's colon ends its reasons ("… due to crime and terrorism:").
	if i := strings.LastIndexByte(text[start:end], ':'); i >= 0 && strings.TrimSpace(text[start+i+1:end]) == "" {
		end = start + i
	}
	for end > start && strings.ContainsRune(". \t", rune(text[end-1])) {
		end--
	}
	var out []document.Text
	pos := start
	parts := reasonSplit.FindAllStringIndex(text[start:end], -1)
	bounds := make([][2]int, 0, len(parts)+1)
	for _, p := range parts {
		bounds = append(bounds, [2]int{pos, start + p[0]})
		pos = start + p[1]
	}
	bounds = append(bounds, [2]int{pos, end})
	for _, b := range bounds {
		if moreFieldsThan(text[b[0]:b[1]], 5) {
			bounds = [][2]int{{start, end}}
			break
		}
	}
	for _, b := range bounds {
		s, e := b[0], b[1]
		word := strings.TrimSpace(text[s:e])
		if word == "" {
			continue
		}
		s += strings.Index(text[s:e], word)
		if opensWithThe(word) {
			word, s = word[4:], s+4
		}
		out = append(out, document.Text{Value: word, Span: u.source(s, s+len(word))})
	}
	return out
}

// opensWithThe says whether s starts with "the " in any case, as
// strings.HasPrefix(strings.ToLower(s), "the ") does (no other letter
// lowers to one of those bytes) without the lowered copy.
func opensWithThe(s string) bool {
	return len(s) >= 4 && phrase.EqualFoldASCII(s[:4], "the ")
}

// indicators reads every 'has (not) included a … "X" Indicator' statement,
// then adds the indicators the reasons imply and no statement covers.
func (x *extractor) indicators(reasons []document.Text) []document.Indicator {
	var out []document.Indicator
	seen := map[string]bool{}
	for _, u := range x.units {
		if !u.keys.has(kwIndicator) {
			continue
		}
		for _, m := range indicatorStatements(u.text.Text) {
			code := strings.ToUpper(u.text.Text[m[4]:m[5]])
			if _, ok := x.vocab.Indicator(code); !ok || seen[code] {
				continue
			}
			seen[code] = true
			out = append(out, document.Indicator{Code: code, Included: m[2] < 0, Source: "statement", Span: u.source(m[0], m[1])})
		}
	}
	var codes []string // one list for every reason's codes, not one each
	add := func(rs []document.Text, source string, other bool) {
		for _, r := range rs {
			codes = x.appendCodes(codes[:0], r.Value, other)
			for _, code := range codes {
				if !seen[code] {
					seen[code] = true
					out = append(out, document.Indicator{Code: code, Included: true, Source: source, Span: r.Span})
				}
			}
		}
	}
	add(reasons, "reason", true)
	areas, update := x.areaReasons()
	add(areas, "area", true)
	// The update line counts only for the indicators it names: "Updated
	// due to a state of emergency" is news, not a risk of another kind.
	add(update, "update", false)
	return out
}

// indicatorStatements is indicatorStatement.FindAllStringSubmatchIndex(text,
// -1), tried only where a word "has" or "have" and then "included" starts
// (mayStartStatement; anchoredMatches).
func indicatorStatements(text string) [][]int {
	return anchoredMatches(text, indicatorStatementAt, mayStartStatement, -1)
}

// mayStartStatement is a test that every match of indicatorStatement at p
// passes: a word boundary (\b, ASCII), "has" or "have" in any case (the
// regexp's case folding makes a long s, U+017F, an "s"), one or more
// ASCII spaces (\s), perhaps "not" and more spaces, and "included".
func mayStartStatement(text string, p int) bool {
	if c := text[p] | 0x20; c != 'h' || p > 0 && isWordByte(text[p-1]) {
		return false
	}
	i := p + 1
	switch {
	case i+1 < len(text) && text[i]|0x20 == 'a' && text[i+1]|0x20 == 's':
		i += 2
	case i+2 < len(text) && text[i]|0x20 == 'a' && text[i+1] == 0xC5 && text[i+2] == 0xBF: // ſ
		i += 3
	case i+2 < len(text) && text[i]|0x20 == 'a' && text[i+1]|0x20 == 'v' && text[i+2]|0x20 == 'e':
		i += 3
	default:
		return false
	}
	spaces := func(i int) int {
		j := i
		for j < len(text) && isRESpace(text[j]) {
			j++
		}
		return j - i
	}
	n := spaces(i)
	if n == 0 {
		return false
	}
	i += n
	if phrase.EqualFoldASCII(text[i:min(len(text), i+8)], "included") {
		return true
	}
	if !phrase.EqualFoldASCII(text[i:min(len(text), i+3)], "not") {
		return false
	}
	i += 3
	if n = spaces(i); n == 0 {
		return false
	}
	i += n
	return phrase.EqualFoldASCII(text[i:min(len(text), i+8)], "included")
}

// isWordByte: c is a word character as the regexps' \b reads it.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' || c == '_'
}

// isRESpace: c is a space as the regexps' \s reads it.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// appendCodes appends to out every indicator a reason names. A reason is
// read in parts ("armed conflict, crime, and kidnapping, as well as the
// Embassy's limited capacity"), and a part that names none of the codes is a risk of another
// kind, O ("landmines", "the targeting of LGB persons"), as the State
// Department's Other indicator stands for any other risk given as a reason.
func (x *extractor) appendCodes(out []string, reason string, other bool) []string {
	for _, part := range reasonSplit.Split(reason, -1) {
		part = strings.TrimSpace(strings.Trim(part, "*_.;: "))
		if !strings.ContainsFunc(part, unicode.IsLetter) {
			continue
		}
		if ind, ok := x.vocab.IndicatorFor(part); ok {
			out = append(out, ind.Code)
		} else if other {
			out = append(out, "O")
		}
	}
	return out
}

// updateLine is the page's update line ("Updated to reflect a level
// change due to terrorism and crime."); one that removes an indicator
// gives no reason.
var (
	updateLine = lazyRE(`(?i)^\W*(?:updated|reissued)\b[^.]*?\bdue to\s*`)
	// "… and addition of the health indicator", in an update line.
	indicatorAdded = lazyRE(`(?i)^\W*(?:updated|reissued)\b.*?\b(?:add(?:ed|ing|ition of)?)\s+(?:an?\s+|the\s+)?(\w+(?:\s\w+)?)\s+indicator`)
)

// areaReasons are the reasons an advisory gives for the level of a part
// of the country, which count among its indicators as the country's own
// do: an item of a "Do not travel to:" list ("X due to terrorism"), an
// area's "Do not travel to X due to …" sentence, and the update line.
func (x *extractor) areaReasons() (out, update []document.Text) {
	inList := false
	var sents []prose.Range // reused for each unit
	for _, u := range x.units {
		if u.heading || u.para == nil {
			inList = false
			continue
		}
		text := u.text.Text
		if u.para.Kind == document.KindListItem {
			if inList && mayHoldAreaReason(text) {
				if m := areaReason.FindStringIndex(text); m != nil {
					out = append(out, x.reasons(u, m[1], prose.Of(text, m[1]).End)...)
				}
			}
			continue
		}
		t := strings.TrimSpace(text)
		inList = len(t) < 200 && strings.HasSuffix(t, ":") && (areaListLabel.MatchString(t) || reasonSentence.MatchString(t))
		if !u.keys.has(kwDueTo | kwCapDueTo | kwIndicator) {
			continue
		}
		if m := indicatorAdded.FindStringSubmatchIndex(text); m != nil {
			update = append(update, document.Text{Value: text[m[2]:m[3]], Span: u.source(m[2], m[3])})
		}
		if m := updateLine.FindStringIndex(text); m != nil {
			if sent := prose.Of(text, m[1]); !strings.Contains(strings.ToLower(text[sent.Start:sent.End]), "remov") {
				update = append(update, x.reasons(u, m[1], sent.End)...)
			}
			continue
		}
		sents = prose.AppendSentences(sents[:0], text)
		for _, s := range sents {
			if m := reasonSentence.FindStringIndex(text[s.Start:s.End]); m != nil {
				out = append(out, x.reasons(u, s.Start+m[1], s.End)...)
			}
		}
	}
	return out, update
}
