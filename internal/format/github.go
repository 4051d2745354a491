package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func init() { register("github", writeGitHub) }

// writeGitHub writes GitHub Actions workflow commands, one line per finding:
// ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message
func writeGitHub(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	for file := range r.each() {
		if fl := file.Failure; fl != nil {
			// An error annotation on the file, so that a report CI could
			// not check is not read as a clean one.
			pos := ""
			if fl.Line > 0 {
				pos = fmt.Sprintf(",line=%d,col=%d", fl.Line, fl.Column)
			}
			fmt.Fprintf(bw, "::error file=%s%s,title=%s::%s\n", source.PrintableLine(escapeProperty(file.Path)), pos,
				source.PrintableLine(escapeProperty("reportlint could not check this file")), source.PrintableLine(escapeData(fl.Message)))
		}
		for _, f := range file.Findings {
			cmd := "notice"
			switch f.Level {
			case lint.Error:
				cmd = "error"
			case lint.Warning:
				cmd = "warning"
			}
			msg := f.Message
			if f.Hint != "" {
				msg += " (" + f.Hint + ")"
			}
			// The runner's escapes keep a line break in a path or message
			// (it is decoded back); what they cannot hold, a terminal
			// escape or a bidi control, is made printable.
			fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				cmd, source.PrintableLine(escapeProperty(f.Path)), f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
				source.PrintableLine(escapeProperty("reportlint "+f.Rule)), source.PrintableLine(escapeData(msg)))
		}
	}
	return bw.Flush()
}

// escapeData escapes a workflow command's message, as the Actions runner
// unescapes it: % first, then CR and LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value, where ":" and "," also separate.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
