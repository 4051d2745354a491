package countries

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// entry is one decoded country with the lines its values came from, so that
// the checks made after decoding can still point an editor at a line.
type entry struct {
	country       Country
	line          int   // the entry's first line
	codeLine      int   // line of code:
	nameLines     []int // line of the name, then of each alias
	areaCodeLines []int
}

// lineError is an error about one line of the file; load prefixes the file
// name, giving "file:line: message".
func lineError(line int, format string, args ...any) error {
	return fmt.Errorf("%d: %s", line, fmt.Sprintf(format, args...))
}

var knownFields = [...]string{"name", "code", "calling", "area-codes", "aliases", "demonym"}

// decode parses the file with the yaml Node API, which keeps line numbers,
// and checks each entry on its own; newTable checks entries against each
// other.
func decode(data []byte) ([]entry, error) {
	// An embedded file the snapshot holds is not read by the YAML reader,
	// and TestEmbeddedTableWithoutSnapshot reads it through this check.
	if rules.Parsed(data) == nil {
		if line, problem := findUnreadable(data); problem != "" {
			return nil, lineError(line, "%s", problem)
		}
	}
	var doc yaml.Node
	if err := rules.UnmarshalNode(data, &doc); err != nil {
		return nil, syntaxError(err)
	}
	if len(doc.Content) == 0 {
		return nil, lineError(1, "the file is empty; expected a countries: list")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, lineError(root.Line, "expected a mapping with a countries: list")
	}
	var list *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "countries" {
			return nil, lineError(k.Line, "unknown key %q; the file holds only countries:", k.Value)
		}
		if list != nil {
			return nil, lineError(k.Line, "countries: appears twice")
		}
		list = v
	}
	if list == nil {
		return nil, lineError(root.Line, "no countries: list")
	}
	if list.Kind != yaml.SequenceNode {
		return nil, lineError(list.Line, "countries: must be a list of entries (- name: ...)")
	}
	entries := make([]entry, 0, len(list.Content))
	for _, item := range list.Content {
		e, err := decodeEntry(item)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

func decodeEntry(item *yaml.Node) (entry, error) {
	e := entry{line: item.Line}
	if item.Kind != yaml.MappingNode {
		return e, lineError(item.Line, "each country must be a mapping of %s", strings.Join(knownFields[:], ", "))
	}
	// By the field's place in knownFields: a map made for each of the
	// table's entries cost more than reading it.
	var byField [len(knownFields)]*yaml.Node
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		f := slices.Index(knownFields[:], k.Value)
		if f < 0 {
			return e, lineError(k.Line, "unknown field %q; expected one of %s", k.Value, strings.Join(knownFields[:], ", "))
		}
		if byField[f] != nil {
			return e, lineError(k.Line, "field %s appears twice", k.Value)
		}
		if v.Kind == yaml.AliasNode {
			return e, lineError(v.Line, "YAML aliases (*name) are not supported here; write the value out")
		}
		byField[f] = v
	}
	fields := func(name string) *yaml.Node { return byField[slices.Index(knownFields[:], name)] }

	name, ok := scalar(fields("name"))
	if !ok {
		return e, lineError(item.Line, "country has no name")
	}
	if !hasWord(name) {
		return e, lineError(fields("name").Line, "country name %q has no letters", name)
	}
	c := Country{Name: name}
	e.nameLines = append(e.nameLines, fields("name").Line)

	code, ok := scalar(fields("code"))
	if !ok {
		return e, lineError(item.Line, "country %q has no code", name)
	}
	if !isISOCode(code) {
		return e, lineError(fields("code").Line, "country %q: code %q is not two capital letters (ISO 3166-1 alpha-2)", name, code)
	}
	c.Code = code
	e.codeLine = fields("code").Line

	calling, ok := scalar(fields("calling"))
	if !ok {
		return e, lineError(item.Line, "country %q has no calling code", name)
	}
	calling = strings.TrimPrefix(calling, "+")
	if !isDigits(calling) || len(calling) > 3 || calling[0] == '0' {
		return e, lineError(fields("calling").Line, "country %q: calling code %q is not 1 to 3 digits", name, calling)
	}
	c.Calling = calling

	if n := fields("area-codes"); n != nil {
		if calling != "1" {
			return e, lineError(n.Line, "country %q: area-codes are only for countries that share +1, not +%s", name, calling)
		}
		areaCodes, lines, err := scalarList(n, name, "area-codes")
		if err != nil {
			return e, err
		}
		for i, area := range areaCodes {
			if len(area) != 3 || !isDigits(area) || area[0] < '2' {
				return e, lineError(lines[i], "country %q: area code %q is not three digits starting 2-9", name, area)
			}
			if slices.Contains(areaCodes[:i], area) {
				return e, lineError(lines[i], "country %q: area code %s is listed twice", name, area)
			}
		}
		c.AreaCodes, e.areaCodeLines = areaCodes, lines
	}

	if n := fields("aliases"); n != nil {
		aliases, lines, err := scalarList(n, name, "aliases")
		if err != nil {
			return e, err
		}
		for i, alias := range aliases {
			if !hasWord(alias) {
				return e, lineError(lines[i], "country %q: alias %q has no letters", name, alias)
			}
		}
		c.Aliases = aliases
		e.nameLines = append(e.nameLines, lines...)
	}

	if n := fields("demonym"); n != nil {
		demonym, ok := scalar(n)
		if !ok {
			return e, lineError(n.Line, "country %q: demonym is empty; give one or leave the field out", name)
		}
		c.Demonym = demonym
	}

	e.country = c
	return e, nil
}

// scalar returns a field's text, trimmed; false when the field is missing,
// empty or not a single value. The tag is ignored on purpose: an editor who
// writes calling: 223 without quotes means the same as "223".
func scalar(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	s := strings.TrimSpace(n.Value)
	return s, s != ""
}

// scalarList decodes a list of values, with the line of each.
func scalarList(n *yaml.Node, country, field string) ([]string, []int, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, nil, lineError(n.Line, "country %q: %s must be a list: [a, b]", country, field)
	}
	values := make([]string, 0, len(n.Content))
	lines := make([]int, 0, len(n.Content))
	for _, item := range n.Content {
		v, ok := scalar(item)
		if !ok {
			return nil, nil, lineError(item.Line, "country %q: %s holds an empty or nested value", country, field)
		}
		values = append(values, v)
		lines = append(lines, item.Line)
	}
	return values, lines, nil
}

func isISOCode(s string) bool {
	return len(s) == 2 && 'A' <= s[0] && s[0] <= 'Z' && 'A' <= s[1] && s[1] <= 'Z'
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// syntaxError turns the decoder's "yaml: line 3: could not find expected
// ':'" into a lineError. The decoder leaves out the line for problems on the
// first line, hence the default.
func syntaxError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if digits, tail, ok := strings.Cut(rest, ": "); ok {
			if n, convErr := strconv.Atoi(digits); convErr == nil {
				line, msg = n, tail
			}
		}
	}
	return lineError(line, "%s", msg)
}

// findUnreadable finds bytes the YAML reader rejects without saying where:
// invalid UTF-8 and control characters. It returns their line and a
// description, or an empty description when there are none.
func findUnreadable(data []byte) (int, string) {
	line := 1
	for i := 0; i < len(data); {
		if c := data[i]; c >= 0x20 && c < 0x7f {
			i++ // printable ASCII, nearly all of the file: no decoding
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return line, fmt.Sprintf("invalid UTF-8 byte 0x%02x", data[i])
		case r == '\n':
			line++
		case r == '\t', r == '\r', r == '\uFEFF':
		case r < 0x20, r == 0x7f, 0x80 <= r && r < 0xa0 && r != 0x85, r == 0xfffe, r == 0xffff:
			return line, fmt.Sprintf("control character %U is not allowed", r)
		}
		i += size
	}
	return 0, ""
}
