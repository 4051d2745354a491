// Package format writes findings for people and for tools, one file per
// output format.
package format

import (
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// Run is everything a formatter may show about one check run.
type Run struct {
	// Files yields each checked file with its findings, in output order.
	// The CLI yields them while the check goes on, so that a run over
	// thousands of files holds one file's findings at a time, not all.
	Files iter.Seq[File]
	Tool  Tool
	// Rules are every rule of the run, for formats that describe them (SARIF).
	Rules []*lint.Rule
	// Documented holds the ids of the rules docs/rules.md describes (those
	// that ship with reportlint), which formats may link to; a house rule
	// has no page there.
	Documented map[string]bool
	// Color turns on terminal colours in formats that have them.
	Color bool
	// Root is the folder SARIF locations are relative to: the top of the
	// repository the run is in, or the working folder (absolute, links
	// resolved). Empty, paths are written as given.
	Root string
	// Quiet leaves out everything but the findings (the summary line).
	Quiet bool
	// ByteColumns counts the columns of the text and line formats in UTF-8
	// bytes, as Vim does; the default counts code points.
	ByteColumns bool

	summary Summary
}

// File is one checked file and its findings, sorted.
type File struct {
	Path string
	// Source holds the lines the findings quote, for excerpts and byte
	// columns; nil when unknown.
	Source   source.View
	Findings []lint.Finding
	// Failure, when set, says why the file could not be checked (exit 2);
	// it then has no findings. Machine formats report it beside the
	// findings, so that CI never reads a file it did not check as clean.
	Failure *Failure
}

// Failure is why a file could not be checked.
type Failure struct {
	// Line and Column are where in the file, when the problem is at a
	// place in it (invalid UTF-8, nesting too deep); 0 otherwise.
	Line, Column int
	Message      string
}

// FailureRule is the id machine formats give a file that could not be
// checked, where they need one (checkstyle's source, reviewdog's code).
const FailureRule = "unreadable"

// Collect makes a run's Files from findings already at hand: every file
// of views, and every path a finding names, in path order.
func Collect(views map[string]source.View, findings []lint.Finding) iter.Seq[File] {
	byPath := map[string][]lint.Finding{}
	for _, f := range findings {
		byPath[f.Path] = append(byPath[f.Path], f)
	}
	var paths []string
	for p := range views {
		paths = append(paths, p)
	}
	for p := range byPath {
		if _, ok := views[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	return func(yield func(File) bool) {
		for _, p := range paths {
			if !yield(File{Path: p, Source: views[p], Findings: byPath[p]}) {
				return
			}
		}
	}
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
	// Failed counts the files that could not be checked; they are not
	// among Files.
	Failed int `json:"failed"`
	// Fixable counts the findings with a fix that `reportlint fix` applies.
	Fixable int `json:"fixable"`
}

// each reads the run's files, counting them and their findings for
// Summary as they pass.
func (r *Run) each() iter.Seq[File] {
	return func(yield func(File) bool) {
		r.summary = Summary{}
		if r.Files == nil {
			return
		}
		for f := range r.Files {
			if f.Failure != nil {
				r.summary.Failed++
				if !yield(f) {
					return
				}
				continue
			}
			r.summary.Files++
			for _, fd := range f.Findings {
				switch fd.Level {
				case lint.Error:
					r.summary.Errors++
				case lint.Warning:
					r.summary.Warnings++
				default:
					r.summary.Infos++
				}
				if fd.Fix != nil {
					r.summary.Fixable++
				}
			}
			if !yield(f) {
				return
			}
		}
	}
}

// Summary counts the files and findings a formatter has read so far: all
// of them once it has written the run.
func (r *Run) Summary() Summary { return r.summary }

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
	line := fmt.Sprintf("%s checked: %s, %s, %s", Plural(s.Files, "file"), Plural(s.Errors, "error"), Plural(s.Warnings, "warning"), Plural(s.Infos, "info"))
	if s.Failed > 0 {
		line += "; " + Plural(s.Failed, "file") + " could not be checked"
	}
	if s.Fixable > 0 {
		line += fmt.Sprintf("; %d fixable with `reportlint fix`", s.Fixable)
	}
	return line
}

// column is a finding's start column as the run counts columns: code
// points, or UTF-8 bytes when the source line is at hand and the run asks
// for bytes.
func (r *Run) column(file File, f lint.Finding) int {
	if !r.ByteColumns || file.Source == nil || f.Start.Line < 1 {
		return f.Start.Column
	}
	_, col := byteColumn(file.Source, f.Span.Start)
	return col
}
