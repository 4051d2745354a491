package parse

import (
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

func titles(ss []*document.Section, depth int) []string {
	var out []string
	for _, s := range ss {
		out = append(out, strings.Repeat("  ", depth)+s.Title.Value)
		out = append(out, titles(s.Sections, depth+1)...)
	}
	return out
}

func TestTextHeadings(t *testing.T) {
	text := `OSAC Country Security Report

Ghana

Published: June 2, 2025

Crime

Street crime is common. Thieves work in pairs, and some move on to

kidnapping.

Kidnapping Threat

Kidnapping is rare.

U.S. Embassy Accra:

Tel: +233-30-274-1000.

Notes From The Field

Police respond slowly outside cities, and the roads are

poor in the rainy season.

- First item
- Second Item Without Period

Terrorism

Short sentence without a period here
`
	r := parseString(t, "ghana.txt", text)
	want := []string{"Crime", "  Kidnapping Threat", "Notes From The Field", "Terrorism"}
	if got := titles(r.Sections, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}
	if r.Title.Value != "OSAC Country Security Report" || r.Country.Value != "Ghana" || r.Published.Value != "2025-06-02" {
		t.Errorf("header: %q %q %q", r.Title.Value, r.Country.Value, r.Published.Value)
	}
	notes := r.Sections[1]
	if len(notes.Paragraphs) != 4 {
		t.Fatalf("Notes paragraphs = %d, want 4 (two broken halves, two list items)", len(notes.Paragraphs))
	}
	if k := notes.Paragraphs[2].Kind; k != document.KindListItem {
		t.Errorf("list item kind = %s", k)
	}
	if got := notes.Paragraphs[2].Text; got != "First item" {
		t.Errorf("list item text = %q", got)
	}
	// The section span runs from its heading to its last paragraph.
	end := strings.Index(text, "Second Item Without Period") + len("Second Item Without Period")
	if notes.Span.End != end {
		t.Errorf("section span ends at %d, want %d", notes.Span.End, end)
	}
}

// Numbered headings are headings when, without the number, they name a
// known section; "3.1" nests under "3."; a numbered list stays a list.
func TestNumberedTextHeadings(t *testing.T) {
	r := parseString(t, "niger.txt", `OSAC Country Security Report

Niger

Published: October 1, 2024

1. Crime

Crime text.

3.1 Kidnapping Threat

Kidnapping is a threat.

4. TERRORISM

Terror text.

1. Keep documents.
2. Register with STEP
`)
	want := []string{"1. Crime", "  3.1 Kidnapping Threat", "4. TERRORISM"}
	if got := titles(r.Sections, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}
	if n := len(r.Sections[1].Paragraphs); n != 3 {
		t.Errorf("TERRORISM has %d paragraphs, want its text and two list items", n)
	}
}

func TestTextInline(t *testing.T) {
	text := "Title\n\nRated **CRITICAL** for crime; see [the page (2024)](https://x.test/a_(b)) and\n[Toolkit](#).\n"
	f, _ := source.New("x.txt", []byte(text))
	r, err := Parse(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Preamble[0]
	if want := "Rated CRITICAL for crime; see the page (2024) and Toolkit."; p.Text != want {
		t.Errorf("text = %q, want %q", p.Text, want)
	}
	// Offsets in the text map back to the source, across removed markup.
	i := strings.Index(p.Text, "CRITICAL")
	if sp := p.Source(i, i+len("CRITICAL")); text[sp.Start:sp.End] != "CRITICAL" {
		t.Errorf("CRITICAL maps to %q", text[sp.Start:sp.End])
	}
	i = strings.Index(p.Text, "Toolkit")
	if sp := p.Source(i, i+len("Toolkit")); f.Position(sp.Start) != (source.Position{Line: 4, Column: 2}) {
		t.Errorf("Toolkit at %v", f.Position(sp.Start))
	}
	if len(r.Links) != 2 || r.Links[0].Target != "https://x.test/a_(b)" || r.Links[1].Text != "Toolkit" || r.Links[1].Target != "#" {
		t.Fatalf("links = %+v", r.Links)
	}
	if got := text[r.Links[0].Span.Start:r.Links[0].Span.End]; got != "[the page (2024)](https://x.test/a_(b))" {
		t.Errorf("link span = %q", got)
	}
}

func TestHeadingShape(t *testing.T) {
	for line, want := range map[string]bool{
		"Political Violence and Civil Unrest": true,
		"Anti-U.S./Anti-Western Sentiment":    true,
		"OSAC Country Chapter(s)":             true,
		"Import/Export Restrictions":          true,
		"U.S. Embassy Bamako:":                false,
		"Tel: +223-2070-2300.":                false,
		"Wagner forces, along":                false,
		"kidnapping for ransom schemes":       false,
		"Avoid the markets at night":          false,
		"See [the page](#)":                   false,
		"One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen": false,
	} {
		if got := headingShape(line); got != want {
			t.Errorf("headingShape(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestLooksLikeMarkdown(t *testing.T) {
	for text, want := range map[string]bool{
		"# Egypt Travel Advisory\n\ntext":        true,
		"\n\nTitle\n\n## One\n\n## Two\n":        true,
		"OSAC Country Security Report\n\nMali\n": false,
		"Title\n\n#hashtag at start\n":           false,
	} {
		if got := looksLikeMarkdown(text); got != want {
			t.Errorf("looksLikeMarkdown(%q) = %v", text, got)
		}
	}
}

// A list marker with nothing after it is an empty item, whatever space
// follows it.
func TestTextEmptyListItem(t *testing.T) {
	for _, text := range []string{"0. ", "Title\n\n- \n\n1.   \n\nText.\n"} {
		f, _ := source.New("x.txt", []byte(text))
		r, err := Parse(f, Options{})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		var items int
		for _, p := range r.Preamble {
			if p.Kind == document.KindListItem {
				items++
				if p.Text != "" {
					t.Errorf("%q: item text %q, want empty", text, p.Text)
				}
			}
		}
		if items == 0 {
			t.Errorf("%q: no list item read", text)
		}
	}
}

// splitBlocks reserves about a block a blank line, but a text of blank
// lines alone (hostile input) reserves no more than a block for 32 bytes.
func TestSplitBlocksReservesLittleForBlankLines(t *testing.T) {
	text := strings.Repeat("\n", 1<<20)
	if b := splitBlocks(text); len(b) != 0 || cap(b) > len(text)/32+1 {
		t.Errorf("%d blank lines: %d blocks, room for %d", len(text), len(b), cap(b))
	}
	// Room for one more than the blank lines, so that the blocks are one
	// allocation.
	text = strings.Repeat("One paragraph of a report, in a line of its own.\n\n", 100)
	if b := splitBlocks(text); len(b) != 100 || cap(b) != 101 {
		t.Errorf("100 paragraphs: %d blocks, room for %d, want 100 and 101", len(b), cap(b))
	}
}

// The paragraphs of a plain-text report are slices of one array: each
// section keeps its own, in order, however the headings nest, and adding
// to one leaves the next one's as they were.
func TestParagraphsInOrder(t *testing.T) {
	text := "Intro one.\n\nIntro two.\n\nCrime\n\nCrime one.\n\n2.1 Kidnapping\n\nKidnap one.\n\nKidnap two.\n\n2.2 Robbery Threat\n\nRobbery one.\n\nTerrorism\n\nTerror one.\n\n- a list item\n\nTerror two.\n"
	r := parseString(t, "r.txt", text)
	got := map[string][]string{}
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			for _, p := range s.Paragraphs {
				got[s.Title.Value] = append(got[s.Title.Value], p.Inline.Text)
			}
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	for _, p := range r.Preamble {
		got[""] = append(got[""], p.Inline.Text)
	}
	want := map[string][]string{
		"":                   {"Intro one.", "Intro two."},
		"Crime":              {"Crime one."},
		"2.1 Kidnapping":     {"Kidnap one.", "Kidnap two."},
		"2.2 Robbery Threat": {"Robbery one."},
		"Terrorism":          {"Terror one.", "a list item", "Terror two."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("paragraphs by section:\n got %q\nwant %q", got, want)
	}
	crime := r.Sections[0]
	kidnap := crime.Sections[0]
	crime.Paragraphs = append(crime.Paragraphs, &document.Paragraph{})
	if kidnap.Paragraphs[0].Inline.Text != "Kidnap one." {
		t.Errorf("adding to a section's paragraphs changed the next one's: %q", kidnap.Paragraphs[0].Inline.Text)
	}
}
