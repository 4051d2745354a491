package format

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
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
	tool := multitool(t)
	var buf bytes.Buffer
	if err := writeSARIF(&buf, sampleRun(t)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "reportlint.sarif")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
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
