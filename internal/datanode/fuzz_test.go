package datanode

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/watchdog"
)

var jsonSeeds = []string{
	`{"title": "Mali", "ratings": [{"category": "crime", "level": "HIGH"}], "n": -1.5e3, "ok": true, "none": null}`,
	`[1, 2, [3, {"a": "\u00e9\ud83d\ude00"}]]`,
	`{"a": 1, "a": 2}`,
	`{"a": 1,}`,
	`[01, .5, 1e, NaN]`,
	"\"a\nb\"",
	`"\x"`,
	strings.Repeat("[", 1001),
	`{"é": "“x” – y"}`,
	"",
}

var yamlSeeds = []string{
	"title: Mali\npublished: 2024-11-29\nratings:\n  - category: crime\n    level: HIGH\n",
	"a: |\n  line\n    more\nb: >-\n  folded\n  text\nc: \"q\\\"x\"\nd: 'it''s'\n",
	"f: {a: 1, b: [x, y, ]}\ng: [a: b, c]\nh:\n- \n-\n",
	"base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\nagain: *b\n",
	"a: &a [1, *a]\n",
	"a: 1\n---\nb: 2\n",
	"é: [x, “y”, 😀]\n“k”: v – w\n",
	"a: b: c\n",
	"? [a]\n: b\n",
	"x: !!int abc\ny: .inf\n",
	"a: &a [lol, lol]\nb: &b [*a, *a]\nc: &c [*b, *b]\n",
	"%YAML 1.1\n---\n? k\n: v\n...\n",
	"a:\tx # c\nb: y\u2028c: z\u0085d: w\r\ne: v\n",
	strings.Repeat("- ", 50) + "x\n",
	"",
}

func FuzzFromJSON(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		defer watchdog.Start(text)()
		n, err := FromJSON(text)
		if err != nil {
			checkSyntaxError(t, text, err)
			// Only what RFC 8259 leaves open may be stricter here than
			// in encoding/json.
			if json.Valid([]byte(text)) {
				var se *SyntaxError
				errors.As(err, &se)
				if !strings.HasPrefix(se.Msg, "duplicate key") && !strings.HasPrefix(se.Msg, "nesting is deeper") && !strings.Contains(se.Msg, "not valid UTF-8") {
					t.Fatalf("encoding/json accepts %q but FromJSON says %v", text, err)
				}
			}
			return
		}
		checkTree(t, text, n, true)
		if !json.Valid([]byte(text)) {
			t.Fatalf("FromJSON accepts %q, which encoding/json rejects", text)
		}
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatal(err)
		}
		if got := ToAny(n); !reflect.DeepEqual(got, want) {
			t.Fatalf("ToAny = %#v, encoding/json = %#v", got, want)
		}
	})
}

func FuzzFromYAML(f *testing.F) {
	for _, s := range yamlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		defer watchdog.Start(text)()
		n, problems, err := fromYAML(text)
		if err != nil {
			checkSyntaxError(t, text, err)
			return
		}
		if len(problems) > 0 {
			t.Fatalf("spans approximated in %q: %v", text, problems)
		}
		// Aliases and merge keys share nodes written elsewhere, so only
		// trees without them must nest their spans.
		checkTree(t, text, n, !strings.ContainsAny(text, "*<"))
		visited := 0
		Walk(n, func(string, *document.Node) { visited++ })
		if visited > strings.Count(text, "")+maxAliasRepeats {
			t.Fatalf("walk visited %d values", visited)
		}
		_ = ToAny(n)
	})
}

func checkSyntaxError(t *testing.T, text string, err error) {
	t.Helper()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("%q: error %T %v is not a *SyntaxError", text, err, err)
	}
	if se.Offset < 0 || se.Offset > len(text) {
		t.Fatalf("%q: error offset %d outside the text", text, se.Offset)
	}
	if se.Msg == "" || strings.Contains(se.Msg, "yaml:") || strings.HasPrefix(se.Msg, "line ") || !utf8.ValidString(se.Msg) && utf8.ValidString(text) {
		t.Fatalf("%q: bad message %q", text, se.Msg)
	}
}

// checkTree checks that every span lies in the text and, when nested is
// set, that each value lies within its parent and after its key and its
// earlier siblings.
func checkTree(t *testing.T, text string, n *document.Node, nested bool) {
	t.Helper()
	valid := func(s document.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }
	var check func(n *document.Node, depth int)
	check = func(n *document.Node, depth int) {
		if depth > maxDepth {
			t.Fatalf("%q: nested deeper than %d", text, maxDepth)
		}
		if !valid(n.Span) {
			t.Fatalf("%q: span %+v outside the text", text, n.Span)
		}
		if nested && n.Kind != document.NodeList && n.Kind != document.NodeMap {
			checkTrimmed(t, text, n.Span, "scalar")
		}
		prev := n.Span.Start
		inside := func(s document.Span, what string) {
			if nested && (s.Start < prev || !n.Span.Contains(s)) {
				t.Fatalf("%q: %s span %+v (%q) not after %d within %+v", text, what, s, text[s.Start:s.End], prev, n.Span)
			}
			prev = s.End
		}
		for _, item := range n.Items {
			check(item, depth+1)
			inside(item.Span, "item")
		}
		for _, f := range n.Fields {
			if !valid(f.KeySpan) {
				t.Fatalf("%q: key span %+v outside the text", text, f.KeySpan)
			}
			inside(f.KeySpan, "key")
			if nested {
				checkTrimmed(t, text, f.KeySpan, "key")
			}
			check(f.Value, depth+1)
			inside(f.Value.Span, "value")
		}
	}
	check(n, 0)
}

// checkTrimmed fails if a scalar's span starts or ends with whitespace: it
// covers one token, which never does.
func checkTrimmed(t *testing.T, text string, s document.Span, what string) {
	t.Helper()
	if s.Start == s.End {
		return
	}
	isBlank := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	if isBlank(text[s.Start]) || isBlank(text[s.End-1]) {
		t.Fatalf("%q: %s span %+v (%q) has whitespace at an end", text, what, s, text[s.Start:s.End])
	}
}
