package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/registry"
	"github.com/reportlint/reportlint/internal/ruledocs"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/suggest"
)

// configuredRegistry is the built-in rules plus the packs of the
// configuration in use, so that rules and explain show a house's own rules.
func configuredRegistry(cmd *ucli.Command) (*lint.Registry, error) {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return nil, err
	}
	if err := cfg.CheckFiles("packs"); err != nil {
		return nil, err
	}
	return registry.With(cfg.Packs)
}

func rulesCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:  "rules",
		Usage: "list every rule: id, level, profiles and summary",
		Description: "Lists every rule, built-in and from the configuration's packs, at the\n" +
			"level the configuration gives it (off when it turns the rule off). Overrides\n" +
			"for some files are not applied: 'reportlint config PATH' shows a report's.",
		Flags: configFileFlags(),
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			_, reg, res, err := resolvedConfig(cmd)
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			_, settings := res.For("-") // the top-level settings
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tLEVEL\tPROFILES\tSUMMARY")
			for _, r := range reg.All() {
				profiles := "all"
				if len(r.Profiles) > 0 {
					profiles = strings.Join(r.Profiles, ",")
				}
				fix := ""
				if r.Fixable {
					fix = " (fixable)"
				}
				// A house pack's names and summary are as untrusted as a
				// report; escaped, a tab or newline cannot break the table.
				line := source.PrintableLine
				level := r.Level.String()
				if s, ok := settings[r.ID]; ok {
					level = s.Level.String()
					if !s.Enabled {
						level = "off"
					}
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\n", line(r.ID), level, line(profiles), line(r.Summary), fix)
			}
			return tw.Flush()
		},
	}
}

func explainCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "explain",
		Usage:     "explain a rule: what it checks, why, an example, and its options",
		ArgsUsage: "RULE",
		Flags:     configFileFlags(),
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() != 1 {
				return usageErrorf("explain needs one rule id; run 'reportlint rules' for the list")
			}
			reg, err := configuredRegistry(cmd)
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			id := cmd.Args().First()
			r, ok := reg.Get(id)
			if !ok {
				msg := fmt.Sprintf("no rule %q", id)
				if s, ok := suggest.Closest(id, reg.IDs()); ok {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				return usageErrorf("%s; run 'reportlint rules' for the list", msg)
			}
			_, err = fmt.Fprint(e.stdout, Explain(r))
			return err
		},
	}
}

// Explain is a rule's documentation as plain text (ruledocs.Explain).
func Explain(r *lint.Rule) string { return ruledocs.Explain(r) }
