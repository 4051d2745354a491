package reportdiff

import (
	"encoding/json"
	"io"
)

func init() { renderers["json"] = renderJSON }

// renderJSON writes the stable shape (see Result).
func renderJSON(w io.Writer, r *Result, _ bool) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
