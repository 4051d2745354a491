package format

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// RuleCount is how many findings of one rule a run has, at which levels
// (overrides can give a rule other levels in other files, and a rule that
// stands in for the schema takes its level), and how many of them
// `reportlint fix` corrects.
type RuleCount struct {
	Rule    string
	Levels  map[lint.Level]int
	Count   int
	Fixable int
}

// LevelText is the rule's level, or its levels from the highest, with
// counts, when its findings have several ("error 1, warning 201").
func (c RuleCount) LevelText() string {
	if len(c.Levels) == 1 {
		for l := range c.Levels {
			return l.String()
		}
	}
	var parts []string
	for l := lint.Error; l >= lint.Info; l-- {
		if n := c.Levels[l]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", l, n))
		}
	}
	return strings.Join(parts, ", ")
}

// Statistics counts a run's findings per rule, most first, ties by rule
// id. It holds one count per rule, not the findings.
func Statistics(r *Run) []RuleCount {
	byRule := map[string]*RuleCount{}
	for file := range r.each() {
		for _, f := range file.Findings {
			c := byRule[f.Rule]
			if c == nil {
				c = &RuleCount{Rule: f.Rule, Levels: map[lint.Level]int{}}
				byRule[f.Rule] = c
			}
			c.Count++
			c.Levels[f.Level]++
			if f.Fix != nil {
				c.Fixable++
			}
		}
	}
	out := make([]RuleCount, 0, len(byRule))
	for _, c := range byRule {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// WriteStatistics writes, instead of the findings, a table of the findings
// per rule, most first ("12  dash-style  warning  [fixable]"), then the
// summary line unless the run is quiet.
func WriteStatistics(w io.Writer, r *Run) error {
	stats := Statistics(r)
	countWidth, ruleWidth := 1, 0
	for i := range stats {
		stats[i].Rule = source.PrintableLine(stats[i].Rule)
		countWidth = max(countWidth, len(fmt.Sprint(stats[i].Count)))
		ruleWidth = max(ruleWidth, utf8.RuneCountInString(stats[i].Rule))
	}
	bw := bufio.NewWriter(w)
	for _, c := range stats {
		mark := ""
		switch {
		case c.Fixable == c.Count:
			mark = "  [fixable]"
		case c.Fixable > 0:
			mark = fmt.Sprintf("  [%d fixable]", c.Fixable)
		}
		pad := strings.Repeat(" ", ruleWidth-utf8.RuneCountInString(c.Rule))
		line := fmt.Sprintf("%*d  %s%s  %-7s%s", countWidth, c.Count, c.Rule, pad, c.LevelText(), mark)
		bw.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	if !r.Quiet {
		fmt.Fprintln(bw, SummaryLine(r.Summary()))
	}
	return bw.Flush()
}
