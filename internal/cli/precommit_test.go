package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The pre-commit hooks name every changed file, so they must pass
// --force-exclude, and leave out the files of a repository that are never
// reports while keeping reports.
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID      string `yaml:"id"`
		Entry   string `yaml:"entry"`
		Files   string `yaml:"files"`
		Exclude string `yaml:"exclude"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) == 0 {
		t.Fatal("no hooks")
	}
	for _, h := range hooks {
		if !strings.Contains(h.Entry, "--force-exclude") {
			t.Errorf("%s: entry %q lacks --force-exclude", h.ID, h.Entry)
		}
		files, exclude := regexp.MustCompile(h.Files), regexp.MustCompile(h.Exclude)
		takes := func(p string) bool { return files.MatchString(p) && !exclude.MatchString(p) }
		for _, p := range []string{"package.json", "web/package-lock.json", ".github/workflows/ci.yml", ".reportlint.yaml", ".pre-commit-config.yaml", "README.md", "docs/README.md", "LICENSE.txt", ".reportlint-baseline.json"} {
			if takes(p) {
				t.Errorf("%s: takes %s, which is never a report", h.ID, p)
			}
		}
		for _, p := range []string{"reports/mali.txt", "reports/readme-notes.md", "mali.md"} {
			if !takes(p) {
				t.Errorf("%s: leaves out the report %s", h.ID, p)
			}
		}
	}
}
