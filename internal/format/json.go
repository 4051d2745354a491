package format

import (
	"encoding/json"
	"io"
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
}

func writeJSON(w io.Writer, r *Run) error {
	out := struct {
		Findings []jsonFinding `json:"findings"`
		Summary  Summary       `json:"summary"`
	}{Findings: []jsonFinding{}, Summary: r.Summarize()}
	for _, f := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding{
			Path: f.Path, Rule: f.Rule, Level: f.Level.String(), Message: f.Message,
			Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column, Hint: f.Hint,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
