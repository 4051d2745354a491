package dates

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

// want is one expected mention; Kind follows from Precision.
type want struct {
	text      string
	prec      document.Precision
	value     string
	from, to  string
	qualifier string
	isRange   bool
}

func day(text, value string) want {
	return want{text: text, prec: document.PrecisionDay, value: value, from: value, to: value}
}

func year(text, y string) want {
	return want{text: text, prec: document.PrecisionYear, value: y, from: y + "-01-01", to: y + "-12-31"}
}

func month(text, value, from, to, qualifier string) want {
	return want{text: text, prec: document.PrecisionMonth, value: value, from: from, to: to, qualifier: qualifier}
}

func seasonal(text, y, from, to, qualifier string) want {
	return want{text: text, prec: document.PrecisionPartOfYear, value: y, from: from, to: to, qualifier: qualifier}
}

func noYear(text string, prec document.Precision, value, qualifier string) want {
	return want{text: text, prec: prec, value: value, qualifier: qualifier}
}

func span(w want) want { w.isRange = true; return w }

func rel(text string) want { return want{text: text, prec: document.PrecisionRelative} }

func (w want) String() string {
	return fmt.Sprintf("%q %s %q %s..%s q=%q range=%v", w.text, w.prec, w.value, w.from, w.to, w.qualifier, w.isRange)
}

func got(m Mention) want {
	return want{text: m.Text, prec: m.Precision, value: m.Value, from: m.From, to: m.To, qualifier: m.Qualifier, isRange: m.Range}
}

var findCases = []struct {
	name string
	text string
	want []want
}{
	// Full dates.
	{"month day year", "The ministry published its decree on November 29, 2024 after a review.",
		[]want{day("November 29, 2024", "2024-11-29")}},
	{"abbreviated month", "Talks resumed on Nov. 29, 2024 in the capital.",
		[]want{day("Nov. 29, 2024", "2024-11-29")}},
	{"sept abbreviation", "Border posts reopened Sept. 17, 2024, officials said.",
		[]want{day("Sept. 17, 2024", "2024-09-17")}},
	{"day month year", "The convoy left Gao on 29 November 2024 under escort.",
		[]want{day("29 November 2024", "2024-11-29")}},
	{"day abbreviated month year", "Flights stopped on 29 Nov 2024.",
		[]want{day("29 Nov 2024", "2024-11-29")}},
	{"ordinal day", "A new cabinet was sworn in on June 7th, 2021 and met the next morning.",
		[]want{day("June 7th, 2021", "2021-06-07")}},
	{"ordinal of month", "Parliament sat again on the 7th of June 2021.",
		[]want{day("7th of June 2021", "2021-06-07")}},
	{"iso date", "The log entry is dated 2024-11-29 by the duty officer.",
		[]want{day("2024-11-29", "2024-11-29")}},
	{"us numeric date", "The form was stamped 11/29/2024 at the border.",
		[]want{day("11/29/2024", "2024-11-29")}},
	{"leap day", "The census closed on February 29, 2024.",
		[]want{day("February 29, 2024", "2024-02-29")}},
	{"weekday before date", "Offices reopen on Friday, November 29, 2024.",
		[]want{day("November 29, 2024", "2024-11-29")}},
	{"all caps heading date", "UPDATED NOVEMBER 29, 2024",
		[]want{day("NOVEMBER 29, 2024", "2024-11-29")}},

	// Impossible dates are not mentions, and nothing inside them is.
	{"february 30", "A memo dated February 30, 2024 circulated widely.", nil},
	{"february 29 in a common year", "The vote was set for February 29, 2023.", nil},
	{"april 31", "Troops withdrew on 31 April 2022.", nil},
	{"impossible iso", "Record 2024-02-30 was rejected.", nil},
	{"day first numeric", "The ticket reads 29/11/2024 in the European way.", nil},
	{"impossible day without year", "Nobody met on February 30 that year.", nil},

	// Month and year.
	{"month year", "Kidnappings rose sharply in May 2022.",
		[]want{month("May 2022", "2022-05", "2022-05-01", "2022-05-31", "")}},
	{"late month", "The council was dissolved in late January 2021.",
		[]want{month("late January 2021", "2021-01", "2021-01-21", "2021-01-31", "late")}},
	{"early month", "Rains came in early March 2020.",
		[]want{month("early March 2020", "2020-03", "2020-03-01", "2020-03-10", "early")}},
	{"mid month", "Roads closed in mid-June 2019.",
		[]want{month("mid-June 2019", "2019-06", "2019-06-11", "2019-06-20", "mid")}},
	{"month of year", "The mission ended in June of 2021.",
		[]want{month("June of 2021", "2021-06", "2021-06-01", "2021-06-30", "")}},
	{"abbreviated month year", "Prices doubled by Feb. 2023.",
		[]want{month("Feb. 2023", "2023-02", "2023-02-01", "2023-02-28", "")}},
	{"iso month", "Archive folder 2019-05 holds the cables.",
		[]want{month("2019-05", "2019-05", "2019-05-01", "2019-05-31", "")}},

	// Years.
	{"year", "Insurgents seized the town in 2018.", []want{year("2018", "2018")}},
	{"year as adjective", "Both sides signed the 2015 accord in the capital.", []want{year("2015", "2015")}},
	{"count then year", "The group claimed 887 attacks in 2023 alone.", []want{year("2023", "2023")}},
	{"two years", "Raids spread into 2023 and 2024.", []want{year("2023", "2023"), year("2024", "2024")}},
	{"year in parentheses", "The accord (2015) was later scrapped.", []want{year("2015", "2015")}},
	{"year possessive", "The 2023’s record toll stood.", []want{year("2023", "2023")}},
	{"year at sentence end", "Elections were promised for 2026.", []want{year("2026", "2026")}},
	{"year with lowercase prefix", "Recruitment changed post-2015 and again pre-2020.",
		[]want{year("2015", "2015"), year("2020", "2020")}},
	{"bounds of valid years", "Records from 1899 and 1900 and 2099 and 2100 survive.",
		[]want{year("1900", "1900"), year("2099", "2099")}},

	// Numbers that are not years.
	{"covid", "Cases climbed after COVID-19 reached the region.", nil},
	{"emergency number", "Call the police on 8000-1115 at any hour.", nil},
	{"opening hours", "Desks open 0730 - 1700 on weekdays.", nil},
	{"hours with year-like end", "Desks open 0730 - 1930 on Fridays.", nil},
	{"clock time", "The curfew starts at 1930 hours and at 2000 local time.", nil},
	{"phone with plus", "Tel: +223-2070-2300.", nil},
	{"phone with spaces", "Dial +(223) 2070 2300 for the desk.", nil},
	{"thousands", "About 2,000 people fled and 2.019 tonnes of grain were lost.", nil},
	{"five digits", "Reference 20245 is closed.", nil},
	{"fiscal year", "The FY2024 budget and the FY 2025 plan were cut.", nil},
	{"code with dash", "See CVE-2024-1234 and FY-2024 for details.", nil},
	{"address", "The office is at ACI 2000, Rue 243, Porte 297.", nil},
	{"heading in capitals", "MALI 2024 CRIME AND SAFETY REPORT", []want{year("2024", "2024")}},
	{"heading ending in a year", "ELECTIONS IN MALI 2024", []want{year("2024", "2024")}},
	{"decimal", "Growth of 2023.5 was reported.", nil},
	{"percent", "Costs rose 2000% in a decade.", nil},
	{"weekdays", "Hours of Operation: Monday-Thursday 0730 - 1700; Friday 0730 – 1130.", nil},
	{"currency", "Fines reach $2000 or €1950.", nil},

	// Parts of years.
	{"early year", "Attacks resumed in early 2022.",
		[]want{seasonal("early 2022", "2022", "2022-01-01", "2022-04-30", "early")}},
	{"mid hyphen year", "French forces left in mid-2022.",
		[]want{seasonal("mid-2022", "2022", "2022-05-01", "2022-08-31", "mid")}},
	{"mid space year", "French forces left in mid 2022.",
		[]want{seasonal("mid 2022", "2022", "2022-05-01", "2022-08-31", "mid")}},
	{"capitalised qualifier", "Mid-2022 saw the last patrols.",
		[]want{seasonal("Mid-2022", "2022", "2022-05-01", "2022-08-31", "mid")}},
	{"late year", "Support has come from contractors since late 2021.",
		[]want{seasonal("late 2021", "2021", "2021-09-01", "2021-12-31", "late")}},
	{"end of year", "The mandate lapsed at the end of 2023.",
		[]want{seasonal("the end of 2023", "2023", "2023-09-01", "2023-12-31", "late")}},
	{"beginning of year", "Talks stalled at the beginning of 2020.",
		[]want{seasonal("the beginning of 2020", "2020", "2020-01-01", "2020-04-30", "early")}},
	{"summer", "Floods hit in summer 2022.",
		[]want{seasonal("summer 2022", "2022", "2022-06-01", "2022-08-31", "summer")}},
	{"fall of", "Roads were cut in the fall of 2021.",
		[]want{seasonal("fall of 2021", "2021", "2021-09-01", "2021-11-30", "autumn")}},
	{"winter runs into next year", "Fuel ran short in winter 2023.",
		[]want{seasonal("winter 2023", "2023", "2023-12-01", "2024-02-29", "winter")}},

	// Ranges.
	{"qualifier range", "Following the withdrawal in early to mid-2022, crime rose.",
		[]want{span(seasonal("early to mid-2022", "2022", "2022-01-01", "2022-08-31", "early to mid"))}},
	{"year range en dash", "Drought lasted 2019–2021 in the north.",
		[]want{span(want{text: "2019–2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"year range hyphen", "Drought lasted 2019-2021 in the north.",
		[]want{span(want{text: "2019-2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"year range spaced", "Drought lasted 2019 – 2021 in the north.",
		[]want{span(want{text: "2019 – 2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"abbreviated year range", "The 2019-21 plan failed.",
		[]want{span(want{text: "2019-21", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"slash year range", "The 2023/24 harvest was poor.",
		[]want{span(want{text: "2023/24", prec: document.PrecisionYear, value: "2023/2024", from: "2023-01-01", to: "2024-12-31"})}},
	{"from to years", "Violence grew from 2019 to 2021 across the center.",
		[]want{span(want{text: "from 2019 to 2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"between and years", "Violence grew between 2019 and 2021 across the center.",
		[]want{span(want{text: "between 2019 and 2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"months without year", "Parties were banned from April to July by decree.",
		[]want{span(noYear("from April to July", document.PrecisionMonthNoYear, "--04/--07", ""))}},
	{"months sharing a year", "Patrols ran May to July 2023 along the river.",
		[]want{span(month("May to July 2023", "2023-05/2023-07", "2023-05-01", "2023-07-31", ""))}},
	{"months across new year", "Schools closed from November to February 2023.",
		[]want{span(month("from November to February 2023", "2022-11/2023-02", "2022-11-01", "2023-02-28", ""))}},
	{"day range", "The summit ran September 17–19, 2024 in Niamey.",
		[]want{span(want{text: "September 17–19, 2024", prec: document.PrecisionDay, value: "2024-09-17/2024-09-19", from: "2024-09-17", to: "2024-09-19"})}},
	{"day first range", "The summit ran 17–19 September 2024 in Niamey.",
		[]want{span(want{text: "17–19 September 2024", prec: document.PrecisionDay, value: "2024-09-17/2024-09-19", from: "2024-09-17", to: "2024-09-19"})}},
	{"mixed precision range", "Unrest lasted from May 2021 to 2023.",
		[]want{span(want{text: "from May 2021 to 2023", prec: document.PrecisionYear, value: "2021-05/2023", from: "2021-05-01", to: "2023-12-31"})}},
	{"hyphenated qualifier range", "Patrols thinned in early-to-mid 2022.",
		[]want{span(seasonal("early-to-mid 2022", "2022", "2022-01-01", "2022-08-31", "early to mid"))}},
	{"qualified years range", "Talks ran from mid-2021 to early 2022.",
		[]want{span(seasonal("from mid-2021 to early 2022", "2021/2022", "2021-05-01", "2022-04-30", "mid to early"))}},
	{"between the end of and mid", "Raids grew between the end of 2021 and mid-2022.",
		[]want{span(seasonal("between the end of 2021 and mid-2022", "2021/2022", "2021-09-01", "2022-08-31", "late to mid"))}},
	{"em dash between years", "Drought lasted 2019—2021, then eased.",
		[]want{span(want{text: "2019—2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"em dash as a pause", "It began in 2019 — the worst year — and ended.", []want{year("2019", "2019")}},
	{"through", "Aid flowed 2019 through 2021.",
		[]want{span(want{text: "2019 through 2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"})}},
	{"season over two years", "Fuel ran short in winter 2021/22.",
		[]want{seasonal("winter 2021/22", "2021", "2021-12-01", "2022-02-28", "winter")}},
	{"between months", "Roads flood between May and June 2020.",
		[]want{span(month("between May and June 2020", "2020-05/2020-06", "2020-05-01", "2020-06-30", ""))}},
	{"days to", "Talks ran 17 to 19 September.",
		[]want{span(noYear("17 to 19 September", document.PrecisionDayNoYear, "--09-17/--09-19", ""))}},
	{"full dates range", "The mandate ran 1 January 2000 – 31 December 2001.",
		[]want{span(want{text: "1 January 2000 – 31 December 2001", prec: document.PrecisionDay, value: "2000-01-01/2001-12-31", from: "2000-01-01", to: "2001-12-31"})}},
	{"decade range", "Output fell in the 1990s-2000s.",
		[]want{span(want{text: "1990s-2000s", prec: document.PrecisionDecade, value: "199/200", from: "1990-01-01", to: "2009-12-31"})}},
	{"bare season is no range end", "It rained from spring to summer 2021.",
		[]want{seasonal("summer 2021", "2021", "2021-06-01", "2021-08-31", "summer")}},
	{"backwards years are not a range", "Between 2021 and 2019 nothing changed.",
		[]want{year("2021", "2021"), year("2019", "2019")}},
	{"and without between is two dates", "Raids hit in 2023 and 2024.",
		[]want{year("2023", "2023"), year("2024", "2024")}},

	// Decades.
	{"decade", "Mining boomed in the 2010s.",
		[]want{{text: "2010s", prec: document.PrecisionDecade, value: "201", from: "2010-01-01", to: "2019-12-31"}}},
	{"decade apostrophe", "Mining boomed in the 1990’s.",
		[]want{{text: "1990’s", prec: document.PrecisionDecade, value: "199", from: "1990-01-01", to: "1999-12-31"}}},
	{"qualified decade", "Mining boomed in the late 1990s.",
		[]want{{text: "late 1990s", prec: document.PrecisionDecade, value: "199", from: "1997-01-01", to: "1999-12-31", qualifier: "late"}}},
	{"not a decade", "Model 2015s sold out.", nil},
	{"last decade is relative", "Attacks grew over the last decade.", []want{rel("the last decade")}},

	// Dates without a year.
	{"month day", "On September 17, militants struck the airport.",
		[]want{noYear("September 17", document.PrecisionDayNoYear, "--09-17", "")}},
	{"day month", "On 17 September militants struck the airport.",
		[]want{noYear("17 September", document.PrecisionDayNoYear, "--09-17", "")}},
	{"in month", "The ban started in April.", []want{noYear("April", document.PrecisionMonthNoYear, "--04", "")}},
	{"since month", "Prices have climbed since March.", []want{noYear("March", document.PrecisionMonthNoYear, "--03", "")}},
	{"until month", "The curfew holds until July.", []want{noYear("July", document.PrecisionMonthNoYear, "--07", "")}},
	{"capitalised preposition", "In May, the rains began.", []want{noYear("May", document.PrecisionMonthNoYear, "--05", "")}},
	{"qualified month", "Clashes resumed in early April.",
		[]want{noYear("early April", document.PrecisionMonthNoYear, "--04", "early")}},
	{"may as verb", "Travelers may face delays. May we add that March is hot?", nil},
	{"march as noun", "March organisers met officials.", nil},
	{"lower case month", "Crowds may march in august.", nil},
	{"abbreviation alone", "Jan said the roads were open in Jan and Dec.", nil},
	{"number of people", "In May 40 people fled.", []want{noYear("May", document.PrecisionMonthNoYear, "--05", "")}},

	// Relative phrases.
	{"recently", "Faith-based groups have recently been targeted.", []want{rel("recently")}},
	{"longest phrase wins", "In recent months, attacks spread south.", []want{rel("In recent months")}},
	{"recent months", "Over recent months the toll rose.", []want{rel("recent months")}},
	{"currently", "The embassy currently offers limited services.", []want{rel("currently")}},
	{"at present", "At present, no flights operate.", []want{rel("At present")}},
	{"earlier this year", "The junta earlier this year banned parties.", []want{rel("earlier this year")}},
	{"so far this year", "So far this year, 40 attacks were logged.", []want{rel("So far this year")}},
	{"past few years", "The past few years brought change.", []want{rel("The past few years")}},
	{"number slot", "Over the past 12 months and the last three years, crime rose.",
		[]want{rel("the past 12 months"), rel("the last three years")}},
	{"future", "Elections may be held next year or in the coming months.",
		[]want{rel("next year"), rel("in the coming months")}},
	{"to date", "No arrests have been made to date.", []want{rel("to date")}},
	{"ignored idiom", "Keep your documents up to date and leave as soon as possible.", nil},
	{"word boundaries", "Nowhere is the presentation of currentness unrecentlyish.", nil},
	{"now and ongoing are not listed", "The ongoing conflict now affects the current plan.", nil},
	{"relative beside explicit", "Last year, in May 2023, the border closed.",
		[]want{rel("Last year"), month("May 2023", "2023-05", "2023-05-01", "2023-05-31", "")}},

	// Non-ASCII text around dates.
	{"non-ascii neighbours", "Goïta’s “transition” – announced in mid‑2022 – ran 2019–2021 and since late 2021…",
		[]want{
			seasonal("mid‑2022", "2022", "2022-05-01", "2022-08-31", "mid"),
			span(want{text: "2019–2021", prec: document.PrecisionYear, value: "2019/2021", from: "2019-01-01", to: "2021-12-31"}),
			seasonal("late 2021", "2021", "2021-09-01", "2021-12-31", "late"),
		}},
}

func TestFind(t *testing.T) {
	f := Default()
	for _, tc := range findCases {
		t.Run(tc.name, func(t *testing.T) {
			ms := f.Find(tc.text)
			checkInvariants(t, tc.text, ms)
			var gotList []want
			for _, m := range ms {
				gotList = append(gotList, got(m))
			}
			if fmt.Sprint(gotList) != fmt.Sprint(tc.want) {
				t.Errorf("Find(%q)\n got  %v\n want %v", tc.text, gotList, tc.want)
			}
			for _, m := range ms {
				wantKind := document.DateExplicit
				if m.Precision == document.PrecisionRelative {
					wantKind = document.DateRelative
				}
				if m.Kind != wantKind {
					t.Errorf("%q: kind %q, want %q", m.Text, m.Kind, wantKind)
				}
				if !m.Span.IsZero() {
					t.Errorf("%q: span %v set; the caller sets it", m.Text, m.Span)
				}
			}
		})
	}
}

// checkInvariants holds for every input: mentions in order, apart, inside
// the text, on rune boundaries, and Text is the text they cover.
func checkInvariants(t *testing.T, text string, ms []Mention) {
	t.Helper()
	boundary := make([]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	prevEnd := 0
	for k, m := range ms {
		if m.Start < prevEnd || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("mention %d %q at [%d,%d) after %d in %d bytes: out of order, overlapping or out of bounds", k, m.Text, m.Start, m.End, prevEnd, len(text))
		}
		if !boundary[m.Start] || !boundary[m.End] {
			t.Fatalf("mention %d at [%d,%d) splits a rune", k, m.Start, m.End)
		}
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("mention %d Text %q, text there is %q", k, m.Text, text[m.Start:m.End])
		}
		prevEnd = m.End
	}
}

func TestFindOrder(t *testing.T) {
	text := "Recently, between 2019 and 2021, and again from April to July, " +
		"the 2015 accord frayed; on June 7, 2021 and in late January 2021 the council met, " +
		"and in recent months the 2010s gains were lost."
	ms := Default().Find(text)
	checkInvariants(t, text, ms)
	var texts []string
	for _, m := range ms {
		texts = append(texts, m.Text)
	}
	wantTexts := []string{"Recently", "between 2019 and 2021", "from April to July", "2015",
		"June 7, 2021", "late January 2021", "in recent months", "2010s"}
	if strings.Join(texts, "|") != strings.Join(wantTexts, "|") {
		t.Errorf("got  %q\nwant %q", texts, wantTexts)
	}
}

func TestPhraseKind(t *testing.T) {
	for text, kind := range map[string]PhraseKind{
		"It happened last year.":        PhrasePast,
		"It is currently closed.":       PhrasePresent,
		"It reopens next year.":         PhraseFuture,
		"It was lately reinforced.":     PhrasePast,
		"Nowadays it is quiet.":         PhrasePresent,
		"It will be decided soon.":      PhraseFuture,
		"It grew in recent years.":      PhrasePast,
		"It shrank this month.":         PhrasePresent,
		"It will grow later this year.": PhraseFuture,
	} {
		ms := Default().Find(text)
		if len(ms) != 1 || ms[0].PhraseKind != kind || ms[0].Kind != document.DateRelative || ms[0].Value != "" {
			t.Errorf("Find(%q) = %+v, want one %s phrase", text, ms, kind)
		}
	}
}

func TestNewFinderWithoutPhrases(t *testing.T) {
	ms := NewFinder(nil).Find("Recently, in May 2022, things changed.")
	if len(ms) != 1 || ms[0].Text != "May 2022" {
		t.Errorf("got %+v, want only the explicit date", ms)
	}
}

func TestNewFinderCustomPhrase(t *testing.T) {
	f := NewFinder([]Phrase{{Text: "year-to-date", Kind: PhrasePast}, {Text: "   "}})
	ms := f.Find("Year-to-date losses, not year to date.")
	if len(ms) != 1 || ms[0].Text != "Year-to-date" {
		t.Errorf("got %+v, want the hyphenated phrase only", ms)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in         string
		value      string
		start, end int
	}{
		{"November 29, 2024", "2024-11-29", 0, 17},
		{"  2024-11-29 \n", "2024-11-29", 2, 12},
		{"29 Nov 2024", "2024-11-29", 0, 11},
		{"Sept. 17, 2024", "2024-09-17", 0, 14},
		{"\u00a0July 31, 2023", "2023-07-31", 2, 15},
	} {
		m, ok := Parse(tc.in)
		if !ok || m.Value != tc.value || m.Start != tc.start || m.End != tc.end || m.Text != tc.in[tc.start:tc.end] {
			t.Errorf("Parse(%q) = %+v, %v; want %s at [%d,%d)", tc.in, m, ok, tc.value, tc.start, tc.end)
		}
	}
	for _, in := range []string{"", "May 2022", "2024", "September 17", "November 29, 2024 and more",
		"Published: November 29, 2024", "February 30, 2024", "2019–2021", "recently", "11/29/24"} {
		if m, ok := Parse(in); ok {
			t.Errorf("Parse(%q) = %+v, want no date", in, m)
		}
	}
}

// No starter, in any case, is passed over by the sieves before the map;
// and a word that starts nothing, of a length no starter of its first
// letter has, is.
func TestSievesKeepEveryStarter(t *testing.T) {
	f := Default()
	for w := range f.starters {
		if w == numberSlot {
			continue
		}
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if f.sieved(v) {
				t.Errorf("starter %q is sieved out", v)
			}
		}
	}
	if !f.sieved("travellers") || !f.sieved("Thxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxe") {
		t.Errorf("words that start nothing pass the sieves")
	}
}
