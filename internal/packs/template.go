package packs

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/suggest"
)

// Messages are plain text with {{name}} placeholders, filled by string
// substitution: editors write them, and text/template's syntax, escaping
// and failure modes would be a trap for no gain.
var placeholderRE = lazyregexp.New(`\{\{\s*([A-Za-z-]*)\s*\}\}`)

// checkPlaceholders refuses a placeholder the rule's kind cannot fill, and
// a "{{" that does not open one, so that a typo fails when the pack loads
// rather than showing up in every finding.
func checkPlaceholders(s string, allowed []string) error {
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		name := m[1]
		if contains(allowed, name) {
			continue
		}
		msg := fmt.Sprintf("unknown placeholder %s", m[0])
		if c, ok := suggest.Closest(name, allowed); ok && name != "" {
			msg += fmt.Sprintf("; did you mean {{%s}}?", c)
		} else {
			msg += " (this kind fills " + placeholderList(allowed) + ")"
		}
		return fmt.Errorf("%s", msg)
	}
	if rest := placeholderRE.ReplaceAllString(s, ""); strings.Contains(rest, "{{") || strings.Contains(rest, "}}") {
		return fmt.Errorf("a placeholder is not closed; write it as {{name}}")
	}
	return nil
}

func placeholderList(names []string) string {
	var parts []string
	for _, n := range names {
		parts = append(parts, "{{"+n+"}}")
	}
	return strings.Join(parts, ", ")
}

// expand fills the placeholders of a checked template.
func expand(s string, vars map[string]string) string {
	if s == "" || !strings.Contains(s, "{{") {
		return s
	}
	return placeholderRE.ReplaceAllStringFunc(s, func(m string) string {
		name := placeholderRE.FindStringSubmatch(m)[1]
		return vars[name]
	})
}
