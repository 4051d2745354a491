package parse

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

func parseString(t *testing.T, path, text string) *document.Report {
	t.Helper()
	f, err := source.New(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(f, Options{})
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return r
}

func project(t *testing.T, path string, raw []byte) []byte {
	t.Helper()
	f, err := source.New(path, raw)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(f, Options{})
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	out, _ := document.Project(r, f)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden compares the parse of every report under testdata/reports with
// testdata/golden/<name>.json. Run with -update to accept a change.
func TestGolden(t *testing.T) {
	reports, _ := filepath.Glob("../../testdata/reports/*")
	if len(reports) == 0 {
		t.Fatal("no fixtures under testdata/reports")
	}
	for _, path := range reports {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got := project(t, "testdata/reports/"+name, raw)
			golden := filepath.Join("../../testdata/golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/parse -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("parse of %s differs from %s; run with -update if the change is right\n%s", name, golden, firstDiff(got, want))
			}
		})
	}
}

// TestLineEndsAndBOMDoNotMove: the same report with CRLF line ends and a BOM
// parses to exactly the same model, positions included.
func TestLineEndsAndBOMDoNotMove(t *testing.T) {
	for _, name := range []string{"niger-csr.txt", "kenya-advisory.md"} {
		raw, err := os.ReadFile(filepath.Join("../../testdata/reports", name))
		if err != nil {
			t.Fatal(err)
		}
		lf := project(t, name, raw)
		crlf := append([]byte("\ufeff"), bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n"))...)
		if got := project(t, name, crlf); !bytes.Equal(got, lf) {
			t.Errorf("%s with BOM and CRLF parses differently:\n%s", name, firstDiff(got, lf))
		}
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n  got:  " + gl + "\n  want: " + wl
		}
	}
	return "(no difference)"
}
