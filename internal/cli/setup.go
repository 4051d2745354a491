package cli

import (
	"os"
	"slices"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/pipeline"
)

// configFlags are how check and fix are told which configuration to use,
// and what a folder walk may follow.
func configFlags() []ucli.Flag {
	return append(configFileFlags(),
		&ucli.StringFlag{Name: "as-of", Usage: "measure staleness against `DATE` (YYYY-MM-DD) instead of the config's as-of or today"},
		&ucli.StringFlag{Name: "schema", Usage: "validate every report against the JSON Schema in `FILE` instead of its profile's; relative $refs resolve beside it"},
		&ucli.BoolFlag{Name: "follow-symlinks", Usage: "take every symbolic link a folder walk finds, wherever it leads (by default a link out of the repository, or into a hidden folder, is skipped with a note)"},
		&ucli.BoolFlag{Name: "force-exclude", Usage: "apply the configuration's ignore and include globs, and the report-shape test for JSON and YAML, to files named on the command line too (for pre-commit hooks)"},
	)
}

// configFileFlags are how every command that reads the configuration is
// told which, and which files outside the repository it may read.
func configFileFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "read the configuration from `FILE` instead of the .reportlint.yaml found by walking up from the current folder"},
		&ucli.StringSliceFlag{Name: "allow-outside", Usage: "read files under `PATH` though they are outside the repository: files the configuration names, a schema's $refs, links a folder walk finds (repeatable)"},
	}
}

// runSetup is everything check and fix need before reading reports.
type runSetup struct {
	engine   engine.Options
	discover discover.Options
	config   *config.Config
	rules    *lint.Registry
}

// setup reads the flags and the configuration, and builds the run from them
// (pipeline.Configure: the registry with the configuration's packs, the
// schema, the rule settings).
func setup(cmd *ucli.Command, e *env) (*runSetup, error) {
	opt, h, err := engineOptions(cmd, e)
	if err != nil {
		return nil, err
	}
	cfg := h.cfg
	reg, err := pipeline.Configure(&opt, cfg, h.profiles, cmd.String("schema"))
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	if s := cmd.String("as-of"); s != "" {
		d, err := dateFlag("--as-of", s)
		if err != nil {
			return nil, err
		}
		opt.AsOf = d
	}
	// The run's own files are not reports, though they are JSON and YAML
	// and may lie in the folders it walks.
	skip := append(append([]string{cfg.Schema, cmd.String("schema")}, cfg.Packs...), cfg.Profiles...)
	for _, p := range h.profiles {
		skip = append(skip, p.Schema)
	}
	for _, flag := range []string{"baseline", "write-baseline", "output", "sarif"} {
		skip = append(skip, cmd.String(flag))
	}
	skip = slices.DeleteFunc(skip, func(s string) bool { return s == "" })
	walk := discover.Options{
		Ignore:         cfg.Ignored,
		Skip:           skip,
		FollowSymlinks: cmd.Bool("follow-symlinks"),
		AllowOutside:   cfg.AllowOutside,
		Note:           func(msg string) { e.stderrf("reportlint: note: %s", msg) },
		Include:        cfg.Included,
		ForceExclude:   cmd.Bool("force-exclude"),
	}
	return &runSetup{engine: opt, discover: walk, config: cfg, rules: reg}, nil
}

// loadConfig reads the file --config names, or the .reportlint.yaml found
// by walking up from the current folder, or returns the defaults; with
// --allow-outside, for the files it names.
func loadConfig(cmd *ucli.Command) (*config.Config, error) {
	cfg, err := findConfig(cmd.String("config"), cmd.StringSlice("allow-outside"))
	if err != nil {
		return nil, err
	}
	cfg.AllowOutside = cmd.StringSlice("allow-outside")
	return cfg, nil
}

func findConfig(path string, allow []string) (*config.Config, error) {
	if path != "" {
		return config.Load(path)
	}
	wd, err := os.Getwd()
	if err != nil {
		return config.Default(), nil
	}
	found, ok, err := config.Find(wd)
	if err != nil {
		return nil, err
	}
	if !ok {
		return config.Default(), nil
	}
	return config.LoadFound(found, allow)
}
