package lsp

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// client drives a server over a pipe, as an editor does.
type client struct {
	t     testing.TB
	conn  *jsonrpc2.Conn
	diags chan publishDiagnosticsParams
	done  chan int // the server's exit code
}

type pipe struct {
	io.Reader
	io.WriteCloser
}

func startServer(t testing.TB, opt Options) *client {
	t.Helper()
	serverIn, clientOut := io.Pipe()
	clientIn, serverOut := io.Pipe()
	c := &client{t: t, diags: make(chan publishDiagnosticsParams, 100), done: make(chan int, 1)}
	if opt.Debounce == 0 {
		opt.Debounce = -1
	}
	go func() {
		c.done <- Serve(context.Background(), serverIn, serverOut, opt)
		serverOut.Close()
	}()
	stream := jsonrpc2.NewBufferedStream(pipe{clientIn, clientOut}, jsonrpc2.VSCodeObjectCodec{})
	c.conn = jsonrpc2.NewConn(context.Background(), stream, jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
		if req.Method == "textDocument/publishDiagnostics" {
			var p publishDiagnosticsParams
			if err := json.Unmarshal(*req.Params, &p); err != nil {
				t.Errorf("publishDiagnostics: %v", err)
			}
			c.diags <- p
		}
		return nil, nil
	}))
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// initialize starts the session, offering the given position encodings.
func (c *client) initialize(encodings ...string) initializeResult {
	c.t.Helper()
	params := map[string]any{"processId": nil, "capabilities": map[string]any{"general": map[string]any{"positionEncodings": encodings}}}
	var res initializeResult
	if err := c.call("initialize", params, &res); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	c.notify("initialized", map[string]any{})
	return res
}

// diagnosticsFor waits for the next diagnostics published for uri at
// version (any version when version is 0).
func (c *client) diagnosticsFor(uri string, version int) []Diagnostic {
	c.t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case p := <-c.diags:
			if p.URI == uri && (version == 0 || p.Version != nil && *p.Version == version) {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

func (c *client) open(uri, text string) {
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "markdown", Version: 1, Text: text}})
}

func (c *client) shutdown() int {
	c.t.Helper()
	if err := c.call("shutdown", nil, nil); err != nil {
		c.t.Fatalf("shutdown: %v", err)
	}
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		return code
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not exit")
	}
	return -1
}

// report is a Markdown report written for these tests: "alot" and "ATM
// machine" have fixes, "recently" has none. The em dashes and é before
// "alot" put its UTF-8, UTF-16 and code point columns apart.
const report = `---
title: Freedonia 2025 Crime & Safety Report
country: Freedonia
published: 2025-03-01
---

# Freedonia 2025 Crime & Safety Report

## Overall Crime and Safety Situation

The Café—a landmark—has alot of visitors and an ATM machine.

Police recently said that crime rose.
`

// workspace writes a folder with a configuration fixing the as-of date and
// the report, and returns the report's path and URI.
func workspace(t testing.TB, name, text string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".reportlint.yaml"), []byte("as-of: 2025-06-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, fileURI(path)
}

func codes(ds []Diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return strings.Join(out, " ")
}

func TestDiagnosticsLifecycle(t *testing.T) {
	_, uri := workspace(t, "freedonia.md", report)
	c := startServer(t, Options{})
	res := c.initialize()
	if res.Capabilities.PositionEncoding != encodingUTF16 {
		t.Errorf("positionEncoding = %q with none offered, want utf-16", res.Capabilities.PositionEncoding)
	}
	c.open(uri, report)
	ds := c.diagnosticsFor(uri, 1)
	if got, want := codes(ds), "style/misspelling style/redundant-acronym undated-relative-time"; got != want {
		t.Fatalf("diagnostics on open: %s, want %s", got, want)
	}
	// "alot" is at code point (and UTF-16) column 25 of line 11.
	if got, want := ds[0].Range, (Range{Position{10, 24}, Position{10, 28}}); got != want {
		t.Errorf("alot at %v, want %v", got, want)
	}
	if ds[0].Severity != severityWarning || !strings.Contains(ds[0].Message, `"alot" is a misspelling`) {
		t.Errorf("alot: %+v", ds[0])
	}
	if !strings.Contains(ds[2].Message, "\nhint: ") {
		t.Errorf("the hint is not in the message: %q", ds[2].Message)
	}

	// An incremental change: "recently" becomes "in January 2025".
	line := 12
	col := strings.Index("Police recently said", "recently")
	c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: 2},
		ContentChanges: []contentChange{{Range: &Range{Position{line, col}, Position{line, col + len("recently")}}, Text: "in January 2025"}}})
	if got, want := codes(c.diagnosticsFor(uri, 2)), "style/misspelling style/redundant-acronym"; got != want {
		t.Errorf("diagnostics after the change: %s, want %s", got, want)
	}
	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	if ds := c.diagnosticsFor(uri, 0); len(ds) != 0 {
		t.Errorf("diagnostics after close: %v", ds)
	}
	if code := c.shutdown(); code != 0 {
		t.Errorf("exit code after shutdown = %d, want 0", code)
	}
}

func TestPositionEncodingUTF8(t *testing.T) {
	_, uri := workspace(t, "freedonia.md", report)
	c := startServer(t, Options{})
	if got := c.initialize(encodingUTF16, encodingUTF8).Capabilities.PositionEncoding; got != encodingUTF8 {
		t.Fatalf("positionEncoding = %q with utf-8 offered, want utf-8", got)
	}
	c.open(uri, report)
	ds := c.diagnosticsFor(uri, 1)
	// In bytes: é is 2, each em dash 3.
	if got, want := ds[0].Range.Start, (Position{10, 29}); got != want {
		t.Errorf("alot starts at %v in UTF-8, want %v", got, want)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t, Options{})
	c.initialize()
	c.notify("exit", nil)
	select {
	case code := <-c.done:
		if code != 1 {
			t.Errorf("exit code without shutdown = %d, want 1", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func TestRequestsBeforeInitializeAndAfterShutdown(t *testing.T) {
	c := startServer(t, Options{})
	err := c.call("textDocument/hover", map[string]any{}, nil)
	if e, ok := err.(*jsonrpc2.Error); !ok || e.Code != -32002 {
		t.Errorf("hover before initialize: %v, want error -32002", err)
	}
	c.initialize()
	if err := c.call("shutdown", nil, nil); err != nil {
		t.Fatal(err)
	}
	err = c.call("textDocument/documentSymbol", map[string]any{}, nil)
	if e, ok := err.(*jsonrpc2.Error); !ok || e.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: %v, want error %d", err, codeInvalidRequest)
	}
}

// apply applies edits to text as a client does (positions in UTF-16).
func apply(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	x := newLineIndex(text, encodingUTF16)
	// From the last edit to the first, so that offsets stay valid.
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		text = text[:x.offset(e.Range.Start)] + e.NewText + text[x.offset(e.Range.End):]
	}
	return text
}

func actionTitled(t *testing.T, actions []CodeAction, title string) CodeAction {
	t.Helper()
	var titles []string
	for _, a := range actions {
		if a.Title == title {
			return a
		}
		titles = append(titles, a.Title)
	}
	t.Fatalf("no action %q among %q", title, titles)
	return CodeAction{}
}

func TestCodeActions(t *testing.T) {
	_, uri := workspace(t, "freedonia.md", report)
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, report)
	ds := c.diagnosticsFor(uri, 1)
	var actions []CodeAction
	params := codeActionParams{TextDocument: textDocumentIdentifier{URI: uri}, Range: ds[0].Range}
	if err := c.call("textDocument/codeAction", params, &actions); err != nil {
		t.Fatal(err)
	}
	fix := actionTitled(t, actions, `Replace "alot" with "a lot"`)
	if fix.Kind != kindQuickFix || !fix.IsPreferred || len(fix.Diagnostics) != 1 || fix.Diagnostics[0].Code != "style/misspelling" {
		t.Errorf("quick fix: %+v", fix)
	}
	fixed := apply(t, report, fix.Edit.Changes[uri])
	if !strings.Contains(fixed, "has a lot of visitors and an ATM machine.") {
		t.Errorf("after the quick fix:\n%s", fixed)
	}

	all := actionTitled(t, actions, "Fix all safe problems in this file (2)")
	fixed = apply(t, report, all.Edit.Changes[uri])
	if !strings.Contains(fixed, "has a lot of visitors and an ATM.") || !strings.Contains(fixed, "recently") {
		t.Errorf("after fix all:\n%s", fixed)
	}

	// "alot" is inside a paragraph's first line: the directive goes above.
	line := actionTitled(t, actions, "Disable style/misspelling on this line")
	withDirective := apply(t, report, line.Edit.Changes[uri])
	if !strings.Contains(withDirective, "\n\n<!-- reportlint-disable-next-line style/misspelling -->\nThe Café") {
		t.Errorf("after disable on this line:\n%s", withDirective)
	}
	file := actionTitled(t, actions, "Disable style/misspelling for this file")
	withFileDirective := apply(t, report, file.Edit.Changes[uri])
	if !strings.Contains(withFileDirective, "\n---\n<!-- reportlint-disable style/misspelling -->\n\n\n# Freedonia") {
		t.Errorf("after disable for this file:\n%s", withFileDirective)
	}
	// Each directive silences the finding, and only it.
	for i, text := range []string{withDirective, withFileDirective} {
		c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: 2 + i},
			ContentChanges: []contentChange{{Text: text}}})
		if got, want := codes(c.diagnosticsFor(uri, 2+i)), "style/redundant-acronym undated-relative-time"; got != want {
			t.Errorf("with the directive %d: %s, want %s", i, got, want)
		}
	}
}

// A burst of changes within the debounce is checked once, at its end.
func TestDebounce(t *testing.T) {
	_, uri := workspace(t, "freedonia.md", report)
	c := startServer(t, Options{Debounce: 300 * time.Millisecond})
	c.initialize()
	c.open(uri, report) // checked at once: nothing to wait for
	c.diagnosticsFor(uri, 1)
	text := report
	for v := 2; v <= 6; v++ {
		text += "\nPolice recently said so."
		c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: v}, ContentChanges: []contentChange{{Text: text}}})
	}
	select {
	case p := <-c.diags:
		if p.Version == nil || *p.Version != 6 || len(p.Diagnostics) != 3+5 {
			t.Errorf("first diagnostics after the burst: version %v, %d diagnostics; want version 6, 8", p.Version, len(p.Diagnostics))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no diagnostics after the burst")
	}
}
