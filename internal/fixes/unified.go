package fixes

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/reportlint/reportlint/internal/source"
)

// contextLines is how many unchanged lines surround each change, as in diff -u and git.
const contextLines = 3

// Unified returns a unified diff, git style ("--- a/PATH", "+++ b/PATH", @@
// hunks with 3 lines of context), from old to new, or "" if they are equal.
// Lines are compared with their line ends, so a file that only changes from
// CRLF to LF, or gains a final newline, shows as changed; a last line without
// a newline is followed by "\ No newline at end of file". Changes at most six
// unchanged lines apart share a hunk, as in git.
//
// The diff is for a terminal or a CI log, so the path and the lines are made
// printable (source.PrintableLine, source.PrintableText): an ordinary
// report's diff, tabs and CRLF included, is unchanged and applies with patch
// or git apply; a line holding a control character or a workflow command
// does not, and is not meant to.
func Unified(name string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)

	var out strings.Builder
	p := source.PrintableLine(diffPath(name))
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", p, p)
	aBefore, bBefore := 0, 0 // lines of old and new before ops[done]
	done := 0
	for i := 0; i < len(ops); {
		if ops[i].kind == opEqual {
			i++
			continue
		}
		// ops[i] starts a hunk; find its last change.
		last := i
		for j := i + 1; j < len(ops) && j-last-1 <= 2*contextLines; j++ {
			if ops[j].kind != opEqual {
				last = j
			}
		}
		start := max(i-contextLines, done)
		end := min(last+1+contextLines, len(ops))
		for _, o := range ops[done:start] {
			aBefore, bBefore = aBefore+o.aLines(), bBefore+o.bLines()
		}
		aCount, bCount := 0, 0
		for _, o := range ops[start:end] {
			aCount, bCount = aCount+o.aLines(), bCount+o.bLines()
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n", hunkRange(aBefore, aCount), hunkRange(bBefore, bCount))
		for _, o := range ops[start:end] {
			switch o.kind {
			case opEqual:
				writeLine(&out, ' ', a[o.a])
			case opDelete:
				writeLine(&out, '-', a[o.a])
			case opInsert:
				writeLine(&out, '+', b[o.b])
			}
		}
		aBefore, bBefore = aBefore+aCount, bBefore+bCount
		done, i = end, end
	}
	return out.String()
}

func (o op) aLines() int {
	if o.kind == opInsert {
		return 0
	}
	return 1
}

func (o op) bLines() int {
	if o.kind == opDelete {
		return 0
	}
	return 1
}

// hunkRange formats one side of a hunk header the way diff does: "start,count",
// just "start" for one line, and for no lines the line the hunk comes after.
func hunkRange(before, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", before)
	case 1:
		return fmt.Sprintf("%d", before+1)
	}
	return fmt.Sprintf("%d,%d", before+1, count)
}

func writeLine(out *strings.Builder, prefix byte, line string) {
	out.WriteByte(prefix)
	out.WriteString(source.PrintableText(line))
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}

// splitLines cuts data into lines, each with its "\n" except perhaps the last.
func splitLines(data []byte) []string {
	if len(data) == 0 {
		return nil
	}
	s := string(data)
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		i := strings.IndexByte(s, '\n') + 1
		if i == 0 {
			i = len(s)
		}
		lines = append(lines, s[:i])
		s = s[i:]
	}
	return lines
}

// diffPath is the name shown after a/ and b/: slash-separated and relative,
// as git shows it, so that `git apply` and `patch -p1` take the diff.
func diffPath(name string) string {
	p := path.Clean(filepath.ToSlash(name))
	return strings.TrimLeft(p, "/")
}
