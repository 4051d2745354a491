package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
)

func init() { register("github", writeGitHub) }

// writeGitHub writes GitHub Actions workflow commands, one line per finding:
// ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message
func writeGitHub(w io.Writer, r *Run) error {
	bw := bufio.NewWriter(w)
	for file := range r.each() {
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
			fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				cmd, escapeProperty(f.Path), f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
				escapeProperty("reportlint "+f.Rule), escapeData(msg))
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
