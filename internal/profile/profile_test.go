package profile

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultProfilesLoad(t *testing.T) {
	s := Default()
	for _, name := range []string{"osac-csr", "travel-advisory", Generic} {
		if _, ok := s.Get(name); !ok {
			t.Errorf("profile %s missing; have %v", name, s.Names())
		}
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
