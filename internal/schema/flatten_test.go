package schema

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The flattened built-in schemas find exactly what the schemas as written
// find, at the same places, on every fixture and sample, and on reports
// whose sections nest deeper than the unrolled depth.
func TestFlattenedSchemasAgree(t *testing.T) {
	flat := validator(t, "")
	plain, err := newValidator("", false)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, pattern := range []string{"../../testdata/schema/*", "../../testdata/reports/*", "../../../shared/samples/*"} {
		found, _ := filepath.Glob(pattern)
		for _, p := range found {
			if !strings.HasSuffix(p, ".golden") {
				paths = append(paths, p)
			}
		}
	}
	// Sections nested six deep, the deepest with a blank title and an
	// unknown key, past the three levels flatten unrolls.
	deep := `{"title": "T", "country": "Chad", "published": "2024-01-02", "advisory": {"level": 2},
	  "ratings": [{"category": "crime", "location": "N", "level": "LOW"}],
	  "sections": [{"title": "1", "sections": [{"title": "2", "sections": [{"title": "3", "sections": [
	    {"title": "4", "sections": [{"title": "5", "sections": [{"title": " ", "extra": 1}]}]}]}]}]}]}`
	dir := t.TempDir()
	p := filepath.Join(dir, "deep.json")
	if err := os.WriteFile(p, []byte(deep), 0o644); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, p)
	findings := 0
	for _, p := range paths {
		got, want := check(t, flat, p), check(t, plain, p)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: flattened schema gives\n%s\nthe schema as written gives\n%s", p, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		findings += len(got)
	}
	if deepFindings := check(t, flat, p); len(deepFindings) != 2 {
		t.Errorf("deep.json: want the blank title and the unknown key, got %q", deepFindings)
	}
	if findings < 10 {
		t.Errorf("only %d findings over %d files: the comparison proves little", findings, len(paths))
	}
}

// A profile is folded into the schema it extends only when that cannot
// change a verdict.
func TestMergeAllOf(t *testing.T) {
	base := func() map[string]any {
		return map[string]any{"type": "object", "unevaluatedProperties": false,
			"required": []any{"title"}, "properties": map[string]any{"sections": map[string]any{"type": "array"}}}
	}
	merged := mergeAllOf(map[string]any{"allOf": []any{base()}, "required": []any{"title", "country"},
		"properties": map[string]any{"sections": map[string]any{"minItems": 1}}})
	if _, ok := merged["allOf"]; ok {
		t.Fatalf("not merged: %v", merged)
	}
	if !reflect.DeepEqual(merged["required"], []any{"title", "country"}) ||
		!reflect.DeepEqual(merged["properties"], map[string]any{"sections": map[string]any{"type": "array", "minItems": 1}}) {
		t.Errorf("merged wrongly: %v", merged)
	}
	for name, profile := range map[string]map[string]any{
		"a property the base does not declare": {"allOf": []any{base()}, "properties": map[string]any{"extra": map[string]any{}}},
		"the same keyword on both sides":       {"allOf": []any{base()}, "properties": map[string]any{"sections": map[string]any{"type": "string"}}},
		"another keyword beside allOf":         {"allOf": []any{base()}, "not": map[string]any{}},
		"two allOf entries":                    {"allOf": []any{base(), base()}},
	} {
		if _, ok := mergeAllOf(profile)["allOf"]; !ok {
			t.Errorf("%s: merged, which could change a verdict", name)
		}
	}
}
