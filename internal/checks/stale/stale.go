// Package stale holds the rules that find what has gone stale or disagrees:
// an old report, a section with no recent event, watch-listed terms used as
// current, advisory indicators that disagree with the text, rating words
// outside the vocabulary, and front matter that disagrees with the body.
package stale

import (
	"time"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

// Rules returns the rules of this package.
func Rules() []*lint.Rule {
	return []*lint.Rule{
		StaleReport,
		StaleSection,
		StaleTerm,
		IndicatorMismatch,
		RatingVocabulary,
		MetadataMismatch,
	}
}

// isoDay reads a YYYY-MM-DD date.
func isoDay(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// published is the report's publication date, if it gives one.
func published(r *document.Report) (time.Time, bool) { return isoDay(r.Published.Value) }

// line is the source line a span starts on.
func line(pass *lint.Pass, s document.Span) int { return pass.File.Position(s.Start).Line }

// written is the source text of a span, on one line.
func written(pass *lint.Pass, s document.Span) string {
	if s.Start < 0 || s.End > len(pass.File.Text) || s.Start >= s.End {
		return ""
	}
	return oneLine(pass.File.Text[s.Start:s.End])
}

// day is t's calendar date at midnight UTC.
func day(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
