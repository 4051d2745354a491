package corpuseval

import (
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

func TestSameCountry(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Türkiye", "Turkey", true},
		{"Côte d'Ivoire", "Cote d'Ivoire", true},
		{"Czechia", "Czech Republic", true},
		{"Curaçao", "Curacao", true},
		{"Saint Vincent and the Grenadines", "Saint Vincent and The Grenadines", true},
		{"Bonaire, Sint Eustatius, and Saba", "Saba", true},
		{"French West Indies", "French West Indies", true}, // not in the table: by spelling
		{"China", "Hong Kong", false},
		{"Israel", "Israel, the West Bank and Gaza", false},
		{"", "Mali", false},
		{"Niger", "Nigeria", false},
	} {
		if got := SameCountry(tc.a, tc.b); got != tc.same {
			t.Errorf("SameCountry(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

func level(n int) *int { return &n }

func TestMetaFacts(t *testing.T) {
	adv := func(file, country, published string, lvl int) Doc {
		r := &document.ReportJSON{Country: country, Published: published}
		if lvl != 0 {
			r.Advisory = &document.AdvisoryJSON{Level: lvl}
		}
		return Doc{Report: r, Meta: Meta{File: file}}
	}
	docs := []Doc{
		adv("us/turkey.txt", "Türkiye", "2024-10-16", 2),
		adv("us/denmark.txt", "Denmark", "2024-09-17", 0),
		adv("us/hong-kong.txt", "China", "2024-11-27", 2),
		adv("us/mexico.txt", "Mexico", "2024-09-06", 0),
		adv("other/fcdo-x.md", "", ":   7 August 2026", 0),
		adv("other/canada-x.md", "", "", 0),
		{Meta: Meta{File: "us/unreadable.txt"}}, // no report: its error is reported elsewhere
	}
	metas := []Meta{
		{File: "us/turkey.txt", Country: "Turkey", Published: "2024-10-16", Level: level(2)},
		{File: "us/denmark.txt", Country: "Denmark", Published: "2024-09-17", Level: level(2)},
		{File: "us/hong-kong.txt", Country: "Hong Kong", Published: "2024-11-27", Level: level(2)},
		{File: "us/mexico.txt", Country: "Mexico", Published: "2024-09-06"},
		{File: "other/fcdo-x.md", Country: "Pakistan", Published: "2026-08-07"},
		{File: "other/canada-x.md", Country: "Pakistan", Published: "2026-08-04"},
	}
	for i := range metas {
		docs[i].Meta = metas[i]
	}
	page := []PageFact{{File: "us/hong-kong.txt", Field: "country", Value: "China", Reason: "titled China"}}
	got, other := MetaFacts(docs, page)
	want := []Mismatch{
		{"us/denmark.txt", "level", "-", "2"},
		{"other/fcdo-x.md", "published", ": 7 August 2026", "2026-08-07"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mismatches\n%v\nwant\n%v", got, want)
	}
	if want := (OtherRead{Docs: 2, Published: 1}); other != want {
		t.Errorf("others %+v, want %+v", other, want)
	}
}

func TestReadPageFacts(t *testing.T) {
	metas := []Meta{{File: "us/hong-kong.txt", Country: "Hong Kong", Published: "2024-11-27", Level: level(2)}}
	const head = "# comment\nfile\tfield\tvalue\treason\n"
	got, err := ReadPageFacts(strings.NewReader(head+"us/hong-kong.txt\tcountry\tChina\ttitled China\n"), "p.tsv", metas)
	if err != nil || len(got) != 1 || got[0].Value != "China" {
		t.Fatalf("got %v, %v", got, err)
	}
	for _, tc := range []struct{ row, want string }{
		{"us/hong-kong.txt\tcountry\tHong Kong SAR\twhy", "is what meta.json says"}, // the same place, other words
		{"us/hong-kong.txt\tlevel\t2\twhy", "is what meta.json says"},
		{"us/macau.txt\tcountry\tChina\twhy", "not in meta.json"},
		{"us/hong-kong.txt\tregion\tX\twhy", "not published, country or level"},
		{"us/hong-kong.txt\tcountry\tChina\t", "say why"},
	} {
		_, err := ReadPageFacts(strings.NewReader(head+tc.row+"\n"), "p.tsv", metas)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want an error containing %q", tc.row, err, tc.want)
		}
	}
}

func TestHandFacts(t *testing.T) {
	indicators := func(codes ...string) []document.IndicatorJSON {
		var out []document.IndicatorJSON
		for _, c := range codes {
			out = append(out, document.IndicatorJSON{Code: c, Included: c != "D"})
		}
		return out
	}
	docs := []Doc{{
		Meta: Meta{File: "us/a.txt"},
		Report: &document.ReportJSON{Advisory: &document.AdvisoryJSON{
			// D is stated as not included: not one of the advisory's.
			Indicators: indicators("C", "T", "D", "C"),
			Regions: []document.RegionJSON{
				{Name: "North  Province:", Level: 4}, {Name: "East", Level: 3}, {Name: "Capital", Level: 2},
				// Read from the summary's list and from its heading: one fact.
				{Name: "Parts of the “Gulf”", Level: 4}, {Name: "Parts of the Gulf", Level: 4},
			},
		}},
	}, {
		Meta:   Meta{File: "us/b.txt"},
		Report: &document.ReportJSON{}, // no advisory read at all
	}, {
		Meta: Meta{File: "us/unlisted.txt"}, Report: &document.ReportJSON{},
	}, {
		// Another government's: regions only, counted apart by profile;
		// the indicators it reads are not compared.
		Meta: Meta{File: "other/fcdo-x.md"},
		Report: &document.ReportJSON{Profile: "fcdo", Advisory: &document.AdvisoryJSON{
			Indicators: indicators("T"),
			Regions: []document.RegionJSON{
				{Name: "Border", Level: 4}, {Name: "Coast", Level: 3}, {Name: "Coast", Level: 4}, {Name: "Except this road", Level: 3},
			},
		}},
	}}
	facts := map[string]HandFact{
		"us/a.txt":        {Indicators: []string{"T", "K", "C"}, Regions: []Region{{"North Province", 4}, {"East", 4}, {"West", 3}, {`Parts of the "Gulf"`, 4}}},
		"us/b.txt":        {Indicators: []string{"C"}},
		"other/fcdo-x.md": {Regions: []Region{{"Border", 4}, {"Coast", 3}, {"Capital", 2}}},
	}
	got, c := HandFacts(docs, facts)
	want := []Mismatch{
		{"us/a.txt", "indicators", "C T", "C K T"},
		{"us/a.txt", "region East", "3", "4"},
		{"us/a.txt", "region West", "-", "3"},
		{"us/a.txt", "region Capital", "2", "-"},
		{"us/b.txt", "indicators", "-", "C"},
		{"other/fcdo-x.md", "region Coast", "3,4", "3"},
		{"other/fcdo-x.md", "region Capital", "-", "2"},
		{"other/fcdo-x.md", "region Except this road", "3", "-"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("mismatches\n%v\nwant\n%v", got, want)
	}
	want2 := HandCounts{Advisories: 2, IndicatorsRight: 2, IndicatorsWrong: 2, RegionsRight: 2, RegionsWrong: 3,
		Others: map[string]RegionCounts{"fcdo": {Docs: 1, Right: 1, Missed: 1, Wrong: 1, Invented: 1}}}
	if !reflect.DeepEqual(c, want2) {
		t.Errorf("counts %+v, want %+v", c, want2)
	}
}

func TestReadHandFacts(t *testing.T) {
	metas := []Meta{{File: "us/a.txt"}, {File: "other/c.md"}}
	ok := "us/a.txt:\n  indicators: [C, T]\n  regions:\n    - {name: North, level: 4}\n"
	got, err := ReadHandFacts([]byte(ok), "f.yaml", metas)
	if err != nil || !reflect.DeepEqual(got["us/a.txt"], HandFact{Indicators: []string{"C", "T"}, Regions: []Region{{"North", 4}}}) {
		t.Fatalf("got %+v, %v", got, err)
	}
	for _, tc := range []struct{ text, want string }{
		{"us/a.txt:\n  indicator: [C]\n", "field indicator not found"},
		{"us/a.txt:\n  indicators: [X]\n", `"X" is not an indicator code`},
		{"us/b.txt:\n  indicators: [C]\n", "not in meta.json"},
		{"us/a.txt:\n  regions: [{name: N, level: 5}]\n", "level from 1 to 4"},
		{"us/a.txt:\n  regions: [{name: N, level: 4}, {name: 'n:', level: 3}]\n", "listed twice"},
		{"other/c.md:\n  indicators: []\n  regions: []\n", "U.S. advisories only"},
	} {
		_, err := ReadHandFacts([]byte(tc.text), "f.yaml", metas)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want an error containing %q", tc.text, err, tc.want)
		}
	}
}

func TestTrack(t *testing.T) {
	a := Mismatch{"us/a.txt", "level", "-", "2"}
	b := Mismatch{"us/b.txt", "country", "China", "Hong Kong"}
	c := Mismatch{"us/c.txt", "indicators", "C", "C T"}
	// b is read wrong otherwise now: it is both a new wrong and a known one gone.
	b2 := Mismatch{"us/b.txt", "country", "-", "Hong Kong"}
	unexpected, fixed := Track([]Mismatch{a, b2, c}, []Mismatch{a, b})
	if !reflect.DeepEqual(unexpected, []Mismatch{b2, c}) || !reflect.DeepEqual(fixed, []Mismatch{b}) {
		t.Errorf("unexpected %v, fixed %v", unexpected, fixed)
	}
}

func TestReadKnownWrong(t *testing.T) {
	text := "# c\nfile\tfield\tgot\twant\nus/a.txt\tlevel\t-\t2\n\nus/a.txt\tlevel\t-\t2\n"
	if _, err := ReadKnownWrong(strings.NewReader(text), "k.tsv"); err == nil || !strings.Contains(err.Error(), "k.tsv:5: already on line 3") {
		t.Errorf("a line twice: got %v", err)
	}
	if _, err := ReadKnownWrong(strings.NewReader("us/a.txt\tlevel\t-\t2\n"), "k.tsv"); err == nil || !strings.Contains(err.Error(), "column names") {
		t.Errorf("no header: got %v", err)
	}
}

func TestOtherFacts(t *testing.T) {
	metas := []Meta{
		{File: "other/fcdo-x.md", Country: "Chad", Published: "2026-03-02"},
		{File: "other/canada-x.md", Country: "Chad", Published: "2026-03-04"},
		{File: "other/dfa-ireland-x.md", Country: "Chad", Published: "2026-03-05"},
		{File: "us/advisory-x.txt", Country: "Chad", Published: "2026-03-01"},
	}
	facts, err := ReadOtherFacts(strings.NewReader("# comment\nfile\tprofile\tpublished\tlevel\thow\n"+
		"other/fcdo-x.md\tfcdo\t2026-03-02\t4\tread\n"+
		"other/canada-x.md\tcanada\t-\t3\tread\n"), "f.tsv", metas)
	if err != nil {
		t.Fatal(err)
	}
	doc := func(file, profile, country, published string, level int) Doc {
		r := &document.ReportJSON{Profile: profile, Country: country, Published: published}
		if level != 0 {
			r.Advisory = &document.AdvisoryJSON{Level: level}
		}
		var m Meta
		for _, x := range metas {
			if x.File == file {
				m = x
			}
		}
		return Doc{Report: r, Meta: m}
	}
	got, c := OtherFacts([]Doc{
		doc("other/fcdo-x.md", "fcdo", "Chad", "2026-03-02", 4),
		// A date guessed where the page states none is wrong, as is a level.
		doc("other/canada-x.md", "canada", "Chad", "2026-03-04", 2),
		doc("other/dfa-ireland-x.md", "generic", "", "", 0), // not in the file
		doc("us/advisory-x.txt", "travel-advisory", "Chad", "2026-03-01", 4),
	}, facts)
	want := []string{
		"other/canada-x.md\tpublished\t2026-03-04\t-",
		"other/canada-x.md\tlevel\t2\t3",
		"other/dfa-ireland-x.md\tother-facts\t-\tan entry",
	}
	var lines []string
	for _, m := range got {
		lines = append(lines, m.String())
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("mismatches:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if c != (OtherCounts{Docs: 3, Profile: 2, Country: 2, Published: 1, Level: 1}) {
		t.Errorf("counts %+v", c)
	}
	for _, bad := range []string{
		"other/nope.md\tfcdo\t-\t4\tread",
		"us/advisory-x.txt\ttravel-advisory\t-\t4\tread",
		"other/fcdo-x.md\tfcdo\t-\t5\tread",
		"other/fcdo-x.md\tfcdo\t-\t4\t",
	} {
		if _, err := ReadOtherFacts(strings.NewReader("file\tprofile\tpublished\tlevel\thow\n"+bad+"\n"), "f.tsv", metas); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
