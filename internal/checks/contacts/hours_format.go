package contacts

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
)

var HoursFormat = &lint.Rule{
	ID:      "hours-format",
	Level:   lint.Warning,
	Summary: "opening hours are written in one form throughout a report",
	Doc: `Opening hours ("Hours of Operation: …") should read the same way wherever a report gives
them. Times are either 24-hour, written one way ("0730", "07:30", "07.30" or "07h30"), or
12-hour, with one way of writing the marker ("7:30 a.m." or "7:30 AM"); days are written either
in full ("Monday") or abbreviated ("Mon"). In each of these the form used less often is
reported, once per opening hours, at its first occurrence; on a tie the form that comes first
stays. A bare time before a 12-hour one in a range ("8:00 - 5:00 p.m.") counts as 12-hour. The
options form and days name the form to keep instead. Whether ranges take a hyphen or an en dash
is the rule dash-style's business, not this one's.`,
	Bad:     "Hours of Operation: Monday-Thursday 0800 - 1630; Friday 8:00 a.m. - 12:00 p.m.",
	Good:    "Hours of Operation: Monday-Thursday 0800 - 1630; Friday 0800 - 1200",
	Options: func() any { return &hoursOptions{Form: "any-consistent", Days: "any-consistent"} },
	Run:     runHoursFormat,
}

type hoursOptions struct {
	Form string `yaml:"form" doc:"the clock of opening hours: any-consistent (whichever the report uses more), 24h or 12h"`
	Days string `yaml:"days" doc:"how days are written: any-consistent, full (Monday) or abbreviated (Mon)"`
}

func (o *hoursOptions) Validate() error {
	switch o.Form {
	case "any-consistent", "24h", "12h":
	default:
		return fmt.Errorf("form: %q is not any-consistent, 24h or 12h", o.Form)
	}
	switch o.Days {
	case "any-consistent", "full", "abbreviated":
	default:
		return fmt.Errorf("days: %q is not any-consistent, full or abbreviated", o.Days)
	}
	return nil
}

// hoursItem is a time or a day in opening hours.
type hoursItem struct {
	contact    int // index into the hours contacts
	start, end int // bytes in the contact's value
	text       string
	// dim is "clock" or "day"; for a time, clock is "12h" or "24h" and form
	// how it is written within that clock (the separator of a 24-hour time,
	// the marker of a 12-hour one); for a day, form is "full" or "abbreviated".
	dim, clock, form string
	hour, min        int  // a time's value, 0–24 and 0–59
	hasMin           bool // the time gives minutes
	pm               bool // a 12-hour time after noon
	// bare is a time without a marker that counts as 12-hour because a
	// 12-hour time follows it in a range ("8:00" in "8:00 - 5:00 p.m.").
	bare bool
}

var (
	timeToken   = lazyregexp.New(`\d+(?:[:.h]\d+)?`)
	ampm        = lazyregexp.New(`^ ?([aApP])(\.?) ?([mM])(\.?)`)
	hoursSuffix = lazyregexp.New(`^ ?(?:h|hrs|hours)\b`)
	rangeTo     = lazyregexp.New(`^\s*(?:[-–—]|to|until|till)\s*`)
	dayName     = lazyregexp.New(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)(s?)\b(\.?)`)
)

var fullDay = map[string]string{
	"mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
	"thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}

var subformDesc = map[string]string{
	"compact": "written without a separator",
	":":       "written with a colon",
	".":       "written with a dot",
	"h":       "written with an h",
}

func runHoursFormat(pass *lint.Pass) {
	opts := pass.Options.(*hoursOptions)
	var hours []document.Contact
	for _, c := range pass.Doc.Contacts {
		if c.Kind == document.ContactHours {
			hours = append(hours, c)
		}
	}
	var items []hoursItem
	for i, c := range hours {
		items = append(items, hoursItems(i, c.Value)...)
	}
	report := func(it hoursItem, msg, hint string) {
		pass.Report(lint.Finding{Span: valueSource(pass, hours[it.contact], it.start, it.end), Message: msg, Hint: hint})
	}

	// The clock: 12-hour or 24-hour.
	var clocks []hoursItem
	for _, it := range items {
		if it.dim == "clock" {
			clocks = append(clocks, it)
		}
	}
	keepClock := keepForm(clocks, func(it hoursItem) string { return it.clock }, map[string]string{"24h": "24h", "12h": "12h"}[opts.Form])
	kept := filter(clocks, func(it hoursItem) bool { return it.clock == keepClock })
	keepSub := keepForm(kept, func(it hoursItem) string { return it.form }, "")
	example := firstWith(kept, func(it hoursItem) bool { return it.form == keepSub && !it.bare })
	if example.text == "" { // the house form, which the report does not use yet
		example = map[string]hoursItem{
			"24h": {dim: "clock", clock: "24h", form: ":", text: "00:00", hasMin: true},
			"12h": {dim: "clock", clock: "12h", form: "a.m.", text: "1 a.m."},
		}[keepClock]
	}
	count := func(list []hoursItem, f func(hoursItem) bool) int { return len(filter(list, f)) }
	clockName := map[string]string{"24h": "24-hour", "12h": "12-hour"}
	for ci := range hours {
		mine := filter(clocks, func(it hoursItem) bool { return it.contact == ci })
		if odd, ok := firstOdd(mine, func(it hoursItem) bool { return it.clock != keepClock }); ok {
			hint := fmt.Sprintf("write it as %q", convertTime(odd, example))
			if opts.Form == "any-consistent" {
				report(odd, fmt.Sprintf("time %q is %s, but the report's other opening hours are %s, like %q (%d to %d)",
					odd.text, clockName[odd.clock], clockName[keepClock], example.text,
					count(clocks, func(it hoursItem) bool { return it.clock == odd.clock }), len(kept)), hint)
			} else {
				report(odd, fmt.Sprintf("time %q is %s; the house form is %s", odd.text, clockName[odd.clock], clockName[keepClock]), hint)
			}
		}
		if odd, ok := firstOdd(mine, func(it hoursItem) bool { return it.clock == keepClock && it.form != keepSub }); ok {
			n := count(kept, func(it hoursItem) bool { return it.form == odd.form })
			m := count(kept, func(it hoursItem) bool { return it.form == keepSub })
			hint := fmt.Sprintf("write it as %q", convertTime(odd, example))
			if keepClock == "24h" {
				report(odd, fmt.Sprintf("time %q is %s, but the report's other 24-hour times are %s, like %q (%d to %d)",
					odd.text, subformDesc[odd.form], subformDesc[keepSub], example.text, n, m), hint)
			} else {
				report(odd, fmt.Sprintf("time %q writes %s, but the report's other 12-hour times write %s, like %q (%d to %d)",
					odd.text, markerPair(odd.form), markerPair(keepSub), example.text, n, m), hint)
			}
		}
	}

	// Days: in full or abbreviated.
	var days []hoursItem
	for _, it := range items {
		if it.dim == "day" {
			days = append(days, it)
		}
	}
	keepDays := keepForm(days, func(it hoursItem) string { return it.form }, map[string]string{"full": "full", "abbreviated": "abbreviated"}[opts.Days])
	dayExample := firstWith(days, func(it hoursItem) bool { return it.form == keepDays })
	dayExample.form = keepDays
	dayDesc := map[string]string{"full": "in full", "abbreviated": "abbreviated"}
	for ci := range hours {
		odd, ok := firstOf(days, func(it hoursItem) bool { return it.contact == ci && it.form != keepDays })
		if !ok {
			continue
		}
		hint := fmt.Sprintf("write %q", convertDay(odd, dayExample))
		if opts.Days == "any-consistent" {
			report(odd, fmt.Sprintf("day %q is %s, but the report's other opening hours write days %s, like %q (%d to %d)",
				odd.text, dayDesc[odd.form], dayDesc[keepDays], dayExample.text,
				len(days)-count(days, func(it hoursItem) bool { return it.form == keepDays }),
				count(days, func(it hoursItem) bool { return it.form == keepDays })), hint)
		} else {
			report(odd, fmt.Sprintf("day %q is %s; the house style writes days %s", odd.text, dayDesc[odd.form], dayDesc[keepDays]), hint)
		}
	}
}

// hoursItems reads the times and days of one opening hours value.
func hoursItems(contact int, v string) []hoursItem {
	var out []hoursItem
	for _, m := range timeToken.FindAllStringIndex(v, -1) {
		s, e := m[0], m[1]
		if r, _ := utf8.DecodeLastRuneInString(v[:s]); s > 0 && (unicode.IsLetter(r) || r == '.' || r == ':' || r == '/' || r == '+') {
			continue // part of a word, a number or a date
		}
		suffix := 0 // "0730h", "1700 hrs"
		if m := hoursSuffix.FindString(v[e:]); m != "" && !letterAt(v, e+len(m)) {
			suffix = len(m)
		}
		if r, _ := utf8.DecodeRuneInString(v[e:]); suffix == 0 && e < len(v) && (r == '/' || r == ':' || unicode.IsLetter(r) && !isMarkerStart(v[e:])) {
			continue
		}
		it := hoursItem{contact: contact, start: s, end: e, dim: "clock"}
		tok := v[s:e]
		var hs, ms, sep string
		if i := strings.IndexAny(tok, ":.h"); i >= 0 {
			hs, ms, sep = tok[:i], tok[i+1:], tok[i:i+1]
			if len(ms) != 2 || len(hs) > 2 {
				continue
			}
		} else if len(tok) == 4 {
			hs, ms, sep = tok[:2], tok[2:], "compact"
		} else if len(tok) <= 2 {
			hs = tok
		} else {
			continue
		}
		it.hour, _ = strconv.Atoi(hs)
		if ms != "" {
			it.min, _ = strconv.Atoi(ms)
			it.hasMin = true
		}
		if it.min > 59 {
			continue
		}
		if mk := ampm.FindStringSubmatchIndex(v[e:]); mk != nil && !letterAt(v, e+mk[1]) && it.hour >= 1 && it.hour <= 12 {
			it.end = e + mk[1]
			it.clock, it.pm = "12h", strings.EqualFold(v[e+mk[2]:e+mk[3]], "p")
			it.form = markerForm(v[e : e+mk[1]])
			if e+mk[1] == len(v) && mk[4] != mk[5] && mk[8] == mk[9] {
				it.form += "." // "p.m" at the end of the value lost its period with the sentence's
			}
		} else if sep != "" && it.hour <= 24 && (suffix == 0 || sep == "compact") {
			it.clock, it.form = "24h", sep
			it.end += suffix
		} else {
			continue // a bare number: "9-5"
		}
		it.text = v[it.start:it.end]
		out = append(out, it)
	}
	// "8:00 - 5:00 p.m.": a bare time before a 12-hour one in a range is 12-hour.
	for i := len(out) - 2; i >= 0; i-- {
		a, b := &out[i], out[i+1]
		if a.clock == "24h" && a.form != "compact" && a.hour >= 1 && a.hour <= 12 && b.clock == "12h" &&
			rangeTo.MatchString(v[a.end:b.start]) && len(rangeTo.FindString(v[a.end:b.start])) == b.start-a.end {
			a.clock, a.form, a.bare = "12h", b.form, true
			a.pm = b.pm && (a.hour == 12 || a.hour <= b.hour)
		}
	}
	for _, m := range dayName.FindAllStringSubmatchIndex(v, -1) {
		word := v[m[2]:m[3]]
		if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
			continue // "sun", "sat" in lower case are words
		}
		it := hoursItem{contact: contact, start: m[0], end: m[1], dim: "day", form: "full", text: v[m[0]:m[1]]}
		if _, abbr := fullDay[strings.ToLower(word)]; abbr {
			it.form = "abbreviated"
			if m[4] != m[5] {
				continue // "Sats", "Suns": not days
			}
		}
		out = append(out, it)
	}
	return out
}

func isMarkerStart(s string) bool { return ampm.MatchString(" " + s) }

func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && unicode.IsLetter(r)
}

// markerForm is how a 12-hour marker is written, shown for a.m.: "a.m.",
// "am", "AM", "A.M.", with or without a space before it.
func markerForm(marker string) string {
	m := strings.TrimSpace(marker)
	var b strings.Builder
	for _, r := range m {
		switch {
		case r == 'p':
			r = 'a'
		case r == 'P':
			r = 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// markerPair shows a marker form both ways: "a.m./p.m.", "AM/PM".
func markerPair(form string) string {
	return form + "/" + strings.NewReplacer("a", "p", "A", "P").Replace(form)
}

// keepForm is the form to keep: required if set, else the one used most,
// the first seen on a tie.
func keepForm(items []hoursItem, form func(hoursItem) string, required string) string {
	if required != "" {
		return required
	}
	counts := map[string]int{}
	var order []string
	for _, it := range items {
		f := form(it)
		if counts[f] == 0 {
			order = append(order, f)
		}
		counts[f]++
	}
	best := ""
	for _, f := range order {
		if best == "" || counts[f] > counts[best] {
			best = f
		}
	}
	return best
}

func filter(items []hoursItem, keep func(hoursItem) bool) []hoursItem {
	var out []hoursItem
	for _, it := range items {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

func firstOf(items []hoursItem, f func(hoursItem) bool) (hoursItem, bool) {
	for _, it := range items {
		if f(it) {
			return it, true
		}
	}
	return hoursItem{}, false
}

// firstOdd is the first item f selects, preferring one written with its
// own marker to a bare time.
func firstOdd(items []hoursItem, f func(hoursItem) bool) (hoursItem, bool) {
	if it, ok := firstOf(items, func(it hoursItem) bool { return f(it) && !it.bare }); ok {
		return it, true
	}
	return firstOf(items, f)
}

func firstWith(items []hoursItem, f func(hoursItem) bool) hoursItem {
	it, _ := firstOf(items, f)
	return it
}

// convertTime writes t the way example is written.
func convertTime(t, example hoursItem) string {
	h := t.hour
	if t.clock == "12h" {
		h = t.hour % 12
		if t.pm {
			h += 12
		}
	}
	if example.clock == "24h" {
		switch example.form {
		case "compact":
			return fmt.Sprintf("%02d%02d", h, t.min)
		default:
			hs := strconv.Itoa(h)
			if strings.IndexAny(example.text, ":.h") == 2 {
				hs = fmt.Sprintf("%02d", h)
			}
			return fmt.Sprintf("%s%s%02d", hs, example.form, t.min)
		}
	}
	h12, pm := h%12, h >= 12 && h < 24
	if h12 == 0 {
		h12 = 12
	}
	out := strconv.Itoa(h12)
	if t.min != 0 || example.hasMin {
		out += fmt.Sprintf(":%02d", t.min)
	}
	// The marker as the example writes it (its form keeps a final period
	// that the end of a sentence took), with or without a space before it.
	marker := example.form
	if pm {
		marker = strings.NewReplacer("a", "p", "A", "P").Replace(marker)
	}
	if i := strings.IndexFunc(example.text, unicode.IsLetter); i > 0 && example.text[i-1] == ' ' {
		marker = " " + marker
	}
	return out + marker
}

// convertDay writes d the way example is written.
func convertDay(d, example hoursItem) string {
	word := strings.TrimSuffix(d.text, ".")
	if example.form == "full" {
		if full, ok := fullDay[strings.ToLower(word)]; ok {
			return full
		}
		return word
	}
	abbr := word[:3]
	if strings.HasSuffix(example.text, ".") {
		abbr += "."
	}
	return abbr
}
