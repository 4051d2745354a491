package corpuseval

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/reportdiff"
	"github.com/reportlint/reportlint/internal/source"
)

// TestOtherPairs holds the diff's facts on the twelve pairs of editions
// of corpus/other to what was read by hand in the two editions
// (docs/accuracy.md, "Diff facts on the other governments' pairs"): each
// level and regional change a careful reader sees, and no other. A
// change is "name: old→new", the old name in brackets where the new
// edition renamed the area; "level" is the overall level.
func TestOtherPairs(t *testing.T) {
	dir := otherDir(t)
	for _, tc := range []struct {
		pair     string
		changes  []string
		escalate int // --fail-on escalation trips
	}{
		{"canada-pakistan", []string{
			// Chitral, excepted from Khyber Pakhtunkhwa at the country's
			// level, is now given "avoid non-essential travel".
			"Chitral district (Chitral): 2→3",
			"the Kartarpur Corridor (which is intermittently open) for people visiting Gurdwara Darbar Sahib: 0→2",
			// Karachi's new exceptions, and the parts of its district.
			"District of Karachi (formerly Karachi South): 0→2",
			"Clifton area: 0→2",
			"Defence Housing Authorities (DHA) Phases 1, 2, 4, 5, 6, 7 and 8: 0→2",
			"DHA Phase 7 Extension in the District of Korangi: 0→2",
			"Lalazar, Naval Officers Residential Estate 1 and Port Tower Complex in the District of Keamari: 0→2",
			"Jinnah International Airport and Shahrah-e-Faisal Road between the airport and the city, in the District of Gulshan: 0→2",
		}, 1},
		{"canada-sudan", nil, 0},
		{"canada-ukraine", nil, 0},
		// Kashmir, now also in a travel alert, at the level the list gave it.
		{"dfa-ireland-pakistan", nil, 0},
		{"dfa-ireland-sudan", nil, 0},
		{"dfa-ireland-ukraine", nil, 0},
		{"fcdo-pakistan", []string{"Azad Jammu and Kashmir: 0→3"}, 1},
		{"fcdo-sudan", nil, 0},
		{"fcdo-ukraine", nil, 0},
		{"smartraveller-pakistan", nil, 0},
		{"smartraveller-sudan", nil, 0},
		{"smartraveller-ukraine", nil, 0},
	} {
		t.Run(tc.pair, func(t *testing.T) {
			paths, _ := filepath.Glob(filepath.Join(dir, tc.pair+"-2*.md"))
			if len(paths) != 2 {
				t.Fatalf("%d editions, want 2", len(paths))
			}
			sort.Strings(paths) // the dates in the names: old first
			var sides [2]reportdiff.Side
			var files [2]*source.File
			for i, p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				f, err := source.New(filepath.Base(p), data)
				if err != nil {
					t.Fatal(err)
				}
				r, err := parse.Parse(f, parse.Options{})
				if err != nil {
					t.Fatal(err)
				}
				sides[i], files[i] = reportdiff.Side{Path: filepath.Base(p), Report: r}, f
			}
			res := reportdiff.Compare(sides[0], sides[1], files[0], files[1])
			var got []string
			if a := res.Advisory; a != nil && a.Change != reportdiff.Unchanged {
				got = append(got, fmt.Sprintf("level: %d→%d", a.Old, a.New))
			}
			for _, r := range res.Regions {
				if r.Change == reportdiff.Unchanged {
					continue
				}
				name := r.Name
				if r.OldName != "" {
					name += " (" + r.OldName + ")"
				}
				got = append(got, fmt.Sprintf("%s: %d→%d", name, r.Old, r.New))
			}
			if !reflect.DeepEqual(got, tc.changes) {
				t.Errorf("changes\n%q\nwant\n%q", got, tc.changes)
			}
			if trips, _ := res.Trips("escalation"); len(trips) != tc.escalate {
				t.Errorf("escalation trips %q, want %d", trips, tc.escalate)
			}
		})
	}
}
