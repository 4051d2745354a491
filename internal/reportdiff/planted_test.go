package reportdiff

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// TestPlantedChanges plants one change at a time in an edition written for
// the test (testdata/planted/base.txt, modelled on the U.S. advisories) and
// checks that the diff reports exactly it: the summary in full, and the
// facts that trip the escalation gate.
func TestPlantedChanges(t *testing.T) {
	data, err := os.ReadFile("testdata/planted/base.txt")
	if err != nil {
		t.Fatal(err)
	}
	base := string(data)
	const (
		police = "Police answered 412 reports of pickpocketing in the old souk during the last year, according to the interior ministry."
		night  = "Visitors who drive at night should keep to lit main roads and carry a charged phone."
	)
	for _, tc := range []struct {
		name     string
		edits    []string // old, new, old, new, …
		summary  string
		escalate []string
		moved    bool // a paragraph moved
		warnings []string
		confirms string // the indicator change the page's note confirms
	}{
		{
			name:     "level raised",
			edits:    []string{"Kuwait - Level 2: Exercise Increased Caution", "Kuwait - Level 3: Reconsider Travel", "Exercise increased caution in Kuwait due to", "Reconsider travel to Kuwait due to"},
			summary:  "Level 2 → 3 (escalated); 1 paragraph changed",
			escalate: []string{"advisory level escalated: Level 2 (Exercise Increased Caution) → Level 3 (Reconsider Travel)"},
		},
		{
			name:    "level lowered",
			edits:   []string{"Kuwait - Level 2: Exercise Increased Caution", "Kuwait - Level 1: Exercise Normal Precautions", "Exercise increased caution in Kuwait", "Exercise normal precautions in Kuwait"},
			summary: "Level 2 → 1 (lowered); 1 paragraph changed",
		},
		{
			name:     "region added",
			edits:    []string{"### Assistance", "**Al Abdali Farms – Level 4: Do Not Travel**\n\nArmed smugglers cross the farmland at night.\n\n### Assistance"},
			summary:  "1 region added at Level 4; 2 paragraphs added",
			escalate: []string{"region Al Abdali Farms added at Level 4"},
		},
		{
			name:     "area listed at Level 4",
			edits:    []string{"Read the [country information page]", "**Do Not Travel to**:\n\n* Failaka Island.\n\nRead the [country information page]"},
			summary:  "1 region added at Level 4; 2 paragraphs added",
			escalate: []string{"region Failaka Island added at Level 4"},
		},
		{
			name:     "region renamed and raised",
			edits:    []string{"**Jleeb Al-Shuyoukh – Level 3: Reconsider Travel**", "**Jeleeb Al-Shuyoukh – Level 4: Do Not Travel**"},
			summary:  "1 region raised to Level 4; 1 paragraph changed",
			escalate: []string{"region Jeleeb Al-Shuyoukh (was Jleeb Al-Shuyoukh) escalated: Level 3 → Level 4"},
		},
		{
			name:    "region reworded and lowered",
			edits:   []string{"**Northern Desert Border Zone – Level 3: Reconsider Travel**", "**Border Zone of the Northern Desert – Level 2: Exercise Increased Caution**"},
			summary: "1 region lowered; 1 paragraph changed",
		},
		{
			name: "two regions merged into one at their level",
			edits: []string{"**Jleeb Al-Shuyoukh – Level 3: Reconsider Travel**", "**Jleeb Al-Shuyoukh and the Northern Desert Border Zone – Level 3: Reconsider Travel**",
				"**Northern Desert Border Zone – Level 3: Reconsider Travel**\n\n", ""},
			summary: "1 paragraph changed, 1 removed",
		},
		{
			name:     "reason added",
			edits:    []string{"due to **terrorism** and **crime**.", "due to **terrorism**, **crime** and **kidnapping**."},
			summary:  "indicator K added; 1 paragraph changed",
			escalate: []string{"indicator K (Kidnapping or Hostage Taking) added"},
		},
		{
			name:     "reason added, as the page's note says",
			edits:    []string{"Reissued after a periodic review, with small edits.", "Updated to add a risk indicator for kidnapping.", "due to **terrorism** and **crime**.", "due to **terrorism**, **crime** and **kidnapping**."},
			summary:  "indicator K added; 1 paragraph changed, 1 added, 1 removed",
			escalate: []string{"indicator K (Kidnapping or Hostage Taking) added"},
			confirms: "K added",
		},
		{
			name:     "the page's note names a change its reasons do not show",
			edits:    []string{"Reissued after a periodic review, with small edits.", "Updated to add a risk indicator for kidnapping and to remove the crime indicator."},
			summary:  "1 paragraph added, 1 removed",
			warnings: []string{"the page's update note (new line 7) says indicator K (Kidnapping or Hostage Taking) was added; its reasons do not show it", "the page's update note (new line 7) says indicator C (Crime) was removed; its reasons do not show it"},
		},
		{
			name:    "contact changed",
			edits:   []string{"+965 2259-1001", "+965 2259-1077"},
			summary: "1 contact changed; 1 paragraph changed",
		},
		{
			name:    "a word changed",
			edits:   []string{"412 reports", "512 reports"},
			summary: "1 paragraph changed",
		},
		{
			name: "reflowed: re-wrapped, split, joined, re-spaced",
			edits: []string{
				"hotels, markets and embassies with little or no warning. Petty theft", "hotels,\nmarkets and embassies with little or no warning.\n\nPetty theft",
				"last year, according to the interior ministry.\n\nVisitors", "last year,   according to the interior ministry. Visitors",
			},
			summary: "no changes",
		},
		{
			name:    "paragraph moved",
			edits:   []string{police + "\n\n" + night, night + "\n\n" + police},
			summary: "1 paragraph moved",
			moved:   true,
		},
		{
			name:    "paragraph moved and lightly edited",
			edits:   []string{police + "\n\n", "", "If you decide", strings.Replace(police, "412", "457", 1) + "\n\nIf you decide"},
			summary: "1 paragraph moved and changed",
			moved:   true,
		},
		{
			name:     "level not read in the new edition",
			edits:    []string{"### Kuwait - Level 2: Exercise Increased Caution", "### Kuwait - Risk Overview", "Exercise increased caution in Kuwait due to **terrorism** and **crime**.", "Travellers should take care."},
			summary:  "advisory level: not found in the new edition; indicators: not found in the new edition; regional levels: not found in the new edition; 1 section renamed; 1 paragraph changed",
			warnings: []string{"new, line 25: advisory.level: no overall level: the advisory gives levels per region only (2 read)"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := base
			for i := 0; i < len(tc.edits); i += 2 {
				if !strings.Contains(edited, tc.edits[i]) {
					t.Fatalf("the base edition has no %q", tc.edits[i])
				}
				edited = strings.Replace(edited, tc.edits[i], tc.edits[i+1], 1)
			}
			o, of := side(t, "old.txt", data)
			n, nf := side(t, "new.txt", []byte(edited))
			res := Compare(o, n, of, nf)
			if res.Summary != tc.summary {
				t.Errorf("summary:\n got %s\nwant %s\n%s", res.Summary, tc.summary, render(t, "text", res))
			}
			if !slices.Equal(res.Warnings, tc.warnings) {
				t.Errorf("warnings %q, want %q", res.Warnings, tc.warnings)
			}
			var confirms []string
			if res.Note != nil {
				for _, c := range res.Note.Claims {
					if c.Confirmed {
						confirms = append(confirms, c.Code+" "+c.Change)
					}
				}
			}
			if got := strings.Join(confirms, ", "); got != tc.confirms {
				t.Errorf("the note confirms %q, want %q", got, tc.confirms)
			}
			trips, _ := res.Trips("escalation")
			if !reflect.DeepEqual(trips, tc.escalate) {
				t.Errorf("escalation trips: %q, want %q", trips, tc.escalate)
			}
			// A pure reorder is no change of content; anything else is.
			wantAny := tc.summary != "no changes" && tc.name != "paragraph moved"
			if anyChange, _ := res.FailOn("any"); anyChange != wantAny {
				t.Errorf("--fail-on any: %v, want %v", anyChange, wantAny)
			}
			// --fail-on moved counts a reorder too.
			if moved, _ := res.FailOn("moved"); moved != (wantAny || tc.moved) {
				t.Errorf("--fail-on moved: %v, want %v", moved, wantAny || tc.moved)
			}
		})
	}
}

// Reasons glued to no-break spaces in one edition and spaced plainly in
// the other are the same indicators: the document model reads both alike,
// so the diff claims no indicator change.
func TestIndicatorsFromReasonsWithNoBreakSpaces(t *testing.T) {
	data, err := os.ReadFile("testdata/planted/base.txt")
	if err != nil {
		t.Fatal(err)
	}
	const reasons = "due to **terrorism** and **crime**."
	if !strings.Contains(string(data), reasons) {
		t.Fatalf("the base edition has no %q", reasons)
	}
	edition := func(name, sep string) (Side, *source.File) {
		text := strings.Replace(string(data), reasons, "due to **political violence**,"+sep+"**crime**,"+sep+"and"+sep+"**health**.", 1)
		return side(t, name, []byte(text))
	}
	o, of := edition("old.txt", "\u00a0")
	n, nf := edition("new.txt", " ")
	if got := included(o.Report.Advisory); !reflect.DeepEqual(got, map[string]bool{"U": true, "C": true, "H": true}) {
		t.Errorf("read from the glued reasons: %v, want C, H, U", got)
	}
	res := Compare(o, n, of, nf)
	if c := res.Indicators; len(c.Added)+len(c.Removed) > 0 {
		t.Errorf("the same reasons differ: %+v", c)
	}
	// Reasons none of which names an indicator: not read, never a change.
	vague := &document.Advisory{Level: 3, Reasons: []document.Text{{Value: "the situation"}}}
	plain := &document.Advisory{Level: 3, Reasons: []document.Text{{Value: "crime"}}, Indicators: []document.Indicator{{Code: "C", Included: true}}}
	if indicatorsRead(vague) || !indicatorsRead(plain) {
		t.Errorf("indicatorsRead: vague %v, plain %v", indicatorsRead(vague), indicatorsRead(plain))
	}
}

// TestCorpusPairs holds the diff to what was read by hand on the corpus's
// pairs of editions (docs/accuracy.md, "Diff facts on the corpus pairs"):
// indicators change only where the reasons do (Syria's July edition no
// longer gives "unjust detention": D removed), a level that did not change
// is no change, and the escalation gate trips only on Rwanda's two new
// Level 4 areas.
func TestCorpusPairs(t *testing.T) {
	dir := "../../../shared/corpus/us"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the corpus is not available")
	}
	for _, tc := range []struct {
		country    string
		escalate   int    // escalation trips, all of them regions added at Level 4
		indicators string // codes added (+) and removed (-), in that order
	}{
		{"burundi", 0, ""}, {"israel-the-west-bank-and-gaza", 0, ""}, {"rwanda", 2, ""}, {"syria", 0, "-D"},
		{"trinidad-and-tobago", 0, ""}, {"united-arab-emirates", 0, ""}, {"yemen", 0, ""},
	} {
		t.Run(tc.country, func(t *testing.T) {
			paths, _ := filepath.Glob(filepath.Join(dir, "advisory-"+tc.country+"-2*.txt"))
			if len(paths) != 2 {
				t.Skipf("%d editions", len(paths))
			}
			sort.Strings(paths)
			var sides [2]Side
			var files [2]*source.File
			for i, p := range paths {
				data, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				sides[i], files[i] = side(t, filepath.Base(p), data)
			}
			res := Compare(sides[0], sides[1], files[0], files[1])
			var got strings.Builder
			for _, ind := range res.Indicators.Added {
				got.WriteString("+" + ind.Code)
			}
			for _, ind := range res.Indicators.Removed {
				got.WriteString("-" + ind.Code)
			}
			if got.String() != tc.indicators {
				t.Errorf("indicators changed %q, want %q: %+v", got.String(), tc.indicators, res.Indicators)
			}
			if a := res.Advisory; a != nil && a.Change != Unchanged {
				t.Errorf("advisory level: %+v", a)
			}
			trips, _ := res.Trips("escalation")
			if len(trips) != tc.escalate {
				t.Errorf("escalation trips %q, want %d", trips, tc.escalate)
			}
			for _, tr := range trips {
				if !strings.HasSuffix(tr, "added at Level 4") {
					t.Errorf("trip %q", tr)
				}
			}
			for _, r := range res.Regions {
				if strings.Contains(r.Name, "**") || strings.Contains(r.Name, "](") {
					t.Errorf("region name with markup: %q", r.Name)
				}
			}
		})
	}
}
