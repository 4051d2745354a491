package ruledocs

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// Explain is a rule's documentation as plain text, for the terminal
// (`reportlint explain`) and the language server's hover. A
// house pack's rule is as untrusted as a report: its one-line parts are
// printed as one line each, its doc and examples line by line, all
// printable (source.PrintableLine, source.PrintableText).
func Explain(r *lint.Rule) string {
	line, text := source.PrintableLine, source.PrintableText
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s", line(r.ID), r.Level)
	if len(r.Profiles) > 0 {
		fmt.Fprintf(&b, "; profiles: %s", line(strings.Join(r.Profiles, ", ")))
	}
	if r.Fixable {
		b.WriteString("; fixable")
	}
	fmt.Fprintf(&b, ")\n\n%s.\n\n%s\n", line(r.Summary), text(r.Doc))
	if r.Bad != "" {
		fmt.Fprintf(&b, "\nFlagged:\n\n%s\n", indent(text(r.Bad)))
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "\nNot flagged:\n\n%s\n", indent(text(r.Good)))
	}
	if opts := lint.OptionDocs(r); len(opts) > 0 {
		b.WriteString("\nOptions (in .reportlint.yaml, under rules: " + line(r.ID) + ": options:):\n\n")
		for _, o := range opts {
			if strings.Contains(o.Default, "\n") {
				// A list or map default reads as the YAML block it is.
				fmt.Fprintf(&b, "  %s:\n      %s\n      By default:\n%s\n", line(o.Name), line(o.Doc), indent(indent(text(o.Default))))
				continue
			}
			fmt.Fprintf(&b, "  %s: %s\n      %s\n", line(o.Name), line(o.Default), line(o.Doc))
		}
	}
	if r.Source != "" {
		fmt.Fprintf(&b, "\nDefined in %s.\n", line(r.Source))
	}
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
