package dates

import "github.com/reportlint/reportlint/internal/document"

// rangeFirst is how a range's first end is read: a month alone and a
// separator glued after it allowed. Every reader of single only loosens
// with bareMonth and sepAfter, so where single reads a date at a token
// with a ctx whose afterSep is false, it reads one with rangeFirst too
// (FuzzSingleLoosens).
var rangeFirst = ctx{bareMonth: true, sepAfter: true}

// rangeStart is the token j where a range at token i has its first end,
// past "from" or "between".
func (s *stream) rangeStart(i int) (j int, between bool) {
	if s.isWord(i, "from") {
		return i + 1, false
	} else if s.isWord(i, "between") {
		return i + 1, true
	}
	return i, false
}

// rangeFrom reads a range of dates that starts at token i: "2019–2021",
// "2019-21", "2023/24", "from 2019 to 2021", "between 2019 and 2021", "early to
// mid-2022", "May to July 2023", "from April to July", "September 17–19,
// 2024", "17–19 September 2024". The word "from" or "between" is part of it.
// An end without a year takes the other end's year. j and between are
// rangeStart(i); first is single(j, rangeFirst), which readAt reuses.
func (s *stream) rangeFrom(j int, between bool, first found) (a, b when, end int, ok bool) {
	bareQual, bareDay := "", 0
	firstEnd := first.end
	if !first.ok || first.veto {
		first.ok = false
		if q := s.qualifierWord(j); q != "" { // "early" in "early to mid-2022"
			bareQual, firstEnd = q, j+1
		} else if d, _, isDay := s.dayAt(j); isDay && s.startsClean(j) { // "17" in "17–19 September"
			bareDay, firstEnd = d, j+1
		} else {
			return
		}
	}

	k := firstEnd
	r := s.punct(k)
	gluedSep := s.touches(k-1) && s.touches(k)
	slash := false
	switch {
	case bareQual != "" && isDash(r) && s.isWord(k+1, "to") && isDash(s.punct(k+2)) &&
		gluedSep && s.touches(k+1) && s.touches(k+2): // "early-to-mid 2022"
		k += 2
	case isDash(r):
	case r == '\u2014' && gluedSep: // an em dash between two numbers, "2019—2021"
	case r == '/':
		if !gluedSep {
			return
		}
		slash = true
	case s.isWord(k, "and"):
		if !between {
			return
		}
	case !between && (s.isWord(k, "to") || s.isWord(k, "through") || s.isWord(k, "until") ||
		s.isWord(k, "till") || s.isWord(k, "thru")):
	default:
		return
	}

	second := s.rangeEnd(k+1, first, gluedSep)
	if !second.ok || second.veto {
		return
	}
	a, b = first.w, second.w
	if slash && (a.prec != document.PrecisionYear || b.prec != document.PrecisionYear || a.qual != "") {
		return
	}
	switch {
	case bareQual != "":
		if b.qual != "early" && b.qual != "mid" && b.qual != "late" {
			return
		}
		a = b
		a.qual = bareQual
	case bareDay != 0:
		if b.prec != document.PrecisionDay {
			return
		}
		a = b
		a.day = bareDay
	}
	if !inheritYear(&a, &b) || !ordered(a, b) {
		return
	}
	return a, b, second.end, true
}

// rangeEnd reads the second end of a range at token j, after the first end
// and the separator.
func (s *stream) rangeEnd(j int, first found, gluedSep bool) found {
	second := s.single(j, ctx{bareMonth: true, afterSep: true})
	if !first.ok {
		return second
	}
	w := first.w
	// "2019-21": two digits glued after a year stand for a year of the same century.
	if w.prec == document.PrecisionYear && w.qual == "" && gluedSep {
		if v, n, ok := s.number(j); ok && n == 2 && s.endsClean(j) {
			if y := w.year/100*100 + v; y > w.year {
				second.offer(when{prec: document.PrecisionYear, year: y}, j+1, false)
			}
		}
	}
	// "September 17–19, 2024", "May 5 to 7": a bare day after a day.
	if w.prec == document.PrecisionDay && w.year == 0 {
		if d, _, ok := s.dayAt(j); ok {
			w.day = d
			yk := j + 1
			if s.punct(yk) == ',' {
				yk++
			}
			if y, ok := s.yearAt(yk, true); ok && s.endOK(yk+1, ctx{}) {
				w.year = y
				second.offer(w, yk+1, !validDay(y, w.month, d))
			} else if s.endOK(j+1, ctx{}) {
				second.offer(w, j+1, !validDay(0, w.month, d))
			}
		}
	}
	return second
}

// inheritYear gives an end without a year the other end's, stepping a year
// when the months would otherwise run backwards ("from December to February
// 2023" starts in December 2022). It reports false when one end has a year
// and the other cannot take it.
func inheritYear(a, b *when) bool {
	monthly := func(w *when) bool {
		return w.prec == document.PrecisionDay || w.prec == document.PrecisionMonth
	}
	after := func() bool { return a.month > b.month || a.month == b.month && a.day > b.day }
	if a.year == 0 && b.year != 0 && monthly(a) && monthly(b) {
		a.year = b.year
		if after() {
			a.year--
		}
	}
	if b.year == 0 && a.year != 0 && monthly(a) && monthly(b) {
		b.year = a.year
		if after() {
			b.year++
		}
	}
	if (a.year == 0) != (b.year == 0) {
		return false
	}
	return a.prec != document.PrecisionDay || validDay(a.year, a.month, a.day)
}

// ordered reports whether b comes after a. Without years a month range may
// wrap round the new year ("from November to February").
func ordered(a, b when) bool {
	if a.year == 0 {
		if a == b {
			return false
		}
		return !(a.month == b.month && a.day >= b.day)
	}
	af, at := a.bounds()
	bf, bt := b.bounds()
	return (af.before(bf) || af == bf && at.before(bt)) && !bt.before(at)
}
