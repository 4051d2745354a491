// Package ruledocs writes the rule reference (docs/rules.md) from the
// registry, so that the documentation is the rules' own and cannot drift.
package ruledocs

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
)

// Markdown is the reference of every rule in reg.
func Markdown(reg *lint.Registry) string {
	var b strings.Builder
	b.WriteString("# Rules\n\n")
	b.WriteString("<!-- Generated from the rule registry by `go test ./internal/ruledocs -update`; do not edit by hand. -->\n\n")
	b.WriteString("Every rule can be set to `error`, `warning`, `info` or `off`, and given options, in\n")
	b.WriteString("`.reportlint.yaml` under `rules:`. `reportlint explain RULE` prints the same text.\n\n")
	b.WriteString("| rule | level | profiles | summary |\n| --- | --- | --- | --- |\n")
	for _, r := range reg.All() {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", r.ID, anchor(r.ID), r.Level, profiles(r), escape(r.Summary))
	}
	for _, r := range reg.All() {
		fmt.Fprintf(&b, "\n## %s\n\n", r.ID)
		fmt.Fprintf(&b, "%s. Default level: **%s**; profiles: %s", upperFirst(r.Summary), r.Level, profiles(r))
		if r.Fixable {
			b.WriteString("; fixable with `reportlint fix`")
		}
		b.WriteString(".\n\n")
		b.WriteString(unwrap(r.Doc) + "\n")
		if r.Bad != "" {
			fmt.Fprintf(&b, "\nFlagged:\n\n```text\n%s\n```\n", r.Bad)
		}
		if r.Good != "" {
			fmt.Fprintf(&b, "\nNot flagged:\n\n```text\n%s\n```\n", r.Good)
		}
		if opts := lint.OptionDocs(r); len(opts) > 0 {
			b.WriteString("\n| option | default | meaning |\n| --- | --- | --- |\n")
			for _, o := range opts {
				fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", o.Name, escape(strings.ReplaceAll(o.Default, "\n", " ")), escape(o.Doc))
			}
		}
		if r.Source != "" {
			fmt.Fprintf(&b, "\nDefined in `%s`.\n", r.Source)
		}
	}
	return b.String()
}

func profiles(r *lint.Rule) string {
	if len(r.Profiles) == 0 {
		return "all"
	}
	return strings.Join(r.Profiles, ", ")
}

// anchor is GitHub's heading anchor for a rule id ("style/e-mail" -> "stylee-mail").
func anchor(id string) string {
	return strings.NewReplacer("/", "", ".", "").Replace(id)
}

func escape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// unwrap joins a doc's hard-wrapped lines into paragraphs for Markdown.
func unwrap(doc string) string {
	paras := strings.Split(strings.TrimSpace(doc), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}
