package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionStep is a step of the composite GitHub Action.
type actionStep struct {
	ID   string            `yaml:"id"`
	Name string            `yaml:"name"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	With map[string]string `yaml:"with"`
	Env  map[string]string `yaml:"env"`
	Run  string            `yaml:"run"`
}

type action struct {
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

const actionPath = "../../.github/actions/reportlint/action.yml"

func readAction(t *testing.T) *action {
	t.Helper()
	data, err := os.ReadFile(actionPath)
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	return &a
}

func (a *action) step(t *testing.T, id string) actionStep {
	t.Helper()
	for _, s := range a.Runs.Steps {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("the action has no step %q", id)
	return actionStep{}
}

// The action builds from its own checkout with the Go build cache, checks
// once, uploads SARIF, and says what it found in outputs; no expression is
// pasted into a script, where a value could become code.
func TestActionShape(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q", a.Runs.Using)
	}
	uses := map[string]bool{}
	checks := 0
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q puts an expression in its script; pass it through env", s.ID+s.Name)
		}
		if s.Uses != "" {
			uses[strings.Split(s.Uses, "@")[0]] = true
		}
		checks += strings.Count(s.Run, "reportlint check")
		if strings.Contains(s.Run, "go install") {
			t.Errorf("step %q installs with go install: the module is not published", s.ID+s.Name)
		}
	}
	for _, u := range []string{"actions/setup-go", "actions/cache", "github/codeql-action/upload-sarif"} {
		if !uses[u] {
			t.Errorf("the action does not use %s", u)
		}
	}
	if checks != 1 {
		t.Errorf("the action runs reportlint check %d times, want once", checks)
	}
	for _, o := range []string{"errors", "warnings", "sarif"} {
		if !strings.Contains(a.Outputs[o].Value, "steps.check.outputs."+o) {
			t.Errorf("output %s is %q", o, a.Outputs[o].Value)
		}
	}
	if up := a.Runs.Steps; !strings.Contains(up[len(up)-1].Run, "exit") {
		t.Errorf("the last step does not exit with reportlint's code")
	}
}

// runStep runs a step's script as GitHub runs a bash step, with env and
// the files GitHub gives, and returns its standard output and what it
// wrote to $GITHUB_OUTPUT.
func runStep(t *testing.T, s actionStep, dir string, env map[string]string) (string, map[string]string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "github_output")
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+out, "RUNNER_TEMP="+t.TempDir(), "RUNNER_OS=Linux")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("step %s: %v\n%s", s.ID+s.Name, err, stdout)
	}
	outputs := map[string]string{}
	data, _ := os.ReadFile(out)
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(l, "="); ok {
			outputs[k] = v
		}
	}
	return string(stdout), outputs
}

// The action's scripts, run as GitHub runs them: the Go on PATH is taken
// when new enough, the check runs once with annotations and SARIF, the
// outputs count the findings, and the job summary has them per rule, most
// first.
func TestActionSteps(t *testing.T) {
	for _, tool := range []string{"bash", "jq", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	a := readAction(t)
	actionDir, err := filepath.Abs(filepath.Dir(actionPath))
	if err != nil {
		t.Fatal(err)
	}
	_, out := runStep(t, a.step(t, "go"), t.TempDir(), map[string]string{"ACTION_PATH": actionDir})
	root, _ := filepath.Abs("../..")
	if out["root"] != root || out["setup"] != "false" {
		t.Errorf("go step: %v, want root %s and the Go on PATH", out, root)
	}
	_, out = runStep(t, a.step(t, "cache-key"), t.TempDir(), map[string]string{"ROOT": root})
	if !strings.HasPrefix(out["key"], out["prefix"]) || !strings.HasPrefix(out["prefix"], "reportlint-go-Linux-go1.") || out["gocache"] == "" {
		t.Errorf("cache-key step: %v", out)
	}

	// reportlint on PATH is this test binary, which runs as the command
	// under that name (testscript.Main).
	bin := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(self, filepath.Join(bin, "reportlint")); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	os.MkdirAll(filepath.Join(work, "reports"), 0o755)
	os.WriteFile(filepath.Join(work, "reports", "a.txt"), []byte("Niger 2024 Crime & Safety Report\n\nOverview\n\nIt says \"open\" here, \"shut\" there and “ajar” elsewhere, 0800 - 1700 and 0900 – 1200 and 1000 – 1100.\n"), 0o644)
	os.WriteFile(filepath.Join(work, "reports", "b.txt"), []byte("Niger 2024 Crime & Safety Report\n\nOverview\n\nIt says \"open\" here and “ajar” there.\n"), 0o644)
	env := map[string]string{
		"PATH":       bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"PATHS":      "reports/*.txt",
		"FAIL_LEVEL": "warning",
		"ARGS":       "--as-of 2025-01-01 --select 'dash-style,quote-style'",
		"SARIF":      "out/reportlint.sarif",
	}
	stdout, out := runStep(t, a.step(t, "check"), work, env)
	if got := strings.Count(stdout, "::warning file=reports/"); got != 3 {
		t.Errorf("%d annotations, want 3:\n%s", got, stdout)
	}
	want := map[string]string{"exit-code": "1", "errors": "0", "warnings": "3", "sarif": "out/reportlint.sarif", "uploadable": "true"}
	for k, v := range want {
		if out[k] != v {
			t.Errorf("output %s=%q, want %q (all: %v)", k, out[k], v, out)
		}
	}

	summary := filepath.Join(t.TempDir(), "summary.md")
	runStep(t, a.step(t, "summary"), work, map[string]string{"SARIF": out["sarif"], "STATUS": out["exit-code"], "GITHUB_STEP_SUMMARY": summary})
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	wantSummary := "## reportlint\n\n0 errors, 3 warnings, 0 notes.\n\n" +
		"| rule | level | findings | fixable |\n| --- | --- | ---: | ---: |\n" +
		"| `quote-style` | warning | 2 | 2 |\n| `dash-style` | warning | 1 | 1 |\n\n3 fixable with `reportlint fix`.\n\n" +
		"Findings at or above the fail level: the check fails.\n"
	if string(got) != wantSummary {
		t.Errorf("job summary:\n%s\nwant:\n%s", got, wantSummary)
	}
	// A rule id from a pull request's pack cannot put Markdown or HTML in
	// the summary.
	forged := filepath.Join(work, "forged.sarif")
	os.WriteFile(forged, []byte(`{"runs": [{"results": [{"ruleId": "x|<img src=x>`+"`"+`\n# y", "level": "error"}]}]}`), 0o644)
	os.WriteFile(summary, nil, 0o644)
	runStep(t, a.step(t, "summary"), work, map[string]string{"SARIF": forged, "STATUS": "1", "GITHUB_STEP_SUMMARY": summary})
	got, _ = os.ReadFile(summary)
	if !strings.Contains(string(got), "| `x__img_src_x_____y` | error | 1 | 0 |\n") || strings.ContainsAny(string(got), "<>") || strings.Count(string(got), "\n# ") > 0 {
		t.Errorf("forged rule id in the summary:\n%s", got)
	}
}
