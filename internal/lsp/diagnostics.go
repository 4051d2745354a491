package lsp

import (
	"errors"
	"net/url"
	"path/filepath"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// diagnostics are an analysis's findings as the client shows them: the
// same rule ids, levels, messages and hints as check.
func diagnostics(a *analysis) []Diagnostic {
	out := []Diagnostic{}
	if a.failure != nil {
		at := a.index.position(a.failure.offset)
		return append(out, Diagnostic{Range: Range{Start: at, End: at}, Severity: severityError, Source: "reportlint",
			Message: source.PrintableText(a.failure.message)})
	}
	for i := range a.findings {
		out = append(out, diagnostic(a, &a.findings[i]))
	}
	return out
}

func diagnostic(a *analysis, fd *lint.Finding) Diagnostic {
	msg := fd.Message
	if fd.Hint != "" {
		msg += "\nhint: " + fd.Hint
	}
	return Diagnostic{
		Range:    a.rangeOf(fd.Span.Start, fd.Span.End),
		Severity: severity(fd.Level),
		Code:     fd.Rule,
		Source:   "reportlint",
		// The client shows the message as text; a control character or
		// bidi control from the report is written as an escape, as in
		// every other output.
		Message: source.PrintableText(msg),
	}
}

// rangeOf is the LSP range of a span of the normalised text.
func (a *analysis) rangeOf(start, end int) Range {
	if end < start {
		end = start
	}
	return Range{Start: a.index.position(a.file.OriginalOffset(start)), End: a.index.position(a.file.OriginalOffset(end))}
}

func severity(l lint.Level) int {
	switch l {
	case lint.Error:
		return severityError
	case lint.Warning:
		return severityWarning
	}
	return severityInformation
}

func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// configDiagnostic puts a broken configuration's error on the file it is
// in, at its line and column when it has them. s.publish is held.
func (s *Server) configDiagnostic(rn *run) {
	var at Position
	path := rn.configPath
	var ce *config.Error
	if errors.As(rn.err, &ce) {
		path = ce.Path
		at = Position{Line: max(ce.Line-1, 0), Character: max(ce.Column-1, 0)}
	}
	uri := fileURI(path)
	s.mu.Lock()
	s.configDiags[uri] = true
	s.mu.Unlock()
	s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{{
		Range: Range{Start: at, End: at}, Severity: severityError, Source: "reportlint", Message: source.PrintableText(rn.err.Error())}}})
}

// clearConfigDiagnostics clears the diagnostics of configuration files
// before they are read again.
func (s *Server) clearConfigDiagnostics() {
	s.mu.Lock()
	var uris []string
	for uri := range s.configDiags {
		uris = append(uris, uri)
	}
	s.configDiags = map[string]bool{}
	s.mu.Unlock()
	s.publish.Lock()
	defer s.publish.Unlock()
	for _, uri := range uris {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}

// clearConfigDiagnostic clears the diagnostic of a configuration file
// once it can be used. s.publish is held.
func (s *Server) clearConfigDiagnostic(path string) {
	uri := fileURI(path)
	s.mu.Lock()
	had := s.configDiags[uri]
	delete(s.configDiags, uri)
	s.mu.Unlock()
	if had {
		s.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
	}
}
