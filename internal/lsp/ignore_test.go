package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/config"
)

// plain is a plain-text report written for these tests.
const plain = `Freedonia 2025 Crime & Safety Report

Crime Environment

Visitors report alot of petty theft near the port.

Police recently said that crime rose.
`

func codeActionsAt(t *testing.T, c *client, uri string, r Range) []CodeAction {
	t.Helper()
	var actions []CodeAction
	if err := c.call("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: uri}, Range: r}, &actions); err != nil {
		t.Fatal(err)
	}
	return actions
}

// waitFor waits for diagnostics of uri whose codes are want.
func (c *client) waitFor(uri, want string) {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	got := "(none)"
	for {
		select {
		case p := <-c.diags:
			if p.URI != uri {
				continue
			}
			if got = codes(p.Diagnostics); got == want {
				return
			}
		case <-timeout:
			c.t.Fatalf("diagnostics of %s: %s, want %s", uri, got, want)
		}
	}
}

func TestIgnoreFindingsForPlainText(t *testing.T) {
	path, uri := workspace(t, "freedonia.txt", plain)
	cfg := filepath.Join(filepath.Dir(path), config.FileName)
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, plain)
	ds := c.diagnosticsFor(uri, 1)
	if got := codes(ds); got != "style/misspelling undated-relative-time" {
		t.Fatalf("diagnostics: %s", got)
	}
	alot, recently := ds[0], ds[1]
	actions := codeActionsAt(t, c, uri, alot.Range)
	for _, a := range actions {
		if strings.HasPrefix(a.Title, "Disable") {
			t.Errorf("a plain-text report is offered a directive: %q", a.Title)
		}
	}
	applyToConfig := func(a CodeAction) string {
		t.Helper()
		data, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		text := apply(t, string(data), a.Edit.Changes[fileURI(cfg)])
		if err := os.WriteFile(cfg, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": fileURI(cfg), "type": 2}}})
		return text
	}
	text := applyToConfig(actionTitled(t, actions, "Ignore style/misspelling on this line (in .reportlint.yaml)"))
	want := `as-of: 2025-06-01
ignore-findings:
  - files: ["freedonia.txt"]
    rules: ["style/misspelling"]
    text: "Visitors report alot of petty theft near the port."
`
	if text != want {
		t.Errorf("configuration after ignoring on the line:\n%s\nwant:\n%s", text, want)
	}
	c.waitFor(uri, "undated-relative-time")

	// With the list there, the next entry goes into it, first.
	text = applyToConfig(actionTitled(t, codeActionsAt(t, c, uri, recently.Range), "Ignore undated-relative-time in this file (in .reportlint.yaml)"))
	if !strings.Contains(text, "ignore-findings:\n  - files: [\"freedonia.txt\"]\n    rules: [\"undated-relative-time\"]\n  - files:") {
		t.Errorf("configuration after ignoring in the file:\n%s", text)
	}
	c.waitFor(uri, "")
}

// Without a configuration, the entry is a new .reportlint.yaml beside the
// report, where the client can create files.
func TestIgnoreFindingsCreatesConfiguration(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "freedonia.txt")
	if err := os.WriteFile(path, []byte(plain), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := fileURI(path)
	c := startServer(t, Options{})
	params := map[string]any{"capabilities": map[string]any{"workspace": map[string]any{"workspaceEdit": map[string]any{"documentChanges": true, "resourceOperations": []string{"create"}}}}}
	if err := c.call("initialize", params, nil); err != nil {
		t.Fatal(err)
	}
	c.open(uri, plain)
	var alot Diagnostic
	for _, d := range c.diagnosticsFor(uri, 1) {
		if d.Code == "style/misspelling" {
			alot = d
		}
	}
	a := actionTitled(t, codeActionsAt(t, c, uri, alot.Range), "Ignore style/misspelling in this file (in .reportlint.yaml)")
	got, _ := json.Marshal(a.Edit.DocumentChanges)
	want := `[{"kind":"create","uri":"` + fileURI(filepath.Join(dir, ".reportlint.yaml")) + `","options":{"ignoreIfExists":true}},` +
		`{"textDocument":{"uri":"` + fileURI(filepath.Join(dir, ".reportlint.yaml")) + `","version":null},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"newText":"ignore-findings:\n  - files: [\"freedonia.txt\"]\n    rules: [\"style/misspelling\"]\n"}]}]`
	var w any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if norm, _ := json.Marshal(w); string(got) != string(norm) {
		t.Errorf("document changes:\n%s\nwant:\n%s", got, want)
	}
}
