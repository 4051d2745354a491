// Package stale holds the rules that find what has gone stale or disagrees:
// an old report, a section with no recent event, watch-listed terms used as
// current, advisory indicators that disagree with the text, rating words
// outside the vocabulary, and front matter that disagrees with the body.
package stale

import "github.com/reportlint/reportlint/internal/lint"

// Rules returns the rules of this package.
func Rules() []*lint.Rule {
	return []*lint.Rule{}
}
