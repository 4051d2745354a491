package extract_test

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

// report parses a small text or Markdown report; extraction runs as part of parsing.
func report(t *testing.T, name, text string) (*source.File, *document.Report) {
	t.Helper()
	f, err := source.New(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f, r
}

func at(f *source.File, s document.Span) string { return f.Text[s.Start:s.End] }

func TestAdvisoryFromSentence(t *testing.T) {
	f, r := report(t, "x.txt", `OSAC Country Security Report

Chad

Chad Travel Advisory

The current Travel Advisory assesses Chad at Level 3, indicating that travelers should reconsider travel to Chad due to crime, terrorism, civil unrest, and kidnapping.

Crime

The U.S. Department of State has included a Crime "C" Indicator on the Travel Advisory for Chad.

The U.S. Department of State has not included a Health “H” Indicator on the Travel Advisory for Chad.
`)
	a := r.Advisory
	if a == nil || a.Level != 3 || a.Wording.Value != "Reconsider Travel" || at(f, a.LevelSpan) != "3" {
		t.Fatalf("advisory = %+v", a)
	}
	var reasons []string
	for _, rs := range a.Reasons {
		reasons = append(reasons, at(f, rs.Span))
	}
	if want := []string{"crime", "terrorism", "civil unrest", "kidnapping"}; !reflect.DeepEqual(reasons, want) {
		t.Errorf("reasons = %q, want %q", reasons, want)
	}
	type ind struct {
		Code     string
		Included bool
		Source   string
	}
	var got []ind
	for _, i := range a.Indicators {
		got = append(got, ind{i.Code, i.Included, i.Source})
	}
	want := []ind{{"C", true, "statement"}, {"H", false, "statement"}, {"T", true, "reason"}, {"U", true, "reason"}, {"K", true, "reason"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("indicators = %+v, want %+v", got, want)
	}
}

func TestAdvisoryFromHeadingAndRegions(t *testing.T) {
	f, r := report(t, "x.md", `# Peru Travel Advisory

### Travel Advisory May 1, 2025

### Peru - Level 2: Exercise Increased Caution

Do not travel to the VRAEM due to **crime** and **terrorism**.

Exercise increased caution in Peru due to **crime, civil unrest,** and the possibility of **kidnapping**.

**VRAEM – Level 4: Do Not Travel**  
Terrorist groups operate here.

**Colombia-Peru border area - Level 3:  Reconsider Travel**
`)
	a := r.Advisory
	if a == nil || a.Level != 2 || at(f, a.Wording.Span) != "Exercise Increased Caution" {
		t.Fatalf("advisory = %+v", a)
	}
	var reasons []string
	for _, rs := range a.Reasons {
		reasons = append(reasons, rs.Value)
	}
	// The reasons are those of the country's own level, not the area's "Do not travel".
	if want := []string{"crime", "civil unrest", "possibility of kidnapping"}; !reflect.DeepEqual(reasons, want) {
		t.Errorf("reasons = %q, want %q", reasons, want)
	}
	if len(a.Regions) != 2 || a.Regions[0].Name.Value != "VRAEM" || a.Regions[0].Level != 4 ||
		a.Regions[1].Name.Value != "Colombia-Peru border area" || a.Regions[1].Wording.Value != "Reconsider Travel" {
		t.Errorf("regions = %+v", a.Regions)
	}
	if r.Published.Value != "2025-05-01" || r.Country.Value != "Peru" {
		t.Errorf("published %q country %q", r.Published.Value, r.Country.Value)
	}
}

// Areas an advisory only lists ("Do not travel to:" and a bullet list)
// are regions at the list's level; an area that also has its own level
// line is taken once, from that line, however the list words its name.
func TestAdvisoryListedAreas(t *testing.T) {
	f, r := report(t, "x.md", `# Egypt Travel Advisory

### Travel Advisory July 15, 2025

### Egypt - Level 2: Exercise Increased Caution

Exercise increased caution in Egypt due to **terrorism**.

**Do not travel to:**

* The Northern Sinai Peninsula border counties due to **terrorism**.
* The Western Desert due to**terrorism**.

**Reconsider travel to:**

* Cairo's old city.

If you decide to travel to Egypt:

* Keep travel documents up to date.

**Northern Sinai Peninsula – Level 4: Do Not Travel**
`)
	type region struct {
		name    string
		level   int
		wording string
		line    int
	}
	var got []region
	for _, rg := range r.Advisory.Regions {
		got = append(got, region{at(f, rg.Name.Span), rg.Level, rg.Wording.Value, f.Position(rg.Span.Start).Line})
	}
	want := []region{
		{"The Western Desert", 4, "Do Not Travel", 12},
		{"Cairo's old city", 3, "Reconsider Travel", 16},
		{"Northern Sinai Peninsula", 4, "Do Not Travel", 22},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("regions =\n%+v\nwant\n%+v", got, want)
	}
}

// A list's label is read in each shape the U.S. pages give it: bold with
// the colon outside ("**Do Not Travel to**:", as Burundi's and Rwanda's
// editions of 2025 write it), the level's number first, "When Traveling
// To:". A label that goes on to name the country and reasons lists the
// parts of an area a heading gives (Benin's), and adds none.
func TestAdvisoryListLabels(t *testing.T) {
	for _, tc := range []struct {
		label   string
		level   int
		wording string // the label's words the region's wording points at
	}{
		{"**Do Not Travel to**:", 4, "Do Not Travel"},
		{"**Do Not Travel to:**", 4, "Do Not Travel"},
		{"**Level 4 Do Not Travel to:**", 4, "Do Not Travel"},
		{"**Level 4: Do Not Travel to:**", 4, "Do Not Travel"},
		{"Do not travel to:", 4, "Do not travel"},
		{"**Reconsider Travel To:**  ", 3, "Reconsider Travel"},
		{"**Exercise Increased Caution When Traveling To:**", 2, "Exercise Increased Caution"},
		{"**Do Not Travel to the below areas of Zembla due to crime:**", 0, ""},
		{"Reconsider travel to the following areas due to banditry:", 0, ""},
		{"**Do Not Travel**", 0, ""},
	} {
		t.Run(tc.label, func(t *testing.T) {
			f, r := report(t, "x.md", "# Zembla Travel Advisory\n\n### Travel Advisory July 15, 2025\n\n### Zembla - Level 1: Exercise Normal Precautions\n\nExercise normal precautions in Zembla.\n\n"+
				tc.label+"\n\n* The Ostrava hill farms due to **armed violence**.\n* Lake Tarn.\n\nRead the country information page.\n")
			var got []string
			for _, rg := range r.Advisory.Regions {
				got = append(got, fmt.Sprintf("%s|%d|%s", at(f, rg.Name.Span), rg.Level, at(f, rg.Wording.Span)))
			}
			var want []string
			if tc.level > 0 {
				want = []string{fmt.Sprintf("The Ostrava hill farms|%d|%s", tc.level, tc.wording), fmt.Sprintf("Lake Tarn|%d|%s", tc.level, tc.wording)}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("regions %q, want %q", got, want)
			}
		})
	}
}

func TestRatings(t *testing.T) {
	f, r := report(t, "x.txt", `Title

Crime

The U.S. Department of State has assessed Abuja as being a **HIGH**-threat location for crime directed at or affecting official U.S. government interests. It has assessed Lagos as a Severe threat location for terrorism.

The Department has assessed Port Harcourt as being a MEDIUM-threat location for political violence.
`)
	type rating struct{ Location, Level, Category string }
	var got []rating
	for _, rt := range r.Ratings {
		got = append(got, rating{rt.Location.Value, rt.Level.Value, rt.Category.Value})
		if at(f, rt.Level.Span) == "" {
			t.Errorf("rating %+v has no level span", rt)
		}
	}
	want := []rating{{"Abuja", "HIGH", "crime"}, {"Lagos", "SEVERE", "terrorism"}, {"Port Harcourt", "MEDIUM", "political violence"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ratings = %+v, want %+v", got, want)
	}
	if at(f, r.Ratings[0].Level.Span) != "HIGH" {
		t.Errorf("level span = %q", at(f, r.Ratings[0].Level.Span))
	}
}

func TestContacts(t *testing.T) {
	f, r := report(t, "x.txt", `Title

Embassy & Consulate Contact Information

U.S. Embassy Lima:

Avenida La Encalada cdra. 17 s/n, Surco, Lima 33.

Tel: +51-1-618-2000.

Hours of Operation: Monday-Friday 0800 - 1700.

Hours: Saturday 9:00 a.m. - 12:30 p.m.

Email LimaACS@state.gov with questions.

Law Enforcement

The emergency number for the National Police is **105**. The number of attacks rose to 887 in 2023. Call 911 for nothing here 2024.

Dial 116 for the fire brigade or 117 in an emergency. Gangs killed 12 people and 15 police officers.

Dial +51 1 618 2000 for the embassy or 118 in an emergency.
`)
	type contact struct{ Kind, Value, Text string }
	var got []contact
	for _, c := range r.Contacts {
		got = append(got, contact{string(c.Kind), c.Value, at(f, c.Span)})
	}
	want := []contact{
		{"address", "Avenida La Encalada cdra. 17 s/n, Surco, Lima 33", "Avenida La Encalada cdra. 17 s/n, Surco, Lima 33"},
		{"phone", "+51-1-618-2000", "+51-1-618-2000"},
		{"hours", "Monday-Friday 0800 - 1700", "Monday-Friday 0800 - 1700"},
		{"hours", "Saturday 9:00 a.m. - 12:30 p.m.", "Saturday 9:00 a.m. - 12:30 p.m."}, // the period is p.m.'s
		{"email", "LimaACS@state.gov", "LimaACS@state.gov"},
		{"emergency", "105", "105"},
		{"phone", "911", "911"},                           // no emergency word in its sentence
		{"emergency", "116", "116"},                       // "fire" is an emergency word
		{"emergency", "117", "117"},                       // joined by "or" to a number to dial
		{"emergency", "+51 1 618 2000", "+51 1 618 2000"}, // its sentence speaks of an emergency
		{"emergency", "118", "118"},                       // after a number written in groups
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contacts =\n%+v\nwant\n%+v", got, want)
	}
	// "17" in the address and 0800 in the hours are no dates; 2023 and 2024 are.
	var dates []string
	for _, d := range r.Dates {
		dates = append(dates, d.Text)
	}
	if want := []string{"2023", "2024"}; !reflect.DeepEqual(dates, want) {
		t.Errorf("dates = %q, want %q", dates, want)
	}
}

// A sentence of a thousand numbers joined by "or" gives each as a number
// to call (the chain back to "Dial" is followed once, not once per
// number), a number repeated in the paragraph once, and the numbers
// overlapping an international one not at all.
func TestContactsManyNumbersInOneSentence(t *testing.T) {
	var b strings.Builder
	b.WriteString("Title\n\nLaw Enforcement\n\nDial +51 1 618 2000 or ")
	for i := range 1000 {
		fmt.Fprintf(&b, "%d or ", 3000+i)
	}
	b.WriteString("3000 in an emergency.\n")
	_, r := report(t, "x.txt", b.String())
	if len(r.Contacts) != 1001 {
		t.Fatalf("%d contacts, want 1001", len(r.Contacts))
	}
	for i, c := range r.Contacts[1:] {
		if c.Kind != document.ContactEmergency || c.Value != strconv.Itoa(3000+i) {
			t.Fatalf("contact %d = %s %q, want emergency %d", i+1, c.Kind, c.Value, 3000+i)
		}
	}
}

func TestDatesMapToSource(t *testing.T) {
	f, r := report(t, "x.txt", "Title\n\nIn **May 2022**, the [accord of 2015](#) ended; attacks have recently\nrisen since early to mid-2023.\n")
	var got []string
	for _, d := range r.Dates {
		got = append(got, at(f, d.Span)+"="+string(d.Precision))
	}
	want := []string{"May 2022=month", "2015=year", "recently=relative", "early to mid-2023=part-of-year"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dates = %q, want %q", got, want)
	}
}

// Code spans in Markdown are code, not prose: no contact or date is read there.
func TestCodeSpansAreNotFacts(t *testing.T) {
	_, r := report(t, "x.md", "# Notes\n\nInstall with `go install example.org/tool@latest` on `2024-11-29`; write to ops@example.org.\n")
	if len(r.Contacts) != 1 || r.Contacts[0].Value != "ops@example.org" {
		t.Errorf("contacts = %+v, want only ops@example.org", r.Contacts)
	}
	if len(r.Dates) != 0 {
		t.Errorf("dates = %+v, want none", r.Dates)
	}
}

// Digits that are no phone number (times in a parenthesis of opening
// hours, an extension, a temperature, a road number, "24/7", other last
// digits after " - ") are not read
// as one, and a number written with its calling code in parentheses, a
// stray space in them or one-digit groups is read whole: each was read
// wrongly on real advisories.
func TestContactsNotNumbers(t *testing.T) {
	_, r := report(t, "x.txt", `Title

Embassy & Consulate Contact Information

Tel: +228 2261 5400 (Monday - Thursday, 7:30 a.m. - 4:15 p.m.).

Fax: +228 2261 5401, ext. 2306.

Telephone: (+228) 2261 5402.

Telephone: +( 228) 2261 5404.

Telephone: 593-2-398-5000.

Telephone: +228 2261 5405 (emergencies only)

Travel on National Road number 34 is unsafe at night. Temperatures can reach over 40 degrees.

Call our 24/7 helpline for advice. You can reach the duty officer on 2261 5406.

Tel: +228 2261 5407 - 08 - 09.
`)
	var got []string
	for _, c := range r.Contacts {
		got = append(got, string(c.Kind)+" "+c.Value)
	}
	want := []string{
		"phone +228 2261 5400", "fax +228 2261 5401", "phone (+228) 2261 5402", "phone +( 228) 2261 5404",
		"phone 593-2-398-5000", "emergency +228 2261 5405", "phone 2261 5406", "phone +228 2261 5407",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contacts =\n%q\nwant\n%q", got, want)
	}
}

// In Markdown, "+ " at the start of a line is a list marker to CommonMark
// but the plus of a number to its writer; a mailto: target with a space
// after the scheme is the link a browser follows.
func TestContactsMarkdownPlusAndMailto(t *testing.T) {
	f, r := report(t, "x.md", "# Title\n\n## Contact\n\nTelephone\n\n+ (228) 2261 5400\n\n[Write to us](mailto: help@example.org \"Email\")\n")
	if len(r.Contacts) != 1 || r.Contacts[0].Value != "+ (228) 2261 5400" || at(f, r.Contacts[0].Span) != "+ (228) 2261 5400" {
		t.Errorf("contacts = %+v, want the number with its plus", r.Contacts)
	}
	if len(r.Links) != 1 || r.Links[0].Target != "mailto:help@example.org" || r.Links[0].Text != "Write to us" {
		t.Errorf("links = %+v, want one to mailto:help@example.org", r.Links)
	}
}

// An address the page broke over two lines in its link ("name<br>@…" in
// the target) is read from the target under an Email label.
func TestContactsMailtoBrokenAddress(t *testing.T) {
	_, r := report(t, "x.md", "# Title\n\n## Contact\n\nEmail\n\n[HelpDesk  \n@example.org](mailto: HelpDesk<br>@example.org \"Email\")\n")
	if len(r.Contacts) != 1 || r.Contacts[0].Kind != document.ContactEmail || r.Contacts[0].Value != "HelpDesk@example.org" {
		t.Errorf("contacts = %+v, want the email HelpDesk@example.org", r.Contacts)
	}
}

// A short number with no emergency word in its sentence takes the
// emergency kind from its heading ("Medical emergencies", "Police"); a
// long one, and one under another heading, stays a phone number.
func TestContactsEmergencyFromHeading(t *testing.T) {
	_, r := report(t, "x.md", "# Title\n\n## Medical emergencies\n\nCall 991.\n\nCall the clinic on +228 2261 5400.\n\n## Tours\n\nCall 992.\n")
	var got []string
	for _, c := range r.Contacts {
		got = append(got, string(c.Kind)+" "+c.Value)
	}
	if want := []string{"emergency 991", "phone +228 2261 5400", "phone 992"}; !reflect.DeepEqual(got, want) {
		t.Errorf("contacts = %q, want %q", got, want)
	}
}

// A website's line the page ended with a hard break runs into the next
// label in the text ("Website: … Facebook: … X: …"): the address ends
// there, as when each label is a paragraph of its own.
func TestContactsWebsiteBeforeNextLabel(t *testing.T) {
	_, r := report(t, "x.md", "# Title\n\n## Contact\n\nWebsite: [embassy.example.org](http://embassy.example.org/)  \nFacebook: [The Embassy](https://facebook.example/e/)  \nX: [@embassy](https://x.example/e)\n")
	var got []string
	for _, c := range r.Contacts {
		got = append(got, string(c.Kind)+" "+c.Value)
	}
	if len(got) == 0 || got[0] != "website embassy.example.org" {
		t.Errorf("contacts = %q, want the website embassy.example.org first", got)
	}
}

// A header line or sentence in capitals states its level as well as one
// in title case: the cheap test before the regexps must not skip it.
func TestLevelInCapitals(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"line", "MALI - LEVEL 4: DO NOT TRAVEL\n\nTravel Advisory November 29, 2024\n\nDo not travel to Mali due to crime.\n"},
		{"sentence", "OSAC Country Security Report\n\nMali\n\nTHE CURRENT TRAVEL ADVISORY ASSESSES MALI AT LEVEL 4.\n\nCrime\n\nCrime is high.\n"},
	} {
		_, r := report(t, "x.txt", tc.text)
		if r.Advisory == nil || r.Advisory.Level != 4 {
			t.Errorf("%s: advisory %+v, want level 4", tc.name, r.Advisory)
		}
	}
}

// The shapes other governments give an emergency number in: a service's
// label before the number ("Police: 17", with a parenthesis or a slash
// in the label, or two labels on lines a hard break joins), each item of a list under a bare "Telephone:", and a
// short sentence answering one about emergencies ("… contact us at once.
// Our number is: …"). A label that opens prose, a number joined to what
// it measures ("our 24-hour line") and a sentence after one that gives a
// number of its own are not read so.
func TestContactsEmergencyServiceShapes(t *testing.T) {
	_, r := report(t, "x.md", `# Title

## Emergency services in Freedonia

Police and emergency: 119

Ambulance (in the capital): 908

Fire/rescue crews: 118 or 117

Coast guard police: 110  
Ambulance and fire: 121

Telephone:

* Gendarmerie: 16
* Fire: 19

Police: officers patrol 300 streets of the old town.

Fire safety tips: 12 of them are on the leaflet.

## Help from the embassy

If you face an emergency, get in touch with the embassy at once. Our phone number is:+228 2261 5410.

In an emergency, use our 24-hour line. Its number is +228 2261 5411.

Emergency line +228 2261 5412 is staffed at night. Our number for visas is +228 2261 5413.

Callers with a question about visas are welcome. Our phone number is +228 2261 5414.
`)
	var got []string
	for _, c := range r.Contacts {
		got = append(got, string(c.Kind)+" "+c.Value)
	}
	want := []string{
		"emergency 119", "emergency 908", "emergency 118", "emergency 117",
		"emergency 110", "emergency 121", // lines run together by a hard break
		"emergency 16", "emergency 19",
		"emergency +228 2261 5410",
		"emergency +228 2261 5411",
		"emergency +228 2261 5412", "phone +228 2261 5413", // the sentence before gives its own number
		"phone +228 2261 5414", // the sentence before speaks of no emergency
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contacts =\n%q\nwant\n%q", got, want)
	}
}

// A sentence before a colon is no service's label, though it names an
// emergency: its number takes the sentence's kind and no label.
func TestContactsSentenceBeforeColonIsNoLabel(t *testing.T) {
	_, r := report(t, "x.md", "# Title\n\n## Contact\n\nIn an emergency, please reach the embassy by phone: +228 2261 5420\n")
	if len(r.Contacts) != 1 || r.Contacts[0].Kind != document.ContactEmergency || r.Contacts[0].Label != "" {
		t.Errorf("contacts = %+v, want one emergency number without a label", r.Contacts)
	}
}

// A post's address follows its name: under a heading that names the post
// (with or without its city), or under a line of its own naming the post
// and its city; lines run together end at the first label, whose value is
// still read. A sentence under such a heading, a sentence naming a post,
// and the heading of a contact section are followed by no address.
func TestContactsAddressAfterPostName(t *testing.T) {
	_, r := report(t, "x.md", `# Title

## Embassy contact

### Embassy of Freedonia, Sylvania

Floor 3, Written House  
7 Test Street  
Sylvania

### Department of Foreign Affairs and Trade

Test Building  
Capital City

**Freedonian Embassy, Port Town**

Harbour Road 12  
Port Town  
Phone: +228 2261 5430  
Email: port@example.org

### Consulate of Freedonia, Hill Town

The consulate opens on Mondays only.

Visit the Embassy of Freedonia, Sylvania, on weekdays.

9 Side Street

## Embassy & Consulate Contact Information

U.S. Embassy Lome:

14 Test Avenue, Lome
`)
	var got []string
	for _, c := range r.Contacts {
		got = append(got, string(c.Kind)+" "+c.Value)
	}
	want := []string{
		"address Floor 3, Written House 7 Test Street Sylvania",
		"address Test Building Capital City",
		"address Harbour Road 12 Port Town", "phone +228 2261 5430", "email port@example.org",
		"address 14 Test Avenue, Lome",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("contacts =\n%q\nwant\n%q", got, want)
	}
}

// add's map of the values read in a unit is emptied for the next, not
// made again: a number read in one paragraph is read again in the next,
// after a paragraph of more numbers than the emptied map is kept for too;
// twice in one paragraph, it is read once.
func TestContactsSeenPerUnit(t *testing.T) {
	var b strings.Builder
	b.WriteString("Title\n\nCall +51 1 618 2000 or +51 1 618 2000.\n\nCall +51 1 618 2000.\n\nDial ")
	for i := range 70 {
		fmt.Fprintf(&b, "+51 1 618 %d or ", 3000+i)
	}
	b.WriteString("+51 1 618 2000.\n\nCall +51 1 618 2000.\n")
	_, r := report(t, "x.txt", b.String())
	n := 0
	for _, c := range r.Contacts {
		if c.Value == "+51 1 618 2000" {
			n++
		}
	}
	if n != 4 || len(r.Contacts) != 74 {
		t.Fatalf("%d contacts, %d of +51 1 618 2000, want 74 and 4: %+v", len(r.Contacts), n, r.Contacts)
	}
}
