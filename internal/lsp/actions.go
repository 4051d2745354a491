package lsp

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/fixes"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// Code action kinds.
const (
	kindQuickFix = "quickfix"
	kindFixAll   = "source.fixAll.reportlint"
)

// current is the analysis of a report's newest text, made now if the last
// one is older: an action or a hover must match the text the client has.
func (s *Server) current(uri string) (*analysis, error) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return nil, rpcError(codeInvalidParams, "%s is not open", uri)
	}
	if a := d.last; a != nil && a.version == d.version && (a.index.text == d.text || d.lost) {
		s.mu.Unlock()
		return a, nil
	}
	path, text, version, enc := d.path, d.text, d.version, s.encoding
	s.mu.Unlock()
	rn, _ := s.runs.forPath(path)
	return analyse(rn, path, text, version, enc), nil
}

func (s *Server) codeActions(p codeActionParams) ([]CodeAction, error) {
	a, err := s.current(p.TextDocument.URI)
	if err != nil || a.file == nil {
		return []CodeAction{}, err
	}
	uri := p.TextDocument.URI
	start, end := a.index.offset(p.Range.Start), a.index.offset(p.Range.End)
	wanted := func(kind string) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, o := range p.Context.Only {
			if kind == o || strings.HasPrefix(kind, o+".") {
				return true
			}
		}
		return false
	}
	out := []CodeAction{}
	var disables []CodeAction
	fixable := 0
	for i := range a.findings {
		fd := &a.findings[i]
		if fd.Fix != nil {
			fixable++
		}
		fs, fe := a.file.OriginalOffset(fd.Span.Start), a.file.OriginalOffset(max(fd.Span.End, fd.Span.Start))
		// A cursor touching a finding's either end is on it.
		if fe < start || fs > end || !wanted(kindQuickFix) {
			continue
		}
		diag := diagnostic(a, fd)
		if fd.Fix != nil {
			out = append(out, CodeAction{Title: fixTitle(fd), Kind: kindQuickFix, Diagnostics: []Diagnostic{diag}, IsPreferred: true,
				Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{uri: a.textEdits(fd.Fix.Edits)}}})
		}
		disables = append(disables, a.disableActions(uri, fd, diag)...)
		disables = append(disables, s.ignoreActions(a, fd, diag)...)
	}
	if fixable > 0 && (wanted(kindFixAll) || wanted(kindQuickFix) && len(p.Context.Only) == 0) {
		data, n, err := fixAll(a.run, a.file, a.findings)
		if err != nil {
			return nil, rpcError(codeRequestFailed, "fix all: %v", err)
		}
		if n > 0 {
			out = append(out, CodeAction{Title: fmt.Sprintf("Fix all safe problems in this file (%d)", n), Kind: kindFixAll,
				Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{uri: {a.wholeEdit(string(data))}}}})
		}
	}
	return append(out, disables...), nil
}

func fixTitle(fd *lint.Finding) string {
	title := fd.Fix.Message
	if title == "" {
		title = "fix " + fd.Rule
	}
	return source.PrintableLine(strings.ToUpper(title[:1]) + title[1:])
}

// textEdits are a fix's edits of the normalised text as edits of the
// client's, whose line ends they keep.
func (a *analysis) textEdits(edits []lint.Edit) []TextEdit {
	crlf := fixes.UsesCRLF(a.file.Raw)
	out := make([]TextEdit, 0, len(edits))
	for _, e := range edits {
		text := e.New
		if crlf {
			text = strings.ReplaceAll(text, "\n", "\r\n")
		}
		out = append(out, TextEdit{Range: a.rangeOf(e.Span.Start, e.Span.End), NewText: text})
	}
	return out
}

// wholeEdit is one edit turning the client's text into fixed: the part
// between what the two share at the start and at the end, so that the
// cursor and folds outside it stay put.
func (a *analysis) wholeEdit(fixed string) TextEdit {
	old := a.index.text
	pre := 0
	for pre < len(old) && pre < len(fixed) && old[pre] == fixed[pre] {
		pre++
	}
	for pre > 0 && !utf8.RuneStart(old[pre]) {
		pre--
	}
	suf := 0
	for suf < len(old)-pre && suf < len(fixed)-pre && old[len(old)-1-suf] == fixed[len(fixed)-1-suf] {
		suf++
	}
	for suf > 0 && len(old)-suf < len(old) && !utf8.RuneStart(old[len(old)-suf]) {
		suf--
	}
	return TextEdit{Range: Range{Start: a.index.position(pre), End: a.index.position(len(old) - suf)}, NewText: fixed[pre : len(fixed)-suf]}
}

// disableActions silence a finding's rule with an inline directive, in a
// Markdown report, where an HTML comment is not published. A plain-text
// report is published as it is written, so it gets none: ignoreActions
// write the configuration's ignore-findings entry instead.
func (a *analysis) disableActions(uri string, fd *lint.Finding, diag Diagnostic) []CodeAction {
	if a.report == nil || a.report.Format != document.FormatMarkdown || fd.Rule == "too-many-findings" || fd.Rule == "bad-directive" {
		return nil
	}
	rule := source.PrintableLine(fd.Rule)
	f := a.file
	line := f.Position(fd.Span.Start).Line
	var onLine lint.Edit
	if line == 1 || strings.TrimSpace(f.Line(line-1)) == "" {
		// The first line of a block: a comment line above it silences it
		// without joining the paragraph.
		onLine = lint.Edit{Span: document.Span{Start: f.LineStart(line), End: f.LineStart(line)},
			New: "<!-- reportlint-disable-next-line " + fd.Rule + " -->\n"}
	} else {
		// Inside a paragraph a comment line would split it: the directive
		// goes at the end of the line instead.
		end := f.LineEnd(line)
		onLine = lint.Edit{Span: document.Span{Start: end, End: end}, New: " <!-- reportlint-disable-line " + fd.Rule + " -->"}
	}
	top := frontMatterEnd(f.Text)
	forFile := lint.Edit{Span: document.Span{Start: top, End: top}, New: "<!-- reportlint-disable " + fd.Rule + " -->\n\n"}
	return []CodeAction{
		{Title: "Disable " + rule + " on this line", Kind: kindQuickFix, Diagnostics: []Diagnostic{diag},
			Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{uri: a.textEdits([]lint.Edit{onLine})}}},
		{Title: "Disable " + rule + " for this file", Kind: kindQuickFix, Diagnostics: []Diagnostic{diag},
			Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{uri: a.textEdits([]lint.Edit{forFile})}}},
	}
}

// frontMatterEnd is the offset just after a Markdown report's YAML front
// matter, or 0: a directive must not go before the front matter, which
// has to open the file.
func frontMatterEnd(text string) int {
	if !strings.HasPrefix(text, "---\n") {
		return 0
	}
	i := strings.Index(text[4:], "\n---")
	if i < 0 {
		return 0
	}
	end := 4 + i + len("\n---")
	if nl := strings.IndexByte(text[end:], '\n'); nl >= 0 {
		return end + nl + 1
	}
	return len(text)
}
