package checks

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var DashStyle = &lint.Rule{
	ID:      "dash-style",
	Level:   lint.Warning,
	Summary: "ranges use one kind of dash: hyphen or en dash",
	Fixable: true,
	Doc: `Ranges of times, years, numbers, weekdays and months ("0730 - 1700", "8:00 a.m. – 5:00 p.m.",
"2019–2021", "Monday-Thursday") should be written with one kind of dash throughout a report. The dash used
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

// rangeNames are the words that make a range around a dash: weekdays and
// months, in full and abbreviated.
var rangeNames = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday
		Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
		January February March April May June July August September October November December
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec`) {
		rangeNames[n] = true
	}
}

// findRanges returns the byte offsets of the dashes that join a range: two
// numbers of up to four digits (or times such as 8:00), not part of a longer
// chain of digits and dashes (a phone number, an ISO date), or two weekday
// or month names. One optional space may stand on either side of the dash.
// A scan from each dash is much cheaper than a regexp tried at every byte.
func findRanges(text string) []int {
	var out []int
	// Jump from dash to dash as quote-style does from mark to mark: the
	// next hyphen and the next en dash are each looked for again only once
	// passed, so a text is read once whatever it holds; a loop over every
	// byte was half of the rule.
	nextHyphen, nextEn := -1, -1
	for i := 0; i < len(text); {
		if nextHyphen < i {
			nextHyphen = indexFrom(text, '-', i)
		}
		if nextEn < i {
			nextEn = indexFrom(text, "–"[0], i)
			for nextEn < len(text) && !strings.HasPrefix(text[nextEn:], "–") {
				nextEn = indexFrom(text, "–"[0], nextEn+1)
			}
		}
		at := min(nextHyphen, nextEn)
		if at == len(text) {
			break
		}
		size := 1
		if text[at] != '-' {
			size = len("–")
		}
		i = at + size
		left := at
		if left > 0 && text[left-1] == ' ' {
			left--
		}
		right := at + size
		if right < len(text) && text[right] == ' ' {
			right++
		}
		if numberBefore(text, meridiemBefore(text, left)) && numberAfter(text, right) && plausibleRange(text, left, right) {
			out = append(out, at)
			continue
		}
		if rangeNames[wordBefore(text, left)] && rangeNames[wordAfter(text, right)] {
			out = append(out, at)
		}
	}
	return out
}

// numberBefore: text[:end] ends with 1-4 digits (optionally :dd) that are
// not themselves the tail of a chain of digits, dashes or dots.
func numberBefore(text string, end int) bool {
	start := end
	if start >= 3 && text[start-3] == ':' && isDigit(text[start-2]) && isDigit(text[start-1]) {
		start -= 3
	}
	n := 0
	for start > 0 && isDigit(text[start-1]) {
		start--
		n++
	}
	if n == 0 || n > 4 {
		return false
	}
	if start > 0 && strings.ContainsRune("-+./:", rune(text[start-1])) {
		return false
	}
	return start == 0 || !strings.HasSuffix(text[:start], "–")
}

// plausibleRange: two four-digit numbers around a dash are a range only as
// two times of day (0730–1700) or two years, the second not earlier
// (2019–2021); "2070-2300" is a local phone number. Shorter numbers are
// not judged.
func plausibleRange(text string, left, right int) bool {
	a, okA := fourDigits(text, left-4)
	b, okB := fourDigits(text, right)
	if !okA || !okB {
		return true
	}
	isTime := func(n int) bool { return n/100 <= 24 && n%100 < 60 }
	isYear := func(n int) bool { return n >= 1000 && n <= 2199 }
	return isTime(a) && isTime(b) || isYear(a) && isYear(b) && b >= a
}

// fourDigits reads a number of exactly four digits at text[at:at+4].
func fourDigits(text string, at int) (int, bool) {
	if at < 0 || at+4 > len(text) || at > 0 && isDigit(text[at-1]) || at+4 < len(text) && isDigit(text[at+4]) {
		return 0, false
	}
	n := 0
	for _, c := range []byte(text[at : at+4]) {
		if !isDigit(c) {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// meridiemBefore is end moved back over a 12-hour clock's "a.m." or "pm"
// (with a space before it or not), so that "8:00 a.m. – 5:00 p.m." is a
// range of times like "0800–1700"; end itself when there is none.
func meridiemBefore(text string, end int) int {
	for _, m := range []string{"a.m.", "p.m.", "am", "pm"} {
		start := end - len(m)
		if start > 0 && strings.EqualFold(text[start:end], m) && (isDigit(text[start-1]) || text[start-1] == ' ') {
			if text[start-1] == ' ' {
				start--
			}
			return start
		}
	}
	return end
}

// numberAfter: text[start:] starts with 1-4 digits (optionally :dd) not
// followed by more digits, a dash or a slash.
func numberAfter(text string, start int) bool {
	end := start
	for end < len(text) && isDigit(text[end]) {
		end++
	}
	if n := end - start; n == 0 || n > 4 {
		return false
	}
	if end+2 < len(text) && text[end] == ':' && isDigit(text[end+1]) && isDigit(text[end+2]) {
		end += 3
	}
	if end < len(text) && (isDigit(text[end]) || text[end] == '-' || text[end] == '/') {
		return false
	}
	return !strings.HasPrefix(text[end:], "–")
}

func wordBefore(text string, end int) string {
	start := end
	for start > 0 && isLetter(text[start-1]) {
		start--
	}
	return text[start:end]
}

func wordAfter(text string, start int) string {
	end := start
	for end < len(text) && isLetter(text[end]) {
		end++
	}
	return text[start:end]
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

var dashStyles = map[string]string{"-": "hyphen", "–": "en-dash"}

func runDashStyle(pass *lint.Pass) {
	prefer := pass.Options.(*dashOptions).Prefer
	units := texts(pass)
	var marks []mark
	counts := map[string]int{}
	for ui, u := range units {
		for _, start := range findRanges(u.Text) {
			end := start + 1
			if u.Text[start] != '-' {
				end = start + len("–")
			}
			if isISODate(u.Text, start) || u.InCode(start, end) || inContact(pass, u.Source(start, end)) {
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
	minority := marks[:0] // in place: marks is not read again
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

// isISODate: the dash at off belongs to a date written 2024-11-29, one
// within the 15 bytes text[off-7:off+8]. It tries each start of a date up
// to off in place, where a regexp's FindAll over the window ran for every
// dash. The regexp's matches did not overlap, but two dates of the form
// overlap only when eight bytes apart, and a window start at off-7 leaves
// no room for one eight bytes before a start at or before off: every date
// there that holds off was a match. FuzzISODate holds it to the regexp.
func isISODate(text string, off int) bool {
	from := max(off-7, 0)
	to := min(off+8, len(text))
	for s := from; s <= off && s+10 <= to; s++ {
		if isoDateAt(text[s : s+10]) {
			return true
		}
	}
	return false
}

// isoDateAt: d, ten bytes, is four ASCII digits, a hyphen, two digits, a
// hyphen and two digits.
func isoDateAt(d string) bool {
	return d[4] == '-' && d[7] == '-' &&
		isDigit(d[0]) && isDigit(d[1]) && isDigit(d[2]) && isDigit(d[3]) &&
		isDigit(d[5]) && isDigit(d[6]) && isDigit(d[8]) && isDigit(d[9])
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
