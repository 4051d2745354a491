package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// editorReport has a finding after "Café" and a curly quote, where
// character and byte columns differ, one at the start of a line, and one
// on a line of plain ASCII.
const editorReport = "Niger 2024 Crime & Safety Report\n\nOverview\n\n" +
	"Café “hours” are 0800 - 1700 on weekdays and 0900 – 1200 on Saturday, and 0900 – 1100 on Sunday.\n\n" +
	"It says \"open\" here.\n\n" +
	"[Faith-Based Travelers](#)\n"

// lineOutput checks editorReport with --format line in a temporary
// folder and returns the folder and what was printed.
func lineOutput(t *testing.T, args ...string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "report.txt"), []byte(editorReport), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	code := run(context.Background(), append([]string{"reportlint", "check", "--format", "line", "--as-of", "2025-01-01", "report.txt"}, args...), e)
	if code != ExitOK || stderr.Len() > 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	return dir, stdout.String()
}

// wantEntries are editorReport's findings as an editor should place them:
// line, byte column, character column, quickfix type (%t takes the
// level's first letter as written), rule.
var wantEntries = []struct {
	line, byteCol, charCol int
	kind, rule             string
}{
	{5, 28, 23, "w", "dash-style"},
	{7, 9, 9, "w", "quote-style"},
	{9, 1, 1, "w", "placeholder-link"},
}

// editorsDoc is a code block's line of docs/editors.md that starts with prefix.
func editorsDoc(t *testing.T, prefix string) string {
	t.Helper()
	doc, err := os.ReadFile("../../docs/editors.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(doc), "\n") {
		if s, ok := strings.CutPrefix(strings.TrimSpace(l), prefix); ok {
			return s
		}
	}
	t.Fatalf("docs/editors.md has no line starting %q", prefix)
	return ""
}

// The errorformat docs/editors.md gives Vim, fed to a headless Neovim with
// --columns bytes, puts every finding at its line and byte column, typed.
func TestVimErrorformat(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed")
	}
	efm := editorsDoc(t, "set errorformat=")
	dir, out := lineOutput(t, "--columns", "bytes")
	if err := os.WriteFile(filepath.Join(dir, "out.txt"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "qf.vim")
	// The errorformat goes in as written in the docs, backslash escapes
	// and all, through :set.
	os.WriteFile(script, []byte("set errorformat="+efm+"\ncfile out.txt\n"+
		"call writefile([json_encode(map(getqflist(), {_, e -> [e.lnum, e.col, e.type, e.text, bufname(e.bufnr), e.valid]}))], 'qf.json')\nqa!\n"), 0o644)
	cmd := exec.Command(nvim, "--headless", "-n", "-u", "NONE", "-i", "NONE", "-S", script)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	data, err := os.ReadFile(filepath.Join(dir, "qf.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got [][]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	if len(got) != len(wantEntries) {
		t.Fatalf("quickfix has %d entries, want %d:\n%s\nfrom\n%s", len(got), len(wantEntries), data, out)
	}
	for i, w := range wantEntries {
		g := got[i]
		if g[0] != float64(w.line) || g[1] != float64(w.byteCol) || g[2] != w.kind || !strings.HasPrefix(g[3].(string), w.rule+" ") || g[4] != "report.txt" || g[5] != float64(1) {
			t.Errorf("entry %d: %v, want line %d col %d type %s text %q… in report.txt", i, g, w.line, w.byteCol, w.kind, w.rule)
		}
	}
}

// The VS Code problem matcher's regexp in docs/editors.md reads every line
// of the line format: file, line, character column, severity, code.
func TestLineFormatMatchers(t *testing.T) {
	var pattern string
	if err := json.Unmarshal([]byte(strings.TrimSuffix(editorsDoc(t, `"regexp": `), ",")), &pattern); err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(pattern)
	_, out := lineOutput(t)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(wantEntries) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(wantEntries), out)
	}
	for i, w := range wantEntries {
		m := re.FindStringSubmatch(lines[i])
		want := []string{"report.txt", strconv.Itoa(w.line), strconv.Itoa(w.charCol), "warning", w.rule}
		if m == nil || !slices.Equal(m[1:6], want) {
			t.Errorf("line %q: matched %q, want %q", lines[i], m, want)
		}
	}
}

// Emacs's compilation mode, set up as docs/editors.md says, reads the line
// format with its own gnu regexp: every finding at its line, its character
// column on the flagged character, typed a warning.
func TestEmacsCompilation(t *testing.T) {
	emacs, err := exec.LookPath("emacs")
	if err != nil {
		t.Skip("emacs is not installed")
	}
	setup := "(setq compilation-error-screen-columns " + editorsDoc(t, "(setq compilation-error-screen-columns ")
	setup, _, _ = strings.Cut(setup, ";")
	dir, out := lineOutput(t)
	if err := os.WriteFile(filepath.Join(dir, "out.txt"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	// Each message: line, column, type (1 warning) and the character the
	// column points at, as next-error would put the cursor.
	script := `(require 'compile)
` + setup + `
(with-current-buffer (get-buffer-create "*out*")
  (insert-file-contents "out.txt")
  (compilation-mode)
  (compilation--ensure-parse (point-max))
  (goto-char (point-min))
  (while (not (eobp))
    (let ((msg (get-text-property (point) 'compilation-message)))
      (when msg
        (let* ((loc (compilation--message->loc msg))
               (char (with-current-buffer (find-file-noselect "report.txt")
                       (goto-char (point-min))
                       (forward-line (1- (compilation--loc->line loc)))
                       (forward-char (- (compilation--loc->col loc) compilation-first-column))
                       (char-after))))
          (princ (format "%d:%d:%d:%c\n" (compilation--loc->line loc) (compilation--loc->col loc)
                         (compilation--message->type msg) char)))))
    (forward-line 1)))
`
	os.WriteFile(filepath.Join(dir, "t.el"), []byte(script), 0o644)
	cmd := exec.Command(emacs, "--batch", "-Q", "-l", "t.el")
	cmd.Dir = dir
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("emacs: %v\n%s", err, got)
	}
	want := ""
	chars := []string{"-", `"`, "["} // what each of editorReport's findings flags
	for i, w := range wantEntries {
		want += strconv.Itoa(w.line) + ":" + strconv.Itoa(w.charCol) + ":1:" + chars[i] + "\n"
	}
	if string(got) != want {
		t.Errorf("compilation mode read\n%s\nwant\n%s\nfrom\n%s", got, want, out)
	}
}
