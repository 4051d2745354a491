package reportdiff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

var update = flag.Bool("update", false, "rewrite the expected outputs in testdata/diff")

func side(t testing.TB, name string, data []byte) (Side, *source.File) {
	t.Helper()
	f, err := source.New(name, data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return Side{Path: name, Report: r}, f
}

// TestGolden compares two editions in each testdata/diff/*.txtar (files
// old.* and new.*) and checks the output of every format against the
// archive's "want.FORMAT" files. -update rewrites them.
func TestGolden(t *testing.T) {
	archives, _ := filepath.Glob("../../testdata/diff/*.txtar")
	if len(archives) < 5 {
		t.Fatalf("only %d diff cases", len(archives))
	}
	for _, path := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var oldData, newData []byte
			var oldName, newName string
			for _, f := range ar.Files {
				switch {
				case strings.HasPrefix(f.Name, "old."):
					oldName, oldData = f.Name, f.Data
				case strings.HasPrefix(f.Name, "new."):
					newName, newData = f.Name, f.Data
				}
			}
			o, of := side(t, oldName, oldData)
			n, nf := side(t, newName, newData)
			res := Compare(o, n, of, nf)
			changed := false
			for _, format := range []string{"text", "markdown", "json"} {
				var buf bytes.Buffer
				render, _ := Get(format)
				if err := render(&buf, res, false); err != nil {
					t.Fatal(err)
				}
				name := "want." + format
				found := false
				for i := range ar.Files {
					if ar.Files[i].Name != name {
						continue
					}
					found = true
					if !bytes.Equal(ar.Files[i].Data, buf.Bytes()) {
						if *update {
							ar.Files[i].Data, changed = buf.Bytes(), true
						} else {
							t.Errorf("%s differs (run with -update if right):\n%s", name, buf.String())
						}
					}
				}
				if !found {
					if !*update {
						t.Errorf("%s has no %s (run with -update)", path, name)
					}
					ar.Files = append(ar.Files, txtar.File{Name: name, Data: buf.Bytes()})
					changed = true
				}
			}
			if *update && changed {
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
