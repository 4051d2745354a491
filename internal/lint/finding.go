// Package lint defines what a check reports: findings with a rule id, a
// level, a message, a source span and an optional hint and fix.
package lint

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// Level is how serious a finding is. The order matters: --fail-level
// compares levels.
type Level int

const (
	Info Level = iota + 1
	Warning
	Error
)

func (l Level) String() string {
	switch l {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// ParseLevel reads "error", "warning" or "info".
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown level %q; use error, warning or info", s)
}

// MarshalText writes the level as its name, for JSON.
func (l Level) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// Finding is one problem in one file.
type Finding struct {
	Path    string
	Rule    string
	Level   Level
	Message string
	Hint    string
	Span    document.Span
	Fix     *Fix // a safe correction, if the rule offers one
	// Absent says the finding is about something missing, reported at
	// what should hold it, not about the text at Span.
	Absent bool
	// Start and End are Span as positions; the engine fills them from the
	// source file, the one place offsets become lines and columns.
	Start, End source.Position
	// LeftOut is, for a too-many-findings finding, how many findings it
	// stands for.
	LeftOut int
}

// Locate fills Start and End from the file.
func (f *Finding) Locate(file *source.File) {
	f.Start = file.Position(f.Span.Start)
	end := f.Span.End
	if end < f.Span.Start {
		end = f.Span.Start
	}
	f.End = file.Position(end)
}

// Less orders findings by path, position, rule and message, so that output
// is the same whatever order checks ran in.
func Less(a, b *Finding) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	if a.Span.End != b.Span.End {
		return a.Span.End < b.Span.End
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}
