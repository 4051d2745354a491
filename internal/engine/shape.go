package engine

import (
	"errors"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/document"
)

// ErrNotReport is the error of an input found by a walk (or named with
// --force-exclude) that is JSON or YAML but not in a report's shape: not a
// report, so neither checked nor counted as an error.
var ErrNotReport = errors.New("not in the shape of a report")

// reportKeys are the top-level keys of a report as `reportlint parse`
// prints it, and reportOnlyKeys those no other file reportlint meets has
// (a house profile has title, sections and contacts too).
var (
	reportKeys = map[string]bool{
		"path": true, "format": true, "profile": true, "title": true, "country": true, "published": true,
		"advisory": true, "ratings": true, "contacts": true, "dates": true, "links": true, "preamble": true, "sections": true,
	}
	reportOnlyKeys = map[string]bool{
		"path": true, "format": true, "country": true, "published": true, "advisory": true,
		"ratings": true, "dates": true, "links": true, "preamble": true,
	}
)

// reportShape tells whether JSON or YAML text is a report: a mapping whose
// keys are all a report's, or that has one only a report has, so that a
// report with a misspelt key is still checked (and the schema names the
// key), while package.json, a workflow, .reportlint.yaml, a pack or a
// house profile is not. Text that does not parse is taken for a report:
// its syntax error is then reported, rather than a broken report passing
// unseen.
func reportShape(text string, format document.Format) bool {
	var (
		n   *document.Node
		err error
	)
	if format == document.FormatJSON {
		n, err = datanode.FromJSON(text)
	} else {
		n, err = datanode.FromYAML(text)
	}
	if err != nil || n == nil {
		return err != nil
	}
	if n.Kind != document.NodeMap || len(n.Fields) == 0 {
		return false
	}
	all := true
	for _, f := range n.Fields {
		if reportOnlyKeys[f.Key] {
			return true
		}
		all = all && reportKeys[f.Key]
	}
	return all
}

// ReportShape is reportShape for the language server, which must tell a
// report from the other JSON and YAML files an editor opens.
func ReportShape(text string, format document.Format) bool { return reportShape(text, format) }
