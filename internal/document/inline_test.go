package document

import "testing"

// InCode, a search, says what a look at every code span says, for ranges
// before, between, across and after the spans, empty ranges included.
func TestInCodeSearches(t *testing.T) {
	in := Inline{Code: []Span{{2, 4}, {4, 5}, {8, 12}, {20, 21}}}
	for start := 0; start < 24; start++ {
		for end := start - 1; end < 25; end++ {
			want := false
			for _, c := range in.Code {
				if start < c.End && c.Start < max(end, start+1) {
					want = true
				}
			}
			if got := in.InCode(start, end); got != want {
				t.Errorf("InCode(%d, %d) = %v, want %v", start, end, got, want)
			}
		}
	}
}
