package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("rdjsonl", writeRDJSONL) }

// Reviewdog Diagnostic Format, one JSON object per line. Columns count
// UTF-8 bytes and ranges end exclusively, as reviewdog's format says.
type (
	rdDiagnostic struct {
		Message     string         `json:"message"`
		Location    rdLocation     `json:"location"`
		Severity    string         `json:"severity"`
		Source      rdSource       `json:"source"`
		Code        rdCode         `json:"code"`
		Suggestions []rdSuggestion `json:"suggestions,omitempty"`
	}
	rdLocation struct {
		Path  string  `json:"path"`
		Range rdRange `json:"range"`
	}
	rdRange struct {
		Start rdPosition `json:"start"`
		End   rdPosition `json:"end"`
	}
	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column"`
	}
	rdSource struct {
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	rdCode struct {
		Value string `json:"value"`
		URL   string `json:"url,omitempty"`
	}
	rdSuggestion struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}
)

func writeRDJSONL(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	for file := range r.each() {
		if fl := file.Failure; fl != nil {
			d := rdDiagnostic{Message: fl.Message, Severity: "ERROR", Source: rdSource{Name: r.Tool.Name, URL: "https://github.com/reportlint/reportlint"}, Code: rdCode{Value: FailureRule}}
			d.Location.Path = file.Path
			d.Location.Range = rdRange{Start: rdPosition{fl.Line, fl.Column}, End: rdPosition{fl.Line, fl.Column}}
			line.Reset()
			if err := enc.Encode(d); err != nil {
				return err
			}
			bw.Write(source.PrintableJSON(line.Bytes()))
		}
		for _, f := range file.Findings {
			d := rdDiagnostic{
				Message:  f.Message,
				Severity: map[lint.Level]string{lint.Error: "ERROR", lint.Warning: "WARNING", lint.Info: "INFO"}[f.Level],
				Source:   rdSource{Name: r.Tool.Name, URL: "https://github.com/reportlint/reportlint"},
				Code:     rdCode{Value: f.Rule, URL: r.ruleURL(f.Rule)},
			}
			if f.Hint != "" {
				d.Message += " (" + f.Hint + ")"
			}
			d.Location.Path = f.Path
			if view := file.Source; view != nil {
				l1, c1, l2, c2 := spanBytes(view, f.Span)
				d.Location.Range = rdRange{Start: rdPosition{l1, c1}, End: rdPosition{l2, c2}}
				if f.Fix != nil {
					for _, e := range f.Fix.Edits {
						l1, c1, l2, c2 := spanBytes(view, e.Span)
						d.Suggestions = append(d.Suggestions, rdSuggestion{Range: rdRange{Start: rdPosition{l1, c1}, End: rdPosition{l2, c2}}, Text: e.New})
					}
				}
			} else {
				d.Location.Range = rdRange{Start: rdPosition{f.Start.Line, f.Start.Column}, End: rdPosition{f.End.Line, f.End.Column}}
			}
			line.Reset()
			if err := enc.Encode(d); err != nil {
				return err
			}
			bw.Write(source.PrintableJSON(line.Bytes()))
		}
	}
	return bw.Flush()
}
