// Package contacts holds the rules about a report's contact details: phone
// numbers, emails, opening hours, the embassy block and the emergency number.
package contacts

import "github.com/reportlint/reportlint/internal/lint"

// Rules returns the rules of this package.
func Rules() []*lint.Rule {
	return []*lint.Rule{}
}
