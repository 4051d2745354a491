package stale

import (
	"errors"
	"fmt"

	"github.com/reportlint/reportlint/internal/lint"
)

var StaleReport = &lint.Rule{
	ID:      "stale-report",
	Level:   lint.Warning,
	Summary: "the report was published too long before the as-of date",
	Doc: `A report is due for revision once it is older than "max-age-days" (365 by default): its
publication date is that many days or more before the as-of date, which is --as-of, the
configuration's as-of date, or today. The finding is at the publication date. A report with
no publication date is left alone here; the schema reports the missing date. (The examples
below are checked as of 1 August 2025.)`,
	Bad:     "Published: March 3, 2023",
	Good:    "Published: June 20, 2025",
	Options: func() any { return &staleReportOptions{MaxAgeDays: 365} },
	Run:     runStaleReport,
}

type staleReportOptions struct {
	MaxAgeDays int `yaml:"max-age-days" doc:"a report published more than this many days before the as-of date is stale"`
}

func (o *staleReportOptions) Validate() error {
	if o.MaxAgeDays < 1 {
		return errors.New("max-age-days: give a number of days, 1 or more")
	}
	return nil
}

func runStaleReport(pass *lint.Pass) {
	opts := pass.Options.(*staleReportOptions)
	pub, ok := published(pass.Doc)
	if !ok || pass.AsOf.IsZero() {
		return
	}
	days := int(day(pass.AsOf).Sub(pub).Hours() / 24)
	if days <= opts.MaxAgeDays {
		return
	}
	pass.Report(lint.Finding{
		Span:    pass.Doc.Published.Span,
		Message: fmt.Sprintf("report published %s is %d days old on %s (more than %d)", pub.Format("2006-01-02"), days, day(pass.AsOf).Format("2006-01-02"), opts.MaxAgeDays),
		Hint:    "revise the report and give it a new publication date, or withdraw it",
	})
}
