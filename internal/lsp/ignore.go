package lsp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// ignoreActions silence a finding of a plain-text report from the
// configuration (ignore-findings), as docs/configuration.md advises: a
// directive in the text would be published with it. "On this line" gives
// the line's words as the entry's text, "for this file" only the rule.
// The entry goes into the .reportlint.yaml the report is checked under,
// or a new one beside the report where the client can create files.
func (s *Server) ignoreActions(a *analysis, fd *lint.Finding, diag Diagnostic) []CodeAction {
	if a.report == nil || a.report.Format == "markdown" || fd.Rule == "too-many-findings" || a.run.err != nil {
		return nil
	}
	cfgPath := a.run.configPath
	if cfgPath == "" {
		if !s.canCreate {
			return nil
		}
		cfgPath = filepath.Join(filepath.Dir(a.file.Path), config.FileName)
	}
	rel, err := filepath.Rel(filepath.Dir(cfgPath), a.file.Path)
	if err != nil || strings.ContainsAny(rel, `*?[]{}\`) || strings.HasPrefix(rel, "..") {
		return nil // not a path a glob can name as it is
	}
	quote := func(v string) string { b, _ := json.Marshal(v); return string(b) } // JSON strings are YAML
	line := strings.TrimSpace(a.file.Line(fd.Start.Line))
	rule := source.PrintableLine(fd.Rule)
	var out []CodeAction
	files, rules := "files: ["+quote(filepath.ToSlash(rel))+"]", "rules: ["+quote(fd.Rule)+"]"
	for _, e := range []struct {
		title string
		entry []string
	}{
		{"Ignore " + rule + " on this line (in " + config.FileName + ")", []string{files, rules, "text: " + quote(line)}},
		{"Ignore " + rule + " in this file (in " + config.FileName + ")", []string{files, rules}},
	} {
		if line == "" && len(e.entry) == 3 {
			continue
		}
		edit, ok := s.configEdit(cfgPath, a.run.configPath == "", e.entry)
		if !ok {
			continue
		}
		out = append(out, CodeAction{Title: e.title, Kind: kindQuickFix, Diagnostics: []Diagnostic{diag}, Edit: edit})
	}
	return out
}

// configEdit adds an ignore-findings entry (its lines, the first after
// "- ") to the configuration at path: into its ignore-findings list when
// it has a block one, as a new key at its end when it has none, in a new
// file when create is set. A list the edit cannot place an entry in
// (written in flow style, empty) gets no action.
func (s *Server) configEdit(path string, create bool, entry []string) (*WorkspaceEdit, bool) {
	uri := fileURI(path)
	if create {
		return &WorkspaceEdit{DocumentChanges: []any{
			createFile{Kind: "create", URI: uri, Options: &createFileOptions{IgnoreIfExists: true}},
			textDocumentEdit{TextDocument: optionalVersionedTextDocumentIdentifier{URI: uri},
				Edits: []TextEdit{{NewText: "ignore-findings:\n" + item("  ", entry)}}},
		}}, true
	}
	data, err := os.ReadFile(path)
	if err != nil || len(data) > 1<<20 {
		return nil, false
	}
	text := string(data)
	x := newLineIndex(text, s.encodingNow())
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return nil, false
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "ignore-findings" {
			continue
		}
		seq := m.Content[i+1]
		if seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 || len(seq.Content) == 0 {
			return nil, false
		}
		first := seq.Content[0]
		indent := strings.Repeat(" ", max(first.Column-3, 0)) // the dash is two columns before the item
		at := Position{Line: first.Line - 1}
		return &WorkspaceEdit{Changes: map[string][]TextEdit{uri: {{Range: Range{Start: at, End: at}, NewText: item(indent, entry)}}}}, true
	}
	end := x.position(len(text))
	prefix := ""
	if text != "" && !strings.HasSuffix(text, "\n") {
		prefix = "\n"
	}
	return &WorkspaceEdit{Changes: map[string][]TextEdit{uri: {{Range: Range{Start: end, End: end}, NewText: prefix + "ignore-findings:\n" + item("  ", entry)}}}}, true
}

// item is a YAML block sequence item of lines, its dash at indent.
func item(indent string, lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i == 0 {
			b.WriteString(indent + "- " + l + "\n")
		} else {
			b.WriteString(indent + "  " + l + "\n")
		}
	}
	return b.String()
}

func (s *Server) encodingNow() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.encoding
}
