package dates

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// PhraseKind says which way from the time of writing a relative phrase points.
type PhraseKind string

const (
	PhrasePast    PhraseKind = "past"    // recently, last year
	PhrasePresent PhraseKind = "present" // currently, this year
	PhraseFuture  PhraseKind = "future"  // next year, in the coming months
	// PhraseIgnore matches like any phrase and yields no mention, so that a
	// shorter phrase inside it is not read: "up to date" is not "to date".
	PhraseIgnore PhraseKind = "ignore"
)

// Phrase is one relative time phrase. Words match whole words, ignoring case;
// any run of spaces in the text matches a space in the phrase. The word {n}
// matches a number of up to three digits or a number word ("the past {n}
// years" matches "the past 12 years" and "the past two years").
type Phrase struct {
	Text string
	Kind PhraseKind // empty when the data does not say
}

// numberSlot is how {n} is stored among a compiled phrase's words.
const numberSlot = "{n}"

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"fifteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "several": true,
}

// numberWordsByFold is numberWords, for look-ups ignoring case.
var numberWordsByFold = newFoldTable(numberWords)

type compiledPhrase struct {
	words []string // lower case, or numberSlot
	glued []bool   // glued[k]: words[k+1] follows words[k] with no space between
	kind  PhraseKind
}

// phraseNode is a node of a trie of phrases by word, so that a word that
// starts many phrases ("the past year", "the past decade", …) costs one
// look-up per word of text, not one comparison per phrase.
type phraseNode struct {
	spaced map[string]*phraseNode // next word after a space, lower case or numberSlot
	glued  map[string]*phraseNode // next word with no space before it ("year-to-date")
	// spacedByFold and gluedByFold are spaced and glued, for look-ups
	// ignoring case; made once the trie is built.
	spacedByFold, gluedByFold foldTable[*phraseNode]
	// spacedFirst and gluedFirst are the first bytes the next words can
	// have (firstBit), so that Finder.skip can pass over most words that
	// start a phrase after a look at one byte.
	spacedFirst, gluedFirst uint32
	end                     bool // a phrase ends here
	kind                    PhraseKind
}

// phraseIndex is the root of the trie: the phrases by their first word.
type phraseIndex struct {
	first map[string]*phraseNode
}

func compilePhrases(phrases []Phrase) phraseIndex {
	x := phraseIndex{first: make(map[string]*phraseNode)}
	var c compiledPhrase // its slices reused from phrase to phrase
	for _, p := range phrases {
		var ok bool
		c, ok = compilePhrase(p, c.words[:0], c.glued[:0])
		if !ok {
			continue
		}
		n := child(x.first, c.words[0])
		for k, w := range c.words[1:] {
			if c.glued[k] {
				n.glued = makeMap(n.glued)
				n = child(n.glued, w)
			} else {
				n.spaced = makeMap(n.spaced)
				n = child(n.spaced, w)
			}
		}
		if !n.end { // the first of two equal phrases wins, as LoadPhrases refuses repeats
			n.end, n.kind = true, c.kind
		}
	}
	for _, n := range x.first {
		n.makeTables()
	}
	return x
}

// makeTables makes the look-up tables of n and the nodes below it.
func (n *phraseNode) makeTables() {
	n.spacedByFold, n.gluedByFold = newFoldTable(n.spaced), newFoldTable(n.glued)
	n.spacedFirst, n.gluedFirst = firstBits(n.spaced), firstBits(n.glued)
	for _, c := range n.spaced {
		c.makeTables()
	}
	for _, c := range n.glued {
		c.makeTables()
	}
}

func makeMap(m map[string]*phraseNode) map[string]*phraseNode {
	if m == nil {
		m = make(map[string]*phraseNode)
	}
	return m
}

func child(m map[string]*phraseNode, w string) *phraseNode {
	n := m[w]
	if n == nil {
		n = &phraseNode{}
		m[w] = n
	}
	return n
}

// compilePhrase cuts p into the tokens the text will be cut into, appended
// to toks and glued (a caller reading a list passes the last phrase's, as
// the lists are read at start-up); ok is false when p holds nothing to match.
func compilePhrase(p Phrase, toks []string, glued []bool) (compiledPhrase, bool) {
	lx := lexer{text: p.Text}
	prevEnd := -1
	for {
		t, ok := lx.next()
		if !ok {
			break
		}
		w := strings.ToLower(p.Text[t.start:t.end])
		touching := t.start == prevEnd
		prevEnd = t.end
		// "{", "n", "}" written together is the number slot.
		if w == "}" && touching && len(toks) >= 2 && toks[len(toks)-1] == "n" && toks[len(toks)-2] == "{" && glued[len(glued)-1] {
			toks = toks[:len(toks)-1]
			glued = glued[:len(glued)-1]
			toks[len(toks)-1] = numberSlot
			continue
		}
		if len(toks) > 0 {
			glued = append(glued, touching)
		}
		toks = append(toks, w)
	}
	if len(toks) == 0 {
		return compiledPhrase{words: toks, glued: glued}, false
	}
	return compiledPhrase{words: toks, glued: glued, kind: p.Kind}, true
}

// match returns the end of the longest phrase that starts at token i; first
// is the trie node of token i's word, if the caller has looked it up.
func (x *phraseIndex) match(s *stream, i int, first *phraseNode) (end int, kind PhraseKind, ok bool) {
	end, kind, ok = s.walkNode(i, first)
	if s.isNumberWord(i) {
		if e, k, found := s.walkNode(i, x.first[numberSlot]); found && (!ok || e > end) {
			end, kind, ok = e, k, true
		}
	}
	return end, kind, ok
}

// walkNode follows the trie from node n, which token i has matched, and
// returns the end of the longest phrase found.
func (s *stream) walkNode(i int, n *phraseNode) (end int, kind PhraseKind, ok bool) {
	if n == nil {
		return 0, "", false
	}
	if n.end {
		end, kind, ok = i+1, n.kind, true
	}
	next := &n.spacedByFold
	if s.touches(i) {
		next = &n.gluedByFold
	}
	if next.n == 0 {
		return end, kind, ok
	}
	t, found := s.get(i + 1)
	if !found {
		return end, kind, ok
	}
	if e, k, found := s.walkNode(i+1, next.get(s.text[t.start:t.end])); found {
		end, kind, ok = e, k, true
	}
	if s.isNumberWord(i + 1) {
		if e, k, found := s.walkNode(i+1, next.all[numberSlot]); found && (!ok || e > end) {
			end, kind, ok = e, k, true
		}
	}
	return end, kind, ok
}

// isNumberWord reports whether token i can fill a {n} slot.
func (s *stream) isNumberWord(i int) bool {
	t, ok := s.get(i)
	if !ok {
		return false
	}
	switch t.kind {
	case tokNumber:
		return t.end-t.start <= 3
	case tokWord:
		n := t.end - t.start
		return n >= 3 && n <= 7 && numberWordsByFold.get(s.text[t.start:t.end])
	}
	return false
}

// LoadPhrases reads a YAML list of phrases from fsys. Each item is either the
// phrase itself or a mapping with the keys phrase and kind:
//
//   - recently
//   - phrase: in the coming months
//     kind: future
//
// Errors name the file and line.
func LoadPhrases(fsys fs.FS, path string) ([]Phrase, error) {
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := rules.UnmarshalNode(data, &doc); err != nil {
		return nil, yamlError(path, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s: no phrases", path)
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, fmt.Errorf("%s:%d: want a list of phrases", path, list.Line)
	}
	var phrases []Phrase
	seen := make(map[string]int) // folded phrase → line
	var c compiledPhrase         // its slices reused from phrase to phrase
	for _, item := range list.Content {
		p, at, err := phraseFromNode(item)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, at.Line, err)
		}
		var ok bool
		c, ok = compilePhrase(p, c.words[:0], c.glued[:0])
		if !ok {
			return nil, fmt.Errorf("%s:%d: empty phrase", path, item.Line)
		}
		key := strings.Join(c.words, " ")
		if line, dup := seen[key]; dup {
			return nil, fmt.Errorf("%s:%d: phrase %q repeats the one on line %d", path, item.Line, p.Text, line)
		}
		seen[key] = item.Line
		phrases = append(phrases, p)
	}
	if len(phrases) == 0 {
		return nil, fmt.Errorf("%s:%d: no phrases", path, list.Line)
	}
	return phrases, nil
}

// phraseFromNode reads one item of the list; on error it returns the node at fault.
func phraseFromNode(n *yaml.Node) (Phrase, *yaml.Node, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.ShortTag() != "!!str" {
			return Phrase{}, n, fmt.Errorf("phrase %q is not text", n.Value)
		}
		return Phrase{Text: n.Value}, n, nil
	case yaml.MappingNode:
		var p Phrase
		seen := make(map[string]bool, 2)
		for k := 0; k+1 < len(n.Content); k += 2 {
			key, val := n.Content[k], n.Content[k+1]
			if seen[key.Value] {
				return Phrase{}, key, fmt.Errorf("repeated key %q", key.Value)
			}
			seen[key.Value] = true
			if val.Kind != yaml.ScalarNode {
				return Phrase{}, val, fmt.Errorf("%s must be text", key.Value)
			}
			switch key.Value {
			case "phrase":
				p.Text = val.Value
			case "kind":
				p.Kind = PhraseKind(val.Value)
				switch p.Kind {
				case PhrasePast, PhrasePresent, PhraseFuture, PhraseIgnore:
				default:
					return Phrase{}, val, fmt.Errorf("unknown kind %q (want past, present, future or ignore)", val.Value)
				}
			default:
				return Phrase{}, key, fmt.Errorf("unknown key %q (want phrase, kind)", key.Value)
			}
		}
		if strings.TrimSpace(p.Text) == "" {
			return Phrase{}, n, errors.New("missing phrase")
		}
		return p, n, nil
	}
	return Phrase{}, n, errors.New("want a phrase or a mapping with phrase and kind")
}

// yamlError turns "yaml: line 3: did not find expected key" into
// "path:3: did not find expected key". The line is the YAML library's: for an
// unclosed bracket it is where the bracket opened, which it counts from 0.
func yamlError(path string, err error) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "yaml: line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if line, convErr := strconv.Atoi(num); convErr == nil {
				return fmt.Errorf("%s:%d: %s", path, line, text)
			}
		}
	}
	return fmt.Errorf("%s: %s", path, strings.TrimPrefix(msg, "yaml: "))
}
