package lint

import "fmt"

// TooManyFindings is the rule of the one finding that stands for the
// findings left out once a file, or a run, has shown as many as it may.
const TooManyFindings = "too-many-findings"

// The limits on findings shown. A thousand in one file is more than anyone
// reads through, yet few enough that a file built to make a finding of
// every byte (a million clashing quotes) costs megabytes, not gigabytes;
// a hundred thousand in a run keeps the outputs that hold a whole run
// (JUnit) within some tens of megabytes. A baseline being written is not
// shown: it records every finding, within a baseline's own size limit.
const (
	DefaultMaxFindings      = 1000
	DefaultMaxTotalFindings = 100_000
)

// LeftOut gathers the findings a limit leaves out: how many, the highest
// level among them, and the first of them by position, where the finding
// standing for them is shown.
type LeftOut struct {
	Count int
	Level Level
	First Finding
}

// Add counts fd as left out; a too-many-findings finding counts for all
// those it stands for.
func (l *LeftOut) Add(fd Finding) {
	if l.Count == 0 || fd.Span.Start < l.First.Span.Start {
		l.First = fd
	}
	l.Count += max(fd.LeftOut, 1)
	l.Level = max(l.Level, fd.Level)
}

// Finding is the finding that stands for those left out: at the first of
// them, at the highest level among them, so that leaving findings out
// never lowers the exit code they would have given. limit is the number
// shown and flag the option that raises it, both for the message.
func (l *LeftOut) Finding(scope string, limit int, flag string) Finding {
	what := fmt.Sprintf("%d more findings, the first of them here, are", l.Count)
	if l.Count == 1 {
		what = "1 more finding, here, is"
	}
	return Finding{
		Path:    l.First.Path,
		Rule:    TooManyFindings,
		Level:   l.Level,
		Message: fmt.Sprintf("%s not shown: %s shows at most %d", what, scope, limit),
		Hint:    fmt.Sprintf("fix the findings shown, or raise %s to see them all", flag),
		Span:    l.First.Span,
		Start:   l.First.Start,
		End:     l.First.End,
		LeftOut: l.Count,
	}
}

// Limit keeps the first limit of findings (sorted) and adds to left those
// after them. limit <= 0 keeps every finding.
func Limit(findings []Finding, limit int, left *LeftOut) []Finding {
	if limit <= 0 || len(findings) <= limit {
		return findings
	}
	for _, fd := range findings[limit:] {
		left.Add(fd)
	}
	return findings[:limit]
}
