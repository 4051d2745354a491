package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
)

// rawSession talks to a server byte by byte, to send what no well-behaved
// client would.
type rawSession struct {
	t   *testing.T
	w   io.Writer
	r   *bufio.Reader
	end chan int
}

func startRaw(t *testing.T, opt Options) *rawSession {
	serverIn, w := io.Pipe()
	r, serverOut := io.Pipe()
	s := &rawSession{t: t, w: w, r: bufio.NewReader(r), end: make(chan int, 1)}
	if opt.Debounce == 0 {
		opt.Debounce = -1
	}
	go func() {
		s.end <- Serve(context.Background(), serverIn, serverOut, opt)
		serverOut.Close()
	}()
	t.Cleanup(func() { w.Close() })
	return s
}

func (s *rawSession) send(body string) {
	s.t.Helper()
	if _, err := fmt.Fprintf(s.w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		s.t.Fatal(err)
	}
}

// next reads the next message the server sends, within a time limit.
func (s *rawSession) next() map[string]any {
	s.t.Helper()
	type msg struct {
		m   map[string]any
		err error
	}
	got := make(chan msg, 1)
	go func() {
		st := newStream(s.r, io.Discard, nil, 1<<30)
		var m map[string]any
		body, err := st.readFrame()
		if err == nil {
			err = json.Unmarshal(body, &m)
		}
		got <- msg{m, err}
	}()
	select {
	case g := <-got:
		if g.err != nil {
			s.t.Fatalf("reading the server's message: %v", g.err)
		}
		return g.m
	case <-time.After(10 * time.Second):
		s.t.Fatal("no message from the server")
	}
	return nil
}

func errorCode(m map[string]any) float64 {
	e, _ := m["error"].(map[string]any)
	c, _ := e["code"].(float64)
	return c
}

func TestMalformedMessagesAreAnswered(t *testing.T) {
	s := startRaw(t, Options{MaxSize: 1000})
	tests := []struct {
		name string
		send func()
		code float64
	}{
		{"not JSON", func() { s.send(`{"jsonrpc": "2.0", "id": 1, "method": `) }, codeParseError},
		{"neither request nor response", func() { s.send(`{"jsonrpc": "2.0", "id": 2}`) }, codeInvalidRequest},
		{"no Content-Length", func() { fmt.Fprint(s.w, "Content-Type: x\r\n\r\n") }, codeInvalidRequest},
		{"over the message limit", func() { s.send(`{"x": "` + strings.Repeat("a", 4<<20) + `"}`) }, codeInvalidRequest},
		{"params of the wrong shape", func() { s.send(`{"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {"capabilities": 7}}`) }, codeInvalidParams},
	}
	for _, tt := range tests {
		tt.send()
		if m := s.next(); errorCode(m) != tt.code {
			t.Errorf("%s: answered %v, want error %v", tt.name, m, tt.code)
		}
	}
	// The session goes on: initialize, an unknown method, shutdown, exit.
	s.send(`{"jsonrpc": "2.0", "id": 4, "method": "initialize", "params": {"capabilities": {}}}`)
	if m := s.next(); m["result"] == nil {
		t.Fatalf("initialize after the bad messages: %v", m)
	}
	s.send(`{"jsonrpc": "2.0", "id": 5, "method": "textDocument/rename", "params": {}}`)
	if m := s.next(); errorCode(m) != codeMethodNotFound || m["id"] != 5.0 {
		t.Errorf("unknown method: %v, want error %d for id 5", m, codeMethodNotFound)
	}
	s.send(`{"jsonrpc": "2.0", "method": "$/unknownNotification", "params": {}}`)
	s.send(`{"jsonrpc": "2.0", "id": 6, "method": "shutdown"}`)
	if m := s.next(); m["id"] != 6.0 || m["error"] != nil {
		t.Errorf("shutdown: %v (an unknown notification must get no answer)", m)
	}
	s.send(`{"jsonrpc": "2.0", "method": "exit"}`)
	select {
	case code := <-s.end:
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit")
	}
}

func TestHugeDocumentIsOneDiagnostic(t *testing.T) {
	_, uri := workspace(t, "huge.md", report)
	c := startServer(t, Options{MaxSize: 64 << 10})
	c.initialize()
	huge := report + strings.Repeat("Crime rose in the capital. ", 4000) // about 108 KB
	c.open(uri, huge)
	ds := c.diagnosticsFor(uri, 1)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "over the size limit of 65536") || ds[0].Range.Start != (Position{}) {
		t.Fatalf("huge document: %+v", ds)
	}
	// Cut back under the limit, it is checked again.
	c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: 2}, ContentChanges: []contentChange{{Text: report}}})
	if got := codes(c.diagnosticsFor(uri, 2)); got != "style/misspelling style/redundant-acronym undated-relative-time" {
		t.Errorf("after the cut: %s", got)
	}
}

func TestConfigurationChangesRecheck(t *testing.T) {
	path, uri := workspace(t, "freedonia.md", report)
	config := filepath.Join(filepath.Dir(path), ".reportlint.yaml")
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, report)
	c.diagnosticsFor(uri, 1)

	// A broken configuration: one diagnostic on it, one on the report.
	write := func(text string) {
		if err := os.WriteFile(config, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": fileURI(config), "type": 2}}})
	}
	write("as-of: 2025-06-01\nrulez: {}\n")
	var onConfig, onReport []Diagnostic
	for onConfig == nil || onReport == nil {
		select {
		case p := <-c.diags:
			switch p.URI {
			case fileURI(config):
				if len(p.Diagnostics) > 0 {
					onConfig = p.Diagnostics
				}
			case uri:
				onReport = p.Diagnostics
			}
		case <-time.After(10 * time.Second):
			t.Fatal("no diagnostics for the broken configuration")
		}
	}
	if len(onConfig) != 1 || onConfig[0].Range.Start.Line != 1 || !strings.Contains(onConfig[0].Message, "rulez") {
		t.Errorf("on the configuration: %+v", onConfig)
	}
	if len(onReport) != 1 || !strings.Contains(onReport[0].Message, "not checked: the configuration cannot be used") {
		t.Errorf("on the report: %+v", onReport)
	}

	// Repaired, turning a rule off: the report is checked under it, and the
	// configuration's diagnostic is cleared.
	write("as-of: 2025-06-01\nrules:\n  style/misspelling: off\n")
	cleared, rechecked := false, false
	for !cleared || !rechecked {
		select {
		case p := <-c.diags:
			switch {
			case p.URI == fileURI(config) && len(p.Diagnostics) == 0:
				cleared = true
			case p.URI == uri:
				if got := codes(p.Diagnostics); got != "style/redundant-acronym undated-relative-time" {
					t.Fatalf("after the repair: %s", got)
				}
				rechecked = true
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("after the repair: cleared %v, rechecked %v", cleared, rechecked)
		}
	}
}

// A client that offers dynamic registration is asked to watch the
// configuration files.
func TestWatchRegistration(t *testing.T) {
	s := startRaw(t, Options{})
	s.send(`{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}}`)
	s.next()
	s.send(`{"jsonrpc": "2.0", "method": "initialized", "params": {}}`)
	m := s.next()
	if m["method"] != "client/registerCapability" || !strings.Contains(fmt.Sprint(m["params"]), "**/.reportlint.yaml") {
		t.Errorf("after initialized: %v", m)
	}
}

// A didChange of more changes than any editor sends is refused, and the
// report says so until its whole text comes again.
func TestTooManyChanges(t *testing.T) {
	_, uri := workspace(t, "freedonia.md", report)
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, report)
	c.diagnosticsFor(uri, 1)
	changes := make([]contentChange, maxChanges+1)
	for i := range changes {
		changes[i] = contentChange{Range: &Range{}, Text: "x"}
	}
	err := c.call("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: 2}, ContentChanges: changes}, nil)
	if e, ok := err.(*jsonrpc2.Error); !ok || e.Code != codeInvalidParams {
		t.Errorf("%d changes: %v, want error %d", len(changes), err, codeInvalidParams)
	}
	if ds := c.diagnosticsFor(uri, 2); len(ds) != 1 || !strings.Contains(ds[0].Message, "could not follow a change") {
		t.Errorf("after too many changes: %+v", ds)
	}
	c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: 3}, ContentChanges: []contentChange{{Text: report}}})
	if got := codes(c.diagnosticsFor(uri, 3)); got != "style/misspelling style/redundant-acronym undated-relative-time" {
		t.Errorf("after the whole text: %s", got)
	}
}

// The configuration and other YAML or JSON files an editor opens are not
// reports: they get no diagnostics, and no schema findings.
func TestOtherYAMLIsNotAReport(t *testing.T) {
	path, _ := workspace(t, "freedonia.md", report)
	cfg := filepath.Join(filepath.Dir(path), ".reportlint.yaml")
	c := startServer(t, Options{})
	c.initialize()
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: fileURI(cfg), LanguageID: "yaml", Version: 1, Text: "as-of: 2025-06-01\n"}})
	if ds := c.diagnosticsFor(fileURI(cfg), 1); len(ds) != 0 {
		t.Errorf("diagnostics on the configuration: %+v", ds)
	}
	// A report in YAML is checked.
	yamlReport := filepath.Join(filepath.Dir(path), "freedonia.yaml")
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: fileURI(yamlReport), LanguageID: "yaml", Version: 1,
		Text: "title: Freedonia 2025 Crime & Safety Report\ncountry: Freedonia\nsections:\n  - title: Crime\n    paragraphs:\n      - text: Police recently said that crime rose.\n"}})
	if ds := c.diagnosticsFor(fileURI(yamlReport), 1); codes(ds) != "undated-relative-time" || ds[0].Range.Start != (Position{5, 21}) {
		t.Errorf("diagnostics on a YAML report: %+v", ds)
	}
}

// Not every client watches files for the server: a configuration changed
// on disk is noticed at the next check, and every open report is checked
// again under it.
func TestConfigurationChangeNoticedWithoutWatching(t *testing.T) {
	path, uri := workspace(t, "freedonia.md", report)
	other := filepath.Join(filepath.Dir(path), "other.md")
	otherURI := fileURI(other)
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, report)
	c.diagnosticsFor(uri, 1)
	c.open(otherURI, report)
	c.diagnosticsFor(otherURI, 1)
	cfg := filepath.Join(filepath.Dir(path), ".reportlint.yaml")
	if err := os.WriteFile(cfg, []byte("as-of: 2025-06-01\nrules:\n  undated-relative-time: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A later modification time, whatever the file system's resolution.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(cfg, later, later); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: 2}, ContentChanges: []contentChange{{Text: report + "\n"}}})
	c.waitFor(otherURI, "style/misspelling style/redundant-acronym")
}

// --config: every report is checked under the named configuration, not
// the one found from its folder.
func TestNamedConfiguration(t *testing.T) {
	_, uri := workspace(t, "freedonia.md", report)
	named := filepath.Join(t.TempDir(), "house.yaml")
	if err := os.WriteFile(named, []byte("as-of: 2025-06-01\nrules:\n  style/redundant-acronym: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startServer(t, Options{Config: named})
	c.initialize()
	c.open(uri, report)
	if got := codes(c.diagnosticsFor(uri, 1)); got != "style/misspelling undated-relative-time" {
		t.Errorf("under --config: %s", got)
	}
}
