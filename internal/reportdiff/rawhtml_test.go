package reportdiff

import (
	"reflect"
	"slices"
	"testing"
)

// Raw HTML added to a Markdown report is a change, shown where it stands
// (inside a paragraph, as a block of its own, in a heading), never nothing;
// a comment, which no reader sees, is not.
func TestRawHTMLShown(t *testing.T) {
	old := "# Ghana Report\n\n## Crime\n\nStreet crime is common.\n\nCall the police.\n"
	new := "# Ghana Report\n\n## Crime <a id=\"crime\"></a>\n\nStreet crime is <script>alert(1)</script> common.\n\n<iframe src=\"x\">\n</iframe>\n\n<!-- reviewed -->\n\nCall the police.\n"
	o, of := side(t, "old.md", []byte(old))
	n, nf := side(t, "new.md", []byte(new))
	var got []string
	for _, s := range Compare(o, n, of, nf).Sections {
		for _, p := range s.Paragraphs {
			got = append(got, s.Title+" | "+p.Status+" | "+p.New)
		}
	}
	slices.Sort(got) // the order is the pairing's, not this test's
	want := []string{
		`Crime | added | <a id="crime"> </a>`,
		`Crime | added | <iframe src="x"> </iframe>`,
		"Crime | changed | Street crime is <script>alert(1)</script> common.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// The line of each: a reviewer finds it in the file.
	for _, s := range Compare(o, n, of, nf).Sections {
		for _, p := range s.Paragraphs {
			if p.Status == Added && p.New[1] == 'i' && p.NewLine != 7 {
				t.Errorf("the iframe is at line %d, want 7", p.NewLine)
			}
		}
	}
	if res := Compare(n, n, nf, nf); !res.Empty() {
		t.Errorf("an edition with HTML against itself shows changes: %+v", res.Sections)
	}
}

// HTML before the first heading (here in the title) is shown in the
// opening section, which exists for it even when no paragraph does.
func TestRawHTMLBeforeFirstHeading(t *testing.T) {
	o, of := side(t, "old.md", []byte("# Ghana Report\n\n## Crime\n\nText.\n"))
	n, nf := side(t, "new.md", []byte("# Ghana <b onclick=\"x()\">Report</b>\n\n## Crime\n\nText.\n"))
	res := Compare(o, n, of, nf)
	if len(res.Sections) == 0 || res.Sections[0].Title != OpeningTitle || res.Sections[0].Status != StatusAdded ||
		len(res.Sections[0].Paragraphs) != 1 || res.Sections[0].Paragraphs[0].New != `<b onclick="x()"> </b>` {
		t.Errorf("sections: %+v", res.Sections)
	}
}
