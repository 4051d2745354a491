package dates

import (
	"strconv"

	"github.com/reportlint/reportlint/internal/document"
)

// when is one explicit date as read from the text, before it becomes a Mention.
type when struct {
	// prec is PrecisionDay, PrecisionMonth, PrecisionPartOfYear,
	// PrecisionYear or PrecisionDecade; the no-year precisions follow from
	// year == 0.
	prec  document.Precision
	year  int // 0 when the text gives none; the first year of a decade
	month int // 1–12 for day and month precision
	day   int
	qual  string // early, mid, late, or a season
}

// civil is a calendar day; the zero value means unknown.
type civil struct{ y, m, d int }

// append appends the day as YYYY-MM-DD, or nothing for the zero day.
func (c civil) append(b []byte) []byte {
	if c.y == 0 {
		return b
	}
	return append(b, byte('0'+c.y/1000%10), byte('0'+c.y/100%10), byte('0'+c.y/10%10), byte('0'+c.y%10), '-',
		byte('0'+c.m/10), byte('0'+c.m%10), '-', byte('0'+c.d/10), byte('0'+c.d%10))
}

func (c civil) before(o civil) bool {
	if c.y != o.y {
		return c.y < o.y
	}
	if c.m != o.m {
		return c.m < o.m
	}
	return c.d < o.d
}

// appendPad appends n in decimal, with zeros before it up to width digits.
func appendPad(b []byte, n, width int) []byte {
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	for k := len(d); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, d...)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn is the length of month m; with no year (0) February has 29 days,
// since "February 29" is a real date in some year.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y == 0 || isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func validDay(y, m, d int) bool {
	return 1 <= m && m <= 12 && 1 <= d && d <= daysIn(y, m)
}

// rank orders precisions from finest to coarsest; a range takes the coarser
// of its two ends.
func rank(p document.Precision) int {
	switch p {
	case document.PrecisionDay:
		return 0
	case document.PrecisionMonth:
		return 1
	case document.PrecisionPartOfYear:
		return 2
	case document.PrecisionYear:
		return 3
	}
	return 4
}

func (w when) precision() document.Precision {
	if w.year == 0 {
		switch w.prec {
		case document.PrecisionDay:
			return document.PrecisionDayNoYear
		case document.PrecisionMonth:
			return document.PrecisionMonthNoYear
		}
	}
	return w.prec
}

// appendValue appends the ISO 8601 form to the date's precision.
func (w when) appendValue(b []byte) []byte {
	switch w.prec {
	case document.PrecisionDay:
		if w.year == 0 {
			b = appendPad(append(b, "--"...), w.month, 2)
			return appendPad(append(b, '-'), w.day, 2)
		}
		return civil{w.year, w.month, w.day}.append(b)
	case document.PrecisionMonth:
		if w.year == 0 {
			return appendPad(append(b, "--"...), w.month, 2)
		}
		return appendPad(append(appendPad(b, w.year, 4), '-'), w.month, 2)
	case document.PrecisionDecade:
		return appendPad(b, w.year/10, 3)
	}
	return appendPad(b, w.year, 4)
}

// bounds is the first and last day meant, or zero days when no year is known.
func (w when) bounds() (from, to civil) {
	y := w.year
	if y == 0 {
		return civil{}, civil{}
	}
	switch w.prec {
	case document.PrecisionDay:
		d := civil{y, w.month, w.day}
		return d, d
	case document.PrecisionMonth:
		last := daysIn(y, w.month)
		switch w.qual {
		case "early":
			return civil{y, w.month, 1}, civil{y, w.month, 10}
		case "mid":
			return civil{y, w.month, 11}, civil{y, w.month, 20}
		case "late":
			return civil{y, w.month, 21}, civil{y, w.month, last}
		}
		return civil{y, w.month, 1}, civil{y, w.month, last}
	case document.PrecisionPartOfYear:
		first, last := partOfYear(w.qual)
		endYear := y
		if last < first { // winter runs into the next year
			endYear++
		}
		return civil{y, first, 1}, civil{endYear, last, daysIn(endYear, last)}
	case document.PrecisionDecade:
		first, last := 0, 9
		switch w.qual {
		case "early":
			last = 3
		case "mid":
			first, last = 4, 6
		case "late":
			first = 7
		}
		return civil{y + first, 1, 1}, civil{y + last, 12, 31}
	}
	return civil{y, 1, 1}, civil{y, 12, 31}
}

// partOfYear gives the first and last month of a qualified year. Seasons are
// those of the northern hemisphere, where the reports' readers mostly are;
// winter YYYY is December YYYY to February YYYY+1, so a winter belongs to the
// year it starts in.
func partOfYear(qual string) (first, last int) {
	switch qual {
	case "early":
		return 1, 4
	case "mid":
		return 5, 8
	case "late":
		return 9, 12
	case "spring":
		return 3, 5
	case "summer":
		return 6, 8
	case "autumn":
		return 9, 11
	case "winter":
		return 12, 2
	}
	return 1, 12
}
