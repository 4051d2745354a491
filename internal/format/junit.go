package format

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("junit", writeJUnit) }

// JUnit XML: a test suite per report, a failing test case per finding, and
// one passing case for a report with none, so CI dashboards count files.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		ClassName string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		// Error is a report that could not be checked: JUnit's word for a
		// test that could not run, which dashboards show apart from failures.
		Error *junitFailure `xml:"error,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

func writeJUnit(w io.Writer, r *Run) error {
	root := junitSuites{Name: r.Tool.Name}
	// The totals come first in JUnit XML, so this format holds the whole
	// run before writing it.
	for file := range r.each() {
		p := file.Path
		s := junitSuite{Name: p}
		if fl := file.Failure; fl != nil {
			s.Cases = []junitCase{{Name: "reportlint check", ClassName: p, Error: &junitFailure{Message: fl.Message, Type: FailureRule, Text: failureText(p, fl)}}}
			s.Tests, s.Errors = 1, 1
			root.Tests++
			root.Errors++
			root.Suites = append(root.Suites, s)
			continue
		}
		for _, f := range file.Findings {
			text := fmt.Sprintf("%s:%d:%d: %s", f.Path, f.Start.Line, f.Start.Column, f.Message)
			if f.Hint != "" {
				text += "\nhint: " + f.Hint
			}
			s.Cases = append(s.Cases, junitCase{
				Name:      fmt.Sprintf("%s %d:%d", f.Rule, f.Start.Line, f.Start.Column),
				ClassName: p,
				Failure:   &junitFailure{Message: f.Message, Type: f.Level.String(), Text: text},
			})
			s.Failures++
		}
		if len(s.Cases) == 0 {
			s.Cases = []junitCase{{Name: "reportlint check", ClassName: p}}
		}
		s.Tests = len(s.Cases)
		root.Tests += s.Tests
		root.Failures += s.Failures
		root.Suites = append(root.Suites, s)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	buf.WriteString("\n")
	_, err := w.Write(source.PrintableXML(buf.Bytes()))
	return err
}

// failureText is "path:line:col: message", or "path: message" when the
// problem is at no place in the file.
func failureText(path string, fl *Failure) string {
	if fl.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", path, fl.Line, fl.Column, fl.Message)
	}
	return path + ": " + fl.Message
}
