package vocab

import (
	"strings"
	"testing"
)

// oldContactKindOf is ContactKindOf as it was: ToLower on every label.
func oldContactKindOf(v *Vocabulary, label string) (string, bool) {
	label = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(label), ":"))
	if len(label) > v.longestLabel {
		return "", false
	}
	k, ok := v.labelKind[strings.ToLower(label)]
	return k, ok
}

// oldNamesPost is NamesPost as it was: each name searched for in turn.
func oldNamesPost(v *Vocabulary, text string) bool {
	for _, n := range v.PostNames {
		for i := 0; i+len(n) <= len(text); {
			j := strings.Index(text[i:], n)
			if j < 0 {
				break
			}
			s, e := i+j, i+j+len(n)
			if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e])) {
				return true
			}
			i = e
		}
	}
	return false
}

// FuzzContactKindOf holds ContactKindOf to ToLower, with the embedded
// labels, on any text.
func FuzzContactKindOf(f *testing.F) {
	for _, s := range []string{"", "Tel:", " TELEPHONE ", "Emergency", "E-mail:", "Téléphone", "İnfo", "telephone telephone telephone telephone"} {
		f.Add(s)
	}
	v := Default()
	f.Fuzz(func(t *testing.T, s string) {
		gk, gok := v.ContactKindOf(s)
		wk, wok := oldContactKindOf(v, s)
		if gk != wk || gok != wok {
			t.Fatalf("ContactKindOf(%q) = %q, %v, want %q, %v", s, gk, gok, wk, wok)
		}
	})
}

// FuzzNamesPost holds NamesPost to the searches name by name, with the
// embedded names and with names made of the input (overlapping ones
// among them: "AB AB" in "AB AB ABx").
func FuzzNamesPost(f *testing.F) {
	for _, s := range []string{"", "U.S. Embassy Bamako", "Embassy of Ireland, Kenya", "Embassyx Consulate", "the High Commission", "Consular Agency-2", "xEmbassy"} {
		f.Add(s, "AB AB")
	}
	f.Add("AB AB ABx AB AB AB", "AB AB")
	f.Add("0AB AB AB", "AB AB") // the first occurrence hides the third
	embedded := Default()
	f.Fuzz(func(t *testing.T, s, names string) {
		if got, want := embedded.NamesPost(s), oldNamesPost(embedded, s); got != want {
			t.Fatalf("NamesPost(%q) = %v, want %v", s, got, want)
		}
		v := &Vocabulary{}
		for n := range strings.SplitSeq(names, "|") {
			if n != "" { // the old search never ended on an empty name
				v.PostNames = append(v.PostNames, n)
				v.postFirst[n[0]] = true
			}
		}
		if got, want := v.NamesPost(s), oldNamesPost(v, s); got != want {
			t.Fatalf("NamesPost(%q) with %q = %v, want %v", s, v.PostNames, got, want)
		}
	})
}
