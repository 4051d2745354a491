package jsonschema

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strings"
	"sync"
	"testing"
)

// reuseSchema has subschemas at several depths, reached through
// properties, items, $ref, oneOf, anyOf, if/then, not and unevaluatedProperties,
// so that validating an instance lends and takes back many validators.
const reuseSchema = `{
	"$schema": "https://json-schema.org/draft/2020-12/schema",
	"$defs": {"level": {"type": "integer", "minimum": 1, "maximum": 4}},
	"type": "object",
	"required": ["title", "sections"],
	"properties": {
		"title": {"type": "string", "minLength": 3},
		"level": {"$ref": "#/$defs/level"},
		"sections": {"type": "array", "items": {
			"type": "object",
			"required": ["title"],
			"properties": {
				"title": {"type": "string", "pattern": "^[A-Z]"},
				"level": {"$ref": "#/$defs/level"},
				"sections": {"$ref": "#/properties/sections"}
			},
			"unevaluatedProperties": false
		}},
		"contact": {"oneOf": [
			{"type": "object", "properties": {"kind": {"const": "phone"}, "value": {"pattern": "^\\+?[0-9 ]+$"}}, "required": ["kind"]},
			{"type": "object", "properties": {"kind": {"const": "email"}, "value": {"pattern": "@"}}, "required": ["kind"]}
		]},
		"tags": {"anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "string"}]}
	},
	"if": {"properties": {"level": {"const": 4}}, "required": ["level"]},
	"then": {"required": ["contact"]},
	"not": {"anyOf": [{"required": ["forbidden"]}, {"properties": {"tags": {"not": {"type": "array"}, "$ref": "#/$defs/level"}}, "required": ["tags"]}]}
}`

// reuseCases are instances with no error, one, and several at different
// depths; want is each one's detailed output (keyword and instance
// locations of every error), as the validator gave it before its child
// validators were lent from a free list.
var reuseCases = []struct{ instance, want string }{
	{`{"title": "Mali", "sections": [{"title": "Crime", "sections": [{"title": "Kidnapping", "level": 3}]}], "contact": {"kind": "phone", "value": "+223 20 70 23 00"}, "tags": ["a"]}`, ``},
	{`{"title": "Mali", "level": 4, "sections": [{"title": "crime", "extra": 1, "sections": [{"title": "Ok"}, {"level": 9}]}], "contact": {"kind": "fax"}, "tags": 3}`, "0   \n1   : 'not' failed\n1 /properties/contact/oneOf  /contact\n1 /properties/sections/items  /sections/0\n1 /properties/tags/anyOf  /tags\n2 /properties/contact/oneOf/0/properties/kind/const  /contact/kind: value must be 'phone'\n2 /properties/contact/oneOf/1/properties/kind/const  /contact/kind: value must be 'email'\n2 /properties/sections/items/properties/sections/$ref https://reportlint.test/reuse.json#/properties/sections /sections/0/sections\n2 /properties/sections/items/properties/title/pattern  /sections/0/title: 'crime' does not match pattern '^[A-Z]'\n2 /properties/sections/items/unevaluatedProperties  /sections/0/extra: false schema\n2 /properties/tags/anyOf/0/type  /tags: got number, want array\n2 /properties/tags/anyOf/1/type  /tags: got number, want string\n3 /properties/sections/items/properties/sections/$ref/items/properties/level/$ref/maximum https://reportlint.test/reuse.json#/$defs/level/maximum /sections/0/sections/1/level: maximum: got 9, want 4\n3 /properties/sections/items/properties/sections/$ref/items/required https://reportlint.test/reuse.json#/properties/sections/items/required /sections/0/sections/1: missing property 'title'"},
	{`{"title": "M", "sections": "none"}`, "0   \n1 /properties/sections/type  /sections: got string, want array\n1 /properties/title/minLength  /title: minLength: got 1, want 3"},
	{`{"title": "Mali", "sections": [], "forbidden": 1, "tags": 2}`, "0   \n1   : 'not' failed\n1 /properties/tags/anyOf  /tags\n2 /properties/tags/anyOf/0/type  /tags: got number, want array\n2 /properties/tags/anyOf/1/type  /tags: got number, want string"},
	{`{"title": "Mali", "sections": [], "tags": 5}`, "0   \n1 /properties/tags/anyOf  /tags\n2 /properties/tags/anyOf/0/type  /tags: got number, want array\n2 /properties/tags/anyOf/1/type  /tags: got number, want string"},
	{`{"title": "Mali", "sections": [], "level": 2}`, ``}, // "if" fails on const, so no "then"
	{`[1, 2]`, "0   \n1 /type  : got array, want object"},
}

func reuseOutput(t *testing.T, sch *Schema, instance string) string {
	v, err := UnmarshalJSON(strings.NewReader(instance))
	if err != nil {
		t.Fatal(err)
	}
	verr := sch.Validate(v)
	if verr == nil {
		return ""
	}
	// Sorted lines, one per unit with its depth: properties are validated
	// in map order, so the order of sibling errors varies.
	var lines []string
	var walk func(u OutputUnit, depth int)
	walk = func(u OutputUnit, depth int) {
		line := fmt.Sprintf("%d %s %s %s", depth, u.KeywordLocation, u.AbsoluteKeywordLocation, u.InstanceLocation)
		if u.Error != nil {
			line += ": " + u.Error.String()
		}
		lines = append(lines, line)
		for _, c := range u.Errors {
			walk(c, depth+1)
		}
	}
	walk(*verr.(*ValidationError).DetailedOutput(), 0)
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func compileReuse(t *testing.T) *Schema {
	doc, err := UnmarshalJSON(strings.NewReader(reuseSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := NewCompiler()
	if err := c.AddResource("https://reportlint.test/reuse.json", doc); err != nil {
		t.Fatal(err)
	}
	return c.MustCompile("https://reportlint.test/reuse.json")
}

// TestValidatorsReused: validation errors are the same whichever
// validations came before, in turn or at the same time, as validators are
// lent again once returned (reportlint's ninth change).
func TestValidatorsReused(t *testing.T) {
	sch := compileReuse(t)
	for round := 0; round < 3; round++ {
		for i, c := range reuseCases {
			if got := reuseOutput(t, sch, c.instance); got != c.want {
				t.Errorf("round %d, case %d:\n got %s\nwant %s", round, i, got, c.want)
			}
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for n := 0; n < 50; n++ {
				c := reuseCases[(g+n)%len(reuseCases)]
				if got := reuseOutput(t, sch, c.instance); got != c.want {
					t.Errorf("concurrent: got %s, want %s", got, c.want)
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

// FuzzIntLimits holds intCmp and intMultiple (reportlint's eleventh
// change) to what numValidate computed before: the int read into a
// big.Rat from its decimal form, compared with or divided by the limit.
func FuzzIntLimits(f *testing.F) {
	f.Add(int64(3), int64(4), int64(1))
	f.Add(int64(-9), int64(3), int64(1))
	f.Add(int64(7), int64(1), int64(2))
	f.Add(int64(math.MinInt64), int64(-1), int64(1))
	f.Add(int64(5), int64(0), int64(1))
	f.Fuzz(func(t *testing.T, i, num, den int64) {
		if den == 0 {
			return
		}
		r := big.NewRat(num, den)
		old, _ := new(big.Rat).SetString(fmt.Sprintf("%v", int(i)))
		if c, ok := intCmp(i, r); ok && c != old.Cmp(r) {
			t.Errorf("intCmp(%d, %v) = %d, want %d", i, r, c, old.Cmp(r))
		} else if !ok && r.IsInt() && r.Num().IsInt64() {
			t.Errorf("intCmp(%d, %v) not ok for an int64 limit", i, r)
		}
		if m, ok := intMultiple(i, r); ok {
			if want := new(big.Rat).Quo(old, r).IsInt(); m != want {
				t.Errorf("intMultiple(%d, %v) = %v, want %v", i, r, m, want)
			}
		} else if r.Sign() != 0 && r.IsInt() {
			t.Errorf("intMultiple(%d, %v) not ok for a non-zero int64 limit", i, r)
		}
	})
}

// TestIsIntegerGoIntegers holds isInteger's answer for Go integers
// (reportlint's twelfth change) to the old computation: the value printed
// and read back into a big.Rat.
func TestIsIntegerGoIntegers(t *testing.T) {
	old := func(v any) bool {
		r, ok := new(big.Rat).SetString(fmt.Sprint(v))
		return ok && r.IsInt()
	}
	for _, v := range []any{
		0, -1, math.MaxInt, math.MinInt, int8(-128), int16(7), int32(math.MinInt32), int64(math.MinInt64),
		uint(0), uint8(255), uint16(9), uint32(math.MaxUint32), uint64(math.MaxUint64),
		2.0, 2.5, json.Number("3"), json.Number("3.5"), json.Number("1e400"),
	} {
		if got, want := isInteger(v), old(v); got != want {
			t.Errorf("isInteger(%T %v) = %v, want %v", v, v, got, want)
		}
	}
}
