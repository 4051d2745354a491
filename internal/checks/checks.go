// Package checks holds the built-in rules, one file per rule, each a
// lint.Rule value with its documentation. Test data for a rule lives under
// testdata/<rule-id>/.
package checks

import (
	"github.com/reportlint/reportlint/internal/lint"
)

// All returns every built-in rule. The engine adds the rules of packs.
func All() []*lint.Rule {
	return []*lint.Rule{
		Schema,
		BadDirective,
		RequiredSection,
		SectionOrder,
		EmptySection,
		DuplicateSection,
		BrokenParagraph,
		PlaceholderLink,
		QuoteStyle,
		DashStyle,
		TermConsistency,
	}
}

// Structure rules compare headings with the profile's sections; a profile
// with none (generic) gives them nothing to do.
var withSections = []string{"osac-csr", "travel-advisory"}
