// Package dated holds the rules about dated claims: relative time phrases
// with no date, dates without a year, future dates told as past, and
// statistics with no source.
package dated

import "github.com/reportlint/reportlint/internal/lint"

// Rules returns the rules of this package.
func Rules() []*lint.Rule {
	return []*lint.Rule{}
}
