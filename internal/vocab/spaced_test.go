package vocab

import (
	"strings"
	"testing"
)

// FuzzHoldsSpaced holds the look-up without new strings to the
// strings.Contains it replaced.
func FuzzHoldsSpaced(f *testing.F) {
	for _, c := range [][2]string{{" armed conflict ", "conflict"}, {" conflicts ", "conflict"}, {"  ", ""}, {" a  b ", ""}, {" x ", "x"}, {" ", ""}, {"", ""}, {" crime crime ", "crime"}, {" xcrime crime", "crime"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := holdsSpaced(s, w), strings.Contains(s, " "+w+" "); got != want {
			t.Errorf("holdsSpaced(%q, %q) = %v, want %v", s, w, got, want)
		}
	})
}
