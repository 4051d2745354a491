package checks

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestFindRanges(t *testing.T) {
	for text, want := range map[string][]string{
		"Monday-Thursday 0730 - 1700; Friday 0730 – 1130.":          {"-", "-", "–"},
		"Elections 2019–2021 and 2023-24.":                          {"–", "-"},
		"Open 8:00-17:00 daily.":                                    {"-"},
		"Call +223-2070-2300 or 1-800-555-0100.":                    nil,
		"Published 2024-11-29; COVID-19; mid-2022; 18-month":        nil,
		"A - B and a spaced dash - in prose.":                       nil,
		"From April–July, then Sept - Dec.":                         {"–", "-"},
		"Open 8:00 a.m. – 5:00 p.m., Tue 9 AM-4 PM, Wed 9am - 1pm.": {"–", "-", "-"},
		"The program-2 and Islam - 3 are not times.":                nil,
		"Call 8000-1115 or 2070-2300; 1996-1990 is no range.":       nil,
		"Open 0730-1700; elections 2019–2023 and 1990-2100.":        {"-", "–", "-"},
	} {
		var got []string
		for _, at := range findRanges(text) {
			if text[at] == '-' {
				got = append(got, "-")
			} else {
				got = append(got, "–")
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("findRanges(%q) = %q, want %q", text, got, want)
		}
	}
}

// oldFindRanges is findRanges before it jumped from dash to dash, with
// oldIndexDash, which read every byte: kept as the oracle of
// FuzzFindRanges.
func oldFindRanges(text string) []int {
	var out []int
	for i := 0; i < len(text); {
		at := oldIndexDash(text, i)
		if at < 0 {
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

// oldIndexDash is the offset of the first hyphen or en dash in text[from:],
// or -1. strings.IndexAny would decode every rune, the en dash not being
// ASCII; this looks at bytes.
func oldIndexDash(text string, from int) int {
	for i := from; i < len(text); i++ {
		switch text[i] {
		case '-':
			return i
		case "–"[0]:
			if strings.HasPrefix(text[i:], "–") {
				return i
			}
		}
	}
	return -1
}

// FuzzFindRanges: findRanges finds the ranges oldFindRanges finds.
func FuzzFindRanges(f *testing.F) {
	f.Add("Monday-Thursday 0730 - 1700; Friday 0730 – 1130.")
	f.Add("Elections 2019–2021 and 2023-24, “quoted” — 8:00–17:00\xe2\x80")
	f.Add("From April–July, then Sept - Dec. \xe2-\xe2\x80\x93")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := findRanges(text), oldFindRanges(text); !slices.Equal(got, want) {
			t.Fatalf("findRanges(%q) = %v, old %v", text, got, want)
		}
	})
}

// isoDateRE and isISODateRE are isISODate as it was, by regexp, kept to
// hold the hand-written test to.
var isoDateRE = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

func isISODateRE(text string, off int) bool {
	from := max(off-7, 0)
	to := min(off+8, len(text))
	for _, m := range isoDateRE.FindAllStringIndex(text[from:to], -1) {
		if from+m[0] <= off && off < from+m[1] {
			return true
		}
	}
	return false
}

// FuzzISODate: isISODate answers as the regexp did at every offset,
// including dates eight bytes apart that overlap ("2024-11-2024-11-29").
func FuzzISODate(f *testing.F) {
	f.Add("on 2024-11-29 and 2024-11-2024-11-29-1234-56-78")
	f.Add("1234-56-7890-12-34")
	f.Add("20-11-2024, 0730 - 1700 2024–11–29 9999-99-9")
	f.Fuzz(func(t *testing.T, text string) {
		for off := 0; off <= len(text); off++ {
			if got, want := isISODate(text, off), isISODateRE(text, off); got != want {
				t.Fatalf("isISODate(%q, %d) = %v, regexp %v", text, off, got, want)
			}
		}
	})
}
