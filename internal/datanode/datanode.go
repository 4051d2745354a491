// Package datanode decodes JSON and YAML into document.Node trees that keep
// the byte span of every key and value, so that a JSON Schema error about any
// value can be reported at that value's own line and column.
//
// Both decoders take text that has already been normalised (no BOM, LF line
// ends) and return spans as byte offsets into exactly that text.
package datanode

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
)

// maxDepth bounds how deeply maps and lists may nest. Real reports nest a
// handful of levels; the bound keeps every recursive walk over a tree (here
// and in the schema validator) far from the goroutine stack limit.
const maxDepth = 1000

// MaxValues bounds how many values (maps, lists, strings, numbers,
// booleans and nulls) a report may hold, as written; what YAML aliases
// repeat is bounded apart (maxAliasRepeats).
// The JSON of a long real report has a few thousand; a file of a million
// numbers, each a schema error, took over 300 s and 2 GB. It is refused
// where the count passes the limit, before the schema sees any of it.
const MaxValues = 100_000

// tooManyValues is the refusal at the value that passes MaxValues.
func tooManyValues(offset int) *SyntaxError {
	return syntaxErrorf(offset, "the file holds more than %d values (strings, numbers, lists and maps) by here; no report needs that, so reportlint does not read it", MaxValues)
}

// SyntaxError is a file that cannot be decoded.
type SyntaxError struct {
	Offset int    // byte offset into the text where the problem is
	Msg    string // plain English, without a position
	// Plain is Msg without the words or characters of the text it quotes
	// ("unexpected word" for `unexpected word "root"`), or "" when Msg
	// quotes none.
	Plain string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("byte %d: %s", e.Offset, e.Msg)
}

// Unquoted is the message without any of the text's own words, for a file
// that is not a report: its words are never shown, since a link or a path
// may have made it any file of the machine.
func (e *SyntaxError) Unquoted() string {
	if e.Plain != "" {
		return e.Plain
	}
	return e.Msg
}

func syntaxErrorf(offset int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: offset, Msg: fmt.Sprintf(format, args...)}
}

// quotingErrorf is syntaxErrorf for a message that quotes the text; plain
// is the message without the quote.
func quotingErrorf(offset int, plain, format string, args ...any) *SyntaxError {
	return &SyntaxError{Offset: offset, Msg: fmt.Sprintf(format, args...), Plain: plain}
}

// ToAny converts n to the plain Go values github.com/santhosh-tekuri/jsonschema/v6
// validates: map[string]any, []any, string, json.Number, bool and nil.
// Numbers keep their text as written when it is valid JSON; YAML-only
// spellings (0x1F, +1, .5, 1_000) become the equivalent JSON number.
func ToAny(n *document.Node) any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case document.NodeString:
		return n.Scalar
	case document.NodeNumber:
		if canonical, ok := jsonNumber(n.Scalar); ok {
			return json.Number(canonical)
		}
		return json.Number(n.Scalar)
	case document.NodeBool:
		return n.Scalar == "true"
	case document.NodeList:
		items := make([]any, len(n.Items))
		for i, item := range n.Items {
			items[i] = ToAny(item)
		}
		return items
	case document.NodeMap:
		fields := make(map[string]any, len(n.Fields))
		for _, f := range n.Fields {
			fields[f.Key] = ToAny(f.Value)
		}
		return fields
	default:
		return nil
	}
}

// Walk calls fn for n and every descendant, parents before children, with the
// value's RFC 6901 JSON pointer ("" for n itself). A node shared through a
// YAML alias is visited once for every place it appears.
func Walk(n *document.Node, fn func(pointer string, n *document.Node)) {
	walk(n, "", fn)
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func walk(n *document.Node, pointer string, fn func(string, *document.Node)) {
	if n == nil {
		return
	}
	fn(pointer, n)
	switch n.Kind {
	case document.NodeList:
		for i, item := range n.Items {
			walk(item, pointer+"/"+strconv.Itoa(i), fn)
		}
	case document.NodeMap:
		for _, f := range n.Fields {
			walk(f.Value, pointer+"/"+pointerEscaper.Replace(f.Key), fn)
		}
	}
}

// isJSONNumber reports whether s matches the RFC 8259 number grammar:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(s string) bool {
	return jsonNumberEnd(s) == len(s) && len(s) > 0
}

// jsonNumberEnd returns how many leading bytes of s form a JSON number, or -1
// when s does not start with one.
func jsonNumberEnd(s string) int {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return -1
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i == len(s) || !isDigit(s[i]) {
			return -1
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i == len(s) || !isDigit(s[i]) {
			return -1
		}
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// jsonNumber returns the JSON spelling of a number written as JSON or in one
// of the YAML forms yaml.v3 resolves to !!int or !!float, keeping the digits
// as written where it can. It is false for text that is no finite number
// (.inf, .nan, words).
func jsonNumber(text string) (string, bool) {
	if isJSONNumber(text) {
		return text, true
	}
	s := strings.ReplaceAll(text, "_", "")
	s = strings.TrimPrefix(s, "+")
	if isJSONNumber(s) {
		return s, true
	}
	// 0x1F, 0o17, 0b101 and the YAML 1.1 octal 017, read as yaml.v3 reads them.
	if i, ok := new(big.Int).SetString(s, 0); ok {
		return i.String(), true
	}
	if d := normalizeDecimal(s); isJSONNumber(d) {
		return d, true
	}
	return "", false
}

// normalizeDecimal rewrites the decimal spellings YAML allows and JSON does
// not: leading zeros (08), a bare point (.5, 1., 1.e3).
func normalizeDecimal(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	mantissa, exponent := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mantissa, exponent = s[:i], s[i:]
	}
	if !strings.ContainsAny(mantissa, "0123456789") {
		return s // ".", "e5": no number to rewrite
	}
	whole, fraction, _ := strings.Cut(mantissa, ".")
	whole = strings.TrimLeft(whole, "0")
	if whole == "" {
		whole = "0"
	}
	if fraction != "" {
		whole += "." + fraction
	}
	return sign + whole + exponent
}
