package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/format"
)

// fileState is what a command must not change about a file or folder it
// only reads: its bytes, permissions and modification time, and its
// identity (a rewrite by rename, even with the same bytes, is a change).
type fileState struct {
	info fs.FileInfo
	sum  [sha256.Size]byte
}

func (a fileState) same(b fileState) bool {
	return a.info.Mode() == b.info.Mode() && a.info.ModTime().Equal(b.info.ModTime()) &&
		a.info.Size() == b.info.Size() && a.sum == b.sum && os.SameFile(a.info, b.info)
}

// snapshot records every file and folder under root, by slash path. It
// reads through an os.Root, a folder at a time, so that a tree deeper than
// the system's limit on a path's length is recorded too.
func snapshot(t *testing.T, root string) map[string]fileState {
	t.Helper()
	r, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fsys := r.FS()
	out := map[string]fileState{}
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := r.Lstat(p)
		if err != nil {
			return err
		}
		st := fileState{info: info}
		if info.Mode().IsRegular() {
			data, err := r.ReadFile(p) // not fsys: a name need not be UTF-8
			if err != nil {
				return err
			}
			st.sum = sha256.Sum256(data)
		}
		out[p] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// changed lists, sorted, the paths added, removed or changed between two
// snapshots.
func changed(before, after map[string]fileState) []string {
	var out []string
	for p, b := range before {
		if a, ok := after[p]; !ok || !a.same(b) {
			out = append(out, p)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// runCLI runs reportlint in-process, with empty standard input.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}}
	code = run(context.Background(), append([]string{"reportlint"}, args...), e)
	return code, out.String(), errb.String()
}

// inputFixtures copies every report fixture (text, Markdown, JSON and
// YAML) into dir/reports and returns their slash paths relative to dir.
func inputFixtures(t *testing.T, dir string) []string {
	t.Helper()
	var paths []string
	for _, glob := range []string{"../../testdata/reports/*", "../../testdata/schema/*"} {
		matches, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range matches {
			if strings.HasSuffix(m, ".golden") {
				continue
			}
			data, err := os.ReadFile(m)
			if err != nil {
				t.Fatal(err)
			}
			rel := "reports/" + filepath.Base(m)
			if err := os.MkdirAll(filepath.Join(dir, "reports"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, rel), data, 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, rel)
		}
	}
	if len(paths) < 8 {
		t.Fatalf("found %d fixtures: %q", len(paths), paths)
	}
	return paths
}

// Every command reads its inputs and changes none of them: not the
// reports, the configuration, the schema or the baseline, not their
// permissions or times. Only fix --write changes a file, and only the
// report it fixes; check --output and diff --output add only their file.
func TestCommandsLeaveInputsUnchanged(t *testing.T) {
	dir := t.TempDir()
	reports := inputFixtures(t, dir)
	t.Chdir(dir)
	// Set the times in the past, so that a rewrite in the same clock tick
	// still shows.
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)

	// The other inputs a run reads: a configuration, a house schema and a
	// baseline.
	if code, _, stderr := runCLI("init"); code != 0 {
		t.Fatalf("init: %d %s", code, stderr)
	}
	code, schemaJSON, _ := runCLI("schema", "--profile", "generic")
	if code != 0 || os.WriteFile("house.schema.json", []byte(schemaJSON), 0o644) != nil {
		t.Fatalf("schema: %d", code)
	}
	if code, _, stderr := runCLI("check", "--write-baseline", "baseline.json", "reports"); code != 0 {
		t.Fatalf("baseline: %d %s", code, stderr)
	}
	// One read-only report: a command must not need to write to read.
	if err := os.Chmod("reports/kenya-advisory.md", 0o444); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, past, past)
	})
	if err != nil {
		t.Fatal(err)
	}

	all := fmt.Sprintf("%d files checked", len(reports))

	type run struct {
		args []string
		code int      // the exit code, to be sure the command did its work
		out  string   // a pattern its standard output must match
		adds []string // the paths it may add or change (none: read only)
	}
	runs := []run{
		{args: []string{"check", "reports"}, code: 1, out: "(?m)^" + all + ": "},
		{args: []string{"check", "--fail-level", "warning", "--config", ".reportlint.yaml", "--as-of", "2025-06-01", "reports"}, code: 1, out: all},
		{args: []string{"check", "--schema", "house.schema.json", "reports"}, code: 1, out: all},
		{args: []string{"check", "--baseline", "baseline.json", "reports"}, code: 0, out: all + ": 0 errors, 0 warnings"},
		{args: []string{"check", "--profile", "osac-csr", "--input-format", "text", "reports/niger-csr.txt"}, code: 0, out: `1 file checked`},
		{args: []string{"check", "-j", "1", reports[0], reports[1], reports[0]}, code: 0, out: `2 files checked`},
		{args: []string{"check", "--format", "sarif", "--output", "findings.sarif", "reports"}, code: 1, out: `report written to findings.sarif`, adds: []string{".", "findings.sarif"}},
		{args: []string{"fix", "reports"}, code: 0, out: `(?m)^\+\+\+ b/reports/niger-csr.txt`},
		{args: []string{"fix", "--config", ".reportlint.yaml", "reports/niger-csr.txt"}, code: 0, out: `(?m)^--- a/reports/niger-csr.txt`},
		{args: []string{"diff", "reports/niger-csr.txt", "reports/kenya-advisory.md"}, code: 0, out: `Facts`},
		{args: []string{"diff", "--format", "json", "--fail-on", "any", "reports/niger-csr.txt", "reports/kenya-advisory.md"}, code: 1, out: `"ratings"`},
		{args: []string{"diff", "--format", "html", "--output", "diff.html", "reports/several.json", "reports/several.yaml"}, code: 0, adds: []string{".", "diff.html"}},
		{args: []string{"schema"}, code: 0, out: `"\$schema"`},
		{args: []string{"schema", "--profile", "travel-advisory"}, code: 0, out: `"\$schema"`},
		{args: []string{"rules"}, code: 0, out: `dash-style`},
		{args: []string{"rules", "--config", ".reportlint.yaml"}, code: 0, out: `dash-style`},
		{args: []string{"explain", "dash-style"}, code: 0, out: `Flagged:`},
		// The configuration exists: init refuses to replace it.
		{args: []string{"init"}, code: 2},
	}
	for _, f := range format.Names() {
		runs = append(runs, run{args: []string{"check", "--format", f, "reports"}, code: 1})
	}
	for _, r := range reports {
		runs = append(runs, run{args: []string{"parse", r}, code: 0, out: `"path": "` + regexp.QuoteMeta(r) + `"`})
	}

	for _, r := range runs {
		name := strings.Join(r.args, " ")
		before := snapshot(t, dir)
		code, stdout, stderr := runCLI(r.args...)
		if code != r.code {
			t.Errorf("%s: exit %d, want %d\n%s", name, code, r.code, stderr)
		}
		if r.out != "" && !regexp.MustCompile(r.out).MatchString(stdout) {
			t.Errorf("%s: output does not match %q:\n%.2000s", name, r.out, stdout)
		}
		if got := changed(before, snapshot(t, dir)); !slices.Equal(got, r.adds) {
			t.Errorf("%s changed %q, want %q", name, got, r.adds)
		}
		for _, added := range r.adds {
			if _, ok := before[added]; ok && added != "." {
				t.Errorf("%s: replaced %s", name, added)
			}
		}
	}

	// fix --write changes the one report it fixes, keeping its
	// permissions, and nothing else: not the other reports, and no
	// temporary file is left behind.
	if err := os.Chmod("reports/niger-csr.txt", 0o640); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	code, _, stderr := runCLI("fix", "--write", "reports/niger-csr.txt")
	if code != 0 || !strings.Contains(stderr, "in reports/niger-csr.txt") {
		t.Fatalf("fix --write: exit %d\n%s", code, stderr)
	}
	after := snapshot(t, dir)
	if got, want := changed(before, after), []string{"reports", "reports/niger-csr.txt"}; !slices.Equal(got, want) {
		t.Errorf("fix --write changed %q, want %q", got, want)
	}
	b, a := before["reports/niger-csr.txt"], after["reports/niger-csr.txt"]
	if a.sum == b.sum {
		t.Errorf("fix --write left the report's bytes as they were")
	}
	if a.info.Mode() != b.info.Mode() {
		t.Errorf("fix --write changed the mode from %v to %v", b.info.Mode(), a.info.Mode())
	}

	// fix --write on the whole folder changes exactly the reports it says
	// it fixed.
	before = snapshot(t, dir)
	code, _, stderr = runCLI("fix", "--write", "reports")
	if code != 0 {
		t.Fatalf("fix --write reports: exit %d\n%s", code, stderr)
	}
	var want []string
	for _, m := range regexp.MustCompile(`(?m)^fixed \d+ problems? in (\S+)$`).FindAllStringSubmatch(stderr, -1) {
		want = append(want, m[1])
	}
	if len(want) > 0 {
		want = append(want, "reports")
	}
	slices.Sort(want)
	if got := changed(before, snapshot(t, dir)); !slices.Equal(got, want) {
		t.Errorf("fix --write reports changed %q, but said it fixed %q\n%s", got, want, stderr)
	}
	// Fixed once, there is nothing left to fix, and nothing changes.
	before = snapshot(t, dir)
	if code, _, stderr := runCLI("fix", "--write", "reports"); code != 0 || !strings.Contains(stderr, "nothing to fix") {
		t.Errorf("second fix --write: exit %d\n%s", code, stderr)
	}
	if got := changed(before, snapshot(t, dir)); len(got) != 0 {
		t.Errorf("fix --write with nothing to fix changed %q", got)
	}
}
