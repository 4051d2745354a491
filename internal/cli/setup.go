package cli

import (
	"os"
	"time"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/registry"
	"github.com/reportlint/reportlint/internal/schema"
)

// configFlags are how check and fix are told which configuration to use.
func configFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "read the configuration from `FILE` instead of the .reportlint.yaml found by walking up from the current folder"},
		&ucli.StringFlag{Name: "as-of", Usage: "measure staleness against `DATE` (YYYY-MM-DD) instead of the config's as-of or today"},
		&ucli.StringFlag{Name: "schema", Usage: "validate every report against the JSON Schema in `FILE` instead of its profile's; relative $refs resolve beside it"},
	}
}

// runSetup is everything check and fix need before reading reports.
type runSetup struct {
	engine   engine.Options
	discover discover.Options
	config   *config.Config
	rules    *lint.Registry
}

// setup reads the flags and the configuration, builds the registry (with the
// configuration's packs), compiles the schema, and resolves rule settings.
func setup(cmd *ucli.Command, e *env) (*runSetup, error) {
	opt, err := engineOptions(cmd, e)
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(cmd.String("config"))
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	if err := cfg.CheckProfiles(opt.Parse.Profiles.Names()); err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	reg, err := registry.With(cfg.Packs)
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	resolved, err := cfg.Resolve(reg)
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	schemaPath := cmd.String("schema")
	if schemaPath == "" {
		schemaPath = cfg.Schema
	}
	validator, err := schema.New(schemaPath)
	if err != nil {
		return nil, &exitError{code: ExitError, err: err}
	}
	opt.Validate = validator.Validate
	opt.Rules = reg
	opt.Settings = resolved.For
	opt.AsOf = today()
	if !cfg.AsOf.IsZero() {
		opt.AsOf = cfg.AsOf
	}
	if s := cmd.String("as-of"); s != "" {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			return nil, usageErrorf("--as-of: %q is not a date written YYYY-MM-DD", s)
		}
		opt.AsOf = d
	}
	return &runSetup{engine: opt, discover: discover.Options{Ignore: cfg.Ignore}, config: cfg, rules: reg}, nil
}

// loadConfig reads the named file, or the .reportlint.yaml found by walking
// up from the current folder, or returns the defaults.
func loadConfig(path string) (*config.Config, error) {
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
	return config.Load(found)
}
