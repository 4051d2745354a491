package countries

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFindIn(t *testing.T) {
	tests := []struct {
		text      string
		wantCode  string // "" for no match
		wantMatch string // text[start:end]
	}{
		{"The U.S. Embassy in Côte d’Ivoire urges caution.", "CI", "Côte d’Ivoire"},
		{"Travelers to Cote d'Ivoire should register.", "CI", "Cote d'Ivoire"},
		{"Fighting near the border with Guinea-Bissau continues.", "GW", "Guinea-Bissau"},
		{"Flights from Guinea to Mali resumed.", "GN", "Guinea"},
		{"Nigeria's capital is Abuja.", "NG", "Nigeria"},
		{"Nigerian and Nigerien officials met.", "", ""},
		{"Niger borders Nigeria.", "NE", "Niger"},
		{"Mali's long-standing problems persist.", "ML", "Mali"},
		{"Armed groups in Somalia and Mali.", "SO", "Somalia"},
		{"MALI TRAVEL ADVISORY", "ML", "MALI"},
		{"We ate turkey and chad was there.", "", ""},
		{"Travel to Turkey is possible.", "TR", "Turkey"},
		{"Travel to Türkiye is possible.", "TR", "Türkiye"},
		{"The Democratic Republic of the Congo borders Angola.", "CD", "Democratic Republic of the Congo"},
		{"The Republic of the Congo borders Gabon.", "CG", "Republic of the Congo"},
		{"South Sudan and Sudan signed.", "SS", "South Sudan"},
		{"A flight from Papua New Guinea.", "PG", "Papua New Guinea"},
		{"Visitors to Northern Ireland and Ireland.", "GB", "Northern Ireland"},
		{"Residents of the Gambia and Senegal.", "GM", "Gambia"},
		{"Residents of American Samoa, not Samoa.", "AS", "American Samoa"},
		{"The embassy in Côte\nd'Ivoire, wrapped.", "CI", "Côte\nd'Ivoire"},
		{"Guinea.\n\nBissau is a city.", "GN", "Guinea"},
		{"Officials in the uae said", "", ""},
		{"Officials in the UAE said", "AE", "UAE"},
		{"Contact us at the U.S. Embassy.", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		c, start, end, ok := Default().FindIn(tt.text)
		if tt.wantCode == "" {
			if ok {
				t.Errorf("FindIn(%q) = %s at %q, want no match", tt.text, c.Code, tt.text[start:end])
			}
			continue
		}
		if !ok || c.Code != tt.wantCode || tt.text[start:end] != tt.wantMatch {
			got := ""
			if ok {
				got = tt.text[start:end]
			}
			t.Errorf("FindIn(%q) = %s %q, %v; want %s %q", tt.text, c.Code, got, ok, tt.wantCode, tt.wantMatch)
		}
	}
}

// TestFindInSamples runs FindIn on the real reports in shared/samples,
// which a fresh clone does not have.
func TestFindInSamples(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "samples")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared/samples beside the repository")
	}
	want := map[string]string{
		"osac-mali-2024.txt":      "ML",
		"advisory-mali-2023.txt":  "ML",
		"advisory-egypt-2024.txt": "EG",
		"advisory-egypt-2025.txt": "EG",
	}
	for file, code := range want {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if c, _, _, ok := Default().FindIn(string(data)); !ok || c.Code != code {
			t.Errorf("%s: FindIn = %s, %v; want %s", file, c.Code, ok, code)
		}
	}
}

func BenchmarkFindIn(b *testing.B) {
	text := "Violent extremist organizations and criminal groups operating in the region continue to act as spoilers to the peace process near the border with Burkina Faso."
	for b.Loop() {
		Default().FindIn(text)
	}
}

func TestFindAllIn(t *testing.T) {
	tb := Default()
	text := "Guinea-Bissau and Niger, then Nigeria, Niger again; turkey is not Turkey."
	var got []string
	for _, m := range tb.FindAllIn(text, 10) {
		got = append(got, m.Code+"="+text[m.Start:m.End])
	}
	want := "GW=Guinea-Bissau NE=Niger NG=Nigeria NE=Niger TR=Turkey"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	if n := len(tb.FindAllIn(text, 2)); n != 2 {
		t.Errorf("max 2: got %d", n)
	}
}

// oldFindAllIn is FindAllIn before it made tokens only of the words that
// start a name: every word of the text a token. FuzzFindAllIn's oracle.
func oldFindAllIn(t *Table, text string, max int) []Mention {
	var out []Mention
	words := tokenize(text)
	for i := 0; i < len(words) && len(out) < max; i++ {
		for _, p := range t.phrases[words[i].lower] {
			if matchesAt(text, words, i, p.words) {
				last := words[i+len(p.words)-1]
				out = append(out, Mention{Code: t.countries[p.country].Code, Start: words[i].start, End: last.end})
				i += len(p.words) - 1
				break
			}
		}
	}
	return out
}

func FuzzFindAllIn(f *testing.F) {
	for _, s := range []string{"The U.S. Embassy in Côte d’Ivoire and Guinea-Bissau", "MALI, Niger and Nigeria; the\nUnited\nKingdom", "co\u0302te d'ivoire Cote D\u2019Ivoire", "Guinea Guinea-Bissau-Guinea St. Lucia\n\nTURKEY", "\xff A\xc3 Democratic Republic of the Congo"} {
		f.Add(s, 3)
	}
	f.Add("eLand, elsewhere, Eland and éLand", 2)
	// The built-in table, whose names all begin with capitals, and one
	// with a name in lower case (lowerStarts).
	tables := []*Table{Default(), mustLoadLower(f)}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if len(s) > 2000 {
			return
		}
		max = max%8 + 8
		for _, table := range tables {
			got, want := table.FindAllIn(s, max), oldFindAllIn(table, s, max)
			if !slices.Equal(got, want) {
				t.Errorf("FindAllIn(%q, %d) = %v, want %v", s, max, got, want)
			}
		}
	})
}

// lowerStarts lets through the lower-case first letters of the names that
// begin in lower case, and no other: a table of such a name still finds
// it, and the built-in table, whose names all begin with a capital, lets
// none through.
func TestLowerStarts(t *testing.T) {
	if got := Default().lowerStarts; got != 0 {
		t.Errorf("built-in table lowerStarts = %b, want none: its names begin with capitals", got)
	}
	tb := mustLoadLower(t)
	if tb.lowerStarts != 1<<('e'-'a') {
		t.Errorf("lowerStarts = %b, want e's bit alone", tb.lowerStarts)
	}
	text := "visit eLand or Mali, not eland"
	if got := tb.FindAllIn(text, 5); len(got) != 2 || got[0].Code != "EL" || !slices.Equal(got, oldFindAllIn(tb, text, 5)) {
		t.Errorf("FindAllIn found %v, want eLand then Mali, as before the sieve", got)
	}
}

func mustLoadLower(t testing.TB) *Table {
	t.Helper()
	tb, err := Load(fstest.MapFS{"data/countries.yaml": {Data: []byte(`countries:
  - name: Mali
    code: ML
    calling: 223
  - name: Elsewhere
    code: EL
    calling: 999
    aliases: [eLand]
`)}}, "data/countries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return tb
}
