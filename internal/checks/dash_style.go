package checks

import (
	"fmt"
	"regexp"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var DashStyle = &lint.Rule{
	ID:      "dash-style",
	Level:   lint.Warning,
	Summary: "ranges use one kind of dash: hyphen or en dash",
	Fixable: true,
	Doc: `Ranges of times, years, numbers, weekdays and months ("0730 - 1700", "2019–2021",
"Monday-Thursday") should be written with one kind of dash throughout a report. The dash used
less often in ranges is reported, one finding per line, unless the "prefer" option names the
dash to keep. Phone numbers, ISO dates and words such as "mid-2022" or "COVID-19" are not
ranges. The fix rewrites the dash, keeping the spaces around it.`,
	Bad:     "Hours of Operation: Monday-Thursday 0730 - 1700; Friday 0730 – 1130.",
	Good:    "Hours of Operation: Monday-Thursday 0730 - 1700; Friday 0730 - 1130.",
	Options: func() any { return &dashOptions{Prefer: "majority"} },
	Run:     runDashStyle,
}

type dashOptions struct {
	Prefer string `yaml:"prefer" doc:"the dash to keep in ranges: majority (whichever the report uses more), en-dash or hyphen"`
}

func (o *dashOptions) Validate() error {
	switch o.Prefer {
	case "majority", "en-dash", "hyphen":
		return nil
	}
	return fmt.Errorf("prefer: %q is not majority, en-dash or hyphen", o.Prefer)
}

var (
	rangeName = `(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec`
	// A range: two numbers (not part of a longer chain of digits and dashes,
	// which is a phone number or an ISO date) or two weekday or month names.
	dashRange = regexp.MustCompile(`(?:^|[^\d\-–+./:])(\d{1,4}(?::\d{2})?)( ?)([-–])( ?)(\d{1,4}(?::\d{2})?)(?:$|[^\d\-–/])|\b(` + rangeName + `)( ?)([-–])( ?)(` + rangeName + `)\b`)
)

var dashStyles = map[string]string{"-": "hyphen", "–": "en-dash"}

func runDashStyle(pass *lint.Pass) {
	prefer := pass.Options.(*dashOptions).Prefer
	units := texts(pass)
	var marks []mark
	counts := map[string]int{}
	for ui, u := range units {
		for _, m := range dashRange.FindAllStringSubmatchIndex(u.Text, -1) {
			dash := 6 // group of the dash: 3 for numbers, 8 for names
			if m[dash] < 0 {
				dash = 16
			}
			start, end := m[dash], m[dash+1]
			if isISODate(u.Text, start) || inContact(pass, u.Source(start, end)) {
				continue
			}
			style := dashStyles[u.Text[start:end]]
			counts[style]++
			marks = append(marks, mark{unit: ui, off: start, size: end - start, style: style})
		}
	}
	keep := majority(prefer, counts, "en-dash", "hyphen")
	other := "hyphen"
	if keep == "hyphen" {
		other = "en-dash"
	}
	if counts[other] == 0 || (prefer == "majority" && counts[keep] == 0) {
		return
	}
	var minority []mark
	for _, m := range marks {
		if m.style == other {
			minority = append(minority, m)
		}
	}
	for _, group := range byLine(pass, units, minority) {
		first := units[group[0].unit].Source(group[0].off, group[0].off+group[0].size)
		span := first // the first mark; the fix covers every mark on the line
		f := lint.Finding{
			Span:    span,
			Message: fmt.Sprintf("range written with %s here, but with %s elsewhere (%d to %d)", article(other), article(keep), counts[other], counts[keep]),
			Hint:    fmt.Sprintf("write every range with %s", article(keep)),
		}
		if prefer != "majority" {
			f.Message = fmt.Sprintf("range written with %s; the house style is %s", article(other), article(keep))
		}
		if editable(pass) {
			fix := &lint.Fix{Message: "use " + article(keep)}
			char := "–"
			if keep == "hyphen" {
				char = "-"
			}
			for _, m := range group {
				fix.Edits = append(fix.Edits, lint.Edit{Span: units[m.unit].Source(m.off, m.off+m.size), New: char})
			}
			f.Fix = fix
		}
		pass.Report(f)
	}
}

func article(style string) string {
	if style == "hyphen" {
		return "a hyphen"
	}
	return "an en dash"
}

// isISODate: the dash at off belongs to a date written 2024-11-29.
var isoDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

func isISODate(text string, off int) bool {
	from := max(off-7, 0)
	to := min(off+8, len(text))
	for _, m := range isoDate.FindAllStringIndex(text[from:to], -1) {
		if from+m[0] <= off && off < from+m[1] {
			return true
		}
	}
	return false
}

// inContact: the span is part of a phone number or other contact detail,
// whose dashes are separators, not ranges.
func inContact(pass *lint.Pass, s document.Span) bool {
	for _, c := range pass.Doc.Contacts {
		if c.Kind != document.ContactHours && c.Span.Overlaps(s) {
			return true
		}
	}
	return false
}
