package schema

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

// A reused arena builds each report's slim instance exactly as a fresh one
// does, whatever it built before, and gives back nothing of the last
// report once reset.
func TestArenaReuse(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../../testdata/reports/*", "../../testdata/schema/*"} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	var reports []*document.Report
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		f, err := source.ReadFile(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Data == nil {
			reports = append(reports, r)
		}
	}
	if len(reports) < 2 {
		t.Fatalf("want at least two text or Markdown fixtures, have %d", len(reports))
	}
	shared := new(arena)
	// Each report after each other one, both ways round.
	for _, first := range reports {
		for _, second := range reports {
			slimValue(first, shared)
			shared.reset()
			got := asJSON(t, slimValue(second, shared))
			shared.reset()
			if want := asJSON(t, slimValue(second, new(arena))); got != want {
				t.Fatalf("%s after %s:\nreused: %s\nfresh:  %s", second.Path, first.Path, got, want)
			}
		}
	}
	slimValue(reports[0], shared)
	shared.reset()
	for i, m := range shared.objects {
		if len(m) != 0 {
			t.Errorf("object %d still holds %v after reset", i, m)
		}
	}
	for i, v := range shared.slots[:cap(shared.slots)] {
		if v != nil {
			t.Errorf("slot %d still holds %v after reset", i, v)
		}
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
