package format

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// multitool finds Microsoft's SARIF validator (npm @microsoft/sarif-multitool,
// which .ci/run installs): $SARIF_MULTITOOL, or sarif-multitool on the PATH.
func multitool(t *testing.T) string {
	if p := os.Getenv("SARIF_MULTITOOL"); p != "" {
		return p
	}
	p, err := exec.LookPath("sarif-multitool")
	if err != nil {
		t.Skip("sarif-multitool not installed (npm install @microsoft/sarif-multitool)")
	}
	return p
}

// The SARIF output passes Microsoft's validator with no error and no warning.
func TestSARIFValidates(t *testing.T) {
	var buf bytes.Buffer
	if err := writeSARIF(&buf, sampleRun(t)); err != nil {
		t.Fatal(err)
	}
	validate(t, buf.Bytes())
}

// validate runs Microsoft's validator on a SARIF log, and fails on any
// error or warning it reports.
func validate(t *testing.T, log []byte) {
	t.Helper()
	tool := multitool(t)
	path := filepath.Join(t.TempDir(), "reportlint.sarif")
	if err := os.WriteFile(path, log, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "validate", path).CombinedOutput()
	if err != nil {
		t.Fatalf("sarif-multitool: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("Analysis completed successfully")) {
		t.Fatalf("validator did not complete:\n%s", out)
	}
	if problems := regexp.MustCompile(`(?m)^.*: (error|warning) [A-Z]+[0-9]+:.*$`).FindAll(out, -1); len(problems) > 0 {
		t.Errorf("validator reports:\n%s", bytes.Join(problems, []byte("\n")))
	}
}

// Locations relative to the root, however the path was typed, and a file
// outside it as an absolute file:// URI; the validator passes the log.
func TestSARIFRoot(t *testing.T) {
	base := source.RealPath(t.TempDir())
	root := filepath.Join(base, "repo")
	sub := filepath.Join(root, "reports", "sub")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	cases := map[string]sarifArtifact{
		"./a.txt":                          {URI: "reports/sub/a.txt", URIBaseID: srcRoot},
		"..//b.txt":                        {URI: "reports/b.txt", URIBaseID: srcRoot},
		"../../top.txt":                    {URI: "top.txt", URIBaseID: srcRoot},
		"x y.txt":                          {URI: "reports/sub/x%20y.txt", URIBaseID: srcRoot},
		filepath.Join(root, "abs.txt"):     {URI: "abs.txt", URIBaseID: srcRoot},
		filepath.Join(base, "outside.txt"): {URI: fileURI(filepath.Join(base, "outside.txt"))},
		"../../../repo2/z.txt":             {URI: fileURI(filepath.Join(base, "repo2", "z.txt"))},
	}
	run := &Run{Root: root, Tool: Tool{Name: "reportlint"}}
	var findings []lint.Finding
	for path, want := range cases {
		if got := run.sarifArtifact(path); got != want {
			t.Errorf("%s: %+v, want %+v", path, got, want)
		}
		findings = append(findings, lint.Finding{Path: path, Rule: "placeholder-link", Level: lint.Warning, Message: "m", Start: source.Position{Line: 1, Column: 1}, End: source.Position{Line: 1, Column: 2}})
	}
	if !strings.HasPrefix(cases[filepath.Join(base, "outside.txt")].URI, "file:///") {
		t.Errorf("outside URI %q is not absolute", cases[filepath.Join(base, "outside.txt")].URI)
	}
	run.Files = Collect(nil, findings)
	var buf bytes.Buffer
	if err := writeSARIF(&buf, run); err != nil {
		t.Fatal(err)
	}
	if want := `"%SRCROOT%": {` + "\n" + `          "uri": "` + fileURI(root) + `/"`; !strings.Contains(buf.String(), want) {
		t.Errorf("no base %s in\n%s", want, buf.String())
	}
	validate(t, buf.Bytes())
}
