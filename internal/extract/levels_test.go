package extract_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

// regionsOf lists an advisory's regions as "name=level".
func regionsOf(r *document.Report) []string {
	var out []string
	if r.Advisory == nil {
		return nil
	}
	for _, rg := range r.Advisory.Regions {
		out = append(out, rg.Name.Value+"="+string(rune('0'+rg.Level)))
	}
	return out
}

// noteOn is the parse's note on a fact, or "".
func noteOn(r *document.Report, fact string) string {
	for _, n := range r.Notes {
		if n.Fact == fact {
			return n.Message
		}
	}
	return ""
}

// The header's level line is the advisory's own whatever name it gives
// the place: a formal name, or a group with "See Summaries" before the level.
func TestHeaderLevelLineInOtherWords(t *testing.T) {
	for _, line := range []string{
		"Kingdom of Testland - Level 2: Exercise Increased Caution",
		"Mainland Testland, North Isle & South Isle - See Summaries - Level 2: Exercise Increased Caution",
	} {
		_, r := report(t, "x.txt", "# Testland Travel Advisory\n\n### Travel Advisory July 15, 2025\n\n### "+line+"\n\nExercise increased caution in Testland due to **crime**.\n")
		if r.Advisory == nil || r.Advisory.Level != 2 {
			t.Errorf("%q: advisory = %+v, want level 2", line, r.Advisory)
		}
	}
}

// A bold region line run into the next sentence, and a region heading
// written as an accordion link's text, are read as the lines they were.
func TestRegionLinesThroughConversionDamage(t *testing.T) {
	_, r := report(t, "x.txt", `# Egypt Travel Advisory

### Travel Advisory July 15, 2025

### Egypt - Level 2: Exercise Increased Caution

Exercise increased caution in Egypt due to **terrorism**.

**Western Desert – Level 4: Do Not Travel**Armed groups are active near the border.

[#### Sinai Coast – Level 3: Reconsider Travel](javascript:void(0); "Sinai Coast – Level 3: Reconsider Travel")
`)
	want := []string{"Western Desert=4", "Sinai Coast=3"}
	if got := regionsOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("regions = %q, want %q", got, want)
	}
	for _, rg := range r.Advisory.Regions {
		if strings.Contains(rg.Wording.Value, "Armed") {
			t.Errorf("wording read past the bold: %q", rg.Wording.Value)
		}
	}
}

// An advisory that gives levels per state only has regions, some given a
// level in words only, and no overall level; the parse says so. An area in
// the summary's list that a heading names in other words is one region,
// under the heading's name; a similar name at another level is another.
func TestLevelsPerRegionOnly(t *testing.T) {
	_, r := report(t, "x.txt", `# Testland Travel Advisory

### Travel Advisory July 15, 2025

### Testland Travel Advisory

**Do Not Travel To:**

* Areas near the northern border due to **crime**.
* North Coast statedue to **crime**.

**North Coast state – Do Not Travel**

Do not travel due to crime.

**North Coast Sur state – Exercise Increased Caution**

**Northern border – Do Not Travel**
`)
	want := []string{"North Coast state=4", "North Coast Sur state=2", "Northern border=4"}
	if got := regionsOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("regions = %q, want %q", got, want)
	}
	if r.Advisory == nil || r.Advisory.Level != 0 {
		t.Fatalf("advisory = %+v, want one with no overall level", r.Advisory)
	}
	if n := noteOn(r, "advisory.level"); !strings.Contains(n, "per region only") {
		t.Errorf("notes = %+v", r.Notes)
	}
}

// A level line in a shape not known is said, not dropped silently.
func TestLevelNotFoundIsSaid(t *testing.T) {
	_, r := report(t, "x.txt", "# Testland Travel Advisory\n\n### Travel Advisory July 15, 2025\n\n### Testland: Level Two (Exercise Increased Caution)\n\nExercise increased caution in Testland.\n")
	if r.Advisory != nil {
		t.Errorf("advisory = %+v, want none", r.Advisory)
	}
	if n := noteOn(r, "advisory.level"); !strings.HasPrefix(n, "level not found") {
		t.Errorf("notes = %+v", r.Notes)
	}
}

// codesOf lists the codes of the indicators an advisory includes.
func codesOf(r *document.Report) []string {
	var out []string
	if r.Advisory != nil {
		for _, ind := range r.Advisory.Indicators {
			if ind.Included {
				out = append(out, ind.Code)
			}
		}
	}
	return out
}

// Indicators come from every reason the advisory gives for a level: its
// own sentence, read in parts (a risk none of the codes names is O), the
// list of areas, an area's own sentence, and an update line that names an
// indicator as added (one that removes an indicator gives none).
func TestIndicatorsFromEveryReason(t *testing.T) {
	_, r := report(t, "x.md", `# Testland Travel Advisory

### Travel Advisory July 15, 2025

### Testland - Level 3: Reconsider Travel

***Updated to reflect the addition of the health indicator; the natural disaster indicator is removed.***

Reconsider travel to Testland due to**armed conflict, crime, and civil unrest, as well as the Embassy's limited capacity to assist citizens.**Some areas have increased risk.

**Do not travel to:**

* The eastern hills due to **kidnapping**.

**Lake district – Do Not Travel**

Do not travel to the Lake district due to the risk of wrongful detention.
`)
	want := []string{"O", "C", "U", "K", "D", "H"}
	if got := codesOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("indicators = %q, want %q", got, want)
	}
	// The sentence after the glued bold is not a reason.
	for _, rs := range r.Advisory.Reasons {
		if strings.Contains(rs.Value, "Some areas") || strings.Contains(rs.Value, "*") {
			t.Errorf("reason %q runs past its sentence or keeps markup", rs.Value)
		}
	}
}

// "Exercise increased caution in:" labels a list of areas as "… to:" does;
// its reasons are indicators and its areas regions, one with the heading
// that names the same area in other words.
func TestAreaListLabelledIn(t *testing.T) {
	_, r := report(t, "x.md", `# Testland Travel Advisory

### Travel Advisory July 15, 2025

### Testland - Level 1: Exercise Normal Precautions

Exercise normal precautions in Testland.

Exercise increased caution in:

* Remote areas along the border with Norland due to **crime** and **landmines**.

**Areas on the Border with Norland – Level 2: Exercise Increased Caution**
`)
	if got, want := codesOf(r), []string{"C", "O"}; !reflect.DeepEqual(got, want) {
		t.Errorf("indicators = %q, want %q", got, want)
	}
	if got, want := regionsOf(r), []string{"Areas on the Border with Norland=2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("regions = %q, want %q", got, want)
	}
}

// A region's bold line broken by links or by plain words keeps its whole
// name, with the space the conversion lost after a link put back, and a
// reason run into the name is not part of it.
func TestRegionNameAcrossBoldRuns(t *testing.T) {
	_, r := report(t, "x.md", `# Testland Travel Advisory

### Travel Advisory July 15, 2025

### Testland - Level 2: Exercise Increased Caution

Exercise increased caution in Testland due to **crime**.

**Testland-**[**Norland (NL)**](https://example.org/norland)**Border – Level 4: Do Not Travel**

**Upper Vale** (UV)-**Province, including the old districts – Level 4: Do Not Travel**

**The Grey Hills in the east due to terrorism – Level 3: Reconsider Travel**Armed groups attack travellers on the hill roads.
`)
	want := []string{"Testland-Norland (NL) Border=4", "Upper Vale (UV)-Province, including the old districts=4", "The Grey Hills in the east=3"}
	if got := regionsOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("regions = %q, want %q", got, want)
	}
}

// The summary's list and the headings name areas in other words; each area
// is one region, under its heading's name. A heading whose dash lost its
// space is still a heading.
func TestListedAreasInOtherWords(t *testing.T) {
	_, r := report(t, "x.md", `# Testland Travel Advisory

### Travel Advisory July 15, 2025

### Testland - Level 2: Exercise Increased Caution

Exercise increased caution in Testland due to **crime**.

**Do not travel to:**

* Areas bordering Norland due to **terrorism**.
* Within 16 km of the Sudlandian border due to **terrorism**.
* Redvale and Blue Lakes Regions due to **crime**.
* The cities of Alpha, Beta, and Gamma in the province of Delta Minor, due to **crime**.

**Border with Norland – Level 4: Do Not Travel**

**Border with Sudland – Level 4: Do Not Travel**

**Blue Lakes Region– Level 4: Do Not Travel**
`)
	want := []string{
		"The cities of Alpha, Beta, and Gamma in the province of Delta Minor=4",
		"Border with Norland=4", "Border with Sudland=4", "Blue Lakes Region=4",
	}
	if got := regionsOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("regions = %q, want %q", got, want)
	}
}

// A level may come before the area's name it is given to.
func TestLevelBeforeAreaName(t *testing.T) {
	_, r := report(t, "x.md", `# Testland Travel Advisory

### Travel Advisory July 15, 2025

### Testland - Level 2: Exercise Increased Caution

Exercise increased caution in Testland due to **crime**.

**Level 4: Do Not Travel - Areas of Testland bordering Norland**

**Level 3: Reconsider Travel to the provinces of Alpha, Beta and Gamma.**Missiles have struck these provinces.

**Level 4: Do Not Travel**
`)
	want := []string{"Areas of Testland bordering Norland=4", "the provinces of Alpha, Beta and Gamma=3"}
	if got := regionsOf(r); !reflect.DeepEqual(got, want) {
		t.Errorf("regions = %q, want %q", got, want)
	}
}

// The reasons may follow the sentence that gives the level.
func TestReasonsInTheNextSentence(t *testing.T) {
	_, r := report(t, "x.md", advisoryTop+"Exercise increased caution while traveling to Testland. This is due to unresolved conflict in the breakaway east. Read the entire Travel Advisory.\n")
	if got := reasonsOf(r); !reflect.DeepEqual(got, []string{"unresolved conflict in the breakaway east"}) {
		t.Errorf("reasons = %q", got)
	}
	if got := codesOf(r); !reflect.DeepEqual(got, []string{"O"}) {
		t.Errorf("indicators = %q", got)
	}
}

const advisoryTop = "# Testland Travel Advisory\n\n### Travel Advisory July 15, 2025\n\n### Testland - Level 2: Exercise Increased Caution\n\n"

func reasonsOf(r *document.Report) []string {
	var out []string
	if r.Advisory != nil {
		for _, t := range r.Advisory.Reasons {
			out = append(out, t.Value)
		}
	}
	return out
}
