package datanode

import (
	"errors"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// The errors about a file that is not a report show none of its words:
// a JSON syntax error's Unquoted message, and UnquotedYAMLError's, while
// Msg still names the word for a report, whose text is shown anyway.
func TestUnquotedJSONErrors(t *testing.T) {
	for _, text := range []string{
		"qzx",
		`{"a": 1} qzx`,
		"{qzx: 1}",
		`{"a" qzx}`,
		`{"a": 1 qzx}`,
		"[1 qzx]",
		`{"qzx": 1, "qzx": 2}`,
		"-qzx",
		`"\q"`,
	} {
		_, err := FromJSON(text)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%s: err = %v, want a syntax error", text, err)
			continue
		}
		if msg := se.Unquoted(); strings.Contains(msg, "qzx") || strings.Contains(msg, "'q'") || strings.Contains(msg, `\q`) {
			t.Errorf("%s: Unquoted() = %q, which quotes the text", text, msg)
		}
		if !strings.Contains(se.Msg, "q") {
			t.Errorf("%s: Msg = %q, which a report's reader would want to name what is there", text, se.Msg)
		}
	}
}

func TestUnquotedYAMLError(t *testing.T) {
	var node yaml.Node
	var typed struct{ Sections []string }
	var dict map[string]int
	var anything any
	for _, tt := range []struct {
		text string
		into any
		line int
		want string
	}{
		{"a: 1\nb: *qzx\n", &node, 0, "an alias (*) refers to an anchor (&) that is not defined before it"},
		{"a: &qzx [*qzx]\n", &anything, 0, "an anchor's value holds an alias to itself"},
		{"name: x\nsections: qzxvalue\n", &typed, 2, "cannot unmarshal !!str into []string"},
		{"qzx: 1\nqzx: 2\n", &dict, 2, "mapping key already defined at line 1"},
		{"a: b: c\n", &node, 0, "mapping values are not allowed in this context"},
	} {
		err := yaml.Unmarshal([]byte(tt.text), tt.into)
		if err == nil {
			t.Fatalf("%q: no error", tt.text)
		}
		line, msg := UnquotedYAMLError(err)
		if line != tt.line || msg != tt.want {
			t.Errorf("%q: %d %q, want %d %q (from %v)", tt.text, line, msg, tt.line, tt.want, err)
		}
	}
}
