package format

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"io"

	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("checkstyle", writeCheckstyle) }

// Checkstyle XML, which many CI servers and reviewdog read.
type (
	checkstyleFile struct {
		XMLName xml.Name          `xml:"file"`
		Name    string            `xml:"name,attr"`
		Errors  []checkstyleError `xml:"error"`
	}
	checkstyleError struct {
		Line     int    `xml:"line,attr,omitempty"`
		Column   int    `xml:"column,attr,omitempty"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
)

func writeCheckstyle(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header + `<checkstyle version="4.3">`)
	var el bytes.Buffer
	enc := xml.NewEncoder(&el)
	enc.Indent("  ", "  ")
	// One <file> at a time, as the files come; the encoder starts each
	// after the first on a new line, and no file at all gives
	// <checkstyle …></checkstyle> as before.
	n := 0
	for file := range r.each() {
		if n++; n == 1 {
			bw.WriteString("\n")
		}
		cf := checkstyleFile{Name: file.Path}
		if fl := file.Failure; fl != nil {
			cf.Errors = append(cf.Errors, checkstyleError{Line: fl.Line, Column: fl.Column, Severity: "error", Message: fl.Message, Source: "reportlint." + FailureRule})
		}
		for _, f := range file.Findings {
			cf.Errors = append(cf.Errors, checkstyleError{Line: f.Start.Line, Column: f.Start.Column, Severity: f.Level.String(), Message: f.Message, Source: "reportlint." + f.Rule})
		}
		el.Reset()
		if err := enc.Encode(cf); err != nil {
			return err
		}
		bw.Write(source.PrintableXML(el.Bytes()))
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("</checkstyle>\n")
	return bw.Flush()
}
