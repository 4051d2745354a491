package datanode

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/document"
)

// maxAliasRepeats bounds how many values aliases may repeat in total. A
// shared node costs nothing to build, but every consumer that walks the tree
// (Walk, ToAny, the schema validator) expands it, so an alias bomb ("billion
// laughs") must be refused before anyone walks it.
const maxAliasRepeats = 100_000

// FromYAML decodes exactly one YAML document with go.yaml.in/yaml/v3.
//
// Scalars take their type from their tag, as yaml.v3 resolves it: !!str,
// !!int and !!float, !!bool, !!null; timestamps, binaries and custom tags
// stay strings, so `published: 2024-11-29` is the string "2024-11-29".
// Keys must be scalars; a number, boolean or null key is kept as written.
//
// A value's span starts at its anchor or tag when it has one, so that
// `!!str 12` is all the value. A value left out (`key:`, `- `) is a null
// with an empty span just after its ':' or '-'. An alias is resolved to the
// anchored node itself, which is then shared, span and all. Merge keys (<<)
// are supported: the merged entries are shared too, keys written in the map
// win over merged ones, and among several merged maps the first wins.
func FromYAML(text string) (*document.Node, error) {
	n, _, err := fromYAML(text)
	return n, err
}

// fromYAML is FromYAML that also returns the places where a span could only
// be approximated; they should never occur, and the tests insist on that.
func fromYAML(text string) (*document.Node, []string, error) {
	if err := checkYAMLCharacters(text); err != nil {
		return nil, nil, err
	}
	lines := newLineIndex(text)
	doc, second, err := parseYAML(text)
	if err != nil {
		return nil, nil, yamlSyntaxError(text, lines, err)
	}
	if second != nil {
		return nil, nil, syntaxErrorf(lines.offset(second.Line, second.Column),
			"a second YAML document starts here; a report must be a single document")
	}
	c := &yamlConverter{
		text:  text,
		lines: lines,
		built: make(map[*yaml.Node]converted),
		open:  make(map[*yaml.Node]bool),
	}
	if doc == nil || len(doc.Content) == 0 || c.isBareEmpty(doc.Content[0]) {
		return &document.Node{Kind: document.NodeNull}, nil, nil
	}
	root, err := c.convert(doc.Content[0], 0)
	if err != nil {
		return nil, nil, err
	}
	return root.node, c.problems, nil
}

// parseYAML reads the first document into a yaml.Node and reports whether a
// second one follows. yaml.v3 re-raises any panic that is not one of its own
// errors, so those are caught here: no input may crash the linter.
func parseYAML(text string) (doc, second *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, second, err = nil, nil, &parserPanic{value: fmt.Sprint(r)}
		}
	}()
	dec := yaml.NewDecoder(strings.NewReader(text))
	var first yaml.Node
	if err := dec.Decode(&first); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, nil // no document at all: empty, or only comments
		}
		return nil, nil, err
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != nil {
		if errors.Is(err, io.EOF) {
			return &first, nil, nil
		}
		return nil, nil, err
	}
	return &first, &next, nil
}

type parserPanic struct{ value string }

func (p *parserPanic) Error() string { return "internal error: " + p.value }

// checkYAMLCharacters refuses what yaml.v3's reader refuses, but with the
// offset of the character, which the reader's own error does not carry.
func checkYAMLCharacters(text string) error {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F {
				return syntaxErrorf(i, "control character U+%04X is not allowed in YAML", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return syntaxErrorf(i, "the text is not valid UTF-8 (byte 0x%02X)", c)
		}
		if !(r == 0x85 || (0xA0 <= r && r <= 0xD7FF) || (0xE000 <= r && r <= 0xFFFD) || r >= 0x10000) {
			return syntaxErrorf(i, "character U+%04X is not allowed in YAML", r)
		}
		i += size
	}
	return nil
}

// converted is one yaml.Node turned into a document.Node.
type converted struct {
	node *document.Node
	// end is where this occurrence ends in the text. For an alias it is the
	// end of the *name token, not of the shared node it stands for.
	end int
	// size counts the values in the tree with aliases expanded, and height
	// the maps and lists on its deepest path (0 for a scalar): what a walk
	// over the shared node will really visit.
	size, height int
}

type yamlConverter struct {
	text  string
	lines *lineIndex
	built map[*yaml.Node]converted // anchored nodes, for the aliases to them
	open  map[*yaml.Node]bool      // anchored nodes still being built: an alias to one is a cycle
	// repeated counts the values aliases have repeated so far, values
	// those written; each has its limit.
	repeated, values int
	// problems lists spans that had to be approximated because the text did
	// not look as yaml.v3's positions said it would.
	problems []string
}

func (c *yamlConverter) problem(offset int, format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf("byte %d: ", offset)+fmt.Sprintf(format, args...))
}

// start is the byte offset of a node's position as yaml.v3 gives it: the
// first of its properties (anchor, tag) if it has any, else its content.
func (c *yamlConverter) start(yn *yaml.Node) int {
	return c.lines.offset(yn.Line, yn.Column)
}

// isBareEmpty reports a value left out entirely (`key:` or `- `). yaml.v3
// places such a node at the next token, often on a later line, so its span
// is taken from the indicator before it instead. The next token is never a
// tag, so a '!' there is the value's own non-specific tag ("- !"), which
// yaml.v3 does not record.
func (c *yamlConverter) isBareEmpty(yn *yaml.Node) bool {
	return yn.Kind == yaml.ScalarNode && yn.Style == 0 && yn.Value == "" && yn.Anchor == "" && !c.at(c.start(yn), '!')
}

// count adds n values, read at offset, to the file's.
func (c *yamlConverter) count(n, offset int) error {
	if c.values += n; c.values > MaxValues {
		return tooManyValues(offset)
	}
	return nil
}

func (c *yamlConverter) convert(yn *yaml.Node, depth int) (converted, error) {
	if yn.Kind == yaml.AliasNode {
		return c.alias(yn, depth)
	}
	if err := c.count(1, c.start(yn)); err != nil {
		return converted{}, err
	}
	if yn.Anchor != "" {
		if r, ok := c.built[yn]; ok {
			return r, nil
		}
		c.open[yn] = true
		defer delete(c.open, yn)
	}
	var r converted
	var err error
	switch yn.Kind {
	case yaml.ScalarNode:
		r, err = c.scalar(yn)
	case yaml.SequenceNode:
		r, err = c.sequence(yn, depth)
	case yaml.MappingNode:
		r, err = c.mapping(yn, depth)
	default:
		err = syntaxErrorf(c.start(yn), "unexpected YAML structure here")
	}
	if err != nil {
		return converted{}, err
	}
	if yn.Anchor != "" {
		c.built[yn] = r
	}
	return r, nil
}

func (c *yamlConverter) alias(yn *yaml.Node, depth int) (converted, error) {
	start := c.start(yn)
	end := c.aliasEnd(start)
	target := yn.Alias
	if target == nil {
		return converted{}, syntaxErrorf(start, "alias *%s refers to an anchor that is not defined before it", yn.Value)
	}
	if c.open[target] {
		return converted{}, syntaxErrorf(start, "alias *%s refers to a value that contains the alias itself", yn.Value)
	}
	r, err := c.convert(target, depth)
	if err != nil {
		return converted{}, err
	}
	c.repeated += r.size
	if c.repeated > maxAliasRepeats {
		return converted{}, syntaxErrorf(start, "too many aliases: expanding them would repeat more than %d values", maxAliasRepeats)
	}
	if depth+r.height > maxDepth {
		return converted{}, syntaxErrorf(start, "nesting is deeper than %d levels once alias *%s is expanded", maxDepth, yn.Value)
	}
	r.end = end
	return r, nil
}

func (c *yamlConverter) scalar(yn *yaml.Node) (converted, error) {
	span := c.scalarSpan(yn)
	n := &document.Node{Span: span}
	r := converted{node: n, end: span.End, size: 1}
	tag := yn.ShortTag()
	switch tag {
	case "!!null":
		n.Kind = document.NodeNull
	case "!!bool":
		n.Kind = document.NodeBool
		switch yn.Value {
		case "true", "True", "TRUE":
			n.Scalar = "true"
		case "false", "False", "FALSE":
			n.Scalar = "false"
		default:
			return converted{}, syntaxErrorf(span.Start, "%q is tagged !!bool but is neither true nor false", yn.Value)
		}
	case "!!int", "!!float":
		if _, ok := jsonNumber(yn.Value); !ok {
			if yn.Style&yaml.TaggedStyle != 0 {
				return converted{}, syntaxErrorf(span.Start, "%q is tagged %s but is not a number JSON can represent", yn.Value, tag)
			}
			return converted{}, syntaxErrorf(span.Start, "%s is not a number JSON can represent; put it in quotes if it is meant as text", yn.Value)
		}
		n.Kind = document.NodeNumber
		n.Scalar = yn.Value // as written, like JSON numbers; ToAny spells it as JSON
	default:
		n.Kind = document.NodeString
		n.Scalar = yn.Value
	}
	return r, nil
}

// scalarSpan finds a scalar's extent: yaml.v3 gives only its start, so the
// end is found by reading the token in the text.
func (c *yamlConverter) scalarSpan(yn *yaml.Node) document.Span {
	start := c.start(yn)
	content, propsEnd := c.skipProperties(start, yn)
	var end int
	switch {
	case yn.Style&yaml.DoubleQuotedStyle != 0:
		end = c.doubleQuotedEnd(content)
	case yn.Style&yaml.SingleQuotedStyle != 0:
		end = c.singleQuotedEnd(content)
	case yn.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		end = c.blockScalarEnd(content, yn.Value)
	case yn.Value == "":
		end = propsEnd // only a tag or an anchor is written
	default:
		end = c.plainEnd(content, yn.Value)
	}
	return document.Span{Start: start, End: end}
}

func (c *yamlConverter) sequence(yn *yaml.Node, depth int) (converted, error) {
	start := c.start(yn)
	if depth+1 > maxDepth {
		return converted{}, syntaxErrorf(start, "nesting is deeper than %d levels", maxDepth)
	}
	n := &document.Node{Kind: document.NodeList, Items: make([]*document.Node, 0, len(yn.Content))}
	r := converted{node: n, size: 1}
	content, _ := c.skipProperties(start, yn)
	flow := yn.Style&yaml.FlowStyle != 0
	indicator := byte('-')
	prevEnd := content // the first '-' of a block sequence
	if flow {
		if !c.at(content, '[') {
			c.problem(content, "flow sequence does not start with '['")
		} else {
			prevEnd = content + 1
		}
		indicator = ','
	}
	childHeight := 0
	for _, item := range yn.Content {
		var child converted
		if c.isBareEmpty(item) {
			at := c.afterIndicator(prevEnd, indicator, flow)
			child = converted{node: &document.Node{Kind: document.NodeNull, Span: document.Span{Start: at, End: at}}, end: at, size: 1}
			if err := c.count(1, at); err != nil {
				return converted{}, err
			}
		} else {
			var err error
			if child, err = c.convert(item, depth+1); err != nil {
				return converted{}, err
			}
		}
		n.Items = append(n.Items, child.node)
		r.size += child.size
		childHeight = max(childHeight, child.height)
		prevEnd = max(prevEnd, child.end)
	}
	r.height = childHeight + 1
	r.end = prevEnd
	if flow {
		r.end = c.closing(prevEnd, ']')
	}
	n.Span = document.Span{Start: start, End: r.end}
	return r, nil
}

func (c *yamlConverter) mapping(yn *yaml.Node, depth int) (converted, error) {
	start := c.start(yn)
	if depth+1 > maxDepth {
		return converted{}, syntaxErrorf(start, "nesting is deeper than %d levels", maxDepth)
	}
	n := &document.Node{Kind: document.NodeMap, Fields: make([]*document.Field, 0, len(yn.Content)/2)}
	r := converted{node: n, size: 1}
	content, _ := c.skipProperties(start, yn)
	// A single "key: value" inside a flow sequence is a map without braces.
	braced := yn.Style&yaml.FlowStyle != 0 && c.at(content, '{')
	prevEnd := content
	if braced {
		prevEnd = content + 1
	}
	var seen map[string]bool // built only for large maps; small ones are scanned
	mergeAt := -1
	var mergeSources []*document.Node
	childHeight := 0
	for i := 0; i+1 < len(yn.Content); i += 2 {
		k, v := yn.Content[i], yn.Content[i+1]
		var keyText string
		var keySpan document.Span
		isMerge := k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge"
		if isMerge {
			keySpan = c.scalarSpan(k)
			if mergeAt >= 0 {
				return converted{}, syntaxErrorf(keySpan.Start, "duplicate key %q", "<<")
			}
		} else {
			var err error
			if keyText, keySpan, err = c.key(k); err != nil {
				return converted{}, err
			}
			if duplicate(n.Fields, seen, keyText) {
				return converted{}, syntaxErrorf(keySpan.Start, "duplicate key %q", keyText)
			}
		}
		var value converted
		valueStart := c.start(v)
		if c.isBareEmpty(v) {
			at := c.afterIndicator(keySpan.End, ':', yn.Style&yaml.FlowStyle != 0)
			valueStart = at
			value = converted{node: &document.Node{Kind: document.NodeNull, Span: document.Span{Start: at, End: at}}, end: at, size: 1}
			if err := c.count(1, at); err != nil {
				return converted{}, err
			}
		} else {
			var err error
			if value, err = c.convert(v, depth+1); err != nil {
				return converted{}, err
			}
		}
		r.size += value.size
		childHeight = max(childHeight, value.height)
		prevEnd = max(prevEnd, keySpan.End, value.end)
		if isMerge {
			sources, err := mergeSourcesOf(value.node, valueStart)
			if err != nil {
				return converted{}, err
			}
			mergeAt, mergeSources = len(n.Fields), sources
			continue
		}
		n.Fields = append(n.Fields, &document.Field{Key: keyText, KeySpan: keySpan, Value: value.node})
		if len(n.Fields) == 8 {
			seen = make(map[string]bool)
			for _, f := range n.Fields {
				seen[f.Key] = true
			}
		} else if seen != nil {
			seen[keyText] = true
		}
	}
	if mergeAt >= 0 {
		n.Fields = merge(n.Fields, mergeAt, mergeSources)
	}
	r.height = childHeight + 1
	r.end = prevEnd
	if braced {
		r.end = c.closing(prevEnd, '}')
	}
	n.Span = document.Span{Start: start, End: r.end}
	return r, nil
}

// key returns a map key's text and span. Keys must be scalars (or aliases
// to scalars); a number, boolean or null key is kept as written.
func (c *yamlConverter) key(k *yaml.Node) (string, document.Span, error) {
	switch k.Kind {
	case yaml.ScalarNode:
		return k.Value, c.scalarSpan(k), nil
	case yaml.AliasNode:
		start := c.start(k)
		span := document.Span{Start: start, End: c.aliasEnd(start)}
		if k.Alias == nil || k.Alias.Kind != yaml.ScalarNode {
			return "", span, syntaxErrorf(start, "a map key must be a single value; alias *%s stands for a map or a list", k.Value)
		}
		return k.Alias.Value, span, nil
	case yaml.SequenceNode:
		return "", document.Span{}, syntaxErrorf(c.start(k), "a map key must be a single value, not a list")
	default:
		return "", document.Span{}, syntaxErrorf(c.start(k), "a map key must be a single value, not a map")
	}
}

// mergeSourcesOf returns the maps a merge key's value names: one map, or a
// list of maps.
func mergeSourcesOf(v *document.Node, offset int) ([]*document.Node, error) {
	switch v.Kind {
	case document.NodeMap:
		return []*document.Node{v}, nil
	case document.NodeList:
		for _, item := range v.Items {
			if item.Kind != document.NodeMap {
				return nil, syntaxErrorf(item.Span.Start, "the value of a merge key (<<) must be a map or a list of maps")
			}
		}
		return v.Items, nil
	}
	return nil, syntaxErrorf(offset, "the value of a merge key (<<) must be a map or a list of maps")
}

// merge inserts at position at the entries of sources that fields does not
// already have. As in YAML's merge key type, keys written in the map win,
// and among several sources the earlier one wins.
func merge(fields []*document.Field, at int, sources []*document.Node) []*document.Field {
	have := make(map[string]bool, len(fields))
	for _, f := range fields {
		have[f.Key] = true
	}
	var merged []*document.Field
	for _, src := range sources {
		for _, f := range src.Fields {
			if !have[f.Key] {
				have[f.Key] = true
				copied := *f
				merged = append(merged, &copied)
			}
		}
	}
	out := make([]*document.Field, 0, len(fields)+len(merged))
	out = append(out, fields[:at]...)
	out = append(out, merged...)
	return append(out, fields[at:]...)
}
