package reportdiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/source/sourcetest"
)

// hostileValue is what a pull request can put in any value of a report: a
// line break and a workflow command, a terminal escape, a bell, a bidi
// override and isolate, a legacy command, a line separator.
const hostileValue = `x\n::error::Forged\u001b[31m\u0007\u202e\u2066 ##[group]y\u2028::notice::z`

// hostileEditions are two editions in JSON whose every value the
// comparison shows — title, country, published date, advisory wording,
// regions, ratings, contacts, section titles, paragraphs — holds
// hostileValue, and differs, so that every fact changes.
func hostileEditions() (old, new string) {
	const report = `{"title": "Ghana Report %[1]s", "country": "Ghana\u001b[31m%[1]s", "published": "2025 %[1]s",` +
		` "advisory": {"level": %[2]d, "wording": "Wording %[1]s", "regions": [{"name": "North %[1]s", "level": %[2]d}]},` +
		` "ratings": [{"category": "crime %[1]s", "location": "Accra %[1]s", "level": "%[3]s"}],` +
		` "contacts": [{"kind": "phone", "label": "Tel %[1]s", "value": "+1 %[2]d %[1]s"}],` +
		` "sections": [{"title": "Crime\u202e", "level": 1, "paragraphs": [` +
		`{"text": "Street crime is %[4]s.\n::error::Forged\u001b[31m ##[error]x\u2028::notice::y"}%[5]s]}, {"title": "T %[1]s %[4]s", "level": 1}]}`
	return fmt.Sprintf(report, hostileValue, 2, "HIGH", "common", ""),
		fmt.Sprintf(report, hostileValue+"2", 3, "LOW", "rare", `, {"text": "New\n::warning::para\u001b[2J `+hostileValue+`"}`)
}

// hostileResult compares the hostile editions under hostile paths: a
// newline and a workflow command, a terminal escape, a bidi override, a
// legacy command.
func hostileResult(t *testing.T) *Result {
	t.Helper()
	old, new := hostileEditions()
	o, of := side(t, "old\n::error title=Forged::Approved.json", []byte(old))
	n, nf := side(t, "new\x1b]0;owned\x07\u202e ##[group].json", []byte(new))
	return Compare(o, n, of, nf)
}

// The text renderer prints names and report text so that none can act on
// a terminal or a CI log; JSON keeps them as they are, with JSON's escapes.
// No renderer's output holds a control character, a bidi control or a
// line a CI runner reads as a command.
func TestRenderHostile(t *testing.T) {
	res := hostileResult(t)
	if !res.Facts() || len(res.ChangedRegions()) == 0 || len(res.ChangedRatings()) == 0 || len(res.Contacts.Changed) == 0 {
		t.Fatalf("the hostile editions should differ in every fact: %+v", res)
	}
	out := render(t, "text", res)
	for _, want := range []string{`old: old\n::error title=Forged::Approved.json`, `new: new\x1b]0;owned\a\u202e ##\x5bgroup].json`, `"Crime\u202e" changed`, `{+rare+}`} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	var back struct{ Old, New struct{ Path string } }
	if err := json.Unmarshal([]byte(render(t, "json", res)), &back); err != nil || back.Old.Path != "old\n::error title=Forged::Approved.json" || back.New.Path != "new\x1b]0;owned\x07\u202e ##[group].json" {
		t.Errorf("JSON paths %+v (%v)", back, err)
	}
	for _, format := range Formats() {
		out := render(t, format, res)
		if problems := sourcetest.Unprintable(out, nil); len(problems) > 0 {
			t.Errorf("%s:\n%s\n%s", format, strings.Join(problems, "\n"), out)
		}
	}
}

// The HTML page shows a path as one line with Go's escapes, as the text
// output does, and report text with a picture for each control (as an
// excerpt does), a line break as a space.
func TestHTMLPrintsHostileText(t *testing.T) {
	out := render(t, "html", hostileResult(t))
	for _, want := range []string{
		`<title>reportlint diff: old\n::error title=Forged::Approved.json → new\x1b]0;owned\a\u202e ##\x5bgroup].json</title>`,
		`<h1>What changed: old\n::error title=Forged::Approved.json → new\x1b]0;owned\a\u202e ##\x5bgroup].json</h1>`,
		// Old beside new: the words removed on the left, added on the right.
		`<p class="txt">Street crime is <del>common</del>. ::error::Forged␛[31m ##［error]x ::notice::y</p>`,
		`<p class="txt">Street crime is <ins>rare</ins>. ::error::Forged␛[31m ##［error]x ::notice::y</p>`,
		"New ::warning::para␛[2J x ::error::Forged␛[31m␇\ufffd\ufffd ##［group]y ::notice::z",
		// A value keeps no line break: a space stands for it.
		"<td>published</td><td>2025 x ::error::Forged␛[31m␇\ufffd\ufffd ##［group]y\ufffd::notice::z</td>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q:\n%s", want, out)
		}
	}
	var buf bytes.Buffer
	if err := renderHTML(&buf, hostileResult(t), false); err != nil || buf.String() != out {
		t.Errorf("renderHTML differs from the renderer by name (%v)", err)
	}
}

// An update note of 200,000 "indicator"s is read in time linear in its
// length: each mention looks at a bounded window around it. The bound is a
// guard against the quadratic reading (100,000 took over 30 s; this size
// would take minutes), not a measure of speed: a loaded machine takes a
// few seconds.
func TestHostileUpdateNote(t *testing.T) {
	base := "# Zembla Travel Advisory\n\n### Zembla - Level 2: Exercise Increased Caution\n\n"
	note := "***Updated to add " + strings.Repeat("add a kidnapping indicator for health and ", 200_000) + "more.***\n\n"
	o, of := side(t, "old.md", []byte(base+"Exercise increased caution in Zembla due to **crime**.\n"))
	n, nf := side(t, "new.md", []byte(base+note+"Exercise increased caution in Zembla due to **crime**.\n"))
	start := time.Now()
	res := Compare(o, n, of, nf)
	t.Logf("compare: %v, note %d bytes", time.Since(start), len(res.Note.Text))
	if d := time.Since(start); d > time.Minute {
		t.Errorf("the comparison took %v", d)
	}
	if res.Note == nil || len(res.Note.Claims) != 2 {
		t.Fatalf("note claims: %+v", res.Note)
	}
}
