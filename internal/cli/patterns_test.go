package cli

import (
	"testing"

	"github.com/reportlint/reportlint/internal/lazyregexp"
)

// TestEveryPatternCompiles compiles the package-level patterns of every
// package the command links in: they compile on first use, so a broken one
// would otherwise wait for the report that reaches it.
func TestEveryPatternCompiles(t *testing.T) {
	declared := lazyregexp.Declared()
	if len(declared) < 60 {
		t.Fatalf("only %d patterns declared; the packages should declare more than 60", len(declared))
	}
	for _, r := range declared {
		func() {
			defer func() {
				if err := recover(); err != nil {
					t.Errorf("pattern %q: %v", r.String(), err)
				}
			}()
			r.Compile()
		}()
	}
}
