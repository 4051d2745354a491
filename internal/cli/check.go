package cli

import (
	"context"
	"fmt"
	"os"

	ucli "github.com/urfave/cli/v3"
	"golang.org/x/term"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/format"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func checkCommand(e *env) *ucli.Command {
	flags := append(inputFlags(), configFlags()...)
	flags = append(flags,
		&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "write findings as `FORMAT`: text or json"},
		&ucli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "check `N` files at a time (default: one per CPU)"},
	)
	return &ucli.Command{
		Name:      "check",
		Usage:     "check reports and print every problem found",
		ArgsUsage: "PATH...",
		Description: "Checks each report (a file, a folder walked for .txt, .md, .json and .yaml\n" +
			"files, or - for standard input) and prints every finding with its\n" +
			"file:line:column. Exit code: 0 no errors, 1 errors found, 2 a report or\n" +
			"an option could not be used.",
		Flags: flags,
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			return runCheck(ctx, cmd, e)
		},
	}
}

func runCheck(ctx context.Context, cmd *ucli.Command, e *env) error {
	if cmd.NArg() == 0 {
		return usageErrorf("check needs at least one path: a report, a folder, or - for standard input")
	}
	formatter, err := format.Get(cmd.String("format"))
	if err != nil {
		return usageErrorf("--format: %v", err)
	}
	run, err := setup(cmd, e)
	if err != nil {
		return err
	}
	opt := run.engine
	opt.Jobs = int(cmd.Int("jobs"))

	inputs, errs := discover.Expand(cmd.Args().Slice(), run.discover)
	failed := len(errs) > 0
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "reportlint: %v\n", err)
	}
	for _, arg := range cmd.Args().Slice() {
		if info, err := os.Stat(arg); err == nil && info.IsDir() && !anyUnder(inputs, arg) {
			fmt.Fprintf(e.stderr, "reportlint: %s: no reports found (looked for %v)\n", arg, discover.DefaultExtensions)
			failed = true
		}
	}

	results := engine.Check(ctx, inputs, opt)
	out := &format.Run{Files: map[string]*source.File{}, Tool: format.Tool{Name: "reportlint", Version: version()}, Color: useColor(e)}
	for _, res := range results {
		if res.Err != nil {
			fmt.Fprintf(e.stderr, "reportlint: %s\n", describe(res.Err))
			failed = true
			continue
		}
		out.Checked++
		out.Files[res.Path] = res.File
		out.Findings = append(out.Findings, res.Findings...)
	}
	if err := formatter(e.stdout, out); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	switch {
	case failed:
		return silentExit(ExitError)
	case hasLevel(out.Findings, lint.Error):
		return silentExit(ExitFindings)
	}
	return nil
}

func anyUnder(inputs []discover.Input, dir string) bool {
	for _, in := range inputs {
		if !in.Stdin && len(in.Path) > len(dir) && in.Path[:len(dir)] == dir {
			return true
		}
	}
	return false
}

func hasLevel(fs []lint.Finding, at lint.Level) bool {
	for _, f := range fs {
		if f.Level >= at {
			return true
		}
	}
	return false
}

// useColor: colour only on a terminal, and never when NO_COLOR is set
// (https://no-color.org).
func useColor(e *env) bool {
	if e.getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := e.stdout.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
