package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	ucli "github.com/urfave/cli/v3"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/pipeline"
	"github.com/reportlint/reportlint/internal/registry"
	"github.com/reportlint/reportlint/internal/source"
)

// resolvedConfig is the configuration --config names (or the one found),
// checked against the rules it brings: what check would run with.
func resolvedConfig(cmd *ucli.Command) (*config.Config, *lint.Registry, *config.Resolved, error) {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := cfg.CheckFiles("packs"); err != nil {
		return nil, nil, nil, err
	}
	reg, err := registry.With(cfg.Packs)
	if err != nil {
		return nil, nil, nil, err
	}
	res, err := cfg.Resolve(reg)
	if err != nil {
		return nil, nil, nil, err
	}
	return cfg, reg, res, nil
}

func configCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "config",
		Usage:     "print the effective configuration, for one report if PATH is given",
		ArgsUsage: "[PATH]",
		Description: "Prints, as YAML in the shape of .reportlint.yaml, the configuration check\n" +
			"would use: the file it comes from, the profile, as-of date, schema, packs,\n" +
			"house profiles and ignore globs, and every rule's level and options. With\n" +
			"PATH, the overrides whose files match it are applied, as for that report.\n" +
			"Flags given to check (--as-of, --schema, --profile, --select) still win.",
		Flags: configFileFlags(),
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() > 1 {
				return usageErrorf("config takes at most one path: the report whose configuration to print")
			}
			cfg, reg, res, err := resolvedConfig(cmd)
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			path := cmd.Args().First()
			out, err := effectiveConfig(cfg, reg, res, path)
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			// The configuration, its packs and the path are as untrusted as
			// a report: what YAML leaves raw is escaped.
			_, err = fmt.Fprint(e.stdout, source.PrintableText(out))
			return err
		},
	}
}

// effectiveConfig writes the configuration for path ("" for the top-level
// settings) as YAML that could be the configuration file itself.
func effectiveConfig(cfg *config.Config, reg *lint.Registry, res *config.Resolved, path string) (string, error) {
	key := path
	if key == "" {
		key = "-" // For gives standard input the top-level settings
	}
	prof, settings := res.For(key)

	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node, comment string) {
		kn := &yaml.Node{Kind: yaml.ScalarNode, Value: k, LineComment: comment}
		doc.Content = append(doc.Content, kn, v)
	}
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
	list := func(items []string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, s := range items {
			n.Content = append(n.Content, str(s))
		}
		return n
	}
	rel := func(paths ...string) []string {
		out := make([]string, 0, len(paths))
		for _, p := range paths {
			if r, err := filepath.Rel(cfg.Dir, p); err == nil && cfg.Dir != "" && !strings.HasPrefix(r, "..") {
				p = filepath.ToSlash(r)
			}
			out = append(out, p)
		}
		return out
	}

	// What is not set is said in comments, so that the output read back
	// as a configuration is the same configuration.
	var unset []string
	if prof != "" {
		add("profile", str(prof), "")
	} else {
		unset = append(unset, "profile: none; detected from each report")
	}
	if len(cfg.Profiles) > 0 {
		add("profiles", list(rel(cfg.Profiles...)), "")
	}
	if cfg.AsOf.IsZero() {
		add("as-of", str(pipeline.Today().Format("2006-01-02")), "today")
	} else {
		add("as-of", str(cfg.AsOf.Format("2006-01-02")), "")
	}
	if cfg.Schema != "" {
		add("schema", str(rel(cfg.Schema)[0]), "")
	} else {
		unset = append(unset, "schema: none; each profile's own")
	}
	add("packs", list(rel(cfg.Packs...)), "")
	add("ignore", list(cfg.Ignore), "")

	rules := &yaml.Node{Kind: yaml.MappingNode}
	for _, r := range reg.All() {
		s, ok := settings[r.ID]
		if !ok {
			continue
		}
		var v *yaml.Node
		switch {
		case !s.Enabled:
			v = str("off")
		case s.Options == nil:
			v = str(s.Level.String())
		default:
			opts := &yaml.Node{}
			if err := opts.Encode(s.Options); err != nil {
				return "", fmt.Errorf("rule %s: options: %v", r.ID, err)
			}
			v = &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("level"), str(s.Level.String()), str("options"), opts}}
		}
		rules.Content = append(rules.Content, str(r.ID), v)
	}
	add("rules", rules, "")
	if path != "" {
		// An override's published date is for the file, not a setting
		// of the run: it stays an override of that file.
		if date, by := cfg.PublishedFor(path); date != "" {
			o := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{str("files"), list(rel(path)), str("published"), str(date)}}
			add("overrides", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{o}}, "published as "+source.PrintableLine(filepath.Base(by))+" gives it")
		}
	}

	var b strings.Builder
	from := "no configuration file: the built-in defaults"
	if cfg.Path != "" {
		from = "from " + source.PrintableLine(cfg.Path)
	}
	fmt.Fprintf(&b, "# The configuration reportlint check uses, %s", from)
	if path != "" {
		// A comment is one line: a path's line break must not end it.
		fmt.Fprintf(&b, ",\n# for %s, with the overrides that match it", source.PrintableLine(path))
	}
	b.WriteString(".\n")
	for _, u := range unset {
		fmt.Fprintf(&b, "# %s\n", u)
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return "", err
	}
	return b.String(), enc.Close()
}
