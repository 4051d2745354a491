// Package stale holds the rules that find what has gone stale or disagrees:
// an old report, a section with no recent event, watch-listed terms used as
// current, advisory indicators that disagree with the text, rating words
// outside the vocabulary, and front matter that disagrees with the body.
package stale

import (
	"strings"
	"time"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/phrase"
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
	// Every date a report mentions is read here, twice: a well-formed one
	// is read by hand, as time.Parse would read it, at a fraction of the
	// cost. Anything else is left to time.Parse.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:])
		if ok1 && ok2 && ok3 && 1 <= m && m <= 12 && 1 <= d && d <= daysIn(y, m) {
			return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
		}
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// digits reads s, all ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
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

// lowered is the running text of a report in lower case, one entry per
// unit of pass.Texts(), made once for the rules of this package: the cheap
// tests that spare them most regexp runs read it.
type lowered struct {
	text  []string // strings.ToLower of the unit's text
	ascii []bool   // the unit's text is all ASCII
}

func lowerTexts(pass *lint.Pass) *lowered {
	return pass.Shared("stale.lowered", func() any {
		units := pass.Texts()
		size := 0
		for _, u := range units {
			size += len(u.Text)
		}
		// ASCII texts are lowered into one buffer; a Builder never changes
		// the bytes of a string it has returned, as it grows.
		var b strings.Builder
		b.Grow(size)
		low := &lowered{text: make([]string, len(units)), ascii: make([]bool, len(units))}
		for i, u := range units {
			if !phrase.IsASCII(u.Text) {
				low.text[i] = strings.ToLower(u.Text)
				continue
			}
			start, run := b.Len(), 0
			for j := 0; j < len(u.Text); j++ {
				if c := u.Text[j]; 'A' <= c && c <= 'Z' {
					b.WriteString(u.Text[run:j])
					b.WriteByte(c + 'a' - 'A')
					run = j + 1
				}
			}
			b.WriteString(u.Text[run:])
			low.text[i], low.ascii[i] = b.String()[start:], true
		}
		return low
	}).(*lowered)
}
