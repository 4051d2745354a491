package format

import (
	"encoding/xml"
	"io"
)

func init() { register("checkstyle", writeCheckstyle) }

// Checkstyle XML, which many CI servers and reviewdog read.
type (
	checkstyleRoot struct {
		XMLName xml.Name         `xml:"checkstyle"`
		Version string           `xml:"version,attr"`
		Files   []checkstyleFile `xml:"file"`
	}
	checkstyleFile struct {
		Name   string            `xml:"name,attr"`
		Errors []checkstyleError `xml:"error"`
	}
	checkstyleError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

func writeCheckstyle(w io.Writer, r *Run) error {
	root := checkstyleRoot{Version: "4.3"}
	byPath := map[string][]checkstyleError{}
	for _, f := range r.Findings {
		byPath[f.Path] = append(byPath[f.Path], checkstyleError{Line: f.Start.Line, Column: f.Start.Column, Severity: f.Level.String(), Message: f.Message, Source: "reportlint." + f.Rule})
	}
	for _, p := range r.allPaths() {
		root.Files = append(root.Files, checkstyleFile{Name: p, Errors: byPath[p]})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// allPaths is every checked file and every file with a finding, sorted.
func (r *Run) allPaths() []string {
	seen := map[string]bool{}
	out := r.paths()
	for _, p := range out {
		seen[p] = true
	}
	for _, f := range r.Findings {
		if !seen[f.Path] {
			seen[f.Path] = true
			out = append(out, f.Path)
		}
	}
	return out
}
