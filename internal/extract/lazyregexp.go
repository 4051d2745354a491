package extract

import "github.com/reportlint/reportlint/internal/lazyregexp"

// lazyRE declares a pattern compiled when first used: a report needs
// about half of the package's forty-odd (about 1 ms to compile them all),
// and `reportlint --version` none. cli's TestEveryPatternCompiles
// compiles them all.
func lazyRE(expr string) *lazyregexp.Regexp { return lazyregexp.New(expr) }
