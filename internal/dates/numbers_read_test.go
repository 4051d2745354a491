package dates

import (
	"slices"
	"testing"
)

// TestNumbersStillRead: the dates after numbers that skip's number test
// (mayStartNumber) might wrongly pass over are found as reading every
// token finds them, behind prefixes long enough for skip to run.
func TestNumbersStillRead(t *testing.T) {
	for _, text := range []string{
		"3. June 2024", "3, 4 and 5 June 2024", "between 3 and 5 June 2024", "Between 3 and 5 June", "from 3 to 5 June",
		"12 Sept. 2024", "3 june", "1er mai 2024", "30- June", "30 -June", "3–5 June", "3 – 5 June", "2 to 5 June", "2 TO 5 June",
		"2 Through 5 June", "3 Monday", "17—19 September 2024", "17/19", "5/6/2024", "05/06/2024", "1/2/2024.", "12/31/2024,",
		"100 days ago", "3 days ago", "3\tdays ago", "3\ndays ago", "3\u00a0days ago", "3 Days Ago", "3-day", "3 -day", "12 months' time",
		"0900 hours", "2000 hours", "0900-1700", "1899-1900", "2099-2100", "2024-06-03", "2024-6-3", "20240603", "2010s", "1990's",
		"1990’s", "1990 's", "FY 2024", "3 June", "3 JUNE", "(3 June)", "3,June", "3 of June", "3rd of June", "3 x June", "11 u 12",
		"7 -8 9/ 10 T", "3 weeks", "2 years ago", "a 3 year", "3 or more", "10 to 12", "5 till 6 June", "5 thru 6 June", "5 until 6 June",
		"5 and 6 June", "4 & 5 June", "3; 4 June", "page 3 June 2024", "in 3 weeks", "the past 3 years", "over the past 12 months",
		"nearly 24 hours", "24/7", "1 in 3", "3 of 4", "1.5 million in 2023", "3.5 June", "3' June", "3\" June", "3@June", "3#June",
		"3%June", "3+ years", "3 + years", "3~5 June", "3 ~ 5 June", "99 June", "31 Feb 2024", "0 June", "00 June 2024",
	} {
		for _, pre := range []string{"", "bb cc dd ee ff ", "aa bb cc dd ee ff gg hh 12 34 56 78 ", "x 1 2 3 4 5 6 7 "} {
			for _, fd := range []*Finder{Default(), explicitOnly} {
				got := fd.AppendFind(nil, pre+text)
				want := fd.oldAppendFind(new(workspace), nil, pre+text)
				if !slices.Equal(got, want) {
					t.Errorf("%q:\nskipping %+v\nevery token %+v", pre+text, got, want)
				}
			}
		}
	}
}
