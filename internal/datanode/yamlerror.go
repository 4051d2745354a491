package datanode

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lazyregexp"
)

// yamlLinePrefix is the position yaml.v3 puts before its messages.
var yamlLinePrefix = lazyregexp.New(`^line (\d+): `)

var unknownAnchor = lazyregexp.New(`^unknown anchor '([^']*)' referenced$`)

// splitYAMLError takes yaml.v3's "yaml: line 3: mapping values are not
// allowed in this context" apart into 3 and the message.
func splitYAMLError(err error) (line int, msg string) {
	var p *parserPanic
	if errors.As(err, &p) {
		return 0, err.Error()
	}
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLinePrefix.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	return line, msg
}

// yamlSyntaxError turns an error from yaml.v3 into a SyntaxError at the
// start of the line where the text first goes wrong.
//
// yaml.v3's own line number cannot be used as it stands: scanner errors
// count lines from 1, parser errors from 0, and either may name the line
// where the enclosing construct began rather than the line of the problem;
// some errors carry no line at all. It is, however, never later than the
// problem. So the line is found by asking the parser itself: it is the
// first line, from the reported one on, such that the text up to the end of
// that line already fails with the same message. It is usually within a line
// or two of the reported one, so the search gallops forward from there and
// then halves the last step: a few extra parses of a prefix, and only for
// files that fail.
func yamlSyntaxError(text string, lines *lineIndex, err error) error {
	reported, msg := splitYAMLError(err)
	total := len(lines.starts)
	lo := min(max(reported, 1), total)
	// The whole text is known to fail, so line total never needs a parse.
	hi, step := lo, 1
	for hi < total && !failsWith(text[:lines.lineEnd(hi)], msg) {
		lo = hi + 1
		hi = min(hi+step, total)
		step *= 2
	}
	for lo < hi {
		mid := lo + (hi-lo)/2
		if failsWith(text[:lines.lineEnd(mid)], msg) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	offset := lines.starts[lo-1]
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		// Point at the alias itself when it is on that line.
		line := text[offset:lines.lineEnd(lo)]
		if i := strings.Index(line, "*"+m[1]); i >= 0 {
			offset += i
		}
		return &SyntaxError{Offset: offset, Msg: describeYAMLProblem(msg)}
	}
	return &SyntaxError{Offset: failingColumn(text, offset, lines.lineEnd(lo), msg), Msg: describeYAMLProblem(msg)}
}

// failingColumn finds, on the line text[start:end] where parsing first
// fails, the character that makes it fail: the shortest prefix of the line
// that already fails with msg ends with it ("country: Mali" indented under
// a scalar fails at its colon). The same halving as for the line; if the
// prefixes do not fail in order, the line's start is kept.
func failingColumn(text string, start, end int, msg string) int {
	end = min(end, len(text))
	if end <= start || !failsWith(text[:end], msg) {
		return start
	}
	lo, hi := start+1, end
	for lo < hi {
		mid := lo + (hi-lo)/2
		if failsWith(text[:mid], msg) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	// Step back to the start of the character, and off trailing blanks.
	at := lo - 1
	for at > start && (text[at]&0xC0 == 0x80) {
		at--
	}
	if at < start || !failsWith(text[:lo], msg) {
		return start
	}
	return at
}

func failsWith(text, msg string) bool {
	_, _, err := parseYAML(text)
	if err == nil {
		return false
	}
	_, got := splitYAMLError(err)
	return got == msg
}

// describeYAMLProblem rewrites the yaml.v3 messages that would puzzle a
// reader; the rest are plain English already.
func describeYAMLProblem(msg string) string {
	if m := unknownAnchor.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("alias *%s refers to an anchor &%s that is not defined before it", m[1], m[1])
	}
	if strings.HasPrefix(msg, "exceeded max depth of ") {
		return fmt.Sprintf("nesting is deeper than %d levels", maxDepth)
	}
	if strings.HasPrefix(msg, "internal error: ") {
		return "the YAML parser failed on this text (an internal error in the parser)"
	}
	return msg
}

// yamlQuotes are the places where yaml.v3 puts the text's own words in
// its messages: an anchor's name ('x'), the first bytes of a value that
// does not fit (`x`), a key (%#v, double quoted).
var yamlQuotes = lazyregexp.New("'[^']*'|`[^`]*`|\"(?:[^\"\\\\]|\\\\.)*\"")

// UnquotedYAMLError is a yaml.v3 error as its line (0 when it names none)
// and a message that holds none of the text's own words, for a file that
// is not a report (a configuration, pack or house profile): its words are
// never shown, since a link or a path may have made it any file of the
// machine. Of decode errors, the first is kept.
func UnquotedYAMLError(err error) (line int, msg string) {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		err = errors.New(te.Errors[0])
	}
	line, msg = splitYAMLError(err)
	switch {
	case unknownAnchor.MatchString(msg):
		return line, "an alias (*) refers to an anchor (&) that is not defined before it"
	case strings.HasPrefix(msg, "anchor '") && strings.HasSuffix(msg, "' value contains itself"):
		return line, "an anchor's value holds an alias to itself"
	}
	msg = yamlQuotes.ReplaceAllString(msg, "")
	return line, strings.Join(strings.Fields(msg), " ")
}
