package lint

import (
	"slices"
	"testing"
)

// TestRegistryAllSorted: the registry keeps its rules sorted as they are
// added, in any order, rather than sorting them at every check; the list
// it hands out is a copy.
func TestRegistryAllSorted(t *testing.T) {
	rule := func(id string) *Rule {
		return &Rule{ID: id, Summary: "s", Level: Warning, Run: func(*Pass) {}}
	}
	reg, err := NewRegistry(rule("style/b"), rule("quote-style"), rule("a"), rule("style/a"), rule("zz"), rule("b-c"))
	if err != nil {
		t.Fatal(err)
	}
	if err := reg.Add(rule("m")); err != nil {
		t.Fatal(err)
	}
	want := []string{"a", "b-c", "m", "quote-style", "style/a", "style/b", "zz"}
	if got := reg.IDs(); !slices.Equal(got, want) {
		t.Fatalf("IDs() = %q, want %q", got, want)
	}
	all := reg.All()
	all[0] = nil
	if reg.All()[0] == nil {
		t.Fatal("All() handed out the registry's own list")
	}
	if err := reg.Add(rule("m")); err == nil {
		t.Fatal("a rule added twice was accepted")
	}
}
