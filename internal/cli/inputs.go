package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/pipeline"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// inputFlags are how every command that reads reports is told to read them.
func inputFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.StringFlag{Name: "profile", Usage: "read every report as this `PROFILE` (" + strings.Join(profile.BuiltinNames(), ", ") + ") instead of detecting it"},
		&ucli.StringFlag{Name: "input-format", Usage: "read reports as `FORMAT` (text, markdown, json, yaml) instead of going by the file extension"},
		&ucli.StringFlag{Name: "stdin-filename", Usage: "the `NAME` standard input (-) is given in messages; its extension sets the format"},
		&ucli.StringFlag{Name: "max-size", Value: "10MiB", Usage: "refuse report files larger than `SIZE` (bytes, or with KiB/MiB/GiB)"},
		&ucli.StringFlag{Name: "published", Usage: "take `DATE` (YYYY-MM-DD) as the published date of a report whose text and front matter state none (diff: of the new edition only); a date the report states wins"},
	}
}

// houses is the configuration a run read and the house profiles it names.
type houses struct {
	cfg      *config.Config
	profiles []*profile.Profile
}

// engineOptions reads the input flags, and the configuration for its house
// profiles, which every command that reads reports knows.
func engineOptions(cmd *ucli.Command, e *env) (engine.Options, houses, error) {
	var opt engine.Options
	maxSize, err := parseSize(cmd.String("max-size"))
	if err != nil {
		return opt, houses{}, usageErrorf("--max-size: %v", err)
	}
	opt.MaxSize = maxSize
	opt.Stdin = e.stdin
	opt.StdinName = cmd.String("stdin-filename")
	cfg, err := loadConfig(cmd)
	if err != nil {
		return opt, houses{}, &exitError{code: ExitError, err: err}
	}
	house, err := pipeline.HouseProfiles(cfg)
	if err != nil {
		return opt, houses{}, &exitError{code: ExitError, err: err}
	}
	profiles := profile.Default().With(house...)
	opt.Parse.Profiles = profiles
	if p := cmd.String("profile"); p != "" {
		if _, ok := profiles.Get(p); !ok {
			return opt, houses{}, usageErrorf("--profile: unknown profile %q; known profiles: %s", p, strings.Join(profiles.Names(), ", "))
		}
		opt.Parse.Profile = p
	}
	if f := cmd.String("input-format"); f != "" {
		format, err := parse.ParseFormat(f)
		if err != nil {
			return opt, houses{}, usageErrorf("--input-format: %v", err)
		}
		opt.Parse.Format = format
	}
	if d := cmd.String("published"); d != "" {
		if _, err := dateFlag("--published", d); err != nil {
			return opt, houses{}, err
		}
		opt.Parse.Published, opt.Parse.PublishedBy = d, "--published"
	}
	return opt, houses{cfg: cfg, profiles: house}, nil
}

// parseSize reads "10MiB", "512KiB", "1048576", "2GB".
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(strings.ToLower(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"gib", 1 << 30}, {"mib", 1 << 20}, {"kib", 1 << 10}, {"gb", 1e9}, {"mb", 1e6}, {"kb", 1e3}, {"g", 1 << 30}, {"m", 1 << 20}, {"k", 1 << 10}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size; write it like 10MiB or 1048576", s)
	}
	return n * mult, nil
}

// describe turns a run error into one line naming the file and where.
func describe(err error) string {
	var se *source.Error
	if errors.As(err, &se) {
		return se.Error()
	}
	return err.Error()
}

// dateFlag reads a flag's date, written YYYY-MM-DD. A date in that shape
// that the calendar does not have (2026-02-30) is told apart from one
// written otherwise, so that the message says what to change.
func dateFlag(flag, value string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, value)
	if err == nil {
		return d, nil
	}
	if len(value) == len(time.DateOnly) && strings.Count(value, "-") == 2 && strings.Trim(value, "0123456789-") == "" && value[4] == '-' && value[7] == '-' {
		return time.Time{}, usageErrorf("%s: %q is no day of the calendar; give a real date, written YYYY-MM-DD", flag, value)
	}
	return time.Time{}, usageErrorf("%s: %q is not a date written YYYY-MM-DD, like 2025-06-01", flag, value)
}
