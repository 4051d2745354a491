package lsp

import (
	"strings"
	"testing"
)

// rated is a report written for these tests, with a threat rating, a
// dated sentence and a misspelling.
const rated = `---
title: Freedonia 2025 Crime & Safety Report
country: Freedonia
published: 2025-03-01
---

# Freedonia 2025 Crime & Safety Report

## Crime Environment

The U.S. Department of State has assessed Fredville as being a **HIGH**-threat location for crime.

Thefts rose in May 2024 and alot of visitors noticed.
`

func hoverText(t *testing.T, c *client, uri string, line, char int) string {
	t.Helper()
	var h *hover
	if err := c.call("textDocument/hover", textDocumentPositionParams{TextDocument: textDocumentIdentifier{URI: uri}, Position: Position{line, char}}, &h); err != nil {
		t.Fatal(err)
	}
	if h == nil {
		return ""
	}
	if h.Contents.Kind != "plaintext" {
		t.Errorf("hover kind %q", h.Contents.Kind)
	}
	return h.Contents.Value
}

func TestHover(t *testing.T) {
	_, uri := workspace(t, "rated.md", rated)
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, rated)
	c.diagnosticsFor(uri, 1)
	dated := strings.Split(rated, "\n")[12]
	tests := []struct {
		name       string
		line, char int
		want       []string
	}{
		{"finding", 12, strings.Index(dated, "alot") + 1, []string{`"alot" is a misspelling`, "style/misspelling (warning", "Flagged:"}},
		{"date", 12, strings.Index(dated, "2024"), []string{`Date "May 2024": 2024-05-01 to 2024-05-31 (to the month)`,
			"Published 2025-03-01: 9 months before it.", "As of 2025-06-01: 12 months before it."}},
		{"rating", 10, strings.Index(strings.Split(rated, "\n")[10], "HIGH"), []string{"Threat rating: HIGH for crime in Fredville.",
			"Scale, lowest to highest: LOW < MEDIUM < HIGH < CRITICAL.", "HIGH is 3 of 4."}},
		{"nothing", 8, 3, nil},
	}
	for _, tt := range tests {
		got := hoverText(t, c, uri, tt.line, tt.char)
		if tt.want == nil && got != "" {
			t.Errorf("%s: hover %q, want none", tt.name, got)
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: hover lacks %q:\n%s", tt.name, w, got)
			}
		}
	}
}

func TestDocumentSymbols(t *testing.T) {
	_, uri := workspace(t, "rated.md", rated)
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, rated)
	var syms []DocumentSymbol
	if err := c.call("textDocument/documentSymbol", documentSymbolParams{TextDocument: textDocumentIdentifier{URI: uri}}, &syms); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	var walk func([]DocumentSymbol, string)
	walk = func(ss []DocumentSymbol, indent string) {
		for _, s := range ss {
			b.WriteString(indent + s.Name)
			if s.Detail != "" {
				b.WriteString(" (" + s.Detail + ")")
			}
			b.WriteString("\n")
			walk(s.Children, indent+"  ")
		}
	}
	walk(syms, "")
	want := `Facts (generic)
  Published 2025-03-01
  crime HIGH (Fredville)
Crime Environment
`
	if b.String() != want {
		t.Errorf("outline:\n%s\nwant:\n%s", b.String(), want)
	}
	// The section's range holds the rating's paragraph; its name is its heading.
	crime := syms[1]
	if crime.SelectionRange.Start.Line != 8 || crime.Range.End.Line < 12 {
		t.Errorf("Crime Environment: range %v, selection %v", crime.Range, crime.SelectionRange)
	}
}
