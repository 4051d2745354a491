// Package registry builds the set of rules a run uses: the built-in rules,
// the rules of the built-in packs, and those of the packs a configuration
// names. It is the one place that knows all three.
package registry

import (
	"github.com/reportlint/reportlint/internal/checks"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/packs"
)

// Builtin is every rule that ships with reportlint.
func Builtin() (*lint.Registry, error) {
	return With(nil)
}

// With is the built-in rules plus the rules of the pack files given.
func With(packFiles []string) (*lint.Registry, error) {
	rules := append(checks.All(), packs.Builtin()...)
	for _, path := range packFiles {
		more, err := packs.LoadFile(path)
		if err != nil {
			return nil, err
		}
		rules = append(rules, more...)
	}
	return lint.NewRegistry(rules...)
}
