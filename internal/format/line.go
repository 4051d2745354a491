package format

import (
	"bufio"
	"fmt"
	"io"

	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("line", writeLine) }

// writeLine writes one line per finding, "path:line:col: level rule
// message", and nothing else: the shape Vim's errorformat, Emacs's
// compilation mode and editors' problem matchers read (docs/editors.md).
// The path and message are printed as one line each, so that a report
// cannot start a line of its own.
func writeLine(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	for file := range r.each() {
		if fl := file.Failure; fl != nil {
			// A file that could not be checked is an error at its place
			// (or its first line), so that an editor jumps to it too.
			fmt.Fprintf(bw, "%s:%d:%d: error %s %s\n", source.PrintableLine(file.Path), max(fl.Line, 1), max(fl.Column, 1),
				FailureRule, source.PrintableLine(fl.Message))
			continue
		}
		for _, f := range file.Findings {
			fmt.Fprintf(bw, "%s:%d:%d: %s %s %s\n", source.PrintableLine(f.Path), f.Start.Line, r.column(file, f),
				f.Level, source.PrintableLine(f.Rule), source.PrintableLine(f.Message))
		}
	}
	return bw.Flush()
}
