// Package checks holds the built-in rules, one file per rule, each a
// lint.Rule value with its documentation. Test data for a rule lives under
// testdata/<rule-id>/.
package checks

import (
	"github.com/reportlint/reportlint/internal/checks/contacts"
	"github.com/reportlint/reportlint/internal/checks/dated"
	"github.com/reportlint/reportlint/internal/checks/stale"
	"github.com/reportlint/reportlint/internal/lint"
)

// All returns every built-in rule. The engine adds the rules of packs.
func All() []*lint.Rule {
	all := base()
	all = append(all, contacts.Rules()...)
	all = append(all, dated.Rules()...)
	return append(all, stale.Rules()...)
}

// base are the rules of this package: schema, directives, structure, style.
func base() []*lint.Rule {
	return []*lint.Rule{
		Schema,
		BadDirective,
		TooManyFindings,
		RequiredSection,
		SectionOrder,
		EmptySection,
		DuplicateSection,
		DuplicateParagraph,
		BrokenParagraph,
		PlaceholderLink,
		MalformedLink,
		QuoteStyle,
		DashStyle,
		TermConsistency,
	}
}
