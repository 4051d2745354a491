package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/atomicfile"
	"github.com/reportlint/reportlint/internal/baseline"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/format"
	"github.com/reportlint/reportlint/internal/gitrepo"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/pipeline"
	"github.com/reportlint/reportlint/internal/registry"
	"github.com/reportlint/reportlint/internal/source"
)

func checkCommand(e *env) *ucli.Command {
	flags := append(inputFlags(), configFlags()...)
	flags = append(flags,
		&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "write findings as `FORMAT`: " + strings.Join(format.Names(), ", ")},
		&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the findings to `FILE` (atomically) and only the summary to the terminal"},
		&ucli.StringFlag{Name: "fail-level", Value: "error", Usage: "exit 1 when a finding is at `LEVEL` or above: error, warning or info"},
		&ucli.StringFlag{Name: "baseline", Usage: "hide the findings recorded in `FILE`, so that only new ones fail"},
		&ucli.StringFlag{Name: "write-baseline", Usage: "record every finding of this run in `FILE` and exit 0"},
		&ucli.StringFlag{Name: "changed-since", Usage: "report only findings that are new since git revision `REV`: on changed lines, caused by deleted ones, or about the whole of a changed report"},
		&ucli.BoolFlag{Name: "whole-files", Usage: "with --changed-since, report every finding of each file that changed"},
		&ucli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "check `N` files at a time (default: one per CPU)"},
		&ucli.IntFlag{Name: "max-findings", Value: lint.DefaultMaxFindings, Usage: "show at most `N` findings per file, and one more saying how many were left out (0: no limit)"},
		&ucli.IntFlag{Name: "max-findings-total", Value: lint.DefaultMaxTotalFindings, Usage: "show at most `N` findings in the whole run (0: no limit)"},
	)
	flags = append(append(flags, ruleFlags()...), append(outputFlags(), sarifFlag())...)
	flags = append(flags, profileFlags()...)
	return &ucli.Command{
		Name:      "check",
		Usage:     "check reports and print every problem found",
		ArgsUsage: "PATH...",
		Description: "Checks each report (a file, a folder walked for .txt, .md, .json and .yaml\n" +
			"files, or - for standard input) and prints every finding with its\n" +
			"file:line:column. Exit code: 0 nothing at or above --fail-level, 1 findings\n" +
			"at or above it, 2 a report, an option, the configuration or a schema could\n" +
			"not be used.",
		Flags: flags,
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			return withProfiles(cmd, e, func() error { return runCheck(ctx, cmd, e) })
		},
	}
}

func runCheck(ctx context.Context, cmd *ucli.Command, e *env) error {
	if cmd.NArg() == 0 {
		return usageErrorf("check needs at least one path: a report, a folder, or - for standard input")
	}
	pipeline.Warm()
	formatter, err := format.Get(cmd.String("format"))
	if err != nil {
		return usageErrorf("--format: %v", err)
	}
	failLevel, err := lint.ParseLevel(cmd.String("fail-level"))
	if err != nil {
		return usageErrorf("--fail-level: %v", err)
	}
	color, err := colorFlag(cmd, e)
	if err != nil {
		return err
	}
	byteColumns, err := columnsFlag(cmd)
	if err != nil {
		return err
	}
	run, err := setup(cmd, e)
	if err != nil {
		return err
	}
	if err := applyRuleFlags(cmd, &run.engine); err != nil {
		return err
	}
	var base *baseline.File
	basePath := cmd.String("baseline")
	if basePath != "" {
		if base, err = baseline.Read(basePath); err != nil {
			return &exitError{code: ExitError, err: err}
		}
	}
	opt := run.engine
	opt.Jobs = int(cmd.Int("jobs"))
	if opt.Jobs < 0 {
		return usageErrorf("--jobs %d: give a number of files to check at a time, or 0 for one per CPU", opt.Jobs)
	}
	limits, err := findingLimits(cmd)
	if err != nil {
		return err
	}
	opt.MaxFindings = limits.perFile

	inputs, errs := discover.Expand(cmd.Args().Slice(), run.discover)
	failed := len(errs) > 0
	for _, err := range errs {
		e.stderrf("reportlint: %v", err)
	}
	// Lines changed since a revision, in the repository of each file.
	// Standard input is in none, and is new: its findings all show.
	var changes *gitrepo.Changes
	rev := cmd.String("changed-since")
	if rev == "" && cmd.Bool("whole-files") {
		return usageErrorf("--whole-files goes with --changed-since REV: it keeps every finding of the files changed since REV")
	}
	if rev != "" {
		var files []string
		for _, in := range inputs {
			if !in.Stdin {
				files = append(files, in.Path)
			}
		}
		if changes, err = gitrepo.ChangedSinceFor(files, rev); err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("--changed-since %s: %v", rev, err)}
		}
	}

	// Files are checked, filtered and written one at a time, in input
	// order: a file's model is gone once its findings are out, and the
	// findings once they are written (JUnit, which needs every finding
	// before writing, is the exception).
	//
	// --changed-since and the baseline hide findings in the engine, before
	// it limits what a file shows, so that the limit counts only findings
	// that would be shown, and those hidden are never held.
	// A baseline being written records every finding, unlimited, those an
	// old --baseline would hide too: rewriting a baseline must not drop
	// them. It records them as they are found, and shows none.
	writePath := cmd.String("write-baseline")
	var (
		recorder *baseline.Recorder
		records  []*baseline.FileRecord // by input, until emitted
		matcher  *baseline.Matcher
		matches  []*baseline.FileMatch
	)
	switch {
	case writePath != "":
		recorder, records = baseline.NewRecorder(writePath), make([]*baseline.FileRecord, len(inputs))
	case base != nil:
		matcher, matches = base.Matcher(basePath), make([]*baseline.FileMatch, len(inputs))
	}
	var since *sinceFilter
	if changes != nil {
		since = newSinceFilter(changes, cmd.Bool("whole-files"), opt)
	}
	if changes != nil || recorder != nil || matcher != nil || run.config.IgnoresFindings() {
		opt.Filter = func(i int, f *source.File) func(lint.Finding) bool {
			// Standard input is in no repository, and is new: its findings
			// all show.
			changed := func(lint.Finding) bool { return true }
			if since != nil && !inputs[i].Stdin {
				changed = since.file(ctx, f)
			}
			// ignore-findings first: what it suppresses is never shown,
			// recorded in a baseline, nor counted as left out.
			changed = ignoreFindings(run.config, f, changed)
			switch {
			case recorder != nil:
				rec := recorder.File(f.Path, f)
				records[i] = rec
				return func(fd lint.Finding) bool {
					if changed(fd) {
						rec.Add(fd)
					}
					return false
				}
			case matcher != nil:
				match := matcher.File(f.Path, f)
				matches[i] = match
				return func(fd lint.Finding) bool { return changed(fd) && match.Show(fd) }
			}
			return changed
		}
	}
	worst := lint.Level(-1)
	notReports := 0 // JSON and YAML files a walk found that are not reports
	undated := 0    // reports whose kind states no date, given none
	files := func(yield func(format.File) bool) {
		// Paths that could not be used at all come first, as on standard
		// error.
		for _, err := range errs {
			var de *discover.Error
			if errors.As(err, &de) && !yield(format.File{Path: de.Path, Failure: &format.Failure{Message: de.Reason}}) {
				return
			}
		}
		next := 0 // results come one per input, in input order
		engine.Each(ctx, inputs, opt, func(res engine.Result) bool {
			i := next
			next++
			if errors.Is(res.Err, engine.ErrNotReport) {
				notReports++
				return true
			}
			if res.Err != nil {
				e.stderrf("reportlint: %s", describe(res.Err))
				failed = true
				return yield(failedFile(res.Path, res.Err))
			}
			if res.Undated {
				undated++
			}
			// Done in input order, whatever order the workers finished in.
			if recorder != nil {
				recorder.Done(records[i])
				records[i] = nil
			}
			if matcher != nil {
				matcher.Done(matches[i])
				matches[i] = nil
			}
			shown := limits.run(res.Findings)
			for _, fd := range shown {
				worst = max(worst, fd.Level)
			}
			return yield(format.File{Path: res.Path, Source: res.Source, Findings: shown})
		})
	}
	out := &format.Run{Root: runRoot(), Files: files, Tool: format.Tool{Name: "reportlint", Version: version()}, Rules: run.rules.All(), Documented: registry.Shipped(), Color: color,
		Quiet: cmd.Bool("quiet"), ByteColumns: byteColumns}
	if cmd.Bool("statistics") {
		if formatter, err = statisticsFormatter(cmd); err != nil {
			return err
		}
	}

	if recorder != nil {
		for range files {
		}
		b, err := recorder.Baseline()
		if err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("--write-baseline %s: %v", writePath, err)}
		}
		if err := b.Write(writePath); err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("--write-baseline: %v", err)}
		}
		e.stderrf("recorded %s in %s", format.Plural(len(b.Findings), "finding"), writePath)
		if failed {
			return silentExit(ExitError)
		}
		return nil
	}

	if err := writeReports(cmd, formatter, out, e); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if undated > 0 && !cmd.Bool("quiet") {
		e.stderrf("reportlint: note: the date rules (stale-report, future-date, stale-section) did not judge %s of a kind that never states its published date, as none was given; give one with --published or published: in an override of .reportlint.yaml", format.Plural(undated, "report"))
	}
	if notReports > 0 {
		e.stderrf("reportlint: note: skipped %s of JSON or YAML not in the shape of a report; list them under include: in the configuration to check them", format.Plural(notReports, "file"))
	}
	if since != nil && since.hidden.Load() > 0 {
		e.stderrf("%s left out by --changed-since %s: they were there before, on lines that did not change (--whole-files shows every finding of a changed file)", format.Plural(int(since.hidden.Load()), "finding"), rev)
	}
	if matcher != nil {
		if matcher.Hidden > 0 && !out.Quiet {
			e.stderrf("%s hidden by the baseline %s", format.Plural(matcher.Hidden, "finding"), basePath)
		}
		if stale := matcher.Unmatched(); len(stale) > 0 {
			what := fmt.Sprintf("%d entries in the baseline no longer match", len(stale))
			if len(stale) == 1 {
				what = "1 entry in the baseline no longer matches"
			}
			e.stderrf("%s (fixed, or the text changed); refresh it with --write-baseline %s:", what, basePath)
			for _, s := range stale {
				e.stderrf("  %s (line %d) %s: %s", s.Path, s.Line, s.Rule, s.Message)
			}
		}
	}
	switch {
	case failed:
		return silentExit(ExitError)
	case worst >= failLevel && !cmd.Bool("exit-zero"):
		return silentExit(ExitFindings)
	}
	return nil
}

// findingsLimits are the limits on findings shown: per file (the engine's
// MaxFindings: 0 the default, below 0 none) and per run, with the number
// the run has shown so far.
type findingsLimits struct {
	perFile int
	total   int // 0: none
	shown   int
}

// findingLimits reads --max-findings and --max-findings-total; 0 means no
// limit.
func findingLimits(cmd *ucli.Command) (*findingsLimits, error) {
	perFile, total := cmd.Int("max-findings"), cmd.Int("max-findings-total")
	for _, flag := range []struct {
		name string
		n    int
	}{{"--max-findings", perFile}, {"--max-findings-total", total}} {
		if flag.n < 0 {
			return nil, usageErrorf("%s %d: give a number of findings, or 0 for no limit", flag.name, flag.n)
		}
	}
	l := &findingsLimits{perFile: perFile, total: total}
	if perFile == 0 {
		l.perFile = -1
	}
	return l, nil
}

// run keeps a file's findings within what the run may still show; the
// rest are counted in one too-many-findings finding at the first of them.
func (l *findingsLimits) run(findings []lint.Finding) []lint.Finding {
	room := max(l.total-l.shown, 0)
	if l.total == 0 || len(findings) <= room {
		l.shown += len(findings)
		return findings
	}
	var left lint.LeftOut
	for _, fd := range findings[room:] {
		left.Add(fd)
	}
	l.shown = l.total
	return append(findings[:room:room], left.Finding("a run", l.total, "--max-findings-total"))
}

// changedSpan reports whether any line of a finding changed.
func changedSpan(changed func(line int) bool, fd lint.Finding) bool {
	for l := fd.Start.Line; l <= max(fd.End.Line, fd.Start.Line); l++ {
		if changed(l) {
			return true
		}
	}
	return false
}

// writeReport writes the formatted findings to standard output, or to a
// file (atomically) with the summary line on standard output.
func writeReport(path string, formatter format.Formatter, out *format.Run, e *env) error {
	if path == "" {
		return formatter(e.stdout, out)
	}
	file := *out
	file.Color = false
	if err := atomicfile.WriteFunc(path, 0o644, func(w io.Writer) error { return formatter(w, &file) }); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("--output: %v; create the folder first, or write elsewhere", err)
		}
		return fmt.Errorf("--output: %v", err)
	}
	if out.Quiet {
		return nil
	}
	_, err := fmt.Fprintln(e.stdout, format.SummaryLine(file.Summary())+"; report written to "+source.PrintableLine(path))
	return err
}

// failedFile is a report that could not be checked, for the formats to
// show beside the findings: the error's place in the file, if it has one,
// and its reason without the path, which the format gives itself.
func failedFile(path string, err error) format.File {
	fl := &format.Failure{Message: err.Error()}
	var se *source.Error
	if errors.As(err, &se) {
		fl.Line, fl.Column, fl.Message = se.Pos.Line, se.Pos.Column, se.Reason
		if se.Path != "" {
			path = se.Path
		}
	} else {
		fl.Message = strings.TrimPrefix(fl.Message, path+": ")
	}
	return format.File{Path: path, Failure: fl}
}

// runRoot is the folder SARIF locations are relative to: the top of the
// git repository holding the working folder, or the working folder.
func runRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	if root, ok := source.RepoRoot(wd); ok {
		return root
	}
	return source.RealPath(wd)
}
