package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	ucli "github.com/urfave/cli/v3"
	"golang.org/x/term"

	"github.com/reportlint/reportlint/internal/atomicfile"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/format"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/suggest"
)

// ruleFlags choose which rules run, for check and fix alike: what fix
// changes is then what check reports.
func ruleFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.StringSliceFlag{Name: "select", Usage: "run only the rules `RULE` names: an id or a glob (style/*); repeatable or comma-separated"},
		&ucli.StringSliceFlag{Name: "ignore", Usage: "do not run the rules `RULE` names: an id or a glob (style/*); repeatable or comma-separated"},
	}
}

// outputFlags are check's controls of what it prints and how it exits,
// next to --format.
func outputFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.BoolFlag{Name: "exit-zero", Usage: "exit 0 even when findings are at or above --fail-level (2 still says a report or an option could not be used)"},
		&ucli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only the findings: no summary line, nor how many a baseline hid (errors still go to standard error)"},
		&ucli.StringFlag{Name: "color", Value: "auto", Usage: "colour the text format: `WHEN` is auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never"},
		&ucli.StringFlag{Name: "columns", Value: "chars", Usage: "count columns of the text and line formats in `UNIT`: chars (Unicode code points) or bytes (UTF-8, as Vim counts)"},
		&ucli.BoolFlag{Name: "statistics", Usage: "print how many findings each rule has, most first, instead of the findings"},
	}
}

// ruleSelection is --select and --ignore, each pattern an id or a glob.
type ruleSelection struct {
	selected, ignored []string
}

// ruleSelectionOf reads --select and --ignore, refusing a pattern that
// matches no rule of reg: a mistyped id would otherwise select nothing, or
// ignore nothing, and say nothing.
func ruleSelectionOf(cmd *ucli.Command, reg *lint.Registry) (*ruleSelection, error) {
	s := &ruleSelection{}
	ids := reg.IDs()
	for _, flag := range []struct {
		name string
		into *[]string
	}{{"select", &s.selected}, {"ignore", &s.ignored}} {
		for _, v := range cmd.StringSlice(flag.name) {
			for _, p := range strings.Split(v, ",") {
				p = strings.TrimSpace(p)
				if p == "" {
					continue
				}
				if _, err := path.Match(p, ""); err != nil {
					return nil, usageErrorf("--%s %q: %v", flag.name, p, err)
				}
				if !slices.ContainsFunc(ids, func(id string) bool { return matchRule(p, id) }) {
					msg := fmt.Sprintf("--%s %q matches no rule", flag.name, p)
					if near, ok := suggest.Closest(p, nearPatterns(p, ids)); ok {
						msg += fmt.Sprintf("; did you mean %q?", near)
					}
					return nil, usageHelpf("Run 'reportlint rules' for the list.", "%s", msg)
				}
				*flag.into = append(*flag.into, p)
			}
		}
	}
	if len(s.selected) == 0 && len(s.ignored) == 0 {
		return nil, nil
	}
	return s, nil
}

// nearPatterns are what a mistyped pattern is compared with: the ids, and
// for a pattern naming a pack ("stlye/*"), the same pattern on each pack
// that matches a rule there, so that a misspelt pack name finds its pack.
func nearPatterns(p string, ids []string) []string {
	slash := strings.LastIndexByte(p, '/')
	if slash < 0 {
		return ids
	}
	near := slices.Clone(ids)
	seen := map[string]bool{}
	for _, id := range ids {
		i := strings.LastIndexByte(id, '/')
		if i < 0 || seen[id[:i]] {
			continue
		}
		seen[id[:i]] = true
		if q := id[:i] + p[slash:]; slices.ContainsFunc(ids, func(id string) bool { return matchRule(q, id) }) {
			near = append(near, q)
		}
	}
	return near
}

// matchRule: a pattern is a glob over the whole id; `*` stops at a slash
// as in a path, so style/* is the style pack and * the built-in rules.
func matchRule(pattern, id string) bool {
	ok, _ := path.Match(pattern, id)
	return ok
}

// runs reports whether the selection lets a rule run.
func (s *ruleSelection) runs(id string) bool {
	if id == lint.TooManyFindings {
		// It stands for findings of rules that ran; it is not a check.
		return true
	}
	match := func(p string) bool { return matchRule(p, id) }
	if len(s.selected) > 0 && !slices.ContainsFunc(s.selected, match) {
		return false
	}
	return !slices.ContainsFunc(s.ignored, match)
}

// applyRuleFlags narrows the run to the rules --select and --ignore leave.
// The configuration still decides their levels, and a rule it turns off
// stays off: the flags narrow what runs, they never widen it.
func applyRuleFlags(cmd *ucli.Command, opt *engine.Options) error {
	sel, err := ruleSelectionOf(cmd, opt.Rules)
	if err != nil || sel == nil {
		return err
	}
	base := opt.Settings
	if base == nil {
		base = func(string) (string, map[string]lint.Setting) { return "", opt.Rules.Defaults() }
	}
	opt.Settings = func(p string) (string, map[string]lint.Setting) {
		prof, settings := base(p)
		for id, s := range settings {
			if s.Enabled && !sel.runs(id) {
				s.Enabled = false
				settings[id] = s
			}
		}
		return prof, settings
	}
	return nil
}

// colorFlag reads --color: auto colours only a terminal, and never with
// NO_COLOR set (https://no-color.org) or TERM=dumb; always and never are
// what they say, and win over both.
func colorFlag(cmd *ucli.Command, e *env) (bool, error) {
	switch v := cmd.String("color"); v {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto", "":
		return useColor(e), nil
	default:
		return false, usageErrorf("--color %q: use auto, always or never", v)
	}
}

// useColor: colour only on a terminal that can show it, and never when
// NO_COLOR is set (https://no-color.org).
func useColor(e *env) bool {
	f, ok := e.stdout.(*os.File)
	return autoColor(e.getenv, ok && term.IsTerminal(int(f.Fd())))
}

// autoColor is --color auto's choice for output that is, or is not, a
// terminal.
func autoColor(getenv func(string) string, terminal bool) bool {
	return terminal && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// columnsFlag reads --columns: whether the text and line formats count
// columns in bytes.
func columnsFlag(cmd *ucli.Command) (bool, error) {
	switch v := cmd.String("columns"); v {
	case "chars", "":
		return false, nil
	case "bytes":
		return true, nil
	default:
		return false, usageErrorf("--columns %q: use chars (Unicode code points) or bytes (UTF-8)", v)
	}
}

// statisticsFormatter is --statistics: a table for people, so it goes with
// the text format only; a machine format carries every finding already.
func statisticsFormatter(cmd *ucli.Command) (format.Formatter, error) {
	if f := cmd.String("format"); f != "text" {
		return nil, usageErrorf("--statistics prints a table for people; it does not go with --format %s", f)
	}
	return format.WriteStatistics, nil
}

// fixCheckFlag makes fix a CI gate, as `ruff format --check` and `gofmt
// -l` are: the diff as without it, and exit 1 when something would change.
func fixCheckFlag() ucli.Flag {
	return &ucli.BoolFlag{Name: "check", Usage: "print what would change, as without --write, and exit 1 if anything would"}
}

// fixFilter reports whether fix is a filter: `fix -` alone, which writes
// the fixed text, not a diff, to standard output, for an editor to put in
// place of what it sent. With --check it prints the diff instead, as for
// a file. Standard input among other paths would mix a report's text with
// diffs, so it is refused.
func fixFilter(cmd *ucli.Command) (bool, error) {
	args := cmd.Args().Slice()
	if cmd.Bool("check") && cmd.Bool("write") {
		return false, usageErrorf("fix: --check reports what would change and --write changes it; give one")
	}
	if !slices.Contains(args, "-") {
		return false, nil
	}
	if len(args) > 1 {
		return false, usageErrorf("fix: - (standard input) writes the fixed text to standard output, so it goes alone; fix the other paths in another run")
	}
	if cmd.Bool("write") {
		return false, usageErrorf("fix --write cannot write to standard input; without --write, fix - writes the fixed text to standard output")
	}
	return !cmd.Bool("check"), nil
}

// fixStdin is `fix -`: the report on standard input, fixed, on standard
// output, byte for byte as read where nothing is fixed (a byte order mark,
// CRLF line ends), so an editor can always take it. A report that cannot
// be read writes nothing, and exits 2.
func fixStdin(cmd *ucli.Command, e *env, run *runSetup) error {
	inputs, errs := discover.Expand([]string{"-"}, run.discover)
	for _, err := range errs {
		e.stderrf("reportlint: %v", err)
	}
	if len(errs) > 0 || len(inputs) != 1 {
		return silentExit(ExitError)
	}
	res := engine.Fix(inputs[0], run.engine)
	if res.Err != nil {
		e.stderrf("reportlint: %s", describe(res.Err))
		return silentExit(ExitError)
	}
	if _, err := e.stdout.Write(res.Fixed); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if res.Applied > 0 {
		e.stderrf("fixed %s in %s", format.Plural(res.Applied, "problem"), res.Path)
	}
	return nil
}

// sarifFlag writes SARIF beside whatever --format prints, from the same
// run: a CI job gets annotations (--format github) and a file for code
// scanning without checking the reports twice.
func sarifFlag() ucli.Flag {
	return &ucli.StringFlag{Name: "sarif", Usage: "also write the findings as SARIF to `FILE` (atomically), from the same run as --format"}
}

// writeReports is writeReport, with the SARIF file --sarif asks for
// written from the same pass over the files.
func writeReports(cmd *ucli.Command, formatter format.Formatter, out *format.Run, e *env) error {
	path := cmd.String("sarif")
	if path == "" {
		return writeReport(cmd.String("output"), formatter, out, e)
	}
	sarif, err := format.Get("sarif")
	if err != nil {
		return err
	}
	var reportErr error
	err = atomicfile.WriteFunc(path, 0o644, func(w io.Writer) error {
		first, wait := format.Tee(out, sarif, w)
		reportErr = writeReport(cmd.String("output"), formatter, first, e)
		if err := wait(); reportErr == nil {
			return err
		}
		// No SARIF file of part of a run is left to be uploaded.
		return reportErr
	})
	if reportErr != nil {
		return reportErr
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("--sarif: %v; create the folder first, or write elsewhere", err)
		}
		return fmt.Errorf("--sarif: %v", err)
	}
	return nil
}
