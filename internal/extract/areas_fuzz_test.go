package extract

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/vocab"
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

// oldBoldLead is boldLead before it used the spans as they are when
// their starts rise: FuzzBoldLead's oracle.
func oldBoldLead(u unit) (string, bool) {
	if u.heading || len(u.text.Strong) == 0 {
		return "", false
	}
	strong := append([]document.Span(nil), u.text.Strong...)
	sort.Slice(strong, func(i, j int) bool { return strong[i].Start < strong[j].Start })
	if strong[0].Start != 0 {
		return "", false
	}
	end := strong[0].End
	for _, s := range strong[1:] {
		if s.Start < end {
			end = max(end, s.End)
			continue
		}
		if gap := u.text.Text[end:s.Start]; utf8.RuneCountInString(gap) > maxBoldGap || strings.ContainsAny(gap, ".!?") {
			break
		}
		end = s.End
	}
	return strings.TrimSpace(u.text.Text[:end]), true
}

// FuzzBoldLead: spans is pairs of bytes, each a bold run's start and
// length within text, in the order they closed (any order, nested,
// overlapping or repeated); the old code sorted a copy of them every time.
func FuzzBoldLead(f *testing.F) {
	f.Add("Do not travel to: Mali. Exercise", []byte{0, 16, 18, 4})
	f.Add("**Level 4:** Crime (KP)- Terrorism", []byte{5, 3, 0, 12, 13, 5, 25, 9})
	f.Add("Reconsider travel . Due", []byte{0, 10, 0, 17, 20, 3})
	f.Fuzz(func(t *testing.T, text string, spans []byte) {
		in := &document.Inline{Text: text}
		for i := 0; i+1 < len(spans) && len(text) > 0; i += 2 {
			start := int(spans[i]) % (len(text) + 1)
			end := min(start+int(spans[i+1]), len(text))
			in.Strong = append(in.Strong, document.Span{Start: start, End: end})
		}
		before := append([]document.Span(nil), in.Strong...)
		u := unit{text: in}
		got, ok := boldLead(u)
		want, wantOK := oldBoldLead(u)
		if got != want || ok != wantOK {
			t.Fatalf("boldLead(%q, %v) = %q, %v; want %q, %v", text, before, got, ok, want, wantOK)
		}
		if !reflect.DeepEqual(in.Strong, before) && len(before) > 0 {
			t.Fatalf("boldLead changed the spans: %v, was %v", in.Strong, before)
		}
	})
}

// oldServiceLabel is serviceLabel before it asked for the number first
// and counted the label's words without making them: FuzzServiceLabel's
// oracle.
func oldServiceLabel(x *extractor, text string) (label string, from int, ok bool) {
	colon := strings.IndexByte(text, ':')
	if colon <= 0 || colon > maxServiceLabel || strings.ContainsAny(text[:colon], ".,;!?") || len(strings.Fields(text[:colon])) > maxServiceWords {
		return "", 0, false
	}
	from = colon + 1
	for from < len(text) && text[from] == ' ' {
		from++
	}
	if from == len(text) || !isDigit(text[from]) && text[from] != '+' && text[from] != '(' {
		return "", 0, false
	}
	label = strings.TrimSpace(text[:colon])
	if !numbersOnly(text[from:]) || !x.vocab.NamesEmergencyService(label) {
		return "", 0, false
	}
	return label, from, true
}

// FuzzServiceLabel holds serviceLabel to the old code on any line.
func FuzzServiceLabel(f *testing.F) {
	for _, s := range []string{
		"Police: 17", "Ambulance (capital): 907", "Fire and rescue:  +33 1 23",
		"In an emergency, call the embassy on: 112", "Police\u2003and fire: (0) 118",
		"one two three four five six seven: 1", "Police: 110 Ambulance and fire: 119", "Note: none",
	} {
		f.Add(s)
	}
	x := &extractor{vocab: vocab.Default()}
	f.Fuzz(func(t *testing.T, text string) {
		label, from, ok := x.serviceLabel(text)
		wl, wf, wok := oldServiceLabel(x, text)
		if label != wl || from != wf || ok != wok {
			t.Fatalf("serviceLabel(%q) = %q, %d, %v; want %q, %d, %v", text, label, from, ok, wl, wf, wok)
		}
	})
}

// oldCodesOf is appendCodes before it appended to a list the caller
// keeps: FuzzAppendCodes' oracle.
func oldCodesOf(x *extractor, reason string, other bool) []string {
	var out []string
	for _, part := range reasonSplit.Split(reason, -1) {
		part = strings.TrimSpace(strings.Trim(part, "*_.;: "))
		if !strings.ContainsFunc(part, unicode.IsLetter) {
			continue
		}
		if ind, ok := x.vocab.IndicatorFor(part); ok {
			out = append(out, ind.Code)
		} else if other {
			out = append(out, "O")
		}
	}
	return out
}

// FuzzAppendCodes reads two reasons into one reused list, as indicators
// does, and holds each reading to the old code's.
func FuzzAppendCodes(f *testing.F) {
	f.Add("armed conflict, crime, and kidnapping, as well as the Embassy's limited capacity", "landmines; terrorism", true)
	f.Add("**civil unrest** and health.", "", false)
	x := &extractor{vocab: vocab.Default()}
	f.Fuzz(func(t *testing.T, a, b string, other bool) {
		var codes []string
		for _, reason := range []string{a, b, a} {
			codes = x.appendCodes(codes[:0], reason, other)
			if want := oldCodesOf(x, reason, other); len(codes) != len(want) || len(want) > 0 && !reflect.DeepEqual(codes, want) {
				t.Fatalf("appendCodes(%q, %v) = %q, want %q", reason, other, codes, want)
			}
		}
	})
}

// FuzzOpensWithThe holds opensWithThe to the lowered copy it replaced.
func FuzzOpensWithThe(f *testing.F) {
	for _, s := range []string{"the Sahel", "THE north", "The", "tHe\tx", "\u212Ahe ", "théâtre", "\xffthe "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := opensWithThe(s), strings.HasPrefix(strings.ToLower(s), "the "); got != want {
			t.Fatalf("opensWithThe(%q) = %v, want %v", s, got, want)
		}
	})
}
