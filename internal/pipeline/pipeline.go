// Package pipeline builds the options of a check run from a configuration
// already read: the rule registry with the configuration's packs, each
// rule's settings, the schema, and the as-of date. The command line
// (internal/cli) and the corpus evaluation (internal/corpuseval) both build
// their runs here, so that what the evaluation measures is the pipeline
// `reportlint check` runs, not a copy of it that could drift.
package pipeline

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/registry"
	"github.com/reportlint/reportlint/internal/schema"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/suggest"
)

// Configure completes opt for a check run under cfg. opt.Parse.Profiles
// must already hold the run's profiles: the built-in ones and house, the
// house profiles cfg names. schemaPath is a schema that replaces every
// profile's (the --schema flag); "" takes the configuration's, and with
// none each profile keeps its own. The as-of date is the configuration's,
// or today. It returns the registry the run uses.
func Configure(opt *engine.Options, cfg *config.Config, house []*profile.Profile, schemaPath string) (*lint.Registry, error) {
	profiles := opt.Parse.Profiles
	if profiles == nil {
		profiles = profile.Default()
		opt.Parse.Profiles = profiles
	}
	if err := cfg.CheckFiles(); err != nil {
		return nil, err
	}
	if err := cfg.CheckProfiles(profiles.Names()); err != nil {
		return nil, err
	}
	reg, err := registry.With(cfg.Packs)
	if err != nil {
		return nil, err
	}
	if err := checkRuleProfiles(reg, profiles.Names()); err != nil {
		return nil, err
	}
	resolved, err := cfg.Resolve(reg)
	if err != nil {
		return nil, err
	}
	if schemaPath == "" {
		schemaPath = cfg.Schema
	}
	validator, err := schema.New(schemaPath, cfg.AllowOutside...)
	if err != nil {
		return nil, err
	}
	if schemaPath == "" {
		// Each house profile is validated against its own schema, or the
		// generic one; --schema and the config's schema apply to all.
		for _, p := range house {
			if err := validator.AddProfile(p.Name, p.Schema); err != nil {
				return nil, err
			}
		}
	}
	validator.UseProfiles(opt.Parse.Profiles)
	opt.Validate = validator.Validate
	opt.PrepareSchema = validator.Prepare
	opt.Rules = reg
	opt.Settings = resolved.For
	opt.Published = cfg.PublishedFor
	opt.AsOf = Today()
	if !cfg.AsOf.IsZero() {
		opt.AsOf = cfg.AsOf
	}
	return reg, nil
}

// Default is the run `reportlint check` makes with no configuration file
// and no flags: the built-in profiles, rules and schemas, the default size
// limit and findings limit, as of today.
func Default() (engine.Options, error) {
	opt := engine.Options{MaxSize: source.DefaultMaxSize}
	opt.Parse.Profiles = profile.Default()
	if _, err := Configure(&opt, config.Default(), nil, ""); err != nil {
		// The built-in rules and schemas are embedded and tested: failing
		// here is a broken build, but the caller decides how to say so.
		return opt, err
	}
	return opt, nil
}

// Now is the clock Today reads. The command-line tests replace it, so that
// a script that gives no --as-of still does not depend on the day it runs.
var Now = time.Now

// Today is the default as-of date, in UTC so that a run does not depend on
// the machine's time zone.
func Today() time.Time {
	y, m, d := Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// checkRuleProfiles refuses a rule (of a pack) limited to a profile that
// does not exist: it would never run, and nothing would say so.
func checkRuleProfiles(reg *lint.Registry, known []string) error {
	for _, r := range reg.All() {
		for _, p := range r.Profiles {
			if slices.Contains(known, p) {
				continue
			}
			msg := fmt.Sprintf("rule %s: profiles: %s", r.ID, suggest.Unknown("profile", p, known))
			if r.Source != "" {
				msg = r.Source + ": " + msg
			}
			return errors.New(msg)
		}
	}
	return nil
}

// HouseProfiles reads the configuration's house profiles. The files it
// names must exist, and are read by the paths CheckFiles resolved.
func HouseProfiles(cfg *config.Config) ([]*profile.Profile, error) {
	if err := cfg.CheckFiles("profiles"); err != nil {
		return nil, err
	}
	var house []*profile.Profile
	seen := map[string]string{}
	for _, path := range cfg.Profiles {
		p, err := profile.LoadFile(path)
		if err != nil {
			return nil, err
		}
		if p.Schema != "" {
			resolved, reason := cfg.Confine(p.Schema)
			if reason != "" {
				return nil, fmt.Errorf("%s:%d: schema %s %s", path, p.SchemaLine, p.Schema, reason)
			}
			p.Schema = resolved // the file judged is the file read
		}
		if first, dup := seen[p.Name]; dup {
			return nil, fmt.Errorf("%s: profile %q is also defined in %s; give each house profile its own name", path, p.Name, first)
		}
		seen[p.Name] = path
		house = append(house, p)
	}
	return house, nil
}
