package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/atomicfile"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/gitrepo"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/reportdiff"
	"github.com/reportlint/reportlint/internal/source"
)

func diffCommand(e *env) *ucli.Command {
	flags := append(append(inputFlags(), configFileFlags()...),
		&ucli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "write the comparison as `FORMAT`: " + strings.Join(reportdiff.Formats(), ", ")},
		&ucli.StringFlag{Name: "fail-on", Usage: "exit 1 when the new edition has a `CHANGE`: " + strings.Join(reportdiff.FailKinds, ", ") + "; each change that trips it is named on standard error"},
		&ucli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the comparison to `FILE` (atomically)"},
	)
	return &ucli.Command{
		Name:      "diff",
		Usage:     "show what changed between two editions of a report, threat ratings first",
		ArgsUsage: "OLD NEW",
		Description: "Compares two editions: a one-line summary, then the facts (published date,\n" +
			"advisory level, indicators, each threat rating old → new marked escalated or\n" +
			"lowered, regional levels, contacts; a fact one edition could not be read for is\n" +
			"said, not counted), then the sections added, removed, renamed, moved or changed,\n" +
			"with the changed words of each changed paragraph and its line in each edition.\n" +
			"Each side is a file or REV:PATH, read with git (main:reports/mali.md).\n\n" +
			"--fail-on escalation exits 1 only on a level, regional level or rating that went\n" +
			"up, an indicator added or a region added at Level 3-4; rating-change on any\n" +
			"change of those; any on any change of content; moved on that or a reorder.",
		Flags: flags,
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() != 2 {
				return usageErrorf("diff needs two reports, OLD and NEW (a file or REV:PATH each); got %d", cmd.NArg())
			}
			if cmd.Args().Get(0) == discover.Stdin && cmd.Args().Get(1) == discover.Stdin {
				return usageErrorf("diff can read only one side from standard input (-)")
			}
			render, err := reportdiff.Get(cmd.String("format"))
			if err != nil {
				return usageErrorf("--format: %v", err)
			}
			failOn := cmd.String("fail-on")
			if failOn != "" {
				if _, err := (&reportdiff.Result{}).FailOn(failOn); err != nil {
					return usageErrorf("%v", err)
				}
			}
			opt, _, err := engineOptions(cmd, e)
			if err != nil {
				return err
			}
			var sides [2]reportdiff.Side
			var files [2]*source.File
			failed := false
			for i, arg := range cmd.Args().Slice() {
				// Both sides are read, so that one run names every
				// side that cannot be used. --published is the new
				// edition's date: the old one's is not that date, and
				// giving it both would hide that it changed.
				sideOpt := opt
				if i == 0 {
					sideOpt.Parse.Published, sideOpt.Parse.PublishedBy = "", ""
				}
				f, r, err := readSide(arg, sideOpt)
				if err != nil {
					e.stderrf("reportlint: %s", describe(err))
					failed = true
					continue
				}
				prof, _ := opt.Parse.Profiles.Get(r.Profile) // a house profile too
				sides[i], files[i] = reportdiff.Side{Path: f.Path, Report: r, Profile: prof}, f
			}
			if failed {
				return silentExit(ExitError)
			}
			res := reportdiff.Compare(sides[0], sides[1], files[0], files[1])
			if cmd.String("format") == "markdown" {
				// A pull-request comment names files as the repository
				// does, not as the runner's checkout happens to lie.
				res.Old.Path, res.New.Path = repoPath(res.Old.Path), repoPath(res.New.Path)
			}
			if path := cmd.String("output"); path != "" {
				var b strings.Builder
				if err := render(&b, res, false); err != nil {
					return &exitError{code: ExitError, err: err}
				}
				if err := atomicfile.Write(path, []byte(b.String()), 0o644); err != nil {
					return &exitError{code: ExitError, err: fmt.Errorf("--output: %v", err)}
				}
			} else if err := render(e.stdout, res, useColor(e)); err != nil {
				return &exitError{code: ExitError, err: err}
			}
			if failOn != "" {
				// CI shows standard error: say which changes failed the build.
				if trips, _ := res.Trips(failOn); len(trips) > 0 {
					for _, t := range trips {
						e.stderrf("reportlint: --fail-on %s: %s", failOn, t)
					}
					return silentExit(ExitFindings)
				}
			}
			return nil
		},
	}
}

// repoPath is a file's path from the top of the git repository it is in,
// found by walking up to the folder that holds .git; a path outside any
// repository, standard input and REV:PATH are left as given.
func repoPath(p string) string {
	if p == discover.Stdin {
		return p
	}
	if _, err := os.Stat(p); err != nil {
		return p // REV:PATH, or a name given to standard input
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			if rel, err := filepath.Rel(dir, abs); err == nil {
				return filepath.ToSlash(rel)
			}
			return p
		}
		if parent := filepath.Dir(dir); parent == dir {
			return p
		}
	}
}

// readSide reads one side of a diff: a file, or REV:PATH through git.
func readSide(arg string, opt engine.Options) (*source.File, *document.Report, error) {
	if arg == discover.Stdin {
		return engine.Parse(discover.Input{Path: arg, Stdin: true}, opt)
	}
	var f *source.File
	info, statErr := os.Stat(arg)
	switch {
	case statErr == nil && info.IsDir():
		return nil, nil, &source.Error{Path: arg, Offset: -1, Reason: "is a directory; diff compares two report files"}
	case statErr == nil:
		var err error
		if f, err = source.ReadFile(arg, opt.MaxSize); err != nil {
			return nil, nil, err
		}
	case strings.Contains(arg, ":"):
		rev, path, _ := strings.Cut(arg, ":")
		data, err := gitrepo.Show(rev, path, opt.MaxSize)
		if err != nil {
			return nil, nil, &source.Error{Path: arg, Offset: -1, Reason: "cannot be read from git: " + err.Error()}
		}
		if f, err = source.ReadFrom(arg, bytes.NewReader(data), opt.MaxSize); err != nil {
			return nil, nil, err
		}
	default:
		return nil, nil, &source.Error{Path: arg, Offset: -1, Reason: "no such file or directory; check the path (or give REV:PATH to read it from git)"}
	}
	// The format comes from the name's extension, REV: prefix or not.
	r, err := parse.Parse(f, opt.Parse)
	if err != nil {
		return nil, nil, err
	}
	return f, r, nil
}
