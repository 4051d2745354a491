package registry

import (
	"os"
	"path/filepath"
	"testing"
)

// Every built-in rule written in Go has documentation, examples and test
// data under internal/checks/**/testdata/<rule-id>/; pack rules are tested
// by the packs package against their own examples.
func TestEveryRuleIsDocumentedAndTested(t *testing.T) {
	reg, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dirs, _ := filepath.Glob("../checks/testdata")
	more, _ := filepath.Glob("../checks/*/testdata")
	dirs = append(dirs, more...)
	for _, r := range reg.All() {
		if r.Doc == "" || r.Summary == "" {
			t.Errorf("rule %s has no summary or doc", r.ID)
		}
		if r.Source != "" {
			continue // a pack rule
		}
		if r.Bad == "" || r.Good == "" {
			t.Errorf("rule %s has no bad and good example", r.ID)
		}
		found := false
		for _, d := range dirs {
			if entries, err := os.ReadDir(filepath.Join(d, r.ID)); err == nil && len(entries) > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("rule %s has no test data under internal/checks/**/testdata/%s", r.ID, r.ID)
		}
	}
}

// Shipped holds every rule that ships, and no house pack's rule.
func TestShipped(t *testing.T) {
	reg, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(Shipped()), len(reg.All()); got != want {
		t.Errorf("%d shipped ids for %d built-in rules", got, want)
	}
	for _, id := range []string{"schema", "style/in-order-to"} {
		if !Shipped()[id] {
			t.Errorf("%s is not shipped", id)
		}
	}
	if Shipped()["house/x"] {
		t.Errorf("a house rule counts as shipped")
	}
}
