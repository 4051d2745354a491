// Package vocab is the fixed vocabulary of security reports, read from
// rules/data/vocabulary.yaml: advisory levels and their wording, the risk
// indicator letters and the words that name them, and the threat rating
// levels in order.
package vocab

import (
	"fmt"
	"io/fs"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/rules"
)

// Indicator is a travel advisory risk indicator.
type Indicator struct {
	Code  string   `yaml:"code"`
	Name  string   `yaml:"name"`
	Words []string `yaml:"words"`
}

// Vocabulary is the content of vocabulary.yaml.
type Vocabulary struct {
	Levels           map[int]string `yaml:"levels"`
	Indicators       []Indicator    `yaml:"indicators"`
	RatingLevels     []string       `yaml:"rating-levels"`
	RatingCategories []string       `yaml:"rating-categories"`
	// ContactLabels maps a contact kind (phone, emergency, …) to its labels.
	ContactLabels       map[string][]string `yaml:"contact-labels"`
	PhoneWords          []string            `yaml:"phone-words"`
	EmergencyWords      []string            `yaml:"emergency-words"`
	ReachWords          []string            `yaml:"reach-words"`
	NumberNouns         []string            `yaml:"number-nouns"`
	CountWords          []string            `yaml:"count-words"`
	LocalCallers        []string            `yaml:"local-callers"`
	DialledFromPatterns []string            `yaml:"dialled-from"`
	PostClosed          []string            `yaml:"post-closed"`
	NoEmergencyNumber   []string            `yaml:"no-emergency-number"`
	PostNames           []string            `yaml:"post-names"`

	// Compiled when first used: most reports never ask (168 of the
	// corpus's 198), and (?i) with a Unicode class costs about 0.4 ms.
	localCallers, dialledFrom []*lazyregexp.Regexp

	labelKind    map[string]string // lower-case label -> kind
	longestLabel int
	postFirst    [256]bool        // the first bytes of PostNames
	postClosed   *phrase.Literals // PostClosed, ready to look for
	noEmergency  *phrase.Literals // NoEmergencyNumber, ready to look for
}

var defaultOnce = sync.OnceValues(func() (*Vocabulary, error) { return Load(rules.FS, "data/vocabulary.yaml") })

// Default is the embedded vocabulary.
func Default() *Vocabulary {
	v, err := defaultOnce()
	if err != nil {
		panic("embedded vocabulary is broken: " + err.Error()) // a test guards this
	}
	return v
}

// Load reads a vocabulary file.
func Load(fsys fs.FS, path string) (*Vocabulary, error) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	var v Vocabulary
	// The snapshot's file is the embedded one, whose patterns
	// TestEmbeddedPatternsMatch compiles: they need no check at load.
	doc := rules.Parsed(data)
	embedded := doc != nil && decodeVocabulary(doc, &v)
	if !embedded {
		v = Vocabulary{}
		if err := rules.DecodeYAML(data, &v, true); err != nil {
			return nil, fmt.Errorf("%s: %v", path, strings.TrimPrefix(err.Error(), "yaml: "))
		}
	}
	for l := 1; l <= 4; l++ {
		if v.Levels[l] == "" {
			return nil, fmt.Errorf("%s: levels: level %d has no wording", path, l)
		}
	}
	if len(v.RatingLevels) == 0 {
		return nil, fmt.Errorf("%s: rating-levels is empty", path)
	}
	v.labelKind = map[string]string{}
	kinds := make([]string, 0, len(v.ContactLabels))
	for k := range v.ContactLabels {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		for _, l := range v.ContactLabels[k] {
			key := strings.ToLower(strings.TrimSuffix(l, ":"))
			if other, dup := v.labelKind[key]; dup && other != k {
				return nil, fmt.Errorf("%s: contact label %q is given to both %s and %s", path, l, other, k)
			}
			v.labelKind[key] = k
			v.longestLabel = max(v.longestLabel, len(key))
		}
	}
	for _, n := range v.PostNames {
		if n != "" {
			v.postFirst[n[0]] = true
		}
	}
	v.postClosed = phrase.NewLiterals(v.PostClosed)
	v.noEmergency = phrase.NewLiterals(v.NoEmergencyNumber)
	if v.localCallers, err = compileAll(v.LocalCallers, !embedded); err != nil {
		return nil, fmt.Errorf("%s: local-callers: %v", path, err)
	}
	if v.dialledFrom, err = compileAll(v.DialledFromPatterns, !embedded); err != nil {
		return nil, fmt.Errorf("%s: dialled-from: %v", path, err)
	}
	return &v, nil
}

// decodeVocabulary fills v from the parsed document n as n.Decode does,
// when n is a mapping of Vocabulary's keys, each once, to what they hold
// written plainly (strings, lists of strings, levels by number); it returns
// false for anything else, which Decode then reads and reports. Decode
// goes through reflection for each of the file's strings, at start-up
// (about a twentieth of a run's CPU); the snapshot's nodes hold them.
// FuzzDecodeVocabulary holds it to Decode.
func decodeVocabulary(n *yaml.Node, v *Vocabulary) bool {
	n, ok := rules.Mapping(n)
	if !ok {
		return false
	}
	lists := map[string]*[]string{
		"rating-levels": &v.RatingLevels, "rating-categories": &v.RatingCategories,
		"phone-words": &v.PhoneWords, "emergency-words": &v.EmergencyWords, "reach-words": &v.ReachWords,
		"number-nouns": &v.NumberNouns, "count-words": &v.CountWords, "local-callers": &v.LocalCallers,
		"dialled-from": &v.DialledFromPatterns, "post-closed": &v.PostClosed,
		"no-emergency-number": &v.NoEmergencyNumber, "post-names": &v.PostNames,
	}
	seen := make(map[string]bool, len(n.Content)/2)
	for k := 0; k+1 < len(n.Content); k += 2 {
		key, val := n.Content[k], n.Content[k+1]
		if !rules.IsString(key) || seen[key.Value] {
			return false
		}
		seen[key.Value] = true
		ok := false
		switch key.Value {
		case "levels":
			v.Levels, ok = levelWords(val)
		case "indicators":
			v.Indicators, ok = indicators(val)
		case "contact-labels":
			v.ContactLabels, ok = stringLists(val)
		default:
			if p := lists[key.Value]; p != nil {
				*p, ok = rules.PlainStrings(val)
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// levelWords reads levels: a mapping of small numbers, written in plain
// digits, to strings.
func levelWords(n *yaml.Node) (map[int]string, bool) {
	if !rules.IsMapping(n) {
		return nil, false
	}
	out := make(map[int]string, len(n.Content)/2)
	for k := 0; k+1 < len(n.Content); k += 2 {
		key, val := n.Content[k], n.Content[k+1]
		if key.Kind != yaml.ScalarNode || key.ShortTag() != "!!int" || !rules.IsString(val) {
			return nil, false
		}
		l, ok := smallNumber(key.Value)
		if _, dup := out[l]; !ok || dup {
			return nil, false
		}
		out[l] = val.Value
	}
	return out, true
}

// smallNumber reads 1 to 4 decimal digits with no leading zero.
func smallNumber(s string) (int, bool) {
	if len(s) == 0 || len(s) > 4 || s[0] == '0' && len(s) > 1 {
		return 0, false
	}
	l := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		l = l*10 + int(s[i]-'0')
	}
	return l, true
}

// stringLists reads a mapping of strings to lists of strings.
func stringLists(n *yaml.Node) (map[string][]string, bool) {
	if !rules.IsMapping(n) {
		return nil, false
	}
	out := make(map[string][]string, len(n.Content)/2)
	for k := 0; k+1 < len(n.Content); k += 2 {
		key := n.Content[k]
		if _, dup := out[key.Value]; !rules.IsString(key) || dup {
			return nil, false
		}
		l, ok := rules.PlainStrings(n.Content[k+1])
		if !ok {
			return nil, false
		}
		out[key.Value] = l
	}
	return out, true
}

// indicators reads a list of indicators, each a mapping of code, name
// and words, each once.
func indicators(n *yaml.Node) ([]Indicator, bool) {
	if !rules.IsSequence(n) {
		return nil, false
	}
	out := make([]Indicator, len(n.Content))
	for i, m := range n.Content {
		if !rules.IsMapping(m) {
			return nil, false
		}
		var seen [3]bool
		for k := 0; k+1 < len(m.Content); k += 2 {
			key, val := m.Content[k], m.Content[k+1]
			f := slices.Index([]string{"code", "name", "words"}, key.Value)
			if !rules.IsString(key) || f < 0 || seen[f] {
				return nil, false
			}
			seen[f] = true
			ok := rules.IsString(val)
			switch f {
			case 0:
				out[i].Code = val.Value
			case 1:
				out[i].Name = val.Value
			default:
				out[i].Words, ok = rules.PlainStrings(val)
			}
			if !ok {
				return nil, false
			}
		}
	}
	return out, true
}

// IsCountWord reports whether the text right after a number says that the
// number counts or measures something ("incidents", "degrees", "%").
func (v *Vocabulary) IsCountWord(after string) bool {
	// "24-hour", "7-day": a hyphen joins the number to what it measures.
	after = strings.TrimLeft(strings.TrimPrefix(after, "-"), " ")
	word := after
	for i, r := range after {
		if !unicode.IsLetter(r) {
			word = after[:i]
			break
		}
	}
	for _, w := range v.CountWords {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) {
			if strings.HasPrefix(after, w) {
				return true
			}
		} else if strings.EqualFold(word, w) {
			return true
		}
	}
	return false
}

// LocalCaller reports whether text (a sentence, a heading, or the
// parenthesis after a number) says the number is dialled by a caller in
// one place, so that it is written for that caller.
func (v *Vocabulary) LocalCaller(text string) bool {
	for _, re := range v.localCallers {
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

// DialledFrom reports whether the text right after a number in
// international form says where it is dialled from ("(from the U.S.)").
func (v *Vocabulary) DialledFrom(after string) bool {
	for _, re := range v.dialledFrom {
		if re.MatchString(after) {
			return true
		}
	}
	return false
}

// compileAll checks regular expressions of the vocabulary, matched
// ignoring case, and returns them to be compiled when first used. The
// check parses each without (?i), which changes no syntax but is what
// makes a Unicode class slow; a pattern it refuses is compiled whole for
// the error regexp gives (FuzzCompileAll holds this to compiling them all).
// Without check, a pattern that does not compile panics when first used.
func compileAll(patterns []string, check bool) ([]*lazyregexp.Regexp, error) {
	var out []*lazyregexp.Regexp
	for _, p := range patterns {
		if check {
			if _, err := syntax.Parse(p, syntax.Perl); err != nil {
				if _, err := regexp.Compile("(?i)" + p); err != nil {
					return nil, fmt.Errorf("%q: %v", p, err)
				}
			}
		}
		out = append(out, lazyregexp.Build("(?i)"+p))
	}
	return out, nil
}

// PostIsClosed reports whether text says that a post has suspended its
// operations.
func (v *Vocabulary) PostIsClosed(text string) bool {
	return v.postClosed.ContainsAnyFold(text)
}

// SaysNoEmergencyNumber reports whether text says that the country has no
// emergency number to give (no-emergency-number).
func (v *Vocabulary) SaysNoEmergencyNumber(text string) bool {
	return v.noEmergency.ContainsAnyFold(text)
}

// NamesPost reports whether text names a post (post-names): the name as
// written, capitals and all, between word boundaries.
func (v *Vocabulary) NamesPost(text string) bool {
	if len(v.PostNames) > len([8]int{}) {
		return v.namesPostEach(text)
	}
	// One pass over the text, trying the names whose first byte is the
	// text's, where each name was searched for in turn (FuzzNamesPost
	// holds it to those searches). As there, an occurrence that fails the
	// boundaries hides those of the same name that overlap it ("AB AB" is
	// not found in "xAB AB AB").
	var from [8]int // for each name, where its next occurrence may start
	first := &v.postFirst
	for s := 0; s < len(text); s++ {
		if !first[text[s]] {
			continue
		}
		for k, n := range v.PostNames {
			if s < from[k] || n == "" || n[0] != text[s] || !strings.HasPrefix(text[s:], n) {
				continue
			}
			e := s + len(n)
			if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e])) {
				return true
			}
			from[k] = e
		}
	}
	return false
}

// namesPostEach is NamesPost searching for each name in turn.
func (v *Vocabulary) namesPostEach(text string) bool {
	for _, n := range v.PostNames {
		for i := 0; i+len(n) <= len(text); {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(n)
			if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e])) {
				return true
			}
			i = e
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// NamesEmergencyService reports whether a label names an emergency service:
// one of its words is one of emergency-words ("Police", "Ambulance (capital
// city)", "Gas and fire service"); a word that only
// starts with one ("Firearms") does not.
func (v *Vocabulary) NamesEmergencyService(label string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if slices.Contains(v.EmergencyWords, w) {
			return true
		}
	}
	return false
}

// IndicatorFor returns the indicator a reason names ("kidnapping" -> K).
func (v *Vocabulary) IndicatorFor(reason string) (Indicator, bool) {
	reason = strings.ToLower(strings.TrimSpace(reason))
	padded := " " + reason + " " // once, where each word made two strings
	best, bestLen := Indicator{}, 0
	for _, ind := range v.Indicators {
		for _, w := range ind.Words {
			if len(w) > bestLen && (reason == w || holdsSpaced(padded, w)) {
				best, bestLen = ind, len(w)
			}
		}
	}
	return best, bestLen > 0
}

// holdsSpaced is strings.Contains(s, " "+w+" ") without making the string.
func holdsSpaced(s, w string) bool {
	for from := 1; from < len(s); {
		j := strings.Index(s[from:], w)
		if j < 0 {
			return false
		}
		i := from + j
		if i+len(w) >= len(s) {
			return false
		}
		if s[i-1] == ' ' && s[i+len(w)] == ' ' {
			return true
		}
		from = i + 1
	}
	return false
}

// Indicator returns the indicator with a code.
func (v *Vocabulary) Indicator(code string) (Indicator, bool) {
	for _, ind := range v.Indicators {
		if ind.Code == code {
			return ind, true
		}
	}
	return Indicator{}, false
}

// RatingRank is a rating level's place in the order (0 for the lowest), or
// -1 for a word outside the vocabulary.
func (v *Vocabulary) RatingRank(level string) int {
	for i, l := range v.RatingLevels {
		if strings.EqualFold(l, level) {
			return i
		}
	}
	return -1
}

// LevelFor returns the advisory level whose wording is w (case-insensitive), or 0.
func (v *Vocabulary) LevelFor(w string) int {
	keys := make([]int, 0, len(v.Levels))
	for k := range v.Levels {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	for _, k := range keys {
		if strings.EqualFold(strings.TrimSpace(w), v.Levels[k]) {
			return k
		}
	}
	return 0
}

// ContactKindOf returns the contact kind a label names ("Tel:" -> phone).
func (v *Vocabulary) ContactKindOf(label string) (string, bool) {
	label = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(label), ":"))
	if len(label) > v.longestLabel {
		return "", false
	}
	// A label in ASCII, almost all of them, is lowered on the stack: the
	// labels are short, but ToLower made a string of most, being capitalised
	// (FuzzContactKindOf holds it to ToLower).
	var buf [32]byte
	if len(label) <= len(buf) && isASCII(label) {
		for i := 0; i < len(label); i++ {
			c := label[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		k, ok := v.labelKind[string(buf[:len(label)])]
		return k, ok
	}
	k, ok := v.labelKind[strings.ToLower(label)]
	return k, ok
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
