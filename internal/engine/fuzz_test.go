package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/registry"
	"github.com/reportlint/reportlint/internal/schema"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/watchdog"
)

// FuzzLint runs every built-in rule and the schema on any input, as check
// does: no rule may panic (Lint turns a panic into an error naming the
// rule), and every finding lies inside the file, located, in order.
func FuzzLint(f *testing.F) {
	for _, pattern := range []string{"../../testdata/reports/*", "../../testdata/schema/*", "../checks/*/testdata/*/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if strings.HasSuffix(p, ".golden") {
				continue
			}
			if data, err := os.ReadFile(p); err == nil {
				f.Add(filepath.Ext(p), string(data))
			}
		}
	}
	reg, err := registry.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	v, err := schema.New("")
	if err != nil {
		f.Fatal(err)
	}
	opt := Options{Rules: reg, Validate: v.Validate}
	f.Fuzz(func(t *testing.T, ext, text string) {
		defer watchdog.Start(text)()
		switch ext {
		case ".txt", ".md", ".json", ".yaml":
		default:
			ext = ".txt"
		}
		src, err := source.New("f"+ext, []byte(text))
		if err != nil {
			return // refused before parsing
		}
		r, err := parse.Parse(src, parse.Options{})
		if err != nil {
			return
		}
		fs, err := Lint(src, r, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, fd := range fs {
			if fd.Span.Start < 0 || fd.Span.End < fd.Span.Start || fd.Span.End > len(src.Text) {
				t.Errorf("%s: span %v outside the file of %d bytes", fd.Rule, fd.Span, len(src.Text))
			}
			if fd.Start.Line < 1 || fd.Start.Column < 1 {
				t.Errorf("%s %q: not located (%d:%d)", fd.Rule, fd.Message, fd.Start.Line, fd.Start.Column)
			}
			if i > 0 && fs[i].Start.Line < fs[i-1].Start.Line {
				t.Errorf("findings out of order: %d then %d", fs[i-1].Start.Line, fs[i].Start.Line)
			}
		}
	})
}
