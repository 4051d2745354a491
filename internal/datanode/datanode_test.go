package datanode

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

func TestToAny(t *testing.T) {
	tests := []struct {
		name string
		from func(string) (*document.Node, error)
		text string
		want any
	}{
		{
			name: "JSON",
			from: FromJSON,
			text: `{"a": [1, "x", true, false, null, {"b": 1.50, "c": -0, "d": 1E+2}], "e": {}, "f": []}`,
			want: map[string]any{
				"a": []any{json.Number("1"), "x", true, false, nil, map[string]any{
					"b": json.Number("1.50"), "c": json.Number("-0"), "d": json.Number("1E+2"),
				}},
				"e": map[string]any{},
				"f": []any{},
			},
		},
		{
			name: "JSON scalar",
			from: FromJSON,
			text: `"x"`,
			want: "x",
		},
		{
			name: "YAML",
			from: FromYAML,
			text: "s: text\nd: 2024-11-29\nb: True\nn: ~\ne:\nl: [1, 2.5, \"3\"]\nm: {k: v}\n1: numeric key\n",
			want: map[string]any{
				"s": "text", "d": "2024-11-29", "b": true, "n": nil, "e": nil,
				"l": []any{json.Number("1"), json.Number("2.5"), "3"},
				"m": map[string]any{"k": "v"},
				"1": "numeric key",
			},
		},
		{
			name: "YAML numbers become JSON numbers",
			from: FromYAML,
			text: "hex: 0x1F\noct: 0o17\nold: 017\nbin: 0b101\nplus: +1\npoint: .5\nneg: -.5\ntrail: 1.\nunder: 1_000\nzero: 08\nbig: 123456789012345678901234567890\nexp: 1e3\n",
			want: map[string]any{
				"hex": json.Number("31"), "oct": json.Number("15"), "old": json.Number("15"),
				"bin": json.Number("5"), "plus": json.Number("1"), "point": json.Number("0.5"),
				"neg": json.Number("-0.5"), "trail": json.Number("1"), "under": json.Number("1000"),
				"zero": json.Number("8"), "big": json.Number("123456789012345678901234567890"),
				"exp": json.Number("1e3"),
			},
		},
		{
			name: "YAML empty document",
			from: FromYAML,
			text: "",
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := tt.from(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if got := ToAny(n); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
	if ToAny(nil) != nil {
		t.Error("ToAny(nil) is not nil")
	}
}

// TestToAnyMatchesEncodingJSON: for JSON, ToAny must agree with the
// standard decoder using UseNumber.
func TestToAnyMatchesEncodingJSON(t *testing.T) {
	text := `{"a": [1, -2.5e-3, "\u00e9\n", {"b": null, "c": [true, false, {}]}], "d": "x"}`
	n, err := FromJSON(text)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var want any
	if err := dec.Decode(&want); err != nil {
		t.Fatal(err)
	}
	if got := ToAny(n); !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
}

func TestWalkPointers(t *testing.T) {
	tests := []struct {
		name string
		from func(string) (*document.Node, error)
		text string
		want []string
	}{
		{
			name: "JSON with keys to escape",
			from: FromJSON,
			text: `{"ratings": [{"level": "HIGH"}], "a/b": {"c~d": [1, {"": 2}]}, "~1": 0}`,
			want: []string{"", "/ratings", "/ratings/0", "/ratings/0/level", "/a~1b", "/a~1b/c~0d", "/a~1b/c~0d/0", "/a~1b/c~0d/1", "/a~1b/c~0d/1/", "/~01"},
		},
		{
			name: "YAML",
			from: FromYAML,
			text: "ratings:\n  - level: HIGH\n    where: [a, b]\nx/y~z: 1\n",
			want: []string{"", "/ratings", "/ratings/0", "/ratings/0/level", "/ratings/0/where", "/ratings/0/where/0", "/ratings/0/where/1", "/x~1y~0z"},
		},
		{
			name: "scalar root",
			from: FromJSON,
			text: `3`,
			want: []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := tt.from(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			Walk(n, func(p string, _ *document.Node) { got = append(got, p) })
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	Walk(nil, func(string, *document.Node) { t.Error("Walk(nil) called fn") })
}

func TestJSONNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"0", "0", true},
		{"-1.50e+3", "-1.50e+3", true},
		{"0x1F", "31", true},
		{"-0x1F", "-31", true},
		{"0o17", "15", true},
		{"017", "15", true},
		{"0b101", "5", true},
		{"+12", "12", true},
		{"1_000_000", "1000000", true},
		{".5", "0.5", true},
		{"-.5e3", "-0.5e3", true},
		{"1.", "1", true},
		{"1.e3", "1e3", true},
		{"08", "8", true},
		{"09.5", "9.5", true},
		{".inf", "", false},
		{"-.Inf", "", false},
		{".nan", "", false},
		{"inf", "", false},
		{"NaN", "", false},
		{"0x1p3", "", false},
		{".", "", false},
		{"e5", "", false},
		{"", "", false},
		{"abc", "", false},
	}
	for _, tt := range tests {
		got, ok := jsonNumber(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("jsonNumber(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSyntaxErrorString(t *testing.T) {
	err := &SyntaxError{Offset: 7, Msg: `duplicate key "a"`}
	if got := err.Error(); got != `byte 7: duplicate key "a"` {
		t.Errorf("got %q", got)
	}
}
