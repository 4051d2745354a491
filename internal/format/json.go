package format

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("json", writeJSON) }

// jsonFinding is the stable shape of a finding in `check --format json`.
type jsonFinding struct {
	Path      string `json:"path"`
	Rule      string `json:"rule"`
	Level     string `json:"level"`
	Message   string `json:"message"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Hint      string `json:"hint,omitempty"`
	// Fixable says `reportlint fix` corrects it.
	Fixable bool `json:"fixable"`
}

// jsonError is a file that could not be checked, in the errors list of
// `check --format json`: added beside the findings, which keep their shape.
type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
}

// writeJSON writes one finding at a time rather than the whole document
// at once, so that the output of a large run is never held twice.
func writeJSON(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("{\n  \"findings\": [")
	n := 0
	// Files that could not be checked are few (each is one line on
	// standard error too), so they are held until the findings are out.
	errs := []jsonError{}
	for file := range r.each() {
		if fl := file.Failure; fl != nil {
			errs = append(errs, jsonError{Path: file.Path, Message: fl.Message, Line: fl.Line, Column: fl.Column})
		}
		for _, f := range file.Findings {
			if err := writeJSONFinding(bw, f, n); err != nil {
				return err
			}
			n++
		}
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	summary, err := json.MarshalIndent(r.Summary(), "  ", "  ")
	if err != nil {
		return err
	}
	bw.WriteString("],\n  \"summary\": ")
	bw.Write(summary)
	list, err := json.MarshalIndent(errs, "  ", "  ")
	if err != nil {
		return err
	}
	bw.WriteString(",\n  \"errors\": ")
	bw.Write(source.PrintableJSON(list))
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeJSONFinding writes the i-th finding of the array, indented as
// json.MarshalIndent would indent it in place.
func writeJSONFinding(bw *bufio.Writer, f lint.Finding, i int) error {
	item, err := json.MarshalIndent(jsonFinding{
		Path: f.Path, Rule: f.Rule, Level: f.Level.String(), Message: f.Message,
		Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column, Hint: f.Hint,
		Fixable: f.Fix != nil,
	}, "    ", "  ")
	if err != nil {
		return err
	}
	if i > 0 {
		bw.WriteByte(',')
	}
	bw.WriteString("\n    ")
	_, err = bw.Write(source.PrintableJSON(item))
	return err
}
