package datanode

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	yaml "go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/document"
)

// TestYAMLColumnsCountCodePoints pins down what lineIndex relies on:
// yaml.v3 counts columns in code points, not bytes, on lines with non-ASCII
// characters of two (é, –) and three (“) bytes, and four (😀).
func TestYAMLColumnsCountCodePoints(t *testing.T) {
	tests := []struct {
		text       string
		value      string // a scalar to find
		line, col  int    // where yaml.v3 puts it, counting code points
		byteColumn int    // where it is counting bytes
	}{
		{"é: [x, “y”, z]\n", "z", 1, 13, 17},
		{"a: 1\n– “x”: b\n", "b", 2, 8, 14},
		{"k: 😀 😀\nn: [😀, q]\n", "q", 2, 8, 11},
		{"- é\n- “é” – z\n", "“é” – z", 2, 3, 3},
	}
	for _, tt := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tt.text), &doc); err != nil {
			t.Fatal(err)
		}
		n := findYAMLScalar(&doc, tt.value)
		if n == nil {
			t.Fatalf("%q: no scalar %q", tt.text, tt.value)
		}
		if n.Line != tt.line || n.Column != tt.col {
			t.Errorf("%q: %q at %d:%d, want %d:%d (counting bytes would give column %d)",
				tt.text, tt.value, n.Line, n.Column, tt.line, tt.col, tt.byteColumn)
		}
	}
}

func findYAMLScalar(n *yaml.Node, value string) *yaml.Node {
	if n.Kind == yaml.ScalarNode && n.Value == value {
		return n
	}
	for _, c := range n.Content {
		if found := findYAMLScalar(c, value); found != nil {
			return found
		}
	}
	return nil
}

func mustYAML(t *testing.T, text string) *document.Node {
	t.Helper()
	n, problems, err := fromYAML(text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	if len(problems) > 0 {
		t.Fatalf("%q: spans approximated: %v", text, problems)
	}
	return n
}

func TestFromYAMLSpans(t *testing.T) {
	tests := []struct {
		name string
		text string
		want map[string]string
	}{
		{
			name: "plain scalars of every type",
			text: "s: text here\ni: 42\nf: -1.5e3\nh: 0x1F\nt: true\nn: null\ntilde: ~\nd: 2024-11-29\n",
			want: map[string]string{
				"":       "s: text here\ni: 42\nf: -1.5e3\nh: 0x1F\nt: true\nn: null\ntilde: ~\nd: 2024-11-29",
				"/s@key": "s",
				"/s":     "text here",
				"/i":     "42",
				"/f":     "-1.5e3",
				"/h":     "0x1F",
				"/t":     "true",
				"/n":     "null",
				"/tilde": "~",
				"/d":     "2024-11-29",
			},
		},
		{
			name: "quoted scalars keep their quotes",
			text: "d: \"a \\\"b\\\" c\\\\\"\ns: 'it''s'\ne: \"\"\nk: ''\n\"quoted key\": 1\n",
			want: map[string]string{
				"/d":              `"a \"b\" c\\"`,
				"/s":              `'it''s'`,
				"/e":              `""`,
				"/k":              `''`,
				"/quoted key@key": `"quoted key"`,
			},
		},
		{
			name: "multi-line quoted and plain scalars",
			text: "d: \"first\n  second\"\np: one\n  two\n\n  three\nq: last\n",
			want: map[string]string{
				"/d": "\"first\n  second\"",
				"/p": "one\n  two\n\n  three",
				"/q": "last",
			},
		},
		{
			name: "block scalars run from the indicator to the end of the content",
			text: "lit: |\n  line one\n    indented\n\n  line three\nfold: >-\n  folded\n  text # not a comment\n\n# a comment\nkeep: |+\n  kept\n\nexplicit: |2\n    two more\n  base\nempty: |\nnext: x\n",
			want: map[string]string{
				"/lit":      "|\n  line one\n    indented\n\n  line three",
				"/fold":     ">-\n  folded\n  text # not a comment",
				"/keep":     "|+\n  kept",
				"/explicit": "|2\n    two more\n  base",
				"/empty":    "|",
				"/next":     "x",
			},
		},
		{
			name: "block scalar with a comment on its header, in a list",
			text: "- > # why\n  a\n  b\n- |-\n   c\n",
			want: map[string]string{
				"/0": "> # why\n  a\n  b",
				"/1": "|-\n   c",
			},
		},
		{
			name: "block collections",
			text: "list:\n  - a\n  - b: 1\n    c: [x]\nmap:\n  inner:\n    deep: v\nseq:\n- 1\n- 2\n",
			want: map[string]string{
				"/list":               "- a\n  - b: 1\n    c: [x]",
				"/list/0":             "a",
				"/list/1":             "b: 1\n    c: [x]",
				"/list/1/c":           "[x]",
				"/map":                "inner:\n    deep: v",
				"/map/inner":          "deep: v",
				"/map/inner/deep@key": "deep",
				"/seq":                "- 1\n- 2",
			},
		},
		{
			name: "flow collections",
			text: "f: {a: 1, b: [x, \"y\", {c: d}], e: {}, g: [ ] }\nh: [a: b, c, ]\ni: {p, q: , r: 'z'}\n",
			want: map[string]string{
				"/f":       "{a: 1, b: [x, \"y\", {c: d}], e: {}, g: [ ] }",
				"/f/b":     "[x, \"y\", {c: d}]",
				"/f/b/1":   `"y"`,
				"/f/b/2":   "{c: d}",
				"/f/e":     "{}",
				"/f/g":     "[ ]",
				"/h":       "[a: b, c, ]",
				"/h/0":     "a: b",
				"/h/1":     "c",
				"/i":       "{p, q: , r: 'z'}",
				"/i/p@key": "p",
				"/i/r":     "'z'",
			},
		},
		{
			name: "flow collections over several lines with comments",
			text: "f: [a, # first\n   b,\n   # between\n   c\n]\n",
			want: map[string]string{
				"/f":   "[a, # first\n   b,\n   # between\n   c\n]",
				"/f/2": "c",
			},
		},
		{
			name: "empty values sit just after their indicator",
			text: "a:\nb:   # nothing\nc:\n- \n-\n- x\n",
			want: map[string]string{
				"/a": "",
				"/b": "",
				"/c": "- \n-\n- x",
			},
		},
		{
			name: "tags and anchors are part of the value",
			text: "s: !!str 123\na: &anchor value\nt: !custom text\nm: &m\n  k: v\nq: !!str\n",
			want: map[string]string{
				"/s":   "!!str 123",
				"/a":   "&anchor value",
				"/t":   "!custom text",
				"/m":   "&m\n  k: v",
				"/m/k": "v",
				"/q":   "!!str",
			},
		},
		{
			name: "a value of only properties ends before the next key's",
			text: "a: !t\n&k b: 1\nc: &x\n!u d: 2\ne: &y !v\nf: ! \n",
			want: map[string]string{
				"/a":     "!t",
				"/b@key": "&k b",
				"/c":     "&x",
				"/d@key": "!u d",
				"/e":     "&y !v",
				"/f":     "!",
			},
		},
		{
			name: "non-ASCII text on the lines",
			text: "titre: Mali – “rouge”\n“clé”: [é, “x”, 😀]\nliste:\n  - ü: ß\n    n: 1\nbloc: |\n  première – ligne\n  “deux”\nfin: é\n",
			want: map[string]string{
				"/titre":     "Mali – “rouge”",
				"/“clé”@key": "“clé”",
				"/“clé”":     "[é, “x”, 😀]",
				"/“clé”/1":   "“x”",
				"/“clé”/2":   "😀",
				"/liste/0":   "ü: ß\n    n: 1",
				"/liste/0/ü": "ß",
				"/liste/0/n": "1",
				"/bloc":      "|\n  première – ligne\n  “deux”",
				"/fin":       "é",
				"/fin@key":   "fin",
			},
		},
		{
			name: "tabs and unusual line breaks",
			text: "a:\tx\t# c\nb: y\u2028c: z\u0085d: \"q\"\r\ne: w\rf: \ufeffv\n",
			want: map[string]string{
				"/a": "x",
				"/b": "y",
				"/c": "z",
				"/d": `"q"`,
				"/e": "w",
				"/f": "\ufeffv",
			},
		},
		{
			name: "explicit keys and document markers",
			text: "%YAML 1.1\n---\n? complex key\n: value\nn: 1\n...\n",
			want: map[string]string{
				"/complex key@key": "complex key",
				"/complex key":     "value",
				"/n":               "1",
			},
		},
		{
			name: "a leading byte order mark is not a character of the first line",
			text: "\ufeffa: [b, é]\nc: d\n",
			want: map[string]string{
				"/a@key": "a",
				"/a":     "[b, é]",
				"/c":     "d",
			},
		},
		{
			name: "a document that is one scalar",
			text: "--- just text\n",
			want: map[string]string{"": "just text"},
		},
		{
			name: "non-string keys are kept as written",
			text: "1: a\ntrue: b\nnull: c\n~: d\n0x1F: e\n",
			want: map[string]string{
				"/1@key":    "1",
				"/true":     "b",
				"/null@key": "null",
				"/~0":       "d",
				"/0x1F":     "e",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := mustYAML(t, tt.text)
			checkSpans(t, tt.text, n, tt.want)
		})
	}
}

func TestFromYAMLEmptyDocuments(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "---\n", "--- # c\n...\n", "\n\n"} {
		n := mustYAML(t, text)
		if n.Kind != document.NodeNull || n.Span != (document.Span{}) {
			t.Errorf("%q: got %+v, want a null node at 0", text, n)
		}
	}
}

func TestFromYAMLValues(t *testing.T) {
	text := "s: plain\nq: \"a\\tb\"\ni: 42\nh: 0x1F\nf: 1.50\nt: True\nno: false\nn: null\ne:\nd: 2024-11-29\nts: 2024-11-29T10:00:00Z\nyes: yes\nqs: \"12\"\ntagged: !!str 12\nti: !!int \"12\"\ntf: !!float 1\nbin: !!binary aGk=\ncustom: !thing 7\nfold: >\n  a\n  b\n"
	n := mustYAML(t, text)
	tests := []struct {
		key    string
		kind   document.NodeKind
		scalar string
	}{
		{"s", document.NodeString, "plain"},
		{"q", document.NodeString, "a\tb"},
		{"i", document.NodeNumber, "42"},
		{"h", document.NodeNumber, "0x1F"},
		{"f", document.NodeNumber, "1.50"},
		{"t", document.NodeBool, "true"},
		{"no", document.NodeBool, "false"},
		{"n", document.NodeNull, ""},
		{"e", document.NodeNull, ""},
		{"d", document.NodeString, "2024-11-29"},
		{"ts", document.NodeString, "2024-11-29T10:00:00Z"},
		{"yes", document.NodeString, "yes"},
		{"qs", document.NodeString, "12"},
		{"tagged", document.NodeString, "12"},
		{"ti", document.NodeNumber, "12"},
		{"tf", document.NodeNumber, "1"},
		{"bin", document.NodeString, "aGk="},
		{"custom", document.NodeString, "7"},
		{"fold", document.NodeString, "a b\n"},
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
}

func TestFromYAMLAliases(t *testing.T) {
	text := "base: &b\n  level: HIGH\nlist: [&x 1, *x]\nfirst: *b\nsecond: *b\n*x : key from an alias\n"
	n := mustYAML(t, text)
	if n.Get("first") != n.Get("base") || n.Get("second") != n.Get("base") {
		t.Error("aliases do not share the anchored node")
	}
	if got := n.Get("first").Get("level").Scalar; got != "HIGH" {
		t.Errorf("first.level = %q", got)
	}
	list := n.Get("list")
	if list.Items[0] != list.Items[1] {
		t.Error("alias in a list does not share its node")
	}
	// The map's span ends at the last alias token, not at the shared node.
	if !strings.HasSuffix(text[n.Span.Start:n.Span.End], "*x : key from an alias") {
		t.Errorf("root span %q", text[n.Span.Start:n.Span.End])
	}
	f := n.Field("1")
	if f == nil || text[f.KeySpan.Start:f.KeySpan.End] != "*x" {
		t.Errorf("alias key: %+v", f)
	}
	// Walk expands the shared node at every place it appears.
	var pointers []string
	Walk(n, func(p string, _ *document.Node) { pointers = append(pointers, p) })
	if got := strings.Join(pointers, " "); !strings.Contains(got, "/first/level") || !strings.Contains(got, "/second/level") {
		t.Errorf("Walk pointers: %s", got)
	}
}

func TestFromYAMLMergeKeys(t *testing.T) {
	text := "defaults: &d\n  level: LOW\n  region: all\nother: &o\n  region: north\n  extra: 1\nrating:\n  category: crime\n  <<: [*d, *o]\n  level: HIGH\ninline:\n  <<: {a: 1}\n  b: 2\n"
	n := mustYAML(t, text)
	rating := n.Get("rating")
	if got := strings.Join(fieldKeys(rating), ","); got != "category,region,extra,level" {
		t.Errorf("merged keys in order: %s", got)
	}
	if got := rating.Get("level").Scalar; got != "HIGH" {
		t.Errorf("level = %q, want the key written in the map to win", got)
	}
	if got := rating.Get("region").Scalar; got != "all" {
		t.Errorf("region = %q, want the first merged map to win", got)
	}
	// A merged entry keeps the spans of where it is written.
	region := rating.Field("region")
	if text[region.KeySpan.Start:region.KeySpan.End] != "region" || region.KeySpan.Start > strings.Index(text, "other") {
		t.Errorf("merged key span %+v", region.KeySpan)
	}
	if got := strings.Join(fieldKeys(n.Get("inline")), ","); got != "a,b" {
		t.Errorf("inline merge: %s", got)
	}
}

func TestFromYAMLErrors(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		offset int
		msg    string
	}{
		{"mapping value in a plain scalar", "a: 1\nb: 2\nc: d: e\n", 14, "mapping values are not allowed in this context"},
		{"unclosed double quote", "a: 1\nb: \"unterminated\nc: 3\n", 8, "found unexpected end of stream"},
		{"unclosed single quote", "a: 1\nkey: 'abc\n", 10, "found unexpected end of stream"},
		{"tab as indentation", "a: 1\n\tb: 2\n", 5, "found a tab character that violates indentation"},
		{"key without a colon", "a: 1\nb: 2\nc\nd: 4\n", 10, "could not find expected ':'"},
		// yaml.v3 says "line 1" for the next two: its parser counts lines from 0.
		{"map after a list", "- a\nb: c\n", 5, "did not find expected '-' indicator"},
		{"map entry inside a list", "a:\n  - b\n  c: d\n", 12, "did not find expected '-' indicator"},
		// The offset is the character that makes the text fail: the
		// colon of a value where none may be, an opening quote never
		// closed, the first item of a list never closed.
		{"unclosed flow sequence", "a: [1, 2\nb: 3\n", 4, "did not find expected ',' or ']'"},
		{"bad indentation", "a: 1\n  b: 2\n", 8, "mapping values are not allowed in this context"},
		{"reserved indicator", "a: b\nc: @x\n", 8, "found character that cannot start any token"},
		// yaml.v3 gives no line for these.
		{"unknown anchor", "a: 1\nb: [x, *nope]\n", 12, "alias *nope refers to an anchor &nope that is not defined before it"},
		{"control character", "a: b\n\x01\n", 5, "control character U+0001 is not allowed in YAML"},
		{"NUL", "a: \x00", 3, "control character U+0000 is not allowed in YAML"},
		{"C1 control character", "a: \u0090", 3, "character U+0090 is not allowed in YAML"},
		{"invalid UTF-8", "a: é\xff\n", 5, "the text is not valid UTF-8 (byte 0xFF)"},
		{"second document", "a: 1\n---\nb: 2\n", 5, "a second YAML document starts here; a report must be a single document"},
		{"second empty document", "a: 1\n--- \n", 5, "a second YAML document starts here; a report must be a single document"},
		{"duplicate key", "title: a\ntitle: b\n", 9, `duplicate key "title"`},
		{"duplicate key quoted and plain", "a: 1\n\"a\": 2\n", 5, `duplicate key "a"`},
		{"duplicate number key", "1: x\n'1': y\n", 5, `duplicate key "1"`},
		{"duplicate key in a flow map", "m: {x: 1, y: 2, x: 3}\n", 16, `duplicate key "x"`},
		{"duplicate key in a large map", "a: 1\nb: 1\nc: 1\nd: 1\ne: 1\nf: 1\ng: 1\nh: 1\ni: 1\nc: 2\n", 45, `duplicate key "c"`},
		{"duplicate key nested", "a:\n  b: 1\n  b: 2\n", 12, `duplicate key "b"`},
		{"duplicate merge key", "x: &x {a: 1}\ny:\n  <<: *x\n  <<: *x\n", 27, `duplicate key "<<"`},
		{"list as a key", "? [a, b]\n: c\n", 2, "a map key must be a single value, not a list"},
		{"map as a key", "? {a: b}\n: c\n", 2, "a map key must be a single value, not a map"},
		{"alias to a map as a key", "x: &m {a: b}\n*m : c\n", 13, "a map key must be a single value; alias *m stands for a map or a list"},
		{"infinity", "x: .inf\n", 3, ".inf is not a number JSON can represent; put it in quotes if it is meant as text"},
		{"not a number", "x: .NaN\n", 3, ".NaN is not a number JSON can represent; put it in quotes if it is meant as text"},
		{"tagged non-number", "x: !!int abc\n", 3, `"abc" is tagged !!int but is not a number JSON can represent`},
		{"tagged non-boolean", "x: !!bool yes\n", 3, `"yes" is tagged !!bool but is neither true nor false`},
		{"merge of a scalar", "a:\n  <<: 1\n", 9, "the value of a merge key (<<) must be a map or a list of maps"},
		{"merge of a list with a scalar", "a: &a {x: 1}\nb:\n  <<: [*a, 2]\n", 27, "the value of a merge key (<<) must be a map or a list of maps"},
		{"alias inside its own anchor", "a: &a [1, *a]\n", 10, "alias *a refers to a value that contains the alias itself"},
		{"too deep in flow style", strings.Repeat("[", 1001) + strings.Repeat("]", 1001), 1000, "nesting is deeper than 1000 levels"},
		{"too deep in block style", strings.Repeat("- ", 1001) + "x\n", 2000, "nesting is deeper than 1000 levels"},
		{"too deep for yaml.v3", strings.Repeat("[", 200_000), 10000, "nesting is deeper than 1000 levels"},
		{
			"too deep once an alias is expanded",
			"a: &a " + strings.Repeat("[", 600) + strings.Repeat("]", 600) + "\nb: " + strings.Repeat("[", 500) + "*a" + strings.Repeat("]", 500) + "\n",
			len("a: &a \n") + 1200 + len("b: ") + 500, "nesting is deeper than 1000 levels once alias *a is expanded",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := FromYAML(tt.text)
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
			if strings.Contains(se.Msg, "yaml:") || strings.HasPrefix(se.Msg, "line ") {
				t.Errorf("message keeps yaml.v3's prefix: %q", se.Msg)
			}
		})
	}
}

// TestFromYAMLAliasBomb: "billion laughs" must fail fast, before anything
// expands the shared nodes.
func TestFromYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i < 9; i++ {
		prev := string(rune('a' + i - 1))
		fmt.Fprintf(&b, "%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", 'a'+i, 'a'+i, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	start := time.Now()
	_, err := FromYAML(b.String())
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
	var se *SyntaxError
	if !errors.As(err, &se) || !strings.HasPrefix(se.Msg, "too many aliases") {
		t.Fatalf("got %v", err)
	}
	line := strings.Count(b.String()[:se.Offset], "\n") + 1
	if line < 2 || line > 9 {
		t.Errorf("error on line %d", line)
	}

	// Aliases that repeat a modest amount are fine.
	if _, err := FromYAML("a: &a [1, 2, 3]\nb: [*a, *a, *a, *a]\n"); err != nil {
		t.Error(err)
	}
}

func TestYAMLErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		line int
		msg  string
	}{
		{errors.New("yaml: line 3: mapping values are not allowed in this context"), 3, "mapping values are not allowed in this context"},
		{errors.New("yaml: control characters are not allowed"), 0, "control characters are not allowed"},
		{&parserPanic{value: "internal error: unexpected tail comment event (please report)"}, 0, "internal error: internal error: unexpected tail comment event (please report)"},
	}
	for _, tt := range tests {
		line, msg := splitYAMLError(tt.err)
		if line != tt.line || msg != tt.msg {
			t.Errorf("splitYAMLError(%v) = %d, %q; want %d, %q", tt.err, line, msg, tt.line, tt.msg)
		}
	}
	for in, want := range map[string]string{
		"unknown anchor 'x' referenced":                     "alias *x refers to an anchor &x that is not defined before it",
		"exceeded max depth of 10000":                       "nesting is deeper than 1000 levels",
		"internal error: runtime error: index out of range": "the YAML parser failed on this text (an internal error in the parser)",
		"did not find expected key":                         "did not find expected key",
	} {
		if got := describeYAMLProblem(in); got != want {
			t.Errorf("describeYAMLProblem(%q) = %q, want %q", in, got, want)
		}
	}
}
