package jsonschema

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzCollectSubschemas holds Draft.collectSubschemas (reportlint's
// change) to the loop over every subschema path it replaces, for each
// draft, on any JSON object.
func FuzzCollectSubschemas(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"properties": {"a": {"type": "string"}, "b": true}, "items": [{}, {"not": {}}], "$defs": {"x": {}}}`,
		`{"items": {"type": "array"}, "prefixItems": [1, {}], "dependentSchemas": {"a": {}}, "definitions": {"d": {}}}`,
		`{"allOf": [{}, 2], "anyOf": {}, "oneOf": [], "if": {}, "then": {}, "else": {}, "contains": {}, "unevaluatedItems": {}}`,
		`{"dependencies": {"a": ["b"], "c": {}}, "additionalItems": false, "patternProperties": {"^a": {}}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var obj map[string]any
		if json.Unmarshal([]byte(s), &obj) != nil || obj == nil {
			return
		}
		for _, d := range []*Draft{Draft4, Draft6, Draft7, Draft2019, Draft2020} {
			want := map[jsonPointer]any{}
			for _, sp := range d.subschemas {
				sp.collect(obj, "/p", func(k jsonPointer, v any) { want[k] = v })
			}
			got := map[jsonPointer]any{}
			d.collectSubschemas(obj, "/p", func(k jsonPointer, v any) { got[k] = v })
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("draft %d, %s: collected %v, want %v", d.version, s, got, want)
			}
		}
	})
}
