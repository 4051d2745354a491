package schema

import (
	"io/fs"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/schemas"
)

// commonDefs is the $defs of the embedded common.schema.json, decoded.
func commonDefs(t testing.TB) map[string]any {
	data, err := fs.ReadFile(schemas.FS, "common.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := decodeSchema("common.schema.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return doc.(map[string]any)["$defs"].(map[string]any)
}

// contactValid's patterns are the schema's: a change to either there must
// be made here too.
func TestContactPatternsAreTheSchemas(t *testing.T) {
	defs := commonDefs(t)
	for name, want := range map[string]string{"phone": phonePattern, "localNumber": localNumberPattern} {
		if got := defs[name].(map[string]any)["pattern"]; got != want {
			t.Errorf("%s's pattern is %q in the schema, %q in contactValid", name, got, want)
		}
	}
}

// FuzzContactValid holds contactValid to common.schema.json's contact as
// jsonschema compiles it: a contact it calls valid is valid, and for every
// kind but email (left to the validator) it says exactly which are.
func FuzzContactValid(f *testing.F) {
	c := newCompiler(localLoader{})
	data, err := fs.ReadFile(schemas.FS, "common.schema.json")
	if err != nil {
		f.Fatal(err)
	}
	doc, err := decodeSchema("common.schema.json", data)
	if err != nil {
		f.Fatal(err)
	}
	if err := c.AddResource(embeddedBase+"common.schema.json", doc); err != nil {
		f.Fatal(err)
	}
	sch, err := c.Compile(embeddedBase + "common.schema.json#/$defs/contact")
	if err != nil {
		f.Fatal(err)
	}
	if sch.Validate(validContact) != nil {
		f.Fatal("validContact is not valid")
	}
	for _, seed := range []struct{ kind, value string }{
		{"phone", "+1 (202) 501-4444"}, {"phone", "911"}, {"fax", "+(246) 431-0179"}, {"phone", "020 7008 5000"},
		{"phone", "call us"}, {"emergency", "112"}, {"email", "a@b.org"}, {"address", " "}, {"hours", ""},
		{"website", "x"}, {"other", "x"}, {"phone", "+267\u2013373 2222"}, {"fax", "1 2"}, {"phone", "\xff"},
	} {
		f.Add(seed.kind, seed.value)
	}
	f.Fuzz(func(t *testing.T, kind, value string) {
		got := contactValid(document.ContactKind(kind), value)
		err := sch.Validate(map[string]any{"kind": kindValue(document.ContactKind(kind)), "value": value})
		if got && err != nil {
			t.Fatalf("contactValid(%q, %q) = true, but the schema says %v", kind, value, err)
		}
		if kind != string(document.ContactEmail) && !got && err == nil {
			t.Fatalf("contactValid(%q, %q) = false, but the schema finds it valid", kind, value)
		}
	})
}
