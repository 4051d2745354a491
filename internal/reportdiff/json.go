package reportdiff

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/reportlint/reportlint/internal/source"
)

func init() { renderers["json"] = renderJSON }

// renderJSON writes the stable shape (see Result), with what encoding/json
// leaves raw of the reports' text escaped (source.PrintableJSON).
func renderJSON(w io.Writer, r *Result, _ bool) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(source.PrintableJSON(buf.Bytes()))
	return err
}
