// Package registry builds the set of rules a run uses: the built-in rules,
// the rules of the built-in packs, and those of the packs a configuration
// names. It is the one place that knows all three.
package registry

import (
	"sync"

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

// Shipped is the ids of the rules that ship with reportlint (built-in rules
// and built-in packs): those docs/rules.md describes, unlike a house pack's.
// The map is shared; callers must not change it.
var Shipped = sync.OnceValue(func() map[string]bool {
	ids := map[string]bool{}
	for _, r := range append(checks.All(), packs.Builtin()...) {
		ids[r.ID] = true
	}
	return ids
})
