package dates

import (
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/phrase"
)

type monthName struct {
	number int
	abbr   bool
}

// monthNames holds the spellings read as months: capitalised or all capitals,
// never lower case, because "may", "march" and "august" are ordinary words.
var monthNames = func() map[string]monthName {
	full := []string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	abbr := map[string]int{"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
		"Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
	m := make(map[string]monthName)
	add := func(name string, v monthName) {
		m[name] = v
		upper := []rune(name)
		for i := range upper {
			upper[i] = unicode.ToUpper(upper[i])
		}
		m[string(upper)] = v
	}
	for i, name := range full {
		add(name, monthName{number: i + 1})
	}
	for name, n := range abbr {
		add(name, monthName{number: n, abbr: true})
	}
	return m
}()

// ctx is what the caller knows about the place a date is read at.
type ctx struct {
	bareMonth bool // a month name alone counts as a date here ("in April")
	afterSep  bool // the date ends a range, so what is glued before it has been read
	sepAfter  bool // the date may start a range, so a separator may be glued after it
}

// found is the longest date read at one token so far.
type found struct {
	w   when
	end int // token index after the date
	// veto marks a date-shaped phrase that is not a date ("February 30,
	// 2024"): it wins over anything shorter inside it and yields no mention.
	veto bool
	ok   bool
}

func (f *found) offer(w when, end int, veto bool) {
	if !f.ok || end > f.end {
		*f = found{w: w, end: end, veto: veto, ok: true}
	}
}

// single reads the longest explicit date, not a range, that starts at token i.
func (s *stream) single(i int, c ctx) found {
	var f found
	switch s.kind(i) {
	case tokWord:
		s.qualified(i, c, &f)
		s.monthFirst(i, c, "", &f)
	case tokNumber:
		s.numeric(i, c, &f)
		s.decade(i, c, "", &f)
		s.dayFirst(i, c, &f)
	case tokMixed:
		s.decade(i, c, "", &f)
		s.dayFirst(i, c, &f)
	}
	return f
}

// endOK reports whether a date may end before token end.
func (s *stream) endOK(end int, c ctx) bool {
	if s.endsClean(end - 1) {
		return true
	}
	r := s.punct(end)
	return c.sepAfter && (isGlue(r) || r == '/')
}

// startsClean reports whether number token i starts a number of its own
// rather than continuing one glued before it: "+223-2070", "1.2019", "FY-2024"
// and "$2020" do not start cleanly; "mid-2022" and "(2022" do.
func (s *stream) startsClean(i int) bool {
	if !s.touches(i - 1) {
		return true
	}
	r := s.punct(i - 1)
	switch {
	case r == ',' || r == '.' || r == ':' || r == '/' || r == '\\':
		return !s.touches(i - 2)
	case isGlue(r):
		return !s.touches(i-2) || s.kind(i-2) == tokWord && !codeLike(s.str(i-2))
	}
	return !numberSign(r)
}

// endsClean is startsClean's mirror for a date's last token i: a number glued
// to more digits ("2023.5", "2070-2300", "17,000") or to a sign ("2000%") does
// not end cleanly.
func (s *stream) endsClean(i int) bool {
	if s.kind(i) != tokNumber || !s.touches(i) {
		return true
	}
	r := s.punct(i + 1)
	if r == ',' || r == '.' || r == ':' || r == '/' || r == '\\' || r == '\'' || r == '\u2019' || isGlue(r) {
		return !(s.touches(i+1) && s.hasDigit(i+2))
	}
	return !numberSign(r)
}

// numberSign reports whether r glued to a number makes it an amount, a
// measure or an identifier rather than a year.
func numberSign(r rune) bool {
	switch r {
	case '%', '\u2030', '+', '\u00b0', '#', '@', '=', '&', '$', '\u20ac', '\u00a3', '\u00a5',
		'\u00b2', '\u00b3', '\u00d7', '\u2116':
		return true
	}
	return false
}

// isGlue is a dash that joins the parts of codes and numbers. Besides the
// range dashes it takes the minus sign and the em dash, which separates a
// range only when glued to both ends ("2019—2021", not "2019 — the year").
func isGlue(r rune) bool { return isDash(r) || r == '\u2014' || r == '\u2212' }

// codeLike reports whether a word glued before a number makes a code of it:
// "FY-2024", "CVE-2024", "A-2022" (but not "mid-2022", "Mid-2022", "pre-2020").
func codeLike(w string) bool {
	runes, upper := 0, 0
	for _, r := range w {
		runes++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 || runes == 1 && upper == 1
}

// yearAt reads a year, 1900–2099, at token i. checkLeft is false when what is
// glued before the year has already been read (the end of a range).
func (s *stream) yearAt(i int, checkLeft bool) (int, bool) {
	v, n, ok := s.number(i)
	if !ok || n != 4 || v < 1900 || v > 2099 {
		return 0, false
	}
	if checkLeft && (!s.startsClean(i) || s.amongNumbers(i-1, i-2) || s.nameBefore(i)) {
		return 0, false
	}
	if s.amongNumbers(i+1, i+2) || s.clockWordAt(i+1) {
		return 0, false
	}
	return v, true
}

// amongNumbers reports whether the token next to a four-digit number (near),
// or the one across a dash (far), is a number that shows the four digits are
// a phone number or a clock time: "(223) 2070 2300", "0730 - 1930".
func (s *stream) amongNumbers(near, far int) bool {
	if _, n, ok := s.number(near); ok {
		return n >= 3
	}
	if !isGlue(s.punct(near)) {
		return false
	}
	v, n, ok := s.number(far)
	return ok && n >= 3 && !(n == 4 && 1900 <= v && v <= 2099)
}

// nameBefore reports whether the number at token i follows a short word in
// capitals that makes it part of a name or code: "ACI 2000" (a district of
// Bamako), "FY 2024", "ISO 2022". Capitalised prepositions and months in
// all-caps headings ("ATTACKS IN 2023", "MAY 2022") do not count.
func (s *stream) nameBefore(i int) bool {
	t, ok := s.get(i - 1)
	if !ok || t.end-t.start > 5 || s.touches(i-1) || !s.capitals(i-1) {
		return false
	}
	// Words in capitals on both sides make a heading: "MALI 2024 CRIME REPORT".
	if s.capitals(i-2) || s.capitals(i+1) {
		return false
	}
	w := s.text[t.start:t.end]
	if _, isMonth := monthNames[w]; isMonth {
		return false
	}
	for _, p := range prepositions {
		if phrase.EqualFoldASCII(w, p) {
			return false
		}
	}
	for _, p := range wordsBeforeYears {
		if phrase.EqualFoldASCII(w, p) {
			return false
		}
	}
	return true
}

// wordsBeforeYears are short words, besides the prepositions, that may stand
// before a year in a heading in capitals: "THE 2015 ACCORD", "FALL 2021".
var wordsBeforeYears = [...]string{"the", "end", "fall", "at", "on", "for", "per", "circa"}

// capitals reports whether token i is a word of two or more ASCII capitals.
func (s *stream) capitals(i int) bool {
	t, ok := s.get(i)
	if !ok || t.kind != tokWord || t.end-t.start < 2 {
		return false
	}
	for j := t.start; j < t.end; j++ {
		if c := s.text[j]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// clockWordAt reports whether token i says the number before it is a time of day.
func (s *stream) clockWordAt(i int) bool {
	w := s.wordAt(i)
	for _, c := range [...]string{"hours", "hrs", "hr", "h", "gmt", "utc", "local"} {
		if foldIs(w, c) {
			return true
		}
	}
	return false
}

// monthAt reads a month name at token i, with the full stop of an
// abbreviation ("Nov."). bareable says the name may stand alone as a date:
// a full, capitalised name ("April", not "Apr" or "APRIL").
func (s *stream) monthAt(i int) (month, next int, bareable, ok bool) {
	t, found := s.get(i)
	if !found || t.kind != tokWord {
		return 0, 0, false, false
	}
	word := s.text[t.start:t.end]
	if word[0] < 'A' || word[0] > 'Z' {
		return 0, 0, false, false
	}
	m, found := monthNames[word]
	if !found {
		return 0, 0, false, false
	}
	next = i + 1
	if m.abbr && s.punct(next) == '.' && s.touches(i) {
		next++
	}
	bareable = !m.abbr && len(word) > 1 && 'a' <= word[1] && word[1] <= 'z'
	return m.number, next, bareable, true
}

// dayAt reads a day of the month, 1–31, written "7" or "7th".
func (s *stream) dayAt(i int) (day int, ordinal, ok bool) {
	t, found := s.get(i)
	if !found {
		return 0, false, false
	}
	w := s.text[t.start:t.end]
	switch t.kind {
	case tokNumber:
		if len(w) > 2 {
			return 0, false, false
		}
	case tokMixed:
		if len(w) < 3 || len(w) > 4 {
			return 0, false, false
		}
		suffix := w[len(w)-2:]
		if !phrase.EqualFoldASCII(suffix, "st") && !phrase.EqualFoldASCII(suffix, "nd") &&
			!phrase.EqualFoldASCII(suffix, "rd") && !phrase.EqualFoldASCII(suffix, "th") {
			return 0, false, false
		}
		w = w[:len(w)-2]
		ordinal = true
	default:
		return 0, false, false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0, false, false
		}
		day = day*10 + int(w[i]-'0')
	}
	return day, ordinal, 1 <= day && day <= 31
}

var periodEdges = [...]struct{ word, qual string }{
	{"end", "late"}, {"beginning", "early"}, {"start", "early"}, {"middle", "mid"},
}

// qualifierAt reads "early", "mid", "mid-", "late" or "[the] end of" and the
// like at token i, returning the qualifier and the token after it, or next < 0.
func (s *stream) qualifierAt(i int) (qual string, next int) {
	if q := s.qualifierWord(i); q != "" {
		if isDash(s.punct(i+1)) && s.touches(i) && s.touches(i+1) {
			return q, i + 2
		}
		return q, i + 1
	}
	j := i
	if s.isWord(j, "the") {
		j++
	}
	if q := s.periodEdgeAt(j); q != "" {
		return q, j + 2
	}
	return "", -1
}

// periodEdgeAt reads "end of", "beginning of" and the like at token i.
func (s *stream) periodEdgeAt(i int) (qual string) {
	w := s.wordAt(i)
	for _, e := range periodEdges {
		if foldIs(w, e.word) && s.isWord(i+1, "of") {
			return e.qual
		}
	}
	return ""
}

func (s *stream) qualifierWord(i int) string {
	w := s.wordAt(i)
	for _, q := range [...]string{"early", "mid", "late"} {
		if foldIs(w, q) {
			return q
		}
	}
	return ""
}

var seasons = [...]struct{ word, qual string }{
	{"spring", "spring"}, {"summer", "summer"}, {"autumn", "autumn"}, {"fall", "autumn"}, {"winter", "winter"},
}

// qualified reads a qualified date at token i: "early 2022", "mid-2022",
// "the end of 2023", "late January 2021", "mid-April", "the late 1990s",
// "summer 2022", "the fall of 2021".
func (s *stream) qualified(i int, c ctx, f *found) {
	if q, j := s.qualifierAt(i); j >= 0 {
		if y, ok := s.yearAt(j, true); ok && s.endOK(j+1, c) {
			f.offer(when{prec: document.PrecisionPartOfYear, year: y, qual: q}, j+1, false)
		}
		s.decade(j, ctx{sepAfter: c.sepAfter}, q, f)
		s.monthFirst(j, ctx{bareMonth: true, sepAfter: c.sepAfter}, q, f)
	}
	for _, season := range seasons {
		if !s.isWord(i, season.word) {
			continue
		}
		j := i + 1
		if s.isWord(j, "of") {
			j++
		}
		y, ok := s.yearAt(j, true)
		if !ok {
			continue
		}
		if s.endOK(j+1, c) {
			f.offer(when{prec: document.PrecisionPartOfYear, year: y, qual: season.qual}, j+1, false)
		}
		// "winter 2021/22", "winter 2021–2022": one winter, named by both years.
		if r := s.punct(j + 1); season.qual == "winter" && (r == '/' || isDash(r)) && s.touches(j) && s.touches(j+1) {
			if v, n, ok := s.number(j + 2); ok && (n == 2 && v == (y+1)%100 || n == 4 && v == y+1) && s.endOK(j+3, c) {
				f.offer(when{prec: document.PrecisionPartOfYear, year: y, qual: season.qual}, j+3, false)
			}
		}
	}
}

// monthFirst reads a date that starts with a month name at token i:
// "November 29, 2024", "Nov. 29 2024", "September 17", "May 2022",
// "June of 2021", and a bare "April" where c or a qualifier allows it.
// With a qualifier only the month forms apply ("late January 2021").
func (s *stream) monthFirst(i int, c ctx, qual string, f *found) {
	m, j, bareable, ok := s.monthAt(i)
	if !ok {
		return
	}
	if qual == "" {
		if d, _, ok := s.dayAt(j); ok {
			s.dayMonthYear(j+1, c, m, d, f)
		}
	}
	k := j
	if s.punct(k) == ',' {
		k++
	} else if s.isWord(k, "of") {
		k++
	}
	if y, ok := s.yearAt(k, true); ok && s.endOK(k+1, c) {
		f.offer(when{prec: document.PrecisionMonth, year: y, month: m, qual: qual}, k+1, false)
	}
	if bareable && (c.bareMonth || qual != "") {
		f.offer(when{prec: document.PrecisionMonth, month: m, qual: qual}, j, false)
	}
}

// dayMonthYear finishes a date whose day and month have been read and whose
// next token is k: an optional comma and year follow. Impossible days are
// vetoed rather than dropped so that no shorter date is read inside them.
func (s *stream) dayMonthYear(k int, c ctx, m, d int, f *found) {
	yk := k
	if s.punct(yk) == ',' {
		yk++
	}
	if y, ok := s.yearAt(yk, true); ok && s.endOK(yk+1, c) {
		f.offer(when{prec: document.PrecisionDay, year: y, month: m, day: d}, yk+1, !validDay(y, m, d))
	}
	if s.endOK(k, c) {
		f.offer(when{prec: document.PrecisionDay, month: m, day: d}, k, !validDay(0, m, d))
	}
}

// dayFirst reads a date that starts with the day at token i: "29 November
// 2024", "29 Nov 2024", "7th of June 2021", "17 September".
func (s *stream) dayFirst(i int, c ctx, f *found) {
	d, ordinal, ok := s.dayAt(i)
	if !ok || !c.afterSep && !s.startsClean(i) {
		return
	}
	j := i + 1
	if ordinal && s.isWord(j, "of") {
		j++
	}
	m, k, _, ok := s.monthAt(j)
	if !ok {
		return
	}
	s.dayMonthYear(k, c, m, d, f)
}

// numeric reads a date that starts with a four-digit year or is all digits:
// "2024-11-29", "11/29/2024" (month first, as in the U.S. reports this tool
// reads; "29/11/2024" is then impossible and vetoed), "2019-05", "2022".
func (s *stream) numeric(i int, c ctx, f *found) {
	glued := func(j int, sep rune) bool { return s.punct(j) == sep && s.touches(j-1) && s.touches(j) }
	if y, ok := s.yearAt(i, !c.afterSep); ok {
		if glued(i+1, '-') {
			mv, mn, ok := s.number(i + 2)
			if ok && mn == 2 && glued(i+3, '-') {
				if dv, dn, ok := s.number(i + 4); ok && dn == 2 && s.endOK(i+5, c) {
					f.offer(when{prec: document.PrecisionDay, year: y, month: mv, day: dv}, i+5, !validDay(y, mv, dv))
				}
			}
			// "2019-05" is a month unless it reads as a range of years ("2011-12").
			if ok && mn == 2 && 1 <= mv && mv <= 12 && !(mv > y%100) && s.endOK(i+3, c) {
				f.offer(when{prec: document.PrecisionMonth, year: y, month: mv}, i+3, false)
			}
		}
		if s.endOK(i+1, c) {
			f.offer(when{prec: document.PrecisionYear, year: y}, i+1, false)
		}
		return
	}
	mv, mn, ok := s.number(i)
	if !ok || mn > 2 || !glued(i+1, '/') || !c.afterSep && !s.startsClean(i) {
		return
	}
	dv, dn, ok := s.number(i + 2)
	if !ok || dn > 2 || !glued(i+3, '/') {
		return
	}
	yv, yn, ok := s.number(i + 4)
	if !ok || yn != 4 || !s.endOK(i+5, c) {
		return
	}
	valid := 1900 <= yv && yv <= 2099 && validDay(yv, mv, dv)
	f.offer(when{prec: document.PrecisionDay, year: yv, month: mv, day: dv}, i+5, !valid)
}

// decade reads "2010s", "1990's" or "1990’s" at token i.
func (s *stream) decade(i int, c ctx, qual string, f *found) {
	t, ok := s.get(i)
	if !ok || !c.afterSep && !s.startsClean(i) {
		return
	}
	w := s.text[t.start:t.end]
	end := i + 1
	switch t.kind {
	case tokMixed:
		if len(w) != 5 || w[4] != 's' {
			return
		}
		w = w[:4]
	case tokNumber:
		r := s.punct(i + 1)
		if len(w) != 4 || r != '\'' && r != '\u2019' || !s.touches(i) || !s.touches(i+1) || s.str(i+2) != "s" {
			return
		}
		end = i + 3
	default:
		return
	}
	y := 0
	for j := 0; j < 4; j++ {
		if w[j] < '0' || w[j] > '9' {
			return
		}
		y = y*10 + int(w[j]-'0')
	}
	if y < 1900 || y > 2090 || y%10 != 0 {
		return
	}
	f.offer(when{prec: document.PrecisionDecade, year: y, qual: qual}, end, false)
}
