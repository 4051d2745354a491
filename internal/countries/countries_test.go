package countries

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// TestEmbeddedTableLoads guards Default's panic: the file shipped in rules/
// must load.
func TestEmbeddedTableLoads(t *testing.T) {
	table, err := load(rules.FS, defaultPath, defaultDisplayName)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(table.All()); n < 195 {
		t.Errorf("table has %d entries, want at least 195 (193 UN members and 2 observers)", n)
	}
	if Default() == nil || len(Default().All()) != len(table.All()) {
		t.Error("Default() does not return the embedded table")
	}
}

// unMembers are the ISO codes of the 193 UN member states and the two
// observer states (VA, PS).
var unMembers = strings.Fields(`
	AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN
	BG BF BI CV KH CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM
	DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN
	HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT
	LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE
	NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST
	SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO TT
	TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
	VA PS`)

func TestEveryUNMemberAndObserverIsListed(t *testing.T) {
	if len(unMembers) != 195 {
		t.Fatalf("the test's own list has %d codes, want 195", len(unMembers))
	}
	for _, code := range unMembers {
		if _, ok := Default().ByCode(code); !ok {
			t.Errorf("no entry for %s", code)
		}
	}
	for _, code := range []string{"XK", "TW", "HK", "MO", "GL"} {
		if _, ok := Default().ByCode(code); !ok {
			t.Errorf("no entry for territory %s", code)
		}
	}
}

func TestEveryEntryIsComplete(t *testing.T) {
	for _, c := range Default().All() {
		if c.Name == "" || c.Code == "" || c.Calling == "" || c.Demonym == "" {
			t.Errorf("incomplete entry: %+v", c)
		}
	}
}

func TestNoDuplicateCodesOrNames(t *testing.T) {
	codes := make(map[string]string)
	names := make(map[string]string)
	for _, c := range Default().All() {
		if other, ok := codes[c.Code]; ok {
			t.Errorf("code %s used by %s and %s", c.Code, other, c.Name)
		}
		codes[c.Code] = c.Name
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			k := key(name)
			if other, ok := names[k]; ok && other != c.Name {
				t.Errorf("name %q belongs to %s and %s", name, other, c.Name)
			}
			names[k] = c.Name
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want string // ISO code
	}{
		{"Mali", "ML"},
		{"MALI", "ML"},
		{"  mali. ", "ML"},
		{"Egypt", "EG"},
		{"Côte d'Ivoire", "CI"},
		{"Cote d'Ivoire", "CI"},
		{"Côte d’Ivoire", "CI"},
		{"Co\u0302te d'Ivoire", "CI"}, // decomposed circumflex
		{"Ivory Coast", "CI"},
		{"Burma", "MM"},
		{"Myanmar", "MM"},
		{"The Gambia", "GM"},
		{"Gambia", "GM"},
		{"the Bahamas", "BS"},
		{"Czech Republic", "CZ"},
		{"Czechia", "CZ"},
		{"Turkey", "TR"},
		{"Türkiye", "TR"},
		{"Turkiye", "TR"},
		{"Swaziland", "SZ"},
		{"Macedonia", "MK"},
		{"DRC", "CD"},
		{"Congo-Kinshasa", "CD"},
		{"Congo Kinshasa", "CD"},
		{"Congo-Brazzaville", "CG"},
		{"Republic of Korea", "KR"},
		{"DPRK", "KP"},
		{"East Timor", "TL"},
		{"Cape Verde", "CV"},
		{"Holy See", "VA"},
		{"Vatican", "VA"},
		{"Great Britain", "GB"},
		{"UK", "GB"},
		{"U.K.", "GB"},
		{"St Lucia", "LC"},
		{"St. Lucia", "LC"},
		{"Guinea Bissau", "GW"},
		{"São Tomé and Príncipe", "ST"},
		{"Curacao", "CW"},
		{"Reunion", "RE"},
		{"Kosovo", "XK"},
		{"West Bank", "PS"},
		{"Palestinian Territories", "PS"},
	}
	for _, tt := range tests {
		got, ok := Default().Lookup(tt.name)
		if !ok || got.Code != tt.want {
			t.Errorf("Lookup(%q) = %s, %v; want %s", tt.name, got.Code, ok, tt.want)
		}
	}
}

func TestLookupRejectsUnknownAndAmbiguousNames(t *testing.T) {
	// "Congo" and "Korea" could each mean two countries; "US" is also the
	// pronoun, so none is an alias.
	for _, name := range []string{"", "  ", "The", "Atlantis", "Congo", "Korea", "US", "Nigeri"} {
		if got, ok := Default().Lookup(name); ok {
			t.Errorf("Lookup(%q) = %s, want no match", name, got.Name)
		}
	}
}

func TestCallingCodes(t *testing.T) {
	// Codes the table must not get wrong; a failure here is a data error.
	want := map[string]string{
		"ML": "223", "EG": "20", "NG": "234", "KE": "254", "FR": "33",
		"GB": "44", "DE": "49", "IN": "91", "CN": "86", "JP": "81",
		"ZA": "27", "NE": "227", "CI": "225", "SN": "221", "BF": "226",
		"KZ": "7", "RU": "7", "US": "1", "CA": "1", "XK": "383",
		"TW": "886", "HK": "852", "MO": "853", "PS": "970", "GL": "299",
		"SS": "211", "MM": "95", "TR": "90", "IL": "972", "MX": "52",
	}
	for code, calling := range want {
		c, ok := Default().ByCode(code)
		if !ok {
			t.Errorf("no entry for %s", code)
			continue
		}
		if c.Calling != calling {
			t.Errorf("%s (%s) calling code = %s, want %s", c.Name, code, c.Calling, calling)
		}
	}
}

func TestNANPAreaCodes(t *testing.T) {
	want := map[string][]string{
		"JM": {"876", "658"},
		"BS": {"242"},
		"DO": {"809", "829", "849"},
		"TT": {"868"},
		"PR": {"787", "939"},
	}
	for code, areas := range want {
		c, _ := Default().ByCode(code)
		if c.Calling != "1" || !slices.Equal(c.AreaCodes, areas) {
			t.Errorf("%s: calling %q area codes %v, want 1 %v", code, c.Calling, c.AreaCodes, areas)
		}
	}
	for _, c := range Default().All() {
		if c.Calling == "1" && len(c.AreaCodes) == 0 && c.Code != "US" && c.Code != "CA" {
			t.Errorf("%s shares +1 but lists no area codes", c.Name)
		}
		if c.Calling != "1" && len(c.AreaCodes) > 0 {
			t.Errorf("%s has area codes but calling code %s", c.Name, c.Calling)
		}
	}
}

func TestByCode(t *testing.T) {
	for _, code := range []string{"ML", "ml", " Ml "} {
		if c, ok := Default().ByCode(code); !ok || c.Name != "Mali" {
			t.Errorf("ByCode(%q) = %q, %v; want Mali", code, c.Name, ok)
		}
	}
	if c, ok := Default().ByCode("ZZ"); ok {
		t.Errorf("ByCode(ZZ) = %s, want no match", c.Name)
	}
}

func TestByCalling(t *testing.T) {
	codesOf := func(cs []Country) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Code)
		}
		return out
	}
	if got := codesOf(Default().ByCalling("+223")); !slices.Equal(got, []string{"ML"}) {
		t.Errorf("ByCalling(+223) = %v, want [ML]", got)
	}
	if got := codesOf(Default().ByCalling("7")); !slices.Equal(got, []string{"KZ", "RU"}) {
		t.Errorf("ByCalling(7) = %v, want [KZ RU] in file order", got)
	}
	nanp := codesOf(Default().ByCalling("1"))
	for _, code := range []string{"US", "CA", "JM", "BS", "DO", "PR"} {
		if !slices.Contains(nanp, code) {
			t.Errorf("ByCalling(1) = %v, missing %s", nanp, code)
		}
	}
	if got := Default().ByCalling("999"); got != nil {
		t.Errorf("ByCalling(999) = %v, want none", codesOf(got))
	}
}

// HasCalling answers what len(ByCalling) > 0 did, for every code of the
// table with and without "+" and spaces, and for strings that are none.
func TestHasCallingAgreesWithByCalling(t *testing.T) {
	asks := []string{"", "+", "0", "999", "+223 ", " 1", "2", "22", "380", "38", "x"}
	for _, c := range Default().All() {
		asks = append(asks, c.Calling, "+"+c.Calling, c.Calling+"0")
	}
	found := 0
	for _, a := range asks {
		want := len(Default().ByCalling(a)) > 0
		if got := Default().HasCalling(a); got != want {
			t.Errorf("HasCalling(%q) = %v, ByCalling has %v", a, got, want)
		}
		if want {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no code of the table was found: the test asks nothing")
	}
}

func FuzzHasCalling(f *testing.F) {
	for _, s := range []string{"1", "+223", " 7 ", "380", "99", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Default().HasCalling(s), len(Default().ByCalling(s)) > 0; got != want {
			t.Errorf("HasCalling(%q) = %v, ByCalling has %v", s, got, want)
		}
	})
}

func TestAllIsInFileOrderAndCannotChangeTheTable(t *testing.T) {
	all := Default().All()
	if all[0].Name != "Afghanistan" {
		t.Errorf("first entry = %s, want Afghanistan (file order)", all[0].Name)
	}
	jm, _ := Default().ByCode("JM")
	jm.AreaCodes[0] = "000"
	again, _ := Default().ByCode("JM")
	if again.AreaCodes[0] != "876" {
		t.Error("changing a returned Country changed the table")
	}
}

// BenchmarkLoad is the embedded table's load, which every check pays once.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load(rules.FS, defaultPath, defaultDisplayName); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEmbeddedTableWithoutSnapshot reads the embedded table as a house's
// would be read, through the YAML reader and findUnreadable, which a load
// from the snapshot skips: the two tables must be the same.
func TestEmbeddedTableWithoutSnapshot(t *testing.T) {
	was := rules.SetSnapshot(false)
	plain, err := load(rules.FS, defaultPath, defaultDisplayName)
	rules.SetSnapshot(was)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := load(rules.FS, defaultPath, defaultDisplayName)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain.All(), snap.All()) || len(plain.All()) < 190 {
		t.Errorf("the table read as YAML (%d entries) differs from the snapshot's (%d)", len(plain.All()), len(snap.All()))
	}
}
