package ruledocs

import (
	"flag"
	"os"
	"testing"

	"github.com/reportlint/reportlint/internal/registry"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

// docs/rules.md is generated from the registry; this test fails when a rule
// changes and the document was not regenerated.
func TestRulesDocIsCurrent(t *testing.T) {
	reg, err := registry.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	got := Markdown(reg)
	const path = "../../docs/rules.md"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("docs/rules.md is out of date; run: go test ./internal/ruledocs -update")
	}
	for _, r := range reg.All() {
		if r.Doc == "" {
			t.Errorf("rule %s has no doc", r.ID)
		}
	}
}
