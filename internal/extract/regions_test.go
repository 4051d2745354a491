package extract_test

import (
	"reflect"
	"testing"
)

// The other governments' regional levels, one class of misreading each,
// in pages written for the test: what a careful reader takes as the areas
// the page gives a level, and at which.
func TestStatedRegionalLevels(t *testing.T) {
	const fcdoTop = "# Warnings and insurance\n\nUpdated:\n:   2 March 2026\n\n## Areas where FCDO advises against travel\n\n"
	const fcdoLink = "\n\nRead [more](/foreign-travel-advice/kenya/regional-risks).\n"
	const canadaTop = "# Risk level\n\n## Risk level\n\n[![Risk level map](https://www.international.gc.ca/x/KE/map.png)](#full)\n\n## Kenya travel advice\n\n### KENYA - EXERCISE A HIGH DEGREE OF CAUTION\n\nText.\n\n"
	const irishTop = "### High Degree of Caution\n\nText.\n\n## Travel to Chad overview\n\n### **Security Status**\n\nHigh Degree of Caution\n\n"
	for _, tc := range []struct {
		name, text string
		regions    []string
	}{{
		// FCDO states its levels on the first page; "Regional risks"
		// says them again in other words and names other countries.
		name: "fcdo levels on the first page only",
		text: fcdoTop + "FCDO advises against all travel to within 10km of the border with Utopia." + fcdoLink +
			"\n# Regional risks\n\nFCDO advises against all travel to within 10km of the Kenya-Utopia border.\n\nFCDO advises against all travel to Utopia.\n",
		regions: []string{"within 10km of the border with Utopia=4"},
	}, {
		// Its pages state no level for the rest of the country, so what a
		// statement excepts has none.
		name: "fcdo exceptions have no level",
		text: fcdoTop + "FCDO advises against all but essential travel to the state of Lake, except:\n\n* the city of Port\n* road 5\n\n" +
			"FCDO advises against all travel to:\n\n* 10km of the border with Utopia, except for principal roads\n* Upper and Lower zones (except the main road)\n" + fcdoLink,
		regions: []string{"the state of Lake=3", "10km of the border with Utopia=4", "Upper zone=4", "Lower zone=4"},
	}, {
		// The country's level, then an area's in the same paragraph.
		name: "fcdo area after the country's level",
		text: "# Warnings and insurance\n\nUpdated:\n:   2 March 2026\n\n## Areas where FCDO advises against travel\n\n" +
			"FCDO advises against all travel to Kenya because of the conflict. This does not include the Lake Triangle and the Hill Strip where FCDO advises against all but essential travel." + fcdoLink,
		regions: []string{"the Lake Triangle and the Hill Strip=3"},
	}, {
		name: "fcdo list under a heading that is a label",
		text: fcdoTop + "FCDO advises against all travel to within 50km of the border with Utopia in the following regions:\n\n* Gamma\n\n" +
			"FCDO advises against all but essential travel to the following regions in the west:\n\n### All parts:\n\n* Alpha\n* Beta\n\n" +
			"### Parts further from the border:\n\n(see above)\n\n* Gamma\n" + fcdoLink,
		// A strip "in the following regions" is the strip: the regions
		// listed are not at its level.
		regions: []string{"within 50km of the border with Utopia=4", "Alpha=3", "Beta=3", "Gamma=3"},
	}, {
		// A statement about the whole country followed by a list of advice
		// is not a list of areas.
		name: "smartraveller advice list after a statement",
		text: "# Safety\n\n#### Road travel\n\nWe advise against all travel to and within Chad. Roads are poor.\n\n* Avoid travelling at night.\n* Drivers are fast.\n\n" +
			"# Local contacts\n\n#### 24-hour Consular Emergency Centre\n\nSee [Smartraveller](https://www.smartraveller.gov.au/).\n",
	}, {
		name: "smartraveller border areas",
		text: "# Safety\n\n#### Border areas\n\nWe continue to advise do not travel to Chad, the risk is high.\n\n" +
			"Do not travel to the following border areas of Chad due to the risk of conflict:\n\n* Within 10km of the border with Utopia\n* Within 50km of the lake\n\n" +
			"We also advise do not travel to the border areas with Utopia, Erewhon and Ruritania.\n\n" +
			"# Local contacts\n\n#### 24-hour Consular Emergency Centre\n\nSee [Smartraveller](https://www.smartraveller.gov.au/).\n",
		regions: []string{"Within 10km of the border with Utopia=4", "Within 50km of the lake=4", "the border areas with Utopia, Erewhon and Ruritania=4"},
	}, {
		name: "irish travel alert and lists with exceptions",
		text: irishTop + "#### **Border**\n\nTravellers are strongly advised avoiding all non-essential travel to the Chad-Utopia border regions. They are volatile.\n\n" +
			"We advise against non-essential travel to the following states, due to crime:\n\n* Lake (except Port – we recommend arriving by air)\n* Hill (except the cities of Alpha, Beta)\n* Plain\n\n" +
			"The Irish Embassy advises against all travel to:\n\n* the province of North: with exception of the districts of Gamma, Delta, and Epsilon the the old fort at Zeta and the parks around Eta, including the roads.\n" +
			"* travel on the highway between Alpha and Beta.\n\nWe advise a high degree of caution at the Chad-Utopia land border. It is busy.\n",
		// Excepted areas run together, the separator lost ("the the"),
		// are apart; "the districts of X, Y and Z" is three.
		regions: []string{"the Chad-Utopia border regions=3", "Lake=3", "Port=2", "Hill=3", "Alpha=2", "Beta=2", "Plain=3",
			"the province of North=4", "Gamma=2", "Delta=2", "Epsilon=2", "the old fort at Zeta=2", "the parks around Eta=2",
			"the highway between Alpha and Beta=4", "the Chad-Utopia land border=2"},
	}, {
		// An area excepted from an item's level takes the level the item
		// gives it, or else the country's; "the following …:" only labels
		// its sublist; "X and Y districts" is two districts.
		name: "canada exceptions inline and nested",
		text: canadaTop + "### Regional advisory - Avoid all travel\n\nAvoid all travel to the following areas due to conflict:\n\n" +
			"* the following zones in the Lake region:\n\n+ North Zone\n+ West Zone, except the A4 highway where you should avoid non-essential travel\n\n" +
			"* 30 km of the border, except for road C1 and its crossing where you should avoid non-essential travel\n* Hill, excluding Hill City\n" +
			"* the province of South, except:\n\n+ Alpha and Beta districts where you should exercise a high degree of caution\n",
		regions: []string{"North Zone=4", "West Zone=4", "the A4 highway=3", "30 km of the border=4", "road C1 and its crossing=3",
			"Hill=4", "Hill City=2", "the province of South=4", "Alpha district=2", "Beta district=2"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, r := report(t, "x.md", tc.text)
			if got := regionsOf(r); !reflect.DeepEqual(got, tc.regions) {
				t.Errorf("regions %q\nwant    %q", got, tc.regions)
			}
		})
	}
}
