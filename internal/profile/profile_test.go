package profile

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportlint/reportlint/rules"
)

func TestDefaultProfilesLoad(t *testing.T) {
	s := Default()
	for _, name := range []string{"osac-csr", "travel-advisory", Generic} {
		if _, ok := s.Get(name); !ok {
			t.Errorf("profile %s missing; have %v", name, s.Names())
		}
	}
	// Help names them from their files, unread: each is named as its file.
	if got, want := BuiltinNames(), s.Names(); !slices.Equal(got, want) {
		t.Errorf("BuiltinNames() = %v, the profiles' names are %v", got, want)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"\n\nOSAC Country Security Report\n\nMali\n\nPublished: November 29, 2024\n\nMali Travel Advisory\n", "osac-csr"},
		{"# Egypt Travel Advisory\n\n### Travel Advisory October 15, 2024\n", "travel-advisory"},
		{"---\ntitle: x\n---\n# Kenya Travel Advisory\n", "travel-advisory"},
		{"Kenya - Level 2: Exercise Increased Caution\n", "travel-advisory"},
		{"Quarterly Notes\n\nNothing to see.\n", Generic},
		// The title decides even when a later line names another profile.
		{"Nigeria Country Security Report\n\nNigeria Travel Advisory\n", "osac-csr"},
	}
	for _, tt := range tests {
		if got := Default().Detect(tt.text).Name; got != tt.want {
			t.Errorf("Detect(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestMatchSection(t *testing.T) {
	p, _ := Default().Get("osac-csr")
	tests := []struct{ heading, country, want string }{
		{"Crime", "", "Crime"},
		{"CRIME", "", "Crime"},
		{"Protests and Demonstrations", "", "Protests & Demonstrations"},
		{"Embassy and Consulate Contact Information", "", "Embassy & Consulate Contact Information"},
		{"Mali Travel Advisory", "Mali", "{country} Travel Advisory"},
		{"Anti-U.S./Anti-Western Sentiment", "", "Anti-U.S./Anti-Western Sentiment"},
		{"anti us anti western sentiment", "", "Anti-U.S./Anti-Western Sentiment"},
		{"Cooking", "", ""},
	}
	for _, tt := range tests {
		got := p.MatchSection(tt.heading, tt.country)
		name := ""
		if got != nil {
			name = got.Name
		}
		if name != tt.want {
			t.Errorf("MatchSection(%q) = %q, want %q", tt.heading, name, tt.want)
		}
	}
	if s := p.MatchSection("Kidnapping Threat", ""); s == nil || s.Level != 3 || s.Parent == nil || s.Parent.Name != "Crime" {
		t.Errorf("Kidnapping Threat should be a level-3 subsection of Crime: %+v", s)
	}
}

func TestNormalizeTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Rule of Law, Arbitrary Detention, Official Harassment, Corruption, & Transparency": "rule of law arbitrary detention official harassment corruption and transparency",
		"Côte d’Ivoire":             "cote divoire",
		"  OSAC Country Chapter(s)": "osac country chapter s",
	} {
		if got := NormalizeTitle(in); got != want {
			t.Errorf("NormalizeTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBadProfileNamesFileAndLine(t *testing.T) {
	tests := []struct{ body, want string }{
		{"name: x\ndetect:\n  - '(unclosed'\n", "p/x.yaml:3: bad detect pattern"},
		{"name: x\nsections:\n  - aliases: [a]\n", "p/x.yaml:"},
		{"name: x\nsectoins: []\n", `p/x.yaml:2: unknown key "sectoins"`},
		{"title: no name\n", "p/x.yaml:1: a profile needs a name"},
	}
	for _, tt := range tests {
		_, err := Load(fstest.MapFS{"p/x.yaml": {Data: []byte(tt.body)}}, "p")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) error = %v, want %q", tt.body, err, tt.want)
		}
	}
}

func TestHeaderMatch(t *testing.T) {
	p, _ := Default().Get("travel-advisory")
	m, ok := p.MatchHeader("Travel Advisory July 31, 2023")
	if !ok || m.Date != "July 31, 2023" || m.DateStart != len("Travel Advisory ") {
		t.Errorf("MatchHeader = %+v, %v", m, ok)
	}
	m, ok = p.MatchHeader("Egypt Travel Advisory")
	if !ok || m.Country != "Egypt" {
		t.Errorf("MatchHeader(title) = %+v, %v", m, ok)
	}
}

// The built-in profiles say which section holds the contact block, what it
// must give, and where the emergency number goes; generic asks for nothing.
func TestContactRequirements(t *testing.T) {
	csr, _ := Default().Get("osac-csr")
	if c := csr.Contacts; c == nil || c.Section.Name != "Embassy & Consulate Contact Information" ||
		fmt.Sprint(c.Requires) != "[address phone hours]" {
		t.Errorf("osac-csr contacts = %+v", csr.Contacts)
	}
	if e := csr.Emergency; e == nil || len(e.Sections) != 2 || e.Sections[0].Name != "Law Enforcement" || e.Sections[1].Name != "Police Response" {
		t.Errorf("osac-csr emergency = %+v", csr.Emergency)
	}
	ta, _ := Default().Get("travel-advisory")
	if c := ta.Contacts; c == nil || c.Section.Name != "Assistance for U.S. Citizens" || fmt.Sprint(c.Requires) != "[address phone email]" {
		t.Errorf("travel-advisory contacts = %+v", ta.Contacts)
	}
	if e := ta.Emergency; e == nil || len(e.Sections) != 1 || e.Sections[0] != ta.Contacts.Section {
		t.Errorf("travel-advisory emergency = %+v", ta.Emergency)
	}
	g, _ := Default().Get(Generic)
	if g.Contacts != nil || g.Emergency != nil {
		t.Errorf("generic asks for contacts: %+v %+v", g.Contacts, g.Emergency)
	}
}

func TestContactKeys(t *testing.T) {
	const sections = "name: x\nsections:\n  - name: Contact Us\n    aliases: [Contacts]\n  - name: Police\n"
	ok := []struct{ body, section string }{
		{sections + "contacts:\n  section: contacts\n  requires: [Phone, email]\n", "Contact Us"},
		{sections + "contacts: {section: Contact Us}\nemergency: {sections: [police]}\n", "Contact Us"},
	}
	for _, tt := range ok {
		set, err := Load(fstest.MapFS{"p/x.yaml": {Data: []byte(tt.body)}}, "p")
		if err != nil {
			t.Errorf("Load(%q): %v", tt.body, err)
			continue
		}
		p, _ := set.Get("x")
		if p.Contacts == nil || p.Contacts.Section.Name != tt.section {
			t.Errorf("Load(%q) contacts = %+v", tt.body, p.Contacts)
		}
	}
	bad := []struct{ body, want string }{
		{sections + "contacts:\n  section: Contact Us\n  require: [phone]\n", `p/x.yaml:8: contacts: unknown key "require" (known: section, requires)`},
		{sections + "contacts:\n  section: Contact Us\n  requires:\n    - phone\n    - pigeon\n", `p/x.yaml:10: contacts: unknown contact kind "pigeon"`},
		{sections + "contacts:\n  section: Embassy\n", `p/x.yaml:7: contacts: "Embassy" is not one of the profile's sections`},
		{sections + "contacts:\n  requires: [phone]\n", `p/x.yaml:7: contacts: name a section`},
		{sections + "contacts: [phone]\n", `p/x.yaml:6: contacts: expected a mapping`},
		{sections + "emergency:\n  sections:\n    - Police\n    - Polise\n", `p/x.yaml:9: emergency: "Polise" is not one of the profile's sections`},
		{sections + "emergency: {}\n", `p/x.yaml:6: emergency: list the sections`},
		{sections + "emergency: {section: Police}\n", `p/x.yaml:6: emergency: unknown key "section" (known: sections, hint)`},
		{sections + "hints:\n  published: x\n  date: y\n", `p/x.yaml:8: hints: unknown key "date" (known: published, country, advisory)`},
	}
	for _, tt := range bad {
		_, err := Load(fstest.MapFS{"p/x.yaml": {Data: []byte(tt.body)}}, "p")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) error = %v, want %q", tt.body, err, tt.want)
		}
	}
}

// A house profile comes first and replaces a built-in one of its name, in
// a new set: the built-in set, shared by every run, is not changed.
func TestWithHouseProfiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "house.yaml")
	text := "name: travel-advisory\ntitle: House Advisory\nschema: schemas/house.schema.json\ndetect: ['(?i)^house advisory$']\nsections: []\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	house, err := LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "schemas", "house.schema.json"); house.Schema != want {
		t.Errorf("schema = %q, want %q beside the profile", house.Schema, want)
	}
	builtin := Default()
	set := builtin.With(house)
	if p, _ := set.Get("travel-advisory"); p != house {
		t.Errorf("the house profile does not replace the built-in one of its name")
	}
	if p := set.Detect("House Advisory\n\nText."); p != house {
		t.Errorf("detected %s, want the house profile", p.Name)
	}
	if p, _ := builtin.Get("travel-advisory"); p == house || p.Title != "Travel Advisory" {
		t.Errorf("the built-in set was changed: %+v", p)
	}
	if got, want := set.Names(), builtin.Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
	if _, err := LoadFile(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml: no such file") {
		t.Errorf("a missing file gives %v", err)
	}
}

// A section number before a heading's words does not hide the section.
func TestNumberedHeadings(t *testing.T) {
	p, _ := Default().Get("osac-csr")
	for heading, want := range map[string]string{
		"1. Crime":                                "Crime",
		"4) TERRORISM":                            "Terrorism",
		"3.1 Kidnapping Threat":                   "Kidnapping Threat",
		"II. Mali Travel Advisory":                "{country} Travel Advisory",
		"5 - Political Violence and Civil Unrest": "Political Violence and Civil Unrest",
		"2024 Elections":                          "",
	} {
		got := ""
		if s := p.MatchSection(heading, "Mali"); s != nil {
			got = s.Name
		}
		if got != want {
			t.Errorf("MatchSection(%q) = %q, want %q", heading, got, want)
		}
	}
	for heading, want := range map[string]int{"1. Crime": 1, "3.1 Kidnapping": 2, "II. Advisory": 1, "Crime": 0, "2024 Elections": 0} {
		if got := NumberingDepth(heading); got != want {
			t.Errorf("NumberingDepth(%q) = %d, want %d", heading, got, want)
		}
	}
}

func TestFurnitureKey(t *testing.T) {
	bad := []struct{ body, want string }{
		{"name: x\nfurniture:\n  - heading: '^a$'\n    line: '^b$'\n", "p/x.yaml:3: furniture: an entry names either a heading or a line pattern"},
		{"name: x\nfurniture:\n  - above: '^a$'\n", "p/x.yaml:3: furniture: an entry names either"},
		{"name: x\nfurniture:\n  - line: '^a$'\n    above: '^b$'\n", "p/x.yaml:3: furniture: above goes with a heading pattern"},
		{"name: x\nfurniture:\n  - line: '^a$'\n  - heading: '(unclosed'\n", "p/x.yaml:4: bad furniture heading pattern"},
		{"name: x\nfurniture:\n  - lines: '^a$'\n", `p/x.yaml:3: furniture: unknown key "lines"`},
		{"name: x\nfurniture:\n  heading: '^a$'\n", "p/x.yaml:3: furniture: expected a list"},
	}
	for _, tt := range bad {
		_, err := Load(fstest.MapFS{"p/x.yaml": {Data: []byte(tt.body)}}, "p")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load(%q) error = %v, want %q", tt.body, err, tt.want)
		}
	}
	ta, _ := Default().Get("travel-advisory")
	for _, tt := range []struct {
		title, next string
		want        bool
	}{
		{"Search for Travel Advisories", "", true},
		{"Mali Map", "", true},
		{"Saba", "Country Map", true},
		{"Saba", "", false},
		{"Saba", "Overview", false},
		{"Assistance for U.S. Citizens", "", false},
	} {
		if got := ta.FurnitureHeading(tt.title, tt.next); got != tt.want {
			t.Errorf("FurnitureHeading(%q, %q) = %v, want %v", tt.title, tt.next, got, tt.want)
		}
	}
	if !ta.FurnitureLine(`[K](javascript:void(0); "Tool Tip: Kidnap and Hostage")`) || ta.FurnitureLine("[K](https://example.gov/k)") {
		t.Error("the tool-tip line is furniture, a link of the editor's is not")
	}
	g, _ := Default().Get(Generic)
	if g.FurnitureLine("null") {
		t.Error("generic knows no template's lines")
	}
}

// revised-as-whole is said by the built-in kinds revised per edition, false
// for generic, true for a house profile that does not say it (it describes
// its own kind of report; a profile that went without the key before keeps
// stale-section), and must be a boolean.
func TestRevisedAsWholeKey(t *testing.T) {
	for name, want := range map[string]bool{"osac-csr": true, "travel-advisory": true, Generic: false} {
		p, _ := Default().Get(name)
		if p.RevisedAsWhole != want {
			t.Errorf("%s: RevisedAsWhole = %v, want %v", name, p.RevisedAsWhole, want)
		}
	}
	for body, want := range map[string]bool{"name: x\n": true, "name: x\nrevised-as-whole: true\n": true, "name: x\nrevised-as-whole: false\n": false} {
		s, err := Load(fstest.MapFS{"p/x.yaml": {Data: []byte(body)}}, "p")
		if err != nil {
			t.Fatal(err)
		}
		if p, _ := s.Get("x"); p.RevisedAsWhole != want {
			t.Errorf("Load(%q): RevisedAsWhole = %v, want %v", body, p.RevisedAsWhole, want)
		}
	}
	if _, err := Load(fstest.MapFS{"p/x.yaml": {Data: []byte("name: x\nrevised-as-whole: sometimes\n")}}, "p"); err == nil || !strings.Contains(err.Error(), "p/x.yaml:2") {
		t.Errorf("a revised-as-whole that is not a boolean: error = %v, want one at p/x.yaml:2", err)
	}
}

// TestBuiltinProfilesCompile finishes every built-in profile as a run
// does (Default, then Get): each compiles, and holds what the same file
// read at once (Load, as a house profile is) holds.
func TestBuiltinProfilesCompile(t *testing.T) {
	eager, err := Load(rules.FS, "profiles")
	if err != nil {
		t.Fatal(err)
	}
	patterns := func(res []*regexp.Regexp) []string {
		var out []string
		for _, re := range res {
			out = append(out, re.String())
		}
		return out
	}
	seen := 0
	for _, name := range BuiltinNames() {
		want, ok := eager.Get(name)
		if !ok {
			t.Fatalf("profile %s not loaded", name)
		}
		got, ok := Default().Get(name)
		if !ok {
			t.Fatalf("profile %s not in Default", name)
		}
		seen++
		// The detection patterns, left uncompiled by Default, are the
		// ones Load compiled.
		for _, pair := range [][2][]matcher{{got.detect, want.detect}, {got.detectText, want.detectText}} {
			if !slices.Equal(sources(pair[0]), sources(pair[1])) {
				t.Errorf("%s: detection patterns %q, want %q", name, sources(pair[0]), sources(pair[1]))
			}
		}
		if !slices.Equal(patterns(got.header), patterns(want.header)) || !reflect.DeepEqual(got.headerNeeds, want.headerNeeds) {
			t.Errorf("%s: header %q, want %q", name, patterns(got.header), patterns(want.header))
		}
		if !slices.Equal(patterns(got.CountryPatterns), patterns(want.CountryPatterns)) || got.CountryMostNamed != want.CountryMostNamed {
			t.Errorf("%s: country patterns differ", name)
		}
		if (got.Levels == nil) != (want.Levels == nil) || got.Levels != nil && (!reflect.DeepEqual(got.Levels.Scale, want.Levels.Scale) || !slices.Equal(got.Levels.Pages, want.Levels.Pages) || !slices.Equal(patterns(got.Levels.Statements), patterns(want.Levels.Statements))) {
			t.Errorf("%s: levels differ", name)
		}
		// What Default decodes only for the first report of the kind.
		if fmt.Sprint(got.Name, got.Title, got.Schema, got.SchemaLine, got.RevisedAsWhole, got.Home, got.Hints) != fmt.Sprint(want.Name, want.Title, want.Schema, want.SchemaLine, want.RevisedAsWhole, want.Home, want.Hints) {
			t.Errorf("%s: settings differ", name)
		}
		if a, b := sectionTree(got.Sections), sectionTree(want.Sections); a != b {
			t.Errorf("%s: sections\n%s\nwant\n%s", name, a, b)
		}
		if a, b := contactsOf(got), contactsOf(want); a != b {
			t.Errorf("%s: contacts %s, want %s", name, a, b)
		}
		if len(got.Furniture) != len(want.Furniture) {
			t.Errorf("%s: %d furniture entries, want %d", name, len(got.Furniture), len(want.Furniture))
		}
		for i := range min(len(got.Furniture), len(want.Furniture)) {
			g, w := got.Furniture[i], want.Furniture[i]
			if fmt.Sprint(g.Heading, g.Above, g.Line, g.Where) != fmt.Sprint(w.Heading, w.Above, w.Line, w.Where) {
				t.Errorf("%s: furniture %d differs", name, i)
			}
		}
	}
	if seen < 7 {
		t.Errorf("%d built-in profiles, want at least 7", seen)
	}
}

// sectionTree writes sections with all they hold, their parent by name.
func sectionTree(ss []*Section) string {
	var b strings.Builder
	for _, s := range ss {
		parent := ""
		if s.Parent != nil {
			parent = s.Parent.Name
		}
		fmt.Fprintf(&b, "%q %q %v %d %d <%s> {%s}\n", s.Name, s.Aliases, s.Required, s.Level, s.Line, parent, sectionTree(s.Sections))
	}
	return b.String()
}

// contactsOf writes a profile's contact block and emergency number setting.
func contactsOf(p *Profile) string {
	out := ""
	if c := p.Contacts; c != nil {
		out += fmt.Sprint(c.Section.Name, c.Requires, c.Line)
	}
	if e := p.Emergency; e != nil {
		out += fmt.Sprint(";", e.Hint, e.Line)
		for _, s := range e.Sections {
			out += " " + s.Name
		}
	}
	return out
}

func sources(ms []matcher) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.String())
	}
	return out
}

// TestSchemaOfLeavesProfilesLazy: the validator asks every profile for its
// schema; that must not compile the profiles no report needs.
func TestSchemaOfLeavesProfilesLazy(t *testing.T) {
	set, err := load(rules.FS, "profiles", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range set.Names() {
		file, ok := set.SchemaOf(name)
		if !ok || file == "" {
			t.Errorf("%s: no schema", name)
		}
	}
	for _, p := range set.profiles {
		if p.header != nil || p.Levels != nil || p.CountryPatterns != nil {
			t.Errorf("%s was compiled by SchemaOf", p.Name)
		}
	}
	p, _ := set.Get("osac-csr")
	if file, _ := set.SchemaOf("osac-csr"); p.header == nil || file != p.Schema {
		t.Errorf("Get(osac-csr): header %v, schema %q vs %q", p.header, file, p.Schema)
	}
	if _, ok := set.SchemaOf("no-such-profile"); ok {
		t.Error("SchemaOf found a profile that is not there")
	}
}
