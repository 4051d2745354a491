package reportdiff

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/vocab"
)

// The same text with CRLF line ends and a BOM is no change at all.
func TestLineEndsAreNoChange(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/reports/niger-csr.txt")
	if err != nil {
		t.Fatal(err)
	}
	crlf := append([]byte("\ufeff"), bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n"))...)
	o, of := side(t, "lf.txt", raw)
	n, nf := side(t, "crlf.txt", crlf)
	if res := Compare(o, n, of, nf); !res.Empty() {
		t.Errorf("CRLF against LF shows changes: %+v", res)
	}
}

func sample(t testing.TB, name string) []byte {
	data, err := os.ReadFile(filepath.Join("../../../shared/samples", name))
	if err != nil {
		t.Skipf("sample %s not available", name)
	}
	return data
}

// The Egypt pair: Level 3 -> Level 2, lowered.
func TestSampleEgypt(t *testing.T) {
	o, of := side(t, "advisory-egypt-2024.txt", sample(t, "advisory-egypt-2024.txt"))
	n, nf := side(t, "advisory-egypt-2025.txt", sample(t, "advisory-egypt-2025.txt"))
	res := Compare(o, n, of, nf)
	if a := res.Advisory; a == nil || a.Old != 3 || a.New != 2 || a.Change != Lowered {
		t.Errorf("advisory = %+v, want 3 -> 2 lowered", res.Advisory)
	}
	if res.Published == nil || res.Published.Old != "2024-10-15" || res.Published.New != "2025-07-15" {
		t.Errorf("published = %+v", res.Published)
	}
	if hit, _ := res.FailOn("escalation"); !hit {
		// Crime and health were added as reasons: indicators added count as escalation.
		t.Errorf("adding indicators C and H should count as an escalation")
	}
	if hit, _ := res.FailOn("rating-change"); !hit {
		t.Errorf("a lowered advisory level is a rating change")
	}
	// The 2024 edition lists the Western Desert and the border areas under
	// "Do not travel to:"; the 2025 edition gives each a Level 4 line: no
	// area changed level.
	if changed := res.ChangedRegions(); len(changed) != 0 || len(res.Regions) != 3 {
		t.Errorf("regions: %+v, want the three, all unchanged", res.Regions)
	}
}

func TestFailOn(t *testing.T) {
	lowered := &Result{Advisory: &AdvisoryChange{Old: 3, New: 2, Change: Lowered}}
	if hit, _ := lowered.FailOn("escalation"); hit {
		t.Errorf("a lowering is no escalation")
	}
	if hit, _ := lowered.FailOn("rating-change"); !hit {
		t.Errorf("a lowering is a rating change")
	}
	empty := &Result{}
	for _, k := range []string{"any", "escalation", "rating-change"} {
		if hit, _ := empty.FailOn(k); hit {
			t.Errorf("no change fails on %s", k)
		}
	}
	if _, err := empty.FailOn("sometimes"); err == nil {
		t.Errorf("an unknown kind is an error")
	}
}

// showOps writes word diff operations as {+added+} and [-removed-].
func showOps(ops []WordOp) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Op {
		case "insert":
			b.WriteString("{+" + op.Text + "+}")
		case "delete":
			b.WriteString("[-" + op.Text + "-]")
		default:
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

func TestWordDiff(t *testing.T) {
	got := showOps(WordDiff("Bamako is a HIGH-threat location for crime.", "Bamako is a CRITICAL-threat location for crime and terrorism."))
	want := "Bamako is a [-HIGH-]{+CRITICAL+}-threat location for crime{+ and terrorism+}."
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// Past its budget, the word diff shows what lies between the common
// beginning and end removed and added whole; within it, word by word. The
// budget is spent by each diff, in order.
func TestWordDiffBudget(t *testing.T) {
	old, new := "Bamako is a HIGH-threat location for crime.", "Bamako is a CRITICAL-threat location for crime and terrorism."
	// Between "Bamako is a " and "." lie 9 words, spaces and marks, and 13
	// in the new wording: 22, a square of 484.
	budget := 483
	if got, want := showOps(wordDiff(old, new, &budget)), "Bamako is a [-HIGH-threat location for crime-]{+CRITICAL-threat location for crime and terrorism+}."; got != want {
		t.Errorf("over budget: got  %s\nwant %s", got, want)
	}
	budget = 484
	if got, want := showOps(wordDiff(old, new, &budget)), "Bamako is a [-HIGH-]{+CRITICAL+}-threat location for crime{+ and terrorism+}."; got != want || budget != 0 {
		t.Errorf("within budget: got  %s\nwant %s (budget left %d)", got, want, budget)
	}
	if got, want := showOps(wordDiff("Same.", "Same.", &budget)), "Same."; got != want {
		t.Errorf("no change, no budget: got %s", got)
	}
}

const hostile = `Ghana <script>alert("title")</script> Report

Crime

Street crime is common <script>alert(1)</script> & rising.
`

// Report text is escaped in the HTML page: a <script> in the report never
// becomes a script on the page.
func TestHTMLEscapes(t *testing.T) {
	o, of := side(t, "old.txt", []byte("Ghana Report\n\nCrime\n\nStreet crime is common.\n"))
	n, nf := side(t, "new<b>.txt", []byte(hostile))
	var buf bytes.Buffer
	if err := renderHTML(&buf, Compare(o, n, of, nf), false); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Count(page, "<script") != 0 {
		t.Errorf("unescaped script in the page:\n%s", page)
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(page, "new&lt;b&gt;.txt") {
		t.Errorf("report text not shown escaped:\n%s", page)
	}
}

// A headless Chromium renders the page and shows the ratings table
// (skipped when Debian's chromium is not installed; .ci/run installs it).
func TestHTMLInChromium(t *testing.T) {
	browser := chromium(t)
	o, of := side(t, "old.txt", []byte("OSAC Country Security Report\n\nGhana\n\nCrime\n\nThe U.S. Department of State has assessed Accra as being a **HIGH**-threat location for crime directed at or affecting official U.S. government interests.\n"))
	n, nf := side(t, "new.txt", []byte("OSAC Country Security Report\n\nGhana\n\nCrime\n\nThe U.S. Department of State has assessed Accra as being a **CRITICAL**-threat location for crime directed at or affecting official U.S. government interests. <script>document.title='pwned'</script>\n"))
	var buf bytes.Buffer
	if err := renderHTML(&buf, Compare(o, n, of, nf), false); err != nil {
		t.Fatal(err)
	}
	dom := dumpDOM(t, browser, buf.String(), 1280)
	for _, want := range []string{`<table id="facts">`, "crime threat rating, Accra", "HIGH", "CRITICAL", "escalated"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered page lacks %q", want)
		}
	}
	if strings.Contains(dom, "<title>pwned</title>") {
		t.Errorf("report text ran as a script")
	}
}

// A contact written with other spacing, punctuation or label is the same
// contact; a number that changed under a new label is one change, not a
// removal and an addition.
func TestCompareContacts(t *testing.T) {
	c := func(kind document.ContactKind, label, value string) document.Contact {
		return document.Contact{Kind: kind, Label: label, Value: value}
	}
	old := []document.Contact{
		c(document.ContactPhone, "Tel", "+227-2072-2661."),
		c(document.ContactEmail, "", "ACS@state.gov"),
		c(document.ContactAddress, "", "Rue 1,Porte 2, Niamey"),
		c(document.ContactFax, "Fax", "+227 2072 0000"),
		c(document.ContactHours, "", "0730 - 1700"),
	}
	new := []document.Contact{
		c(document.ContactPhone, "Telephone", "+227 2072 2661"),
		c(document.ContactEmail, "", "acs@state.gov"),
		c(document.ContactAddress, "", "Rue 1, Porte 2, Niamey"),
		c(document.ContactFax, "Facsimile", "+227 2072 1111"),
		c(document.ContactHours, "", "0730-1700"),
		c(document.ContactEmergency, "", "17"),
	}
	got := compareContacts(old, new)
	want := ContactChange{
		Added:   []Contact{{Kind: "emergency", Value: "17"}},
		Removed: []Contact{},
		Changed: []ContactUpdate{{Kind: "fax", Label: "Facsimile", Old: "+227 2072 0000", New: "+227 2072 1111"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

// A rating word off the scale is read through its synonyms when they place
// it; when they do not, or the two words overlap, the change has no
// direction, and the escalation gate stops for it.
func TestRatingDirection(t *testing.T) {
	v := vocab.Default()
	for _, tc := range []struct{ old, new, want string }{
		{"MODERATE", "CRITICAL", Escalated},
		{"CRITICAL", "MODERATE", Lowered},
		{"LOW", "severe", Escalated},
		{"CRITICAL", "SEVERE", Changed}, // severe is HIGH or CRITICAL
		{"HIGH", "BANANA", Changed},
		{"MEDIUM", "medium", Unchanged},
		{"HIGH", "CRITICAL", Escalated},
	} {
		if got := ratingDirection(v, tc.old, tc.new); got != tc.want {
			t.Errorf("%s -> %s: %s, want %s", tc.old, tc.new, got, tc.want)
		}
	}
	r := &Result{Ratings: []RatingChange{{Category: "crime", Location: "Bamako", Old: "CRITICAL", New: "SEVERE", Change: Changed}}}
	// The escalation gate fails only on what provably went up; the
	// rating-change gate stops for any change.
	if hit, _ := r.FailOn("escalation"); hit {
		t.Errorf("a rating change of unknown direction fails the escalation gate")
	}
	if hit, _ := r.FailOn("rating-change"); !hit {
		t.Errorf("a rating change of unknown direction passes the rating-change gate")
	}
	r.Ratings[0].Change = Unchanged
	if hit, _ := r.FailOn("any"); hit || !r.Empty() {
		t.Errorf("an unchanged rating counts as a change")
	}
}

// Text before the first heading and the address of a link are part of
// what is compared: a change to either is a change.
func TestOpeningTextAndLinkTargets(t *testing.T) {
	old := "# Notes\n\nThis note supplements the advisory.\n\n## Crime\n\nRead the [country page](https://travel.state.gov/mali).\n"
	for _, tc := range []struct{ new, section, want string }{
		{"# Notes\n\nThis note replaces the advisory.\n\n## Crime\n\nRead the [country page](https://travel.state.gov/mali).\n", OpeningTitle, "replaces"},
		{"# Notes\n\nThis note supplements the advisory.\n\n## Crime\n\nRead the [country page](https://evil.example/phish).\n", "Crime", "evil.example"},
	} {
		o, of := side(t, "old.md", []byte(old))
		n, nf := side(t, "new.md", []byte(tc.new))
		res := Compare(o, n, of, nf)
		if hit, _ := res.FailOn("any"); !hit {
			t.Errorf("%s: no change found", tc.want)
			continue
		}
		found := false
		for _, s := range res.Sections {
			for _, p := range s.Paragraphs {
				if s.Title == tc.section && s.Status == StatusChanged && strings.Contains(p.New, tc.want) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: not shown as a change in %q: %+v", tc.want, tc.section, res.Sections)
		}
	}
	o, of := side(t, "old.md", []byte(old))
	if res := Compare(o, o, of, of); !res.Empty() {
		t.Errorf("an edition against itself: %+v", res.Sections)
	}
}

// A subsection moved under another heading is the section reported as
// moved; the heading it now sits under is unchanged.
func TestSubsectionMovedToAnotherParent(t *testing.T) {
	old := "# R\n\n## Crime\n\nCrime text.\n\n### Kidnapping Threat\n\nKidnapping text.\n\n## Terrorism\n\nTerror text.\n\n## Health\n\nHealth text.\n"
	new := "# R\n\n## Crime\n\nCrime text.\n\n## Terrorism\n\nTerror text.\n\n### Kidnapping Threat\n\nKidnapping text.\n\n## Health\n\nHealth text.\n"
	o, of := side(t, "old.md", []byte(old))
	n, nf := side(t, "new.md", []byte(new))
	got := map[string]string{}
	for _, s := range Compare(o, n, of, nf).Sections {
		got[s.Title] = s.Status
	}
	want := map[string]string{"Crime": StatusUnchanged, "Terrorism": StatusUnchanged, "Kidnapping Threat": StatusMoved, "Health": StatusUnchanged}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
}

// A paragraph that moved within its section, word for word, is one moved
// paragraph, not one removed and one added.
func TestParagraphMoved(t *testing.T) {
	old := "# R\n\n## Advice\n\n* Keep documents up to date.\n* Avoid crowds and demonstrations.\n* Enroll in STEP.\n"
	new := "# R\n\n## Advice\n\n* Avoid crowds and demonstrations.\n* Keep documents up to date.\n* Enroll in the STEP programme.\n"
	o, of := side(t, "old.md", []byte(old))
	n, nf := side(t, "new.md", []byte(new))
	var got []string
	for _, s := range Compare(o, n, of, nf).Sections {
		for _, p := range s.Paragraphs {
			got = append(got, p.Status+": "+p.Old+" | "+p.New)
		}
	}
	want := []string{
		"moved: Keep documents up to date. | Keep documents up to date.",
		"changed: Enroll in STEP. | Enroll in the STEP programme.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A paragraph that left one section for another, word for word or lightly
// edited, is one paragraph shown where it now is, with the section it came
// from; the section it left has nothing else changed and is unchanged.
func TestParagraphMovedAcrossSections(t *testing.T) {
	old := "# R\n\n## Crime\n\nPickpockets work the bus stations of the capital.\n\nCar thieves favour the port district at night and on weekends.\n\n## Terrorism\n\nArmed groups have threatened hotels.\n\n## Transport\n\nRoads are poorly lit.\n"
	new := "# R\n\n## Crime\n\nPickpockets work the bus stations of the capital.\n\n## Terrorism\n\nArmed groups have threatened hotels.\n\n## Transport\n\nRoads are poorly lit.\n\nCar thieves favour the port district at night and on public holidays.\n"
	o, of := side(t, "old.md", []byte(old))
	n, nf := side(t, "new.md", []byte(new))
	res := Compare(o, n, of, nf)
	got := map[string]string{}
	for _, s := range res.Sections {
		got[s.Title] = s.Status
		for _, p := range s.Paragraphs {
			got[s.Title] += fmt.Sprintf("; %s moved=%v from=%q %d→%d %s", p.Status, p.Moved, p.FromSection, p.OldLine, p.NewLine, showOps(p.Words))
		}
	}
	want := map[string]string{
		"Crime": StatusUnchanged, "Terrorism": StatusUnchanged,
		"Transport": StatusChanged + `; changed moved=true from="Crime" 7→15 Car thieves favour the port district at night and on [-weekends-]{+public holidays+}.`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if res.Summary != "1 paragraph moved and changed" {
		t.Errorf("summary %q", res.Summary)
	}
	if out := render(t, "text", res); !strings.Contains(out, `(moved from "Crime")`) {
		t.Errorf("the text does not say where it came from:\n%s", out)
	}
}

// A section's rows read down the new edition, a removed paragraph where it
// stood: an added paragraph passed over before the one paired with its old
// self, and a paragraph moved to the end, are not shown out of place.
func TestRowsInLineOrder(t *testing.T) {
	old := "# Ghana Report\n\n## Crime\n\nThieves work the night markets near the port.\n\nThe ferry to the island stopped running.\n\nKeep a copy of your passport.\n\nThe bus station is safe.\n"
	new := "# Ghana Report\n\n## Crime\n\nArmed robbery rose in the north this year.\n\nThieves work the night markets near the harbour.\n\nThe bus station is safe.\n\nKeep a copy of your passport.\n"
	o, of := side(t, "old.md", []byte(old))
	n, nf := side(t, "new.md", []byte(new))
	res := Compare(o, n, of, nf)
	var got []string
	for _, s := range res.Sections {
		for _, p := range s.Paragraphs {
			got = append(got, fmt.Sprintf("%s %d→%d", p.Status, p.OldLine, p.NewLine))
		}
	}
	want := []string{"added 0→5", "changed 5→7", "removed 7→0", "moved 9→11"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

// An update note's indicator changes are read in the shapes the U.S. pages
// word them: the verb before the indicator, the indicators named before
// the word or in a "for …" after it, or by their letter; a mention with
// no verb, or a note with no indicator, claims nothing.
func TestNoteClaims(t *testing.T) {
	v := vocab.Default()
	for _, tc := range []struct {
		note string
		want string
	}{
		{"Updated to add a risk indicator for kidnapping.", "K added"},
		{"Updated to note the addition of terrorism and civil unrest indicators.", "T added, U added"},
		{"Updated to drop the Crime indicator and to add a Level 3 area in the south.", "C removed"},
		{"Reissued to include a K indicator for hostage taking.", "K added"},
		{"Updated to remove the “N” (natural disaster) indicator after the floods receded, and to add a health risk indicator.", "N removed, H added"},
		{"Updated to add kidnapping as a risk indicator; removed the health indicator.", "K added, H removed"},
		{"Updated to reflect the current indicators.", ""},
		{"Updated to reflect a rise in crime and terrorism.", ""},
	} {
		var got []string
		for _, c := range noteClaims(v, tc.note) {
			got = append(got, c.Code+" "+c.Change)
		}
		if s := strings.Join(got, ", "); s != tc.want {
			t.Errorf("%q: claims %q, want %q", tc.note, s, tc.want)
		}
	}
}

// A region whose level could not be read, in one edition only, is added
// (or removed) all the same, and its level is said to be unread rather
// than shown as absent (found by FuzzCompare: the added one was shown
// unchanged, the removed one removed).
func TestRegionWithUnreadLevel(t *testing.T) {
	o, of := side(t, "old.md", []byte("# Mali\n\nThe text.\n"))
	n, nf := side(t, "new.md", []byte("# Mali\n\nBamako - Level 0: Do not travel\n"))
	for _, c := range []struct {
		res  *Result
		want string
		line string
	}{
		{Compare(o, n, of, nf), Added, "none → level not read"},
		{Compare(n, o, nf, of), Removed, "level not read → none"},
	} {
		if len(c.res.Regions) != 1 || c.res.Regions[0].Change != c.want {
			t.Fatalf("regions %+v, want one %s", c.res.Regions, c.want)
		}
		if out := render(t, "text", c.res); !strings.Contains(out, "region Bamako  "+c.line) {
			t.Errorf("text output lacks %q:\n%s", c.line, out)
		}
	}
}
