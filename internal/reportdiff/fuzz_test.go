package reportdiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/source/sourcetest"
	"github.com/reportlint/reportlint/internal/watchdog"
)

// fuzzNames are the formats an edition is read as; the fuzz byte's low two
// bits pick the old edition's, the next two the new one's.
var fuzzNames = []string{"txt", "md", "json", "yaml"}

func fuzzFormatOf(name string) uint8 {
	for i, n := range fuzzNames {
		if strings.TrimPrefix(filepath.Ext(name), ".") == n {
			return uint8(i)
		}
	}
	return 0
}

// FuzzCompare compares two editions of any text, read as any of the
// formats, and renders the comparison in every format. Besides not
// panicking or hanging: an edition compared with itself has no changes;
// comparing is deterministic and accounts for every section of both
// editions; the JSON is valid and round-trips; the Markdown and HTML let no
// markup of the report's through; no renderer's output holds a control
// character, a bidi control or a line a CI runner reads as a command; every
// renderer is deterministic.
func FuzzCompare(f *testing.F) {
	archives, _ := filepath.Glob("../../testdata/diff/*.txtar")
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		var o, n string
		var format uint8
		for _, file := range ar.Files {
			switch {
			case strings.HasPrefix(file.Name, "old."):
				o, format = string(file.Data), format|fuzzFormatOf(file.Name)
			case strings.HasPrefix(file.Name, "new."):
				n, format = string(file.Data), format|fuzzFormatOf(file.Name)<<2
			}
		}
		f.Add(format, o, n)
	}
	for _, p := range []string{"../../testdata/reports/niger-csr.txt", "../../testdata/reports/kenya-advisory.md"} {
		if data, err := os.ReadFile(p); err == nil {
			ff := fuzzFormatOf(p)
			f.Add(ff|ff<<2, string(data), strings.Replace(string(data), "HIGH", "LOW", 1))
		}
	}
	f.Add(uint8(0), "Ghana Report\n\nCrime\n\nStreet crime is common.\n", hostile)
	hostileOld, hostileNew := hostileEditions()
	f.Add(uint8(2|2<<2), hostileOld, hostileNew)
	f.Add(uint8(1|1<<2), "# T <b>\n\n## A & B\n\n- x | y\n- `z`\n\n## C\n\nThe <script>alert(1)</script> end.\n",
		"# T\n\n## C\n\nThe <SCRIPT src=x> end & more.\n\n## A &amp; B\n\n- x | y\n\n## New ]]></details>\n\n<iframe>\n")
	f.Add(uint8(2|3<<2), `{"title": "x", "advisory": {"level": 2, "regions": [{"name": "North", "level": 3}]}, "ratings": [{"category": "crime", "location": "A", "level": "HIGH"}, {"category": "crime", "location": "A", "level": "LOW"}], "sections": [{"title": "S", "paragraphs": [{"text": "p q r"}]}]}`,
		"title: x\nadvisory: {level: 4, regions: [{name: the north, level: 1}, {name: North, level: 2}]}\ncontacts: [{kind: phone, value: '+1 2'}, {kind: phone, value: '+1 2'}]\nsections: [{title: S, paragraphs: [{text: p r q}]}, {title: S}]\n")

	f.Fuzz(func(t *testing.T, format uint8, oldText, newText string) {
		defer watchdog.Start(oldText + "\x00" + newText)()
		o, of := fuzzSide(t, "old."+fuzzNames[format&3], oldText)
		n, nf := fuzzSide(t, "new."+fuzzNames[format>>2&3], newText)
		for _, s := range []struct {
			side Side
			file *source.File
		}{{o, of}, {n, nf}} {
			if s.side.Report == nil {
				continue
			}
			same := Compare(s.side, s.side, s.file, s.file)
			// A fact the parse could not read is said for each side, as a
			// reviewer must know it was not compared; nothing else warns.
			parseNotes := true
			for _, w := range same.Warnings {
				parseNotes = parseNotes && (strings.HasPrefix(w, "old, line ") || strings.HasPrefix(w, "new, line "))
			}
			if !same.Empty() || !parseNotes {
				t.Fatalf("%s compared with itself shows changes:\n%s", s.side.Path, render(t, "text", same))
			}
			for _, kind := range FailKinds {
				if hit, err := same.FailOn(kind); hit || err != nil {
					t.Fatalf("%s compared with itself fails on %s (%v)", s.side.Path, kind, err)
				}
			}
			checkResult(t, same, s.side.Report, s.side.Report, s.file, s.file)
			if out := render(t, "text", same); !strings.Contains(out, "\nno changes\n") {
				t.Fatalf("no changes, but the text says:\n%s", out)
			}
		}
		if o.Report == nil || n.Report == nil {
			return
		}
		res := Compare(o, n, of, nf)
		if again := Compare(o, n, of, nf); !reflect.DeepEqual(res, again) {
			t.Fatalf("comparing twice differs:\n%+v\n%+v", res, again)
		}
		checkResult(t, res, o.Report, n.Report, of, nf)
		checkReversed(t, res, Compare(n, o, nf, of))
		// An escalation or a rating change is a change.
		anyChange, _ := res.FailOn("any")
		for _, kind := range []string{"rating-change", "escalation"} {
			if hit, _ := res.FailOn(kind); hit && !anyChange {
				t.Fatalf("fails on %s but not on any", kind)
			}
		}
		// A pure reorder is a difference, but not a change of content.
		if anyChange && res.Empty() {
			t.Fatalf("--fail-on any, but Empty")
		}
		if moved, _ := res.FailOn("moved"); !anyChange && !res.Empty() && !moved && len(res.NotFound) == 0 {
			t.Fatalf("a difference that is neither a change nor a move:\n%s", render(t, "text", res))
		}
	})
}

// opposite is the change seen from the other edition.
var opposite = map[string]string{Escalated: Lowered, Lowered: Escalated, Added: Removed, Removed: Added, Changed: Changed, Unchanged: Unchanged}

// checkReversed checks that comparing the editions the other way round
// gives the same facts, each in the opposite direction.
func checkReversed(t *testing.T, res, rev *Result) {
	t.Helper()
	fail := func(what string, a, b any) {
		t.Fatalf("%s differs when the editions are swapped:\n%+v\n%+v", what, a, b)
	}
	if (res.Published == nil) != (rev.Published == nil) || res.Published != nil &&
		(res.Published.Old != rev.Published.New || res.Published.New != rev.Published.Old || opposite[res.Published.Change] != rev.Published.Change) {
		fail("published", res.Published, rev.Published)
	}
	if (res.Advisory == nil) != (rev.Advisory == nil) || res.Advisory != nil &&
		(res.Advisory.Old != rev.Advisory.New || res.Advisory.New != rev.Advisory.Old || opposite[res.Advisory.Change] != rev.Advisory.Change) {
		fail("advisory", res.Advisory, rev.Advisory)
	}
	if !reflect.DeepEqual(res.Indicators.Added, rev.Indicators.Removed) || !reflect.DeepEqual(res.Indicators.Removed, rev.Indicators.Added) {
		fail("indicators", res.Indicators, rev.Indicators)
	}
	// Ratings and regions: the same changes, opposite ways (names as
	// written may differ in case or spacing between the editions).
	ratings := func(r *Result, swap bool) map[string]int {
		m := map[string]int{}
		for _, x := range r.Ratings {
			o, n, c := x.Old, x.New, x.Change
			if swap {
				o, n, c = n, o, opposite[c]
			}
			m[o+"\x00"+n+"\x00"+c]++
		}
		return m
	}
	if !reflect.DeepEqual(ratings(res, false), ratings(rev, true)) {
		fail("ratings", res.Ratings, rev.Ratings)
	}
	regions := func(r *Result, swap bool) map[string]int {
		m := map[string]int{}
		for _, x := range r.Regions {
			o, n, c := x.Old, x.New, x.Change
			if swap {
				o, n, c = n, o, opposite[c]
			}
			m[fmt.Sprint(o, n, c)]++
		}
		return m
	}
	if !reflect.DeepEqual(regions(res, false), regions(rev, true)) {
		fail("regions", res.Regions, rev.Regions)
	}
	c, rc := res.Contacts, rev.Contacts
	if len(c.Added) != len(rc.Removed) || len(c.Removed) != len(rc.Added) || len(c.Changed) != len(rc.Changed) {
		fail("contacts", c, rc)
	}
	if res.Empty() != rev.Empty() {
		fail("emptiness", res.Empty(), rev.Empty())
	}
}

// fuzzSide parses one edition; its Report is nil when the input is not a
// report (not UTF-8, or data that does not decode).
func fuzzSide(t *testing.T, name, text string) (Side, *source.File) {
	f, err := source.New(name, []byte(text))
	if err != nil {
		return Side{Path: name}, nil
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		return Side{Path: name}, nil
	}
	return Side{Path: name, Report: r}, f
}

// checkResult checks a comparison and its rendering in every format.
func checkResult(t *testing.T, res *Result, o, n *document.Report, of, nf *source.File) {
	t.Helper()
	// Every new section is shown once, and every old one is either matched
	// or removed.
	var kept, removed int
	for _, s := range res.Sections {
		switch s.Status {
		case StatusRemoved:
			removed++
			if s.NewLine != 0 || s.OldLine < 1 || s.OldLine > of.Lines() {
				t.Fatalf("removed section %q at old line %d, new line %d", s.Title, s.OldLine, s.NewLine)
			}
		case StatusAdded:
			if s.OldLine != 0 || s.NewLine < 1 || s.NewLine > nf.Lines() {
				t.Fatalf("added section %q at old line %d, new line %d", s.Title, s.OldLine, s.NewLine)
			}
		default:
			kept++
			if s.OldLine < 1 || s.OldLine > of.Lines() || s.NewLine < 1 || s.NewLine > nf.Lines() {
				t.Fatalf("%s section %q at old line %d, new line %d", s.Status, s.Title, s.OldLine, s.NewLine)
			}
		}
		if s.Status == StatusUnchanged && len(s.Paragraphs) > 0 {
			t.Fatalf("unchanged section %q has paragraph changes", s.Title)
		}
		// The rows read down the new edition: its line numbers never go back.
		last := 0
		for _, p := range s.Paragraphs {
			if p.NewLine != 0 && p.NewLine < last {
				t.Fatalf("section %q: a row at new line %d after one at %d", s.Title, p.NewLine, last)
			}
			last = max(last, p.NewLine)
		}
		for _, p := range s.Paragraphs {
			if p.Status == ParagraphMoved && (p.Old != p.New || p.Old == "") {
				t.Fatalf("a moved paragraph changed text in %q: %q -> %q", s.Title, p.Old, p.New)
			}
			if p.Status == Changed && len(p.Words) == 0 {
				t.Fatalf("changed paragraph with no word diff in %q", s.Title)
			}
			// The word diff rebuilds both paragraphs.
			if p.Status == Changed {
				var ob, nb strings.Builder
				for _, w := range p.Words {
					if w.Op != "insert" {
						ob.WriteString(w.Text)
					}
					if w.Op != "delete" {
						nb.WriteString(w.Text)
					}
				}
				if ob.String() != p.Old || nb.String() != p.New {
					t.Fatalf("word diff %+v does not rebuild %q -> %q", p.Words, p.Old, p.New)
				}
			}
		}
	}
	// The text before the first heading counts as a section of its own,
	// and so does raw HTML there.
	sections := func(r *document.Report) int {
		if len(r.Preamble) > 0 || beforeFirstHeading(r, r.AllSections()) {
			return len(r.AllSections()) + 1
		}
		return len(r.AllSections())
	}
	if nNew, nOld := sections(n), sections(o); len(res.Sections)-removed != nNew || kept+removed != nOld {
		t.Fatalf("%d sections shown (%d removed, %d matched) for %d old and %d new", len(res.Sections), removed, kept, nOld, nNew)
	}
	for _, a := range res.Indicators.Added {
		for _, r := range res.Indicators.Removed {
			if a.Code == r.Code {
				t.Fatalf("indicator %s both added and removed", a.Code)
			}
		}
	}

	for _, format := range Formats() {
		out := render(t, format, res)
		if again := render(t, format, res); again != out {
			t.Fatalf("%s output differs between two renderings", format)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("%s output is not UTF-8", format)
		}
		if problems := sourcetest.Unprintable(out, nil); len(problems) > 0 {
			t.Fatalf("%s output could act on a terminal or a CI log:\n%s\n%s", format, strings.Join(problems, "\n"), out)
		}
		switch format {
		case "json":
			checkJSON(t, res, out)
		case "markdown":
			checkMarkdown(t, out)
		case "html":
			checkHTML(t, out)
		}
	}
}

func render(t *testing.T, format string, res *Result) string {
	t.Helper()
	r, err := Get(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := r(&buf, res, false); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.String()
}

func checkJSON(t *testing.T, res *Result, out string) {
	t.Helper()
	if !json.Valid([]byte(out)) {
		t.Fatalf("JSON output is not valid JSON:\n%s", out)
	}
	var back Result
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*res, back) {
		t.Fatalf("JSON output does not round-trip:\n%+v\n%+v", *res, back)
	}
}

// The Markdown renderer writes these tags; report text may add none.
var mdTags = regexp.MustCompile(`</?(details|summary|ins|del|code)>`)

// What GitHub would link in a comment's text: a mention, an issue
// reference, a commit hash, a URL it turns into a reference.
var (
	linkable     = regexp.MustCompile(`(?i)(^|[^a-z0-9_])@[a-z0-9]|#[0-9]|gh-[0-9]|(^|[^a-z0-9_])[0-9a-f]{7,}($|[^a-z0-9_])`)
	referenceURL = regexp.MustCompile(`(?i)(^|[^a-z0-9.-])(www\.)?github\.com(:[0-9]+)?/[a-z0-9._-]+/[a-z0-9._-]+/(issues|pull|discussions|commit)([/?#\s]|$)`)
)

func checkMarkdown(t *testing.T, out string) {
	t.Helper()
	if i := strings.IndexByte(mdTags.ReplaceAllString(out, ""), '<'); i >= 0 {
		t.Fatalf("Markdown output lets report markup through:\n%s", out)
	}
	for line := range strings.Lines(out) {
		// The word joiners as the reader sees them, so that their own
		// "#8288" is not taken for an issue.
		text := strings.ReplaceAll(commentText(t, line), wordJoiner, "\u2060")
		if m := linkable.FindString(text); m != "" {
			t.Fatalf("Markdown output lets GitHub link %q in %q:\n%s", m, line, out)
		}
		if m := referenceURL.FindString(text); m != "" {
			t.Fatalf("Markdown output shows a reference %q outside code in %q:\n%s", m, line, out)
		}
	}
	for line := range strings.Lines(out) {
		// A table row has its four cells whatever the report says.
		if strings.HasPrefix(line, "| ") {
			cells := strings.Count(line, "|") - strings.Count(line, `\|`)
			if cells != 5 {
				t.Fatalf("table row with %d cells: %q", cells-1, line)
			}
		}
	}
}

// commentText is what GitHub reads for mentions and references in a line
// of the Markdown comment: the line less code (code spans; <code> in the
// HTML block of a <summary>) and less the URLs and e-mail addresses GitHub
// links (autolinks reads the comment as GitHub does: URLs in the raw
// text, e-mail addresses in the text with its backslash escapes read). It fails on a URL GitHub would link
// that is a reference to an issue, a pull request or a commit.
func commentText(t *testing.T, line string) string {
	t.Helper()
	b := []byte(line)
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			b[k] = ' '
		}
	}
	if strings.HasPrefix(line, "<details><summary>") {
		for _, m := range regexp.MustCompile(`<code>.*?</code>`).FindAllStringIndex(line, -1) {
			blank(m[0], m[1])
		}
		return string(b)
	}
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '`':
			if j := strings.IndexByte(line[i+1:], '`'); j >= 0 {
				blank(i, i+j+2)
				i += j + 1
			}
		}
	}
	for _, l := range autolinks(string(b), true) {
		if l.email || !mayLinkAt(string(b), l.start) {
			continue // text, for now: a reference without "https://" or "www."
		}
		if l.reference {
			t.Fatalf("GitHub links a reference, %q, in %q", string(b[l.start:l.end]), line)
		}
		blank(l.start, l.end)
	}
	// GitHub finds e-mail addresses, and then mentions and hashes, in the
	// text as it reads it: "\_" is '_', part of a word.
	// (The URLs are blanked: they split the text into runs.)
	b = []byte(backslashEscape.ReplaceAllString(string(b), "$1"))
	for _, l := range emailsIn(string(b), 0, len(b), nil) {
		blank(l.start, l.end)
	}
	return string(b)
}

var backslashEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

// The page's own markup: every tag in the output is one of these, and
// every & starts an entity.
var (
	htmlTag    = regexp.MustCompile(`^<(!DOCTYPE html|/?(html|head|meta|title|style|body|h1|h2|p|table|thead|tbody|tr|th|td|details|summary|ul|ol|li|ins|del|nav|a|div|span))[ >]`)
	htmlEntity = regexp.MustCompile(`^&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);`)
)

func checkHTML(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(strings.ToLower(out), "<script") {
		t.Fatalf("HTML output has a script:\n%s", out)
	}
	for i := 0; i < len(out); i++ {
		switch out[i] {
		case '<':
			if !htmlTag.MatchString(out[i:]) {
				t.Fatalf("HTML output has markup the page does not write at %d: %q", i, out[i:min(len(out), i+40)])
			}
		case '&':
			if !htmlEntity.MatchString(out[i:]) {
				t.Fatalf("HTML output has a bare & at %d: %q", i, out[i:min(len(out), i+40)])
			}
		}
	}
	if strings.Count(out, "<details") != strings.Count(out, "</details>") || strings.Count(out, "<tr") != strings.Count(out, "</tr>") {
		t.Fatalf("HTML output has unbalanced elements:\n%s", out)
	}
}
