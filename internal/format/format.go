// Package format writes findings for people and for tools, one file per
// output format.
package format

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// Run is everything a formatter may show about one check run.
type Run struct {
	Findings []lint.Finding
	// Files holds the checked files by path, for excerpts.
	Files map[string]*source.File
	// Checked is the number of files read and checked.
	Checked int
	Tool    Tool
	// Rules are every rule of the run, for formats that describe them (SARIF).
	Rules []*lint.Rule
	// Color turns on terminal colours in formats that have them.
	Color bool
}

// Tool names the program, for formats that record it.
type Tool struct {
	Name, Version, InfoURI string
}

// Summary counts findings by level.
type Summary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Summarize counts the run's findings.
func (r *Run) Summarize() Summary {
	s := Summary{Files: r.Checked}
	for _, f := range r.Findings {
		switch f.Level {
		case lint.Error:
			s.Errors++
		case lint.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	return s
}

// Formatter writes a run in one format.
type Formatter func(w io.Writer, r *Run) error

var formatters = map[string]Formatter{}

func register(name string, f Formatter) { formatters[name] = f }

// Get returns the named formatter.
func Get(name string) (Formatter, error) {
	if f, ok := formatters[name]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown format %q; use one of %s", name, strings.Join(Names(), ", "))
}

// Names lists the formats, sorted.
func Names() []string {
	var out []string
	for n := range formatters {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Plural counts a regular noun: "1 file", "3 files".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// SummaryLine is the one-line summary that ends text output.
func SummaryLine(s Summary) string {
	return fmt.Sprintf("%s checked: %s, %s, %s", Plural(s.Files, "file"), Plural(s.Errors, "error"), Plural(s.Warnings, "warning"), Plural(s.Infos, "info"))
}
