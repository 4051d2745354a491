package extract

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
)

// oldSplitPairs is splitPairs before its patterns waited for their
// literal words: FuzzRegionNames' oracle.
func oldSplitPairs(rs []document.Region) []document.Region {
	var out []document.Region
	for _, r := range rs {
		var names []string
		if m := pairOfKind.FindStringSubmatch(r.Name.Value); m != nil {
			kind := strings.TrimSuffix(m[3], "s")
			names = []string{m[1] + " " + kind, m[2] + " " + kind}
		} else if m := kindsOf.FindStringSubmatch(r.Name.Value); m != nil {
			names = listSep.Split(m[1], -1)
			for _, n := range names {
				if n == "" || !unicode.IsUpper([]rune(n)[0]) {
					names = nil
					break
				}
			}
		}
		if len(names) < 2 {
			out = append(out, r)
			continue
		}
		for _, name := range names {
			one := r
			one.Name.Value = name
			out = append(out, one)
		}
	}
	return out
}

// oldRegionName is regionName before its pattern waited for "due".
func oldRegionName(name string) string {
	if m := areaReason.FindStringIndex(name); m != nil && m[0] > 0 {
		name = name[:m[0]]
	}
	return strings.TrimSpace(name)
}

// oldPlaceKey and oldRegionKey are placeKey and dedupeRegions' key before
// the aside's pattern waited for a bracket and the key was made by hand.
func oldPlaceKey(name string) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(parenthetical.ReplaceAllString(name, ""))) {
		switch w {
		case "the", "region", "province", "district", "state":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

func oldRegionKey(r document.Region) string {
	return fmt.Sprintf("%d\x00%s", r.Level, oldPlaceKey(r.Name.Value))
}

// splitPairs, placeKey and the regions' dedupe key give what they gave
// before their cheap tests, for any name and level.
func FuzzRegionNames(f *testing.F) {
	for _, s := range []string{"Haripur and Abbottabad districts", "West Guji and Guji zones", "the districts of Haripur, Abbottabad, and Chitral",
		"The cities of Morelia and Patzcuaro", "the cities of the coast", "Azad Jammu and Kashmir (AJK)", "the Region of Kidal ( north )", "Sinaloa State", "North Sinai governorate DUE\tTO terrorism ", " Kidal due  to", ""} {
		f.Add(s, 4)
	}
	f.Fuzz(func(t *testing.T, name string, level int) {
		rs := []document.Region{{Name: document.Text{Value: name}, Level: level}, {Name: document.Text{Value: "Mopti"}, Level: 2}}
		if got, want := splitPairs(rs), oldSplitPairs(rs); !reflect.DeepEqual(got, want) {
			t.Errorf("splitPairs(%q) = %+v, want %+v", name, got, want)
		}
		if got, want := regionName(name), oldRegionName(name); got != want {
			t.Errorf("regionName(%q) = %q, want %q", name, got, want)
		}
		if got, want := placeKey(name), oldPlaceKey(name); got != want {
			t.Errorf("placeKey(%q) = %q, want %q", name, got, want)
		}
		r := rs[0]
		// The key is a struct now; as the old string, it must say the same.
		if k, want := regionKey(r), oldRegionKey(r); strconv.Itoa(k.level)+"\x00"+k.place != want {
			t.Errorf("region key of %+v = %+v, want %q", r, k, want)
		}
	})
}

// splitPairs keeps nil as nil: a report with no regions says none, not an
// empty list.
func TestSplitPairsNil(t *testing.T) {
	if got := splitPairs(nil); got != nil {
		t.Errorf("splitPairs(nil) = %#v, want nil", got)
	}
}
