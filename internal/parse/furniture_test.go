package parse

import (
	"slices"
	"strings"
	"testing"
)

// An advisory converted from the State Department's page, written by us in
// its shape: the template's tool-tips, level image, map block (its heading
// split in two), "null" placeholder and closing widgets.
const templatedAdvisory = `# Saint Brendan Travel Advisory

### Travel Advisory June 2, 2025

### Saint Brendan - Level 1: Exercise Normal Precautions

[C](javascript:void(0); "Tool Tip: Crimes")
[T](javascript:void(0); "Tool Tip: Terrorism")

Exercise normal precautions in Saint Brendan.

### Travel Advisory Levels

[![](/images/levels.svg)](/about/levels.html "Travel Advisory Levels")

### Assistance for U.S. Citizens

U.S. Consulate General Port Royal

Telephone

null

### Saint Brendan

### Country Map

[View Larger Map](https://maps.example.gov/?extent=1,2 "Map of ")

### Search for Travel Advisories
`

func TestFurnitureTakenOutOfSections(t *testing.T) {
	r := parseString(t, "advisory.md", templatedAdvisory)
	var titles []string
	for _, s := range r.AllSections() {
		titles = append(titles, s.Title.Value)
	}
	want := []string{"Travel Advisory June 2, 2025", "Saint Brendan - Level 1: Exercise Normal Precautions", "Assistance for U.S. Citizens"}
	if !slices.Equal(titles, want) {
		t.Errorf("sections %q, want %q", titles, want)
	}
	for _, b := range r.Blocks() {
		if strings.Contains(b.Paragraph.Text, "null") || strings.Contains(b.Paragraph.Text, "Map") || b.Paragraph.Text == "" {
			t.Errorf("furniture left as a paragraph: %q", b.Paragraph.Text)
		}
	}
	var got []string
	for _, f := range r.Furniture {
		kind := "p"
		if f.Heading {
			kind = "h"
		}
		got = append(got, kind+" "+strings.SplitN(f.Text, "\n", 2)[0])
	}
	wantF := []string{
		`p [C](javascript:void(0); "Tool Tip: Crimes")`,
		"h Travel Advisory Levels",
		`p [![](/images/levels.svg)](/about/levels.html "Travel Advisory Levels")`,
		"p null",
		"h Saint Brendan",
		"h Country Map",
		`p [View Larger Map](https://maps.example.gov/?extent=1,2 "Map of ")`,
		"h Search for Travel Advisories",
	}
	if !slices.Equal(got, wantF) {
		t.Errorf("furniture\n%q\nwant\n%q", got, wantF)
	}
	for _, l := range r.Links {
		if strings.HasPrefix(l.Target, "javascript:") || strings.Contains(l.Target, "maps.example") {
			t.Errorf("a link of the template is still read: %+v", l)
		}
	}
	// The sections end where their own text ends, not at furniture.
	last := r.Sections[len(r.Sections)-1]
	if end := strings.Index(templatedAdvisory, "Telephone") + len("Telephone"); last.Span.End != end {
		t.Errorf("last section ends at %d, want %d", last.Span.End, end)
	}
}

// A heading of the template with an editor's text under it is a section:
// only what the template alone puts there is furniture.
func TestFurnitureHeadingWithTextStaysASection(t *testing.T) {
	text := strings.Replace(templatedAdvisory, "### Search for Travel Advisories\n", "### Search for Travel Advisories\n\nA note the editor wrote.\n", 1)
	r := parseString(t, "advisory.md", text)
	s := r.Sections[len(r.Sections)-1]
	if s.Title.Value != "Search for Travel Advisories" || len(s.Paragraphs) != 1 {
		t.Errorf("last section %q with %d paragraphs, want the search heading with the note", s.Title.Value, len(s.Paragraphs))
	}
	// A lone name heading is furniture only right above "Country Map".
	text = strings.Replace(templatedAdvisory, "### Country Map\n", "### Overview\n", 1)
	r = parseString(t, "advisory.md", text)
	found := false
	for _, s := range r.AllSections() {
		found = found || s.Title.Value == "Saint Brendan"
	}
	if !found {
		t.Error(`the heading "Saint Brendan" above "Overview" should stay a section`)
	}
}

// The generic profile knows no site's template: its lines are the
// report's. A heading with no text, left by a conversion, is furniture in
// every profile; with text under it, it stays.
func TestFurnitureGeneric(t *testing.T) {
	r := parseString(t, "notes.md", "# Notes\n\n## Risks\n\nnull\n\n##\n\n## Roads\n\nText.\n\n###\n\nUnder an empty heading.\n")
	if r.Profile != "generic" {
		t.Fatalf("profile %s", r.Profile)
	}
	if len(r.Furniture) != 1 || !r.Furniture[0].Heading || r.Furniture[0].Text != "" {
		t.Errorf("furniture %+v, want the one empty heading", r.Furniture)
	}
	if len(r.Sections) != 2 || len(r.Sections[0].Paragraphs) != 1 || len(r.Sections[1].Sections) != 1 {
		t.Errorf("sections %+v", r.Sections)
	}
}
