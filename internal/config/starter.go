package config

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
)

const starterHead = `# reportlint configuration. reportlint finds this file by walking up from
# the folder it runs in (or takes --config FILE). Every setting is optional;
# paths and globs are relative to this file's folder.

# Read every report as this profile (osac-csr, travel-advisory, fcdo, canada,
# smartraveller, dfa-ireland, generic or a house profile) instead of
# detecting it from the text.
# profile: osac-csr

# House profiles: YAML files in the shape of the built-in ones (run
# "reportlint profile osac-csr" to start from one), tried before the built-in
# ones when detecting a report's profile. A profile's "schema" key names its
# JSON Schema, beside it; its rules are a pack's rules with "profiles: [name]".
# profiles: [profiles/house-csr.yaml]

# The date staleness is measured against, as YYYY-MM-DD (default: today).
# as-of: 2025-06-01

# A house JSON Schema to validate reports against instead of the built-in one.
# schema: schemas/house.schema.json

# Extra declarative rule packs (YAML files), added to the built-in rules.
packs: []

# Globs of files and folders to skip when walking folders (hidden ones always are).
ignore: []

# Globs of the files that are reports. Without them a walk takes .txt, .md,
# .json and .yaml files, JSON and YAML only in the shape of a report.
# include: ["reports/**"]

# Findings to suppress without touching the report's text (for plain-text
# reports): by files, rules (ids or globs) and text of the finding's line.
# ignore-findings:
#   - files: ["reports/mali.txt"]
#     rules: [quote-style]
#     text: "the \"Sahel\" desk"

# Per-rule settings: a level (error, warning, info), off, or a mapping with
# level and options. A rule not listed runs at its default level.
rules:
  # quote-style: error          # set a level
  # broken-paragraph: off       # turn a rule off
  # dash-style:                 # set options, and the level if you like
  #   level: warning
  #   options: {prefer: en-dash}
`

const starterTail = `
# Settings for some files only, by glob ("**" is any number of folders, "*"
# stays within one); later entries win over earlier ones and over the above.
# overrides:
#   - files: ["archive/**", "legacy/*.txt"]
#     profile: generic
#     rules:
#       broken-paragraph: off
#   - files: ["canada/chad.md"]   # a page whose text states no published date
#     published: 2026-03-01       # YYYY-MM-DD, for the date rules
`

// StarterFile is the commented configuration `reportlint init` writes: every
// key, commented out or at its default, so that writing it changes nothing
// until someone edits it. Given a registry, it also lists every rule with
// its default level and options, one line each, ready to be uncommented.
func StarterFile(reg *lint.Registry) string {
	var b strings.Builder
	b.WriteString(starterHead)
	if reg != nil && len(reg.IDs()) > 0 {
		b.WriteString("  #\n  # Every rule at its default (reportlint explain RULE says what it checks):\n")
		for _, r := range reg.All() {
			if opts := flowOptions(r); opts != "" {
				fmt.Fprintf(&b, "  # %s: {level: %s, options: %s}\n", r.ID, r.Level, opts)
			} else {
				fmt.Fprintf(&b, "  # %s: %s\n", r.ID, r.Level)
			}
		}
	}
	b.WriteString(starterTail)
	return b.String()
}

// flowOptions is a rule's default options as a one-line YAML mapping, or ""
// when it has none.
func flowOptions(r *lint.Rule) string {
	if r.Options == nil {
		return ""
	}
	var n yaml.Node
	if err := n.Encode(r.Options()); err != nil || n.Kind != yaml.MappingNode || len(n.Content) == 0 {
		return ""
	}
	var flow func(*yaml.Node)
	flow = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
			n.Style = yaml.FlowStyle
		}
		for _, c := range n.Content {
			flow(c)
		}
	}
	flow(&n)
	out, err := yaml.Marshal(&n)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
