package checks

import (
	"reflect"
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
