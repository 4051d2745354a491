package cli

import (
	"context"
	"errors"
	"fmt"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/fixes"
	"github.com/reportlint/reportlint/internal/format"
	"github.com/reportlint/reportlint/internal/pipeline"
)

func fixCommand(e *env) *ucli.Command {
	flags := append(inputFlags(), configFlags()...)
	flags = append(flags, &ucli.BoolFlag{Name: "write", Aliases: []string{"w"}, Usage: "write the fixed reports (atomically) instead of printing a diff"})
	flags = append(append(flags, fixCheckFlag()), ruleFlags()...)
	return &ucli.Command{
		Name:      "fix",
		Usage:     "apply the safe fixes rules offer (quotes, dashes, broken paragraphs)",
		ArgsUsage: "PATH...",
		Description: "Prints, as a unified diff, what the safe fixes would change, and writes\n" +
			"nothing. With --write, each report is replaced atomically (a temporary file\n" +
			"in the same folder, then a rename; its mode kept, and its owner where\n" +
			"reportlint may set it); a report that changed since it was read is left\n" +
			"alone and named. A report that is a symbolic link is written through to\n" +
			"its target only within the link's repository, not into its .git folder\n" +
			"(outside a repository, within the current folder); one that leads\n" +
			"elsewhere is left alone and named: name the target itself to fix it.\n" +
			"Rules turned off in the configuration, or left out by --select and\n" +
			"--ignore, fix nothing. With --check, exits 1 when something would change.\n" +
			"fix - reads a report on standard input and writes it, fixed, to standard\n" +
			"output (--stdin-filename names it).",
		Flags: flags,
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() == 0 {
				return usageErrorf("fix needs at least one path: a report or a folder")
			}
			pipeline.Warm()
			run, err := setup(cmd, e)
			if err != nil {
				return err
			}
			if err := applyRuleFlags(cmd, &run.engine); err != nil {
				return err
			}
			fixIgnoring(run.config, &run.engine)
			if filter, err := fixFilter(cmd); err != nil || filter {
				if err != nil {
					return err
				}
				return fixStdin(cmd, e, run)
			}
			write := cmd.Bool("write")
			inputs, errs := discover.Expand(cmd.Args().Slice(), run.discover)
			failed := len(errs) > 0
			for _, err := range errs {
				e.stderrf("reportlint: %v", err)
			}
			files, total := 0, 0
			for _, in := range inputs {
				if in.Stdin && write {
					e.stderrf("reportlint: fix --write cannot write to standard input; run without --write for a diff")
					failed = true
					continue
				}
				res := engine.Fix(in, run.engine)
				if errors.Is(res.Err, engine.ErrNotReport) {
					continue // JSON or YAML found by a walk, not a report
				}
				if res.Err != nil {
					e.stderrf("reportlint: %s", describe(res.Err))
					failed = true
					continue
				}
				if res.Applied == 0 {
					continue
				}
				files++
				total += res.Applied
				if !write {
					fmt.Fprint(e.stdout, fixes.Unified(res.Path, res.Original.Raw, res.Fixed))
					continue
				}
				if e.beforeWrite != nil {
					e.beforeWrite(in.Path)
				}
				if err := fixes.WriteAtomic(in.Path, res.Original.Raw, res.Fixed); err != nil {
					// Each error names the file and says what to do.
					e.stderrf("reportlint: %v", err)
					failed = true
					continue
				}
				e.stderrf("fixed %s in %s", format.Plural(res.Applied, "problem"), res.Path)
			}
			switch {
			case total == 0:
				e.stderrf("nothing to fix")
			case !write:
				e.stderrf("%s in %s can be fixed; run with --write to apply", format.Plural(total, "problem"), format.Plural(files, "file"))
			}
			switch {
			case failed:
				return silentExit(ExitError)
			case total > 0 && cmd.Bool("check"):
				return silentExit(ExitFindings)
			}
			return nil
		},
	}
}
