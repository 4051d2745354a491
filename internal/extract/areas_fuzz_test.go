package extract

import (
	"strings"
	"testing"
	"unicode"
)

// oldAreaKey, oldSameArea and oldKnown are areaKey, sameArea and
// listedAreas' isKnown before the keys and words were made once an area:
// FuzzKnownAreas' oracle.
func oldAreaKey(name string) string {
	k := strings.ToLower(strings.Join(strings.Fields(name), " "))
	return strings.TrimPrefix(k, "the ")
}

func oldSameArea(a, b string) bool {
	words := func(s string) []string {
		var out []string
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if !areaFiller[w] {
				if len(w) > 3 {
					w = strings.TrimSuffix(w, "s")
				}
				out = append(out, w)
			}
		}
		return out
	}
	wa, wb := words(a), words(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	common := 0
	for _, x := range wa {
		for _, y := range wb {
			short, long := x, y
			if len(short) > len(long) {
				short, long = long, short
			}
			if short == long || len(short) >= 5 && strings.HasPrefix(long, short) {
				common++
				break
			}
		}
	}
	return common >= 2 && 3*common >= 2*len(wa)
}

type oldArea struct {
	name  string
	level int
}

func oldKnown(areas []oldArea, key string, level int) bool {
	for _, r := range areas {
		if r.level == level && oldSameArea(oldAreaKey(r.name), key) {
			return true
		}
	}
	for _, r := range areas {
		short, long := oldAreaKey(r.name), key
		if len(short) > len(long) {
			short, long = long, short
		}
		if long == short || strings.HasPrefix(long, short+" ") {
			return true
		}
	}
	return false
}

// FuzzKnownAreas holds areaKey, moreFieldsThan and knownAreas to the old
// code: the names of text, one a line, each at a level from its length,
// are asked about and then added, as listedAreas does.
func FuzzKnownAreas(f *testing.F) {
	for _, s := range []string{
		"Kenya-Somalia Border\nKenya-Somalia border counties\nThe  Northern\tSinai",
		"Gambella and Benishangul Gumuz Regions\nBenishangul Gumuz Region\nAreas bordering Eritrea\nBorder with Eritrea",
		"Algeria\nAlgerian border areas\n the  Sahel \n\u00a0Mopti\u2003region\nK\u212aelvin",
		"one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one",
		"\xff\xfe bad\n\x85x y\n \n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var old []oldArea
		var known knownAreas
		for _, name := range strings.Split(text, "\n") {
			if got, want := areaKey(name), oldAreaKey(name); got != want {
				t.Fatalf("areaKey(%q) = %q, want %q", name, got, want)
			}
			for n := 0; n <= 3; n++ {
				if got, want := moreFieldsThan(name, n), len(strings.Fields(name)) > n; got != want {
					t.Fatalf("moreFieldsThan(%q, %d) = %v, want %v", name, n, got, want)
				}
			}
			level := 1 + len(name)%2
			key := areaKey(name)
			if got, want := known.has(key, level), oldKnown(old, key, level); got != want {
				t.Fatalf("has(%q, %d) = %v, want %v (known %q)", key, level, got, want, known.keys)
			}
			old = append(old, oldArea{name, level})
			known.add(key, level)
		}
	})
}
