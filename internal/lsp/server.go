// Package lsp is `reportlint lsp`: a Language Server Protocol server over
// standard input and output. It is a front door beside internal/cli: the
// findings it shows are the check pipeline's (engine.Lint under the
// configuration pipeline.Configure builds), its fixes the fix path's
// (fixes.Plan), its explanations the rule registry's. It never writes a
// file: every change goes to the client as an edit.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/sourcegraph/jsonrpc2"

	"github.com/reportlint/reportlint/internal/source"
)

// Options configure a server.
type Options struct {
	Version string
	// MaxSize is the largest report checked; a larger one gets one
	// diagnostic saying so. 0: source.DefaultMaxSize.
	MaxSize int64
	// Debounce is how long after a change the report is checked, so that
	// a burst of keystrokes is checked once. Negative: at once.
	Debounce time.Duration
	// Config, if set, is the configuration every report is checked
	// under, instead of the .reportlint.yaml found from its folder.
	Config string
	// Log receives the server's own troubles (stderr, in the command).
	Log func(format string, args ...any)
}

// maxChanges is the most changes one didChange may carry.
const maxChanges = 1000

// DefaultDebounce is short: a check of a large report takes a few
// milliseconds, and an editor sends a change per keystroke.
const DefaultDebounce = 20 * time.Millisecond

// Server is one client's session.
type Server struct {
	opt  Options
	runs *runs

	mu          sync.Mutex
	conn        *jsonrpc2.Conn
	encoding    string
	initialized bool
	watch       bool // the client watches files for the server
	canCreate   bool // the client can create a file in a workspace edit
	shutdown    bool
	exited      chan struct{}
	exitOnce    sync.Once
	docs        map[string]*openDoc // by URI
	publish     sync.Mutex          // orders "is this still current" with sending
	configDiags map[string]bool     // configuration files holding a diagnostic
}

// openDoc is a report the client has open.
type openDoc struct {
	uri, path string
	version   int
	text      string
	timer     *time.Timer
	last      *analysis // of the newest version checked
	// lost is set when the server could not follow a change: the text it
	// holds is not the client's until the whole text comes again.
	lost bool
}

// Serve runs a server on in and out until the client exits or the stream
// ends, and returns the exit code the protocol asks for: 0 after shutdown
// and exit, 1 otherwise.
func Serve(ctx context.Context, in io.Reader, out io.Writer, opt Options) int {
	if opt.MaxSize <= 0 {
		opt.MaxSize = source.DefaultMaxSize
	}
	if opt.Debounce == 0 {
		opt.Debounce = DefaultDebounce
	}
	if opt.Log == nil {
		opt.Log = func(string, ...any) {}
	}
	s := &Server{opt: opt, runs: newRuns(opt.MaxSize, opt.Config), encoding: encodingUTF16, exited: make(chan struct{}),
		docs: map[string]*openDoc{}, configDiags: map[string]bool{}}
	// A message holds a whole report, JSON-escaped: room for the largest
	// report checked, escaped, and then some; a larger one is refused
	// unread.
	st := newStream(in, out, nil, 2*opt.MaxSize+1<<20)
	conn := jsonrpc2.NewConn(ctx, st, jsonrpc2.HandlerWithError(s.handle), jsonrpc2.SetLogger(logger{opt.Log}))
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	select {
	case <-conn.DisconnectNotify():
	case <-s.exited:
		conn.Close()
	case <-ctx.Done():
		conn.Close()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
	if s.shutdown {
		return 0
	}
	return 1
}

type logger struct{ f func(string, ...any) }

func (l logger) Printf(format string, args ...any) { l.f(strings.TrimSuffix(format, "\n"), args...) }

func rpcError(code int, format string, args ...any) *jsonrpc2.Error {
	return &jsonrpc2.Error{Code: int64(code), Message: fmt.Sprintf(format, args...)}
}

// handle answers one message. Messages are handled one at a time, in the
// order they came, so that a change is never applied before the one
// before it; checks run apart, after the debounce.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		// A bug met by one request is that request's error, not the end of
		// the session.
		if p := recover(); p != nil {
			buf := make([]byte, 4096)
			buf = buf[:runtime.Stack(buf, false)]
			s.opt.Log("reportlint lsp: internal error in %s: %v\n%s", req.Method, p, buf)
			result, err = nil, rpcError(codeRequestFailed, "internal error in %s: %v; please report this", req.Method, p)
		}
	}()
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case req.Method == "exit":
		s.exitOnce.Do(func() { close(s.exited) })
		return nil, nil
	case req.Method == "initialize":
		if initialized {
			return nil, rpcError(codeInvalidRequest, "initialize was already received")
		}
		return s.initialize(req)
	case !initialized:
		if req.Notif {
			return nil, nil // dropped, as the protocol says
		}
		return nil, rpcError(-32002, "the server is not initialized")
	case shutdown:
		return nil, rpcError(codeInvalidRequest, "the server is shut down; only exit is accepted")
	}
	switch req.Method {
	case "initialized":
		s.watchConfigFiles(conn)
		return nil, nil
	case "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		s.open(p)
		return nil, nil
	case "textDocument/didChange":
		var p didChangeParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return nil, s.change(p)
	case "textDocument/didSave":
		var p didSaveParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		s.save(p)
		return nil, nil
	case "textDocument/didClose":
		var p didCloseParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		s.close(p.TextDocument.URI)
		return nil, nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p)
	case "textDocument/hover":
		var p textDocumentPositionParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.hoverAt(p)
	case "textDocument/documentSymbol":
		var p documentSymbolParams
		if err := decode(req, &p); err != nil {
			return nil, err
		}
		return s.symbols(p.TextDocument.URI)
	case "workspace/didChangeWatchedFiles":
		s.recheckAll()
		return nil, nil
	}
	if req.Notif {
		return nil, nil // an unknown notification is ignored, as the protocol says
	}
	return nil, rpcError(codeMethodNotFound, "reportlint does not handle %s", req.Method)
}

func decode(req *jsonrpc2.Request, v any) error {
	if req.Params == nil {
		return rpcError(codeInvalidParams, "%s needs params", req.Method)
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return rpcError(codeInvalidParams, "%s: %v", req.Method, err)
	}
	return nil
}

func (s *Server) initialize(req *jsonrpc2.Request) (any, error) {
	var p initializeParams
	if err := decode(req, &p); err != nil {
		return nil, err
	}
	// UTF-8 where the client offers it: it is what the server counts in,
	// and what Neovim and Helix prefer. UTF-16 otherwise, the protocol's
	// default, which every client understands.
	enc := encodingUTF16
	if slices.Contains(p.Capabilities.General.PositionEncodings, encodingUTF8) {
		enc = encodingUTF8
	}
	s.mu.Lock()
	s.initialized, s.encoding = true, enc
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	we := p.Capabilities.Workspace.WorkspaceEdit
	s.canCreate = we.DocumentChanges && slices.Contains(we.ResourceOperations, "create")
	s.mu.Unlock()
	return initializeResult{
		Capabilities: serverCaps{
			PositionEncoding:       enc,
			TextDocumentSync:       textDocumentSyncOpts{OpenClose: true, Change: 2, Save: saveOptions{}},
			CodeActionProvider:     &codeActionOptions{CodeActionKinds: []string{kindQuickFix, kindFixAll}},
			HoverProvider:          true,
			DocumentSymbolProvider: true,
		},
		ServerInfo: serverInfo{Name: "reportlint", Version: s.opt.Version},
	}, nil
}

// pathOf is the file a URI names; a URI that is not a file (an unsaved
// buffer) is checked as a plain-text report of that name.
func pathOf(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return filepath.Join(".", filepath.Base(uri))
	}
	p := u.Path
	if runtime.GOOS == "windows" && len(p) > 2 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // file:///C:/reports/mali.md
	}
	return filepath.FromSlash(p)
}

func (s *Server) open(p didOpenParams) {
	d := &openDoc{uri: p.TextDocument.URI, path: pathOf(p.TextDocument.URI), version: p.TextDocument.Version, text: p.TextDocument.Text}
	s.mu.Lock()
	if old := s.docs[d.uri]; old != nil && old.timer != nil {
		old.timer.Stop()
	}
	s.docs[d.uri] = d
	s.mu.Unlock()
	s.check(d.uri)
}

func (s *Server) change(p didChangeParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return rpcError(codeInvalidParams, "didChange for %s, which is not open", p.TextDocument.URI)
	}
	if len(p.ContentChanges) > maxChanges {
		// Each change is applied to the whole text in turn: a message of
		// a million changes would take time in their number times the
		// report's size. No editor sends that many at once.
		d.lost, d.version = true, p.TextDocument.Version
		s.schedule(d)
		return rpcError(codeInvalidParams, "didChange with %d changes, over the limit of %d; close and reopen the report", len(p.ContentChanges), maxChanges)
	}
	for _, c := range p.ContentChanges {
		if c.Range == nil {
			d.text, d.lost = c.Text, false
			continue
		}
		x := newLineIndex(d.text, s.encoding)
		start, end := x.offset(c.Range.Start), x.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		d.text = d.text[:start] + c.Text + d.text[end:]
	}
	d.version = p.TextDocument.Version
	s.schedule(d)
	return nil
}

// schedule checks d once the debounce has passed with no further change.
// s.mu is held.
func (s *Server) schedule(d *openDoc) {
	if d.timer != nil {
		d.timer.Stop()
	}
	if s.opt.Debounce < 0 {
		go s.check(d.uri)
		return
	}
	uri := d.uri
	d.timer = time.AfterFunc(s.opt.Debounce, func() { s.check(uri) })
}

func (s *Server) save(p didSaveParams) {
	uri := p.TextDocument.URI
	if isConfigFile(pathOf(uri)) {
		s.recheckAll()
		return
	}
	s.mu.Lock()
	d := s.docs[uri]
	if d != nil && p.Text != nil {
		d.text = *p.Text
	}
	s.mu.Unlock()
	if d != nil {
		s.check(uri)
	}
}

func (s *Server) close(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	delete(s.docs, uri)
	if d != nil && d.timer != nil {
		d.timer.Stop()
	}
	s.mu.Unlock()
	s.publish.Lock()
	defer s.publish.Unlock()
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
}

// isConfigFile says whether a saved file may change what a report's check
// finds: the configuration, or a pack, house profile or schema it names
// (YAML or JSON).
func isConfigFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// recheckAll reads the configurations again and checks every open report.
func (s *Server) recheckAll() {
	s.runs.forget()
	s.clearConfigDiagnostics()
	s.mu.Lock()
	var uris []string
	for uri := range s.docs {
		uris = append(uris, uri)
	}
	s.mu.Unlock()
	slices.Sort(uris)
	for _, uri := range uris {
		s.check(uri)
	}
}

// check checks the newest text of a report and publishes its diagnostics,
// unless a newer version came meanwhile (its own check will publish).
func (s *Server) check(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return
	}
	path, text, version, enc, lost := d.path, d.text, d.version, s.encoding, d.lost
	s.mu.Unlock()

	var a *analysis
	if lost {
		a = &analysis{version: version, index: newLineIndex("", enc), run: &run{},
			failure: &failure{message: "not checked: the server could not follow a change to this report; close and reopen it"}}
	} else {
		rn, changed := s.runs.forPath(path)
		if changed {
			// The configuration changed on disk: every open report is
			// checked again under it, this one among them.
			go s.recheckAll()
			return
		}
		a = analyse(rn, path, text, version, enc)
	}

	s.publish.Lock()
	defer s.publish.Unlock()
	s.mu.Lock()
	current := s.docs[uri] == d && d.version == version && d.text == text
	if current {
		d.last = a
	}
	s.mu.Unlock()
	if !current {
		return
	}
	v := version
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Version: &v, Diagnostics: diagnostics(a)})
	switch {
	case a.run.err != nil && a.run.configPath != "":
		s.configDiagnostic(a.run)
	case a.run.configPath != "":
		s.clearConfigDiagnostic(a.run.configPath)
	}
}

func (s *Server) notify(method string, params any) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if conn == nil {
		return
	}
	if err := conn.Notify(context.Background(), method, params); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
		s.opt.Log("reportlint lsp: %s: %v", method, err)
	}
}

// watchConfigFiles asks the client to say when a configuration, pack,
// house profile or schema changes on disk, so that open reports are
// checked again under it. The request waits for the client's answer, so
// it goes apart from the message loop.
func (s *Server) watchConfigFiles(conn *jsonrpc2.Conn) {
	s.mu.Lock()
	watch := s.watch
	s.mu.Unlock()
	if !watch {
		return
	}
	var watchers []fileSystemWatcher
	for _, g := range []string{"**/.reportlint.yaml", "**/*.yaml", "**/*.yml", "**/*.json"} {
		watchers = append(watchers, fileSystemWatcher{GlobPattern: g})
	}
	params := registrationParams{Registrations: []registration{{ID: "reportlint-config", Method: "workspace/didChangeWatchedFiles",
		RegisterOptions: map[string]any{"watchers": watchers}}}}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := conn.Call(ctx, "client/registerCapability", params, nil); err != nil && !errors.Is(err, jsonrpc2.ErrClosed) {
			s.opt.Log("reportlint lsp: watching configuration files: %v", err)
		}
	}()
}
