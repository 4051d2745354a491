package corpuseval

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
)

// The verdicts a reviewer gives a finding after reading its line
// (docs/accuracy.md says how to decide).
const (
	Real       = "real"      // an editor would change the report for it
	False      = "false"     // the rule is wrong here; the note names the class
	Furniture  = "furniture" // caused by the web page's leftovers, not the editor's text
	Unreviewed = "?"         // not yet read
)

var verdicts = []string{Real, False, Furniture, Unreviewed}

// Entry is one line of the ledger.
type Entry struct {
	Key
	Verdict string
	Note    string // the reviewer's words, never the document's
}

// ledgerHeader is written at the top of the ledger by WriteLedger; lines
// starting with # are comments, so it is read past and rewritten by
// -update rather than kept by hand.
const ledgerHeader = `# Every finding reportlint reports on the shared corpus, with a reviewer's verdict.
# Columns (tab-separated): file (relative to the corpus), line, col, rule
# (rule#2 for a rule's second finding at one place), verdict (real, false,
# furniture, ? for not yet reviewed), note (the reviewer's own words: for false,
# the class of mistake; never the document's text).
# How to review, and the command that checks this file: docs/accuracy.md.
# go test ./internal/corpuseval -update adds new findings as ? and drops gone ones.
file	line	col	rule	verdict	note
`

// ReadLedger reads a ledger. Errors name the line: a reviewer edits the
// file by hand.
func ReadLedger(r io.Reader, name string) ([]Entry, error) {
	var out []Entry
	seen := map[Key]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	n, header := 0, false
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			// The column names, so the file reads in a spreadsheet too.
			if !strings.HasPrefix(line, "file\t") {
				return nil, fmt.Errorf("%s:%d: want the column names (file, line, col, rule, verdict, note) first", name, n)
			}
			header = true
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("%s:%d: %d tab-separated fields, want 6: file, line, col, rule, verdict, note", name, n, len(f))
		}
		ln, err1 := strconv.Atoi(f[1])
		col, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || ln < 1 || col < 1 {
			return nil, fmt.Errorf("%s:%d: line %q and col %q must be numbers from 1", name, n, f[1], f[2])
		}
		e := Entry{Key: Key{File: f[0], Line: ln, Col: col, Rule: f[3]}, Verdict: f[4], Note: strings.TrimSpace(f[5])}
		if e.File == "" || e.Rule == "" {
			return nil, fmt.Errorf("%s:%d: file and rule must be given", name, n)
		}
		if !slices.Contains(verdicts, e.Verdict) {
			return nil, fmt.Errorf("%s:%d: verdict %q is not one of %s", name, n, e.Verdict, strings.Join(verdicts, ", "))
		}
		// A false verdict without its class teaches the next reader
		// nothing, and cannot be grouped into a fix.
		if e.Verdict == False && e.Note == "" {
			return nil, fmt.Errorf("%s:%d: a false verdict needs a note saying why (the class: \"time read as phone number\")", name, n)
		}
		if first, dup := seen[e.Key]; dup {
			return nil, fmt.Errorf("%s:%d: %s is already on line %d", name, n, e.Key, first)
		}
		seen[e.Key] = n
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no column names: is it a ledger?", name)
	}
	return out, nil
}

// WriteLedger writes entries sorted by file, line, column and rule, after
// the header, so that the file's diff shows only what changed.
func WriteLedger(w io.Writer, entries []Entry) error {
	sorted := append([]Entry(nil), entries...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].less(sorted[j].Key) })
	bw := bufio.NewWriter(w)
	bw.WriteString(ledgerHeader)
	for _, e := range sorted {
		note := strings.Join(strings.Fields(e.Note), " ") // no tab or line break may split a row
		fmt.Fprintf(bw, "%s\t%d\t%d\t%s\t%s\t%s\n", e.File, e.Line, e.Col, e.Rule, e.Verdict, note)
	}
	return bw.Flush()
}

// Reconciled is a run's findings set against the ledger.
type Reconciled struct {
	// New are findings the ledger does not know: each must be reviewed
	// (and accepted with -update, which writes it as ?).
	New []Finding
	// LostReal are entries marked real whose finding is gone: a change
	// stopped finding a real problem.
	LostReal []Entry
	// Gone are the other entries whose finding is gone (a false one
	// fixed, say); -update drops them.
	Gone []Entry
	// Updated is the ledger -update writes: every finding of the run, with
	// the verdict and note it had, or ? if new.
	Updated []Entry
}

// Reconcile sets the run's findings against the ledger.
func Reconcile(findings []Finding, ledger []Entry) Reconciled {
	var r Reconciled
	byKey := map[Key]Entry{}
	for _, e := range ledger {
		byKey[e.Key] = e
	}
	found := map[Key]bool{}
	for _, fd := range findings {
		found[fd.Key] = true
		e, ok := byKey[fd.Key]
		if !ok {
			r.New = append(r.New, fd)
			e = Entry{Key: fd.Key, Verdict: Unreviewed}
		}
		r.Updated = append(r.Updated, e)
	}
	for _, e := range ledger {
		if found[e.Key] {
			continue
		}
		if e.Verdict == Real {
			r.LostReal = append(r.LostReal, e)
		} else {
			r.Gone = append(r.Gone, e)
		}
	}
	return r
}

// Counts are one rule's findings by verdict.
type Counts struct {
	Findings, Real, False, Furniture, Unreviewed int
	// FalseErrors are error-level findings marked false: the one count
	// that must be zero, since a false error blocks a good report in CI.
	FalseErrors int
}

func (c *Counts) add(o Counts) {
	c.Findings += o.Findings
	c.Real += o.Real
	c.False += o.False
	c.Furniture += o.Furniture
	c.Unreviewed += o.Unreviewed
	c.FalseErrors += o.FalseErrors
}

// Precision is real / (real + false), the share of reviewed findings that
// are not furniture and are right; ok is false when none is reviewed.
func (c Counts) Precision() (p float64, ok bool) {
	if c.Real+c.False == 0 {
		return 0, false
	}
	return float64(c.Real) / float64(c.Real+c.False), true
}

// Tally counts the run's findings by rule and verdict; a finding the
// ledger does not know counts as unreviewed.
func Tally(findings []Finding, ledger []Entry) (byRule map[string]Counts, total Counts) {
	verdict := map[Key]string{}
	for _, e := range ledger {
		verdict[e.Key] = e.Verdict
	}
	byRule = map[string]Counts{}
	for _, fd := range findings {
		var c Counts
		c.Findings = 1
		switch verdict[fd.Key] {
		case Real:
			c.Real = 1
		case False:
			c.False = 1
			if fd.Level == lint.Error {
				c.FalseErrors = 1
			}
		case Furniture:
			c.Furniture = 1
		default:
			c.Unreviewed = 1
		}
		rule := fd.BaseRule()
		sum := byRule[rule]
		sum.add(c)
		byRule[rule] = sum
		total.add(c)
	}
	return byRule, total
}

// Table is the per-rule table the corpus test prints: one line a rule, in
// rule order, then the total (whose precision is over every finding that
// is not furniture) and the count of false errors.
func Table(byRule map[string]Counts, total Counts) string {
	var b strings.Builder
	row := func(name string, c Counts) {
		prec := "-"
		if p, ok := c.Precision(); ok {
			prec = fmt.Sprintf("%.0f%%", 100*p)
		}
		fmt.Fprintf(&b, "%-26s %6d %5d %5d %5d %5d %9s\n", name, c.Findings, c.Real, c.False, c.Furniture, c.Unreviewed, prec)
	}
	fmt.Fprintf(&b, "%-26s %6s %5s %5s %5s %5s %9s\n", "rule", "found", "real", "false", "furn", "?", "precision")
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		row(r, byRule[r])
	}
	row("total", total)
	fmt.Fprintf(&b, "false errors (error-level findings marked false): %d\n", total.FalseErrors)
	return b.String()
}
