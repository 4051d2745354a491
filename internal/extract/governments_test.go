package extract_test

import (
	"reflect"
	"strings"
	"testing"
)

// Each government's pages, in shapes written for the test: detected as
// its profile, with the country, the date where the text states one, and
// the level on the common scale in the government's own words.
func TestGovernmentProfiles(t *testing.T) {
	for _, tc := range []struct {
		name, text                           string
		profile, country, published, wording string
		level                                int
		regions                              []string
		note                                 string
	}{{
		name: "fcdo whole country",
		text: "# Warnings and insurance\n\nStill current at:\n:   9 March 2026\n\nUpdated:\n:   2 March 2026\n\n" +
			"## FCDO advises against all travel to Chad\n\nSee [safety](/foreign-travel-advice/chad/safety-and-security).\n",
		profile: "fcdo", country: "Chad", published: "2026-03-02", level: 4, wording: "advises against all travel",
	}, {
		name: "fcdo areas only",
		text: "# Warnings and insurance\n\nUpdated:\n:   2 March 2026\n\n## Areas where FCDO advises against travel\n\n" +
			"FCDO advises against all travel to the North Province.\n\nFCDO advises against all but essential travel to these areas:\n\n* Lakeside\n* Hill District\n\n" +
			"Read [more](/foreign-travel-advice/kenya/regional-risks).\n",
		profile: "fcdo", country: "Kenya", published: "2026-03-02",
		regions: []string{"the North Province=4", "Lakeside=3", "Hill District=3"},
		note:    "no overall level",
	}, {
		name: "canada",
		text: "# Risk level\n\n## Risk level\n\n[![Risk level map](https://www.international.gc.ca/x/KE/map.png)](#full)\n\n## Kenya travel advice\n\n" +
			"### KENYA - EXERCISE A HIGH DEGREE OF CAUTION\n\nText.\n\n### Regional advisory - Avoid all travel\n\nAvoid all travel to :\n\n* the coast strip\n* Lake district, except:\n\n+ Town A where you should avoid non-essential travel\n\n" +
			"* the border area, with the exception of the crossings:\n\n+ Gate B\n\n* the hills\n\n### Port City - Avoid non-essential travel\n\n" +
			"Avoid non-essential travel to Port City, with the exception of the following areas where you should exercise a high degree of caution:\n\n* Old Town, including:\n\n+ the harbour\n\n* the airport\n",
		profile: "canada", country: "Kenya", level: 2, wording: "Exercise a high degree of caution",
		// An exception takes the level it is given, or else the country's;
		// a part ("including:") its whole's.
		regions: []string{"the coast strip=4", "Lake district=4", "Town A=3", "the border area=4", "Gate B=2", "the hills=4",
			"Port City=3", "Old Town=2", "the harbour=2", "the airport=2"},
	}, {
		name: "dfa-ireland",
		text: "### Avoid Non-Essential Travel\n\nThis is level three of four ratings. Text.\n\n## Travel to Chad overview\n\n### **Security Status**\n\nAvoid Non-Essential Travel\n\n" +
			"The Department advises against all travel to the Lake region due to conflict.\n",
		profile: "dfa-ireland", country: "Chad", level: 3, wording: "Avoid Non-Essential Travel",
		regions: []string{"Lake=4"},
	}, {
		name: "smartraveller",
		text: "# Safety\n\n#### Security situation\n\nWe continue to advise do not travel to Chad due to conflict. Chad is dangerous; people leave Chad for Cameroon.\n\n" +
			"# Local contacts\n\n#### 24-hour Consular Emergency Centre\n\nSee [Smartraveller](https://www.smartraveller.gov.au/).\n",
		profile: "smartraveller", country: "Chad", level: 4, wording: "Do not travel",
		note: "names most often",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, r := report(t, "x.md", tc.text)
			if r.Profile != tc.profile || r.Country.Value != tc.country || r.Published.Value != tc.published {
				t.Fatalf("profile %q country %q published %q, want %q %q %q", r.Profile, r.Country.Value, r.Published.Value, tc.profile, tc.country, tc.published)
			}
			level, wording := 0, ""
			if r.Advisory != nil {
				level, wording = r.Advisory.Level, r.Advisory.Wording.Value
			}
			if level != tc.level || wording != tc.wording {
				t.Errorf("level %d %q, want %d %q", level, wording, tc.level, tc.wording)
			}
			if got := regionsOf(r); !reflect.DeepEqual(got, tc.regions) {
				t.Errorf("regions %q, want %q", got, tc.regions)
			}
			notes := ""
			for _, n := range r.Notes {
				notes += n.Message + "\n"
			}
			if tc.note != "" && !strings.Contains(notes, tc.note) {
				t.Errorf("notes %q, want one saying %q", notes, tc.note)
			}
		})
	}
}
