package datanode

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
)

// FromJSON decodes one strict RFC 8259 JSON value.
//
// It is a small hand-written recursive-descent parser rather than
// encoding/json's Decoder: the Decoder's InputOffset is the end of the last
// token, so every start offset would have to be recovered by re-scanning
// past whitespace, commas and colons, and duplicate keys and the exact place
// of an error would still need code of our own. Scanning the text directly
// gives every start and end offset at no extra cost.
func FromJSON(text string) (*document.Node, error) {
	p := jsonParser{text: text}
	p.skipSpace()
	if p.pos == len(text) {
		return nil, syntaxErrorf(0, "the file is empty; expected a JSON value")
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.pos < len(text) {
		return nil, p.unexpected(" after the end of the JSON value")
	}
	return n, nil
}

type jsonParser struct {
	text   string
	pos    int
	depth  int // maps and lists currently open
	values int // values read so far
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.text) {
		switch p.text[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value() (*document.Node, error) {
	if p.pos == len(p.text) {
		return nil, syntaxErrorf(p.pos, "unexpected end of file; expected a value")
	}
	if p.values++; p.values > MaxValues {
		return nil, tooManyValues(p.pos)
	}
	switch c := p.text[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		start := p.pos
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return &document.Node{Kind: document.NodeString, Scalar: s, Span: document.Span{Start: start, End: p.pos}}, nil
	case c == '-' || isDigit(c):
		return p.number()
	case isLetter(c):
		return p.word()
	default:
		return nil, p.unexpectedValue()
	}
}

// unexpectedValue explains a character that cannot start a value, naming the
// common non-JSON habits (comments, single quotes) outright.
func (p *jsonParser) unexpectedValue() error {
	rest := p.text[p.pos:]
	switch {
	case strings.HasPrefix(rest, "//"), strings.HasPrefix(rest, "/*"):
		return syntaxErrorf(p.pos, "comments are not allowed in JSON")
	case rest[0] == '\'':
		return syntaxErrorf(p.pos, "strings must be in double quotes, not single quotes")
	}
	return p.unexpected("; expected a value (an object, array, string, number, true, false or null)")
}

func (p *jsonParser) open() error {
	p.depth++
	if p.depth > maxDepth {
		return syntaxErrorf(p.pos, "nesting is deeper than %d levels", maxDepth)
	}
	return nil
}

func (p *jsonParser) object() (*document.Node, error) {
	if err := p.open(); err != nil {
		return nil, err
	}
	n := &document.Node{Kind: document.NodeMap, Span: document.Span{Start: p.pos}}
	p.pos++                  // {
	var seen map[string]bool // built only for large objects; small ones are scanned
	lastComma := -1
	for {
		p.skipSpace()
		if p.pos == len(p.text) {
			return nil, syntaxErrorf(n.Span.Start, "this object is never closed; the file ends before its '}'")
		}
		if p.text[p.pos] == '}' {
			if lastComma >= 0 {
				return nil, syntaxErrorf(lastComma, "a comma must not follow the last entry of an object")
			}
			break
		}
		if p.text[p.pos] != '"' {
			if p.text[p.pos] == '\'' {
				return nil, syntaxErrorf(p.pos, "strings must be in double quotes, not single quotes")
			}
			if strings.HasPrefix(p.text[p.pos:], "//") || strings.HasPrefix(p.text[p.pos:], "/*") {
				return nil, syntaxErrorf(p.pos, "comments are not allowed in JSON")
			}
			return nil, p.unexpected("; expected a key in double quotes")
		}
		keyStart := p.pos
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		keySpan := document.Span{Start: keyStart, End: p.pos}
		if duplicate(n.Fields, seen, key) {
			return nil, quotingErrorf(keyStart, "duplicate key", "duplicate key %q", key)
		}
		if len(n.Fields) == 8 {
			seen = make(map[string]bool)
			for _, f := range n.Fields {
				seen[f.Key] = true
			}
		}
		if seen != nil {
			seen[key] = true
		}
		p.skipSpace()
		if p.pos == len(p.text) || p.text[p.pos] != ':' {
			return nil, p.unexpected("; expected ':' after the key")
		}
		p.pos++
		p.skipSpace()
		value, err := p.value()
		if err != nil {
			return nil, err
		}
		n.Fields = append(n.Fields, &document.Field{Key: key, KeySpan: keySpan, Value: value})
		p.skipSpace()
		if p.pos < len(p.text) && p.text[p.pos] == ',' {
			lastComma = p.pos
			p.pos++
			continue
		}
		if p.pos < len(p.text) && p.text[p.pos] == '}' {
			break
		}
		if p.pos == len(p.text) {
			return nil, syntaxErrorf(n.Span.Start, "this object is never closed; the file ends before its '}'")
		}
		return nil, p.unexpected("; expected ',' or '}' after an object entry")
	}
	p.pos++ // }
	n.Span.End = p.pos
	p.depth--
	return n, nil
}

// duplicate reports whether key is already among fields; seen, when not nil,
// holds the same keys for a quicker answer.
func duplicate(fields []*document.Field, seen map[string]bool, key string) bool {
	if seen != nil {
		return seen[key]
	}
	for _, f := range fields {
		if f.Key == key {
			return true
		}
	}
	return false
}

func (p *jsonParser) array() (*document.Node, error) {
	if err := p.open(); err != nil {
		return nil, err
	}
	n := &document.Node{Kind: document.NodeList, Span: document.Span{Start: p.pos}}
	p.pos++ // [
	lastComma := -1
	for {
		p.skipSpace()
		if p.pos == len(p.text) {
			return nil, syntaxErrorf(n.Span.Start, "this array is never closed; the file ends before its ']'")
		}
		if p.text[p.pos] == ']' {
			if lastComma >= 0 {
				return nil, syntaxErrorf(lastComma, "a comma must not follow the last item of an array")
			}
			break
		}
		item, err := p.value()
		if err != nil {
			return nil, err
		}
		n.Items = append(n.Items, item)
		p.skipSpace()
		if p.pos < len(p.text) && p.text[p.pos] == ',' {
			lastComma = p.pos
			p.pos++
			continue
		}
		if p.pos < len(p.text) && p.text[p.pos] == ']' {
			break
		}
		if p.pos == len(p.text) {
			return nil, syntaxErrorf(n.Span.Start, "this array is never closed; the file ends before its ']'")
		}
		return nil, p.unexpected("; expected ',' or ']' after an array item")
	}
	p.pos++ // ]
	n.Span.End = p.pos
	p.depth--
	return n, nil
}

// str reads the string token at p.pos and returns its decoded value.
func (p *jsonParser) str() (string, error) {
	start := p.pos
	p.pos++ // "
	escaped := false
	for {
		if p.pos == len(p.text) {
			return "", syntaxErrorf(start, "this string is never closed; the file ends before its closing quote")
		}
		c := p.text[p.pos]
		switch {
		case c == '"':
			p.pos++
			raw := p.text[start+1 : p.pos-1]
			if !escaped {
				return raw, nil
			}
			return unescapeJSON(raw), nil
		case c == '\\':
			escaped = true
			if err := p.escape(); err != nil {
				return "", err
			}
		case c < 0x20:
			if c == '\n' {
				return "", syntaxErrorf(p.pos, "a line break inside a string must be written as \\n (or is the closing quote missing?)")
			}
			return "", quotingErrorf(p.pos, "a control character inside a string must be written as a \\u escape", "control character U+%04X inside a string must be written as \\u%04X", c, c)
		case c < utf8.RuneSelf:
			p.pos++
		default:
			r, size := utf8.DecodeRuneInString(p.text[p.pos:])
			if r == utf8.RuneError && size == 1 {
				return "", quotingErrorf(p.pos, "the text is not valid UTF-8", "the text is not valid UTF-8 (byte 0x%02X)", c)
			}
			p.pos += size
		}
	}
}

// escape checks the escape sequence at p.pos (a backslash) and steps over it.
func (p *jsonParser) escape() error {
	start := p.pos
	if p.pos+1 == len(p.text) {
		return syntaxErrorf(start, "this string is never closed; the file ends inside an escape sequence")
	}
	switch p.text[p.pos+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		p.pos += 2
		return nil
	case 'u':
		if p.pos+6 > len(p.text) || !isHex4(p.text[p.pos+2:p.pos+6]) {
			return syntaxErrorf(start, "\\u must be followed by four hexadecimal digits")
		}
		p.pos += 6
		return nil
	}
	r, _ := utf8.DecodeRuneInString(p.text[p.pos+1:])
	if !unicode.IsPrint(r) {
		return quotingErrorf(start, "invalid escape sequence in a string", "invalid escape sequence in a string: a backslash followed by character U+%04X", r)
	}
	return quotingErrorf(start, "invalid escape sequence in a string", "invalid escape sequence \\%c in a string", r)
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		if hexValue(s[i]) < 0 {
			return false
		}
	}
	return true
}

func hexValue(c byte) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case 'a' <= c && c <= 'f':
		return rune(c - 'a' + 10)
	case 'A' <= c && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// unescapeJSON decodes the escapes in a string the parser has already
// checked. Unpaired UTF-16 surrogates become U+FFFD, as encoding/json does.
func unescapeJSON(raw string) string {
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		switch raw[i+1] {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r := hex4(raw[i+2 : i+6])
			i += 6
			if 0xD800 <= r && r < 0xDC00 && i+6 <= len(raw) && raw[i] == '\\' && raw[i+1] == 'u' {
				if low := hex4(raw[i+2 : i+6]); 0xDC00 <= low && low < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (low - 0xDC00)
					i += 6
				}
			}
			if 0xD800 <= r && r < 0xE000 {
				r = utf8.RuneError
			}
			b.WriteRune(r)
			continue
		default: // " \ /
			b.WriteByte(raw[i+1])
		}
		i += 2
	}
	return b.String()
}

func hex4(s string) rune {
	return hexValue(s[0])<<12 | hexValue(s[1])<<8 | hexValue(s[2])<<4 | hexValue(s[3])
}

func (p *jsonParser) number() (*document.Node, error) {
	start := p.pos
	end := start
	// Take the whole run a reader would see as the number, so that 01, 1.,
	// 0x1F and -Infinity are reported as one bad number rather than as a
	// stray character after a good one.
	for end < len(p.text) && (isDigit(p.text[end]) || isLetter(p.text[end]) || strings.IndexByte("+-._", p.text[end]) >= 0) {
		end++
	}
	text := p.text[start:end]
	if !isJSONNumber(text) {
		return nil, quotingErrorf(start, "invalid number", "invalid number %q", text)
	}
	p.pos = end
	return &document.Node{Kind: document.NodeNumber, Scalar: text, Span: document.Span{Start: start, End: end}}, nil
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func (p *jsonParser) word() (*document.Node, error) {
	start := p.pos
	end := start
	for end < len(p.text) && (isLetter(p.text[end]) || isDigit(p.text[end]) || p.text[end] == '_') {
		end++
	}
	n := &document.Node{Span: document.Span{Start: start, End: end}}
	switch w := p.text[start:end]; w {
	case "true", "false":
		n.Kind, n.Scalar = document.NodeBool, w
	case "null":
		n.Kind = document.NodeNull
	default:
		return nil, quotingErrorf(start, "unexpected word; JSON values are objects, arrays, strings, numbers, true, false and null", "unexpected word %q; JSON values are objects, arrays, strings, numbers, true, false and null", w)
	}
	p.pos = end
	return n, nil
}

// unexpected is the error for the character at the parser's position,
// named in Msg and not in Plain; rest says what was expected.
func (p *jsonParser) unexpected(rest string) *SyntaxError {
	plain := "unexpected character"
	if p.pos >= len(p.text) {
		plain = "unexpected end of file"
	}
	return &SyntaxError{Offset: p.pos, Msg: "unexpected " + p.describe(p.pos) + rest, Plain: plain + rest}
}

// describe names the character at offset i for a message.
func (p *jsonParser) describe(i int) string {
	if i >= len(p.text) {
		return "end of file"
	}
	r, size := utf8.DecodeRuneInString(p.text[i:])
	if r == utf8.RuneError && size == 1 {
		return fmt.Sprintf("byte 0x%02X (the text is not valid UTF-8)", p.text[i])
	}
	return describeRune(r)
}

// describeRune quotes a character for a message, writing invisible ones as
// U+XXXX so the reader can tell what is there.
func describeRune(r rune) string {
	if !unicode.IsPrint(r) {
		return fmt.Sprintf("character U+%04X", r)
	}
	return fmt.Sprintf("'%c'", r)
}
