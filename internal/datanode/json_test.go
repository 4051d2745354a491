package datanode

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/document"
)

func TestFromJSONSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string
	}{
		{
			name: "every kind of value",
			text: `{"s": "text", "n": -1.5e3, "i": 0, "t": true, "f": false, "z": null, "l": [1, "x"], "m": {"k": {}}, "e": []}`,
			want: map[string]string{
				"":       `{"s": "text", "n": -1.5e3, "i": 0, "t": true, "f": false, "z": null, "l": [1, "x"], "m": {"k": {}}, "e": []}`,
				"/s":     `"text"`,
				"/s@key": `"s"`,
				"/n":     `-1.5e3`,
				"/i":     `0`,
				"/t":     `true`,
				"/f":     `false`,
				"/z":     `null`,
				"/l":     `[1, "x"]`,
				"/l/0":   `1`,
				"/l/1":   `"x"`,
				"/m":     `{"k": {}}`,
				"/m/k":   `{}`,
				"/e":     `[]`,
			},
		},
		{
			name: "whitespace and line breaks around everything",
			text: "\n\t {\n  \"a\" :\n  [ 1 ,\n  2 ] ,\r\n \"b\":\"c\"\n}\n ",
			want: map[string]string{
				"":       "{\n  \"a\" :\n  [ 1 ,\n  2 ] ,\r\n \"b\":\"c\"\n}",
				"/a@key": `"a"`,
				"/a":     "[ 1 ,\n  2 ]",
				"/a/1":   "2",
				"/b":     `"c"`,
			},
		},
		{
			name: "escapes stay inside the string token",
			text: `{"q\"k": "a\"b\\", "u": "\u00e9\ud83d\ude00"}`,
			want: map[string]string{
				`/q"k@key`: `"q\"k"`,
				`/q"k`:     `"a\"b\\"`,
				"/u":       `"\u00e9\ud83d\ude00"`,
			},
		},
		{
			name: "non-ASCII text before and inside values",
			text: `{"titre": "Mali – “rouge”", "é": ["x", "ü"], "emoji": "😀", "n": 1}`,
			want: map[string]string{
				"/titre": `"Mali – “rouge”"`,
				"/é@key": `"é"`,
				"/é":     `["x", "ü"]`,
				"/é/1":   `"ü"`,
				"/emoji": `"😀"`,
				"/n":     `1`,
			},
		},
		{
			name: "scalar at the top",
			text: `  "alone"  `,
			want: map[string]string{"": `"alone"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := FromJSON(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, tt.text, n, tt.want)
		})
	}
}

func TestFromJSONValues(t *testing.T) {
	text := `{"s": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\udc00x", "n": 1.0, "big": 123456789012345678901234567890, "t": true, "f": false, "z": null}`
	n, err := FromJSON(text)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		key    string
		kind   document.NodeKind
		scalar string
	}{
		{"s", document.NodeString, "a\"\\/\b\f\n\r\té😀\uFFFDx"},
		{"n", document.NodeNumber, "1.0"},
		{"big", document.NodeNumber, "123456789012345678901234567890"},
		{"t", document.NodeBool, "true"},
		{"f", document.NodeBool, "false"},
		{"z", document.NodeNull, ""},
	}
	for _, tt := range tests {
		v := n.Get(tt.key)
		if v == nil {
			t.Errorf("no %q", tt.key)
			continue
		}
		if v.Kind != tt.kind || v.Scalar != tt.scalar {
			t.Errorf("%q = kind %d %q, want kind %d %q", tt.key, v.Kind, v.Scalar, tt.kind, tt.scalar)
		}
	}
	if keys := fieldKeys(n); strings.Join(keys, ",") != "s,n,big,t,f,z" {
		t.Errorf("fields out of order: %v", keys)
	}
}

func fieldKeys(n *document.Node) []string {
	var keys []string
	for _, f := range n.Fields {
		keys = append(keys, f.Key)
	}
	return keys
}

func TestFromJSONErrors(t *testing.T) {
	nineKeys := `{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"e":10}`
	tests := []struct {
		name   string
		text   string
		offset int
		msg    string
	}{
		{"empty", "", 0, "the file is empty; expected a JSON value"},
		{"only whitespace", " \n\t", 0, "the file is empty; expected a JSON value"},
		{"unclosed object", `{"a": 1`, 0, "this object is never closed; the file ends before its '}'"},
		{"unclosed nested array", `{"a": [1, 2`, 6, "this array is never closed; the file ends before its ']'"},
		{"trailing comma in object", `{"a": 1,}`, 7, "a comma must not follow the last entry of an object"},
		{"trailing comma in array", `[1, 2, ]`, 5, "a comma must not follow the last item of an array"},
		{"missing comma", `[1 2]`, 3, "unexpected '2'; expected ',' or ']' after an array item"},
		{"missing comma in object", `{"a": 1 "b": 2}`, 8, `unexpected '"'; expected ',' or '}' after an object entry`},
		{"missing colon", `{"a" 1}`, 5, "unexpected '1'; expected ':' after the key"},
		{"unquoted key", `{a: 1}`, 1, "unexpected 'a'; expected a key in double quotes"},
		{"single-quoted key", `{'a': 1}`, 1, "strings must be in double quotes, not single quotes"},
		{"single-quoted value", `['a']`, 1, "strings must be in double quotes, not single quotes"},
		{"line comment", "// note\n{}", 0, "comments are not allowed in JSON"},
		{"block comment", `[1, /* two */ 2]`, 4, "comments are not allowed in JSON"},
		{"comment where a key goes", `{ /* x */ }`, 2, "comments are not allowed in JSON"},
		{"NaN", `{"x": NaN}`, 6, `unexpected word "NaN"; JSON values are objects, arrays, strings, numbers, true, false and null`},
		{"Infinity", `[Infinity]`, 1, `unexpected word "Infinity"; JSON values are objects, arrays, strings, numbers, true, false and null`},
		{"minus Infinity", `[-Infinity]`, 1, `invalid number "-Infinity"`},
		{"capitalised True", `True`, 0, `unexpected word "True"; JSON values are objects, arrays, strings, numbers, true, false and null`},
		{"truncated literal", `[tru]`, 1, `unexpected word "tru"; JSON values are objects, arrays, strings, numbers, true, false and null`},
		{"leading zero", `[01]`, 1, `invalid number "01"`},
		{"bare point", `[1.]`, 1, `invalid number "1."`},
		{"leading point", `[.5]`, 1, "unexpected '.'; expected a value (an object, array, string, number, true, false or null)"},
		{"plus sign", `[+1]`, 1, "unexpected '+'; expected a value (an object, array, string, number, true, false or null)"},
		{"empty exponent", `[1e]`, 1, `invalid number "1e"`},
		{"hex", `[0x1F]`, 1, `invalid number "0x1F"`},
		{"missing value", `{"a": }`, 6, "unexpected '}'; expected a value (an object, array, string, number, true, false or null)"},
		{"leading comma", `[,1]`, 1, "unexpected ','; expected a value (an object, array, string, number, true, false or null)"},
		{"text after the value", `{"a": 1} x`, 9, "unexpected 'x' after the end of the JSON value"},
		{"second value", `{}{}`, 2, "unexpected '{' after the end of the JSON value"},
		{"NUL after the value", "[1]\x00", 3, "unexpected character U+0000 after the end of the JSON value"},
		{"unclosed string", `["abc`, 1, "this string is never closed; the file ends before its closing quote"},
		{"line break in string", "[\"a\nb\"]", 3, `a line break inside a string must be written as \n (or is the closing quote missing?)`},
		{"tab in string", "\"a\tb\"", 2, `control character U+0009 inside a string must be written as \u0009`},
		{"bad escape", `"a\x"`, 2, `invalid escape sequence \x in a string`},
		{"short unicode escape", `"\u12"`, 1, `\u must be followed by four hexadecimal digits`},
		{"escape at the end", `"\`, 1, "this string is never closed; the file ends inside an escape sequence"},
		{"invalid UTF-8 in string", "\"a\xffb\"", 2, "the text is not valid UTF-8 (byte 0xFF)"},
		{"invalid UTF-8 outside", "\xff", 0, "unexpected byte 0xFF (the text is not valid UTF-8); expected a value (an object, array, string, number, true, false or null)"},
		{"byte order mark", "\ufeff{}", 0, "unexpected character U+FEFF; expected a value (an object, array, string, number, true, false or null)"},
		{"duplicate key", `{"title": "a", "title": "b"}`, 15, `duplicate key "title"`},
		{"duplicate key spelled with an escape", `{"a": 1, "\u0061": 2}`, 9, `duplicate key "a"`},
		{"duplicate key in a large object", nineKeys, strings.LastIndex(nineKeys, `"e"`), `duplicate key "e"`},
		{"duplicate key nested", `{"a": {"b": 1, "b": 2}}`, 15, `duplicate key "b"`},
		{"too deep", strings.Repeat("[", 1001) + strings.Repeat("]", 1001), 1000, "nesting is deeper than 1000 levels"},
		{"too deep with objects", strings.Repeat(`{"a":`, 1001) + "1" + strings.Repeat("}", 1001), 5000, "nesting is deeper than 1000 levels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := FromJSON(tt.text)
			if err == nil {
				t.Fatalf("no error; got %+v", n)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if se.Offset != tt.offset || se.Msg != tt.msg {
				t.Errorf("got offset %d %q\nwant offset %d %q", se.Offset, se.Msg, tt.offset, tt.msg)
			}
		})
	}
}

func TestFromJSONDepthLimit(t *testing.T) {
	ok := strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth)
	if _, err := FromJSON(ok); err != nil {
		t.Errorf("%d levels: %v", maxDepth, err)
	}
	// Far past the limit must fail at the limit, quickly, without
	// exhausting the stack.
	start := time.Now()
	_, err := FromJSON(strings.Repeat("[", 200_000))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Offset != maxDepth || se.Msg != "nesting is deeper than 1000 levels" {
		t.Errorf("200,000 '[': %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
}

// A file of more values than MaxValues is refused at the value that
// passes the limit, in JSON and in YAML (flow and block); one of exactly
// MaxValues is read.
func TestTooManyValues(t *testing.T) {
	numbers := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('1')
		}
		return b.String()
	}
	over, under := numbers(MaxValues+5), numbers(MaxValues-1)
	for _, tc := range []struct {
		name      string
		decode    func(string) (*document.Node, error)
		over, ok  string
		wantStart int // offset of the first value past the limit
	}{
		{"json", FromJSON, "[" + over + "]", "[" + under + "]", 1 + 2*(MaxValues-1)},
		{"yaml flow", FromYAML, "[" + over + "]", "[" + under + "]", 1 + 2*(MaxValues-1)},
		{"yaml block", FromYAML, strings.Repeat("- 1\n", MaxValues+5), strings.Repeat("- 1\n", MaxValues-1), 4*(MaxValues-1) + 2},
	} {
		_, err := tc.decode(tc.over)
		var se *SyntaxError
		if !errors.As(err, &se) || !strings.Contains(se.Msg, "more than 100000 values") || se.Offset != tc.wantStart {
			t.Errorf("%s: got %v, want a refusal at byte %d", tc.name, err, tc.wantStart)
		}
		if _, err := tc.decode(tc.ok); err != nil {
			t.Errorf("%s: %d values refused: %v", tc.name, MaxValues, err)
		}
	}
}
