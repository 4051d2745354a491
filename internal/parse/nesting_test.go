package parse

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/source"
)

// Markdown that nests deeper than MaxNesting is refused at once, at the
// place the limit is passed, instead of keeping goldmark busy for minutes.
func TestNestingTooDeep(t *testing.T) {
	var stair strings.Builder
	stair.WriteString("# Niger\n\n")
	for i := range 3000 {
		stair.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	for _, tt := range []struct {
		name, text string
		pos        source.Position
	}{
		{"quotes.md", "# Niger\n\n" + strings.Repeat("> ", 200000) + "deep\n", source.Position{Line: 3, Column: 201}},
		{"lists.md", "# Niger\n\n" + strings.Repeat("- ", 3000) + "deep\n", source.Position{Line: 3, Column: 201}},
		{"ordered.md", "# Niger\n\n" + strings.Repeat("1. ", 3000) + "deep\n", source.Position{Line: 3, Column: 301}},
		{"mixed.md", "# Niger\n\n" + strings.Repeat("> - ", 3000) + "deep\n", source.Position{Line: 3, Column: 201}},
		// Each line one list deeper than the one before, by indentation.
		{"stair.md", stair.String(), source.Position{Line: 103, Column: 201}},
		// The front matter's lines are not Markdown.
		{"front.md", "---\ntitle: x\n---\n" + strings.Repeat(">", 150) + " deep\n", source.Position{Line: 4, Column: 101}},
	} {
		f, err := source.New(tt.name, []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		_, err = Parse(f, Options{})
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: refused after %v", tt.name, d)
		}
		var se *source.Error
		if !errors.As(err, &se) {
			t.Fatalf("%s: err = %v, want a *source.Error", tt.name, err)
		}
		if se.Pos != tt.pos || !strings.Contains(se.Reason, "nest more than 100 deep") {
			t.Errorf("%s: got %v %q, want at %v", tt.name, se.Pos, se.Reason, tt.pos)
		}
	}
}

// What a report really does is read, up to the limit, and a thematic break
// made of list marks or deep indentation in a file without lists opens
// nothing.
func TestNestingAllowed(t *testing.T) {
	for name, text := range map[string]string{
		"limit.md":    "# Niger\n\n" + strings.Repeat("> ", MaxNesting) + "deep\n",
		"lists.md":    "# Niger\n\n" + strings.Repeat("- ", MaxNesting/2) + strings.Repeat("> ", MaxNesting/2) + "deep\n",
		"break.md":    "# Niger\n\nText.\n\n" + strings.Repeat("- ", 500) + "\n\n" + strings.Repeat("* ", 500) + "\n",
		"indented.md": "# Niger\n\nText.\n\n" + strings.Repeat(" ", 1000) + "code\n",
		"numbers.md":  "# Niger\n\n" + strings.Repeat("1 ", 500) + "\n",
		"stair.md":    "# Niger\n\n- a\n  - b\n    - c\n      - d\n" + strings.Repeat(" ", 400) + "text\n",
	} {
		f, err := source.New(name, []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(f, Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Links that never close on one long line are refused where the rescanning
// they would cost passes the budget; closed links, however many, are not.
func TestCheckLinkScans(t *testing.T) {
	open := "# T\n\n" + strings.Repeat("[x](", 20000) + "\n"
	f, err := source.New("open.md", []byte(open))
	if err != nil {
		t.Fatal(err)
	}
	err = checkLinkScans(f, f.Text)
	var se *source.Error
	if !errors.As(err, &se) || se.Pos.Line != 3 || !strings.Contains(se.Reason, "never close") {
		t.Fatalf("got %v, want a refusal on line 3", err)
	}
	closed := "# T\n\n" + strings.Repeat("[x](https://example.org/a) ", 50000) + "\n"
	if f, _ := source.New("closed.md", []byte(closed)); checkLinkScans(f, f.Text) != nil {
		t.Errorf("50,000 closed links refused")
	}
	// Unclosed openers on many short paragraphs cost little: each scan
	// stops at its line's end. (In one paragraph they are refused; see
	// TestCheckLinkScansParagraph.)
	lines := "# T\n\n" + strings.Repeat("[x](\n\n", 100000)
	if f, _ := source.New("lines.md", []byte(lines)); checkLinkScans(f, f.Text) != nil {
		t.Errorf("100,000 short paragraphs refused")
	}
}

// A paragraph of very many lines, each with a link bracket, is refused at
// its first line; the same links split into paragraphs are not.
func TestCheckLinkScansParagraph(t *testing.T) {
	long := "# T\n\nIntro.\n\n" + strings.Repeat("[x]\n", 100000)
	f, _ := source.New("long.md", []byte(long))
	var se *source.Error
	if err := checkLinkScans(f, f.Text); !errors.As(err, &se) || se.Pos.Line != 5 || se.Pos.Column != 1 {
		t.Fatalf("got %v, want a refusal at 5:1", err)
	}
	split := "# T\n\n" + strings.Repeat("[x]\n[y](https://example.org)\n\n", 50000)
	if f, _ := source.New("split.md", []byte(split)); checkLinkScans(f, f.Text) != nil {
		t.Errorf("50,000 short paragraphs with links refused")
	}
}

// A Markdown file of more blocks than any report has is refused where it
// passes the limit; one just under it is read.
func TestMaxBlocks(t *testing.T) {
	list := "# T\n\n" + strings.Repeat("- item\n", MaxBlocks+10)
	f, _ := source.New("list.md", []byte(list))
	var se *source.Error
	if err := checkNesting(f, f.Text); !errors.As(err, &se) || !strings.Contains(se.Reason, "more than 100000 paragraphs") {
		t.Fatalf("got %v, want a refusal", err)
	}
	if se.Pos.Line != MaxBlocks+1 {
		t.Errorf("refused at line %d, want %d", se.Pos.Line, MaxBlocks+1)
	}
	headings := "# T\n\n" + strings.Repeat("## H\n", MaxBlocks+10)
	if f, _ := source.New("h.md", []byte(headings)); checkNesting(f, f.Text) == nil {
		t.Errorf("%d headings read", MaxBlocks+10)
	}
	paras := strings.Repeat("A paragraph\nof two lines.\n\n", MaxBlocks-10)
	if f, _ := source.New("p.md", []byte(paras)); checkNesting(f, f.Text) != nil {
		t.Errorf("%d paragraphs refused", MaxBlocks-10)
	}
}

// A Markdown file of more inline marks than any report has is refused
// where it passes the limit; runs of emphasis count once, and a file
// with the limit's worth is read.
func TestMaxInlineMarks(t *testing.T) {
	brackets := "# T\n\n" + strings.Repeat("[", MaxInlineMarks+10)
	f, _ := source.New("b.md", []byte(brackets))
	var se *source.Error
	if err := checkInlineMarks(f, f.Text); !errors.As(err, &se) || !strings.Contains(se.Reason, "more than 500000 links, emphasis, code and HTML marks") {
		t.Fatalf("got %v, want a refusal", err)
	}
	if se.Pos != (source.Position{Line: 3, Column: MaxInlineMarks + 1}) {
		t.Errorf("refused at %v, want 3:%d", se.Pos, MaxInlineMarks+1)
	}
	for _, text := range []string{
		strings.Repeat("[x](y) ", MaxInlineMarks/2),
		strings.Repeat("***bold*** ", MaxInlineMarks/2),
		strings.Repeat("&amp; <b> \\* `c` ", MaxInlineMarks/6),
	} {
		if f, _ := source.New("ok.md", []byte(text)); checkInlineMarks(f, f.Text) != nil {
			t.Errorf("%.20q… refused", text)
		}
	}
}

// At the shortcut's edge: a file that is all marks is read at the limit's
// length (no scan) and refused one byte past it (scanned), at its last byte.
func TestMaxInlineMarksAtLengthLimit(t *testing.T) {
	at, _ := source.New("at.md", []byte(strings.Repeat("[", MaxInlineMarks)))
	if err := checkInlineMarks(at, at.Text); err != nil {
		t.Errorf("%d marks refused: %v", MaxInlineMarks, err)
	}
	past, _ := source.New("past.md", []byte(strings.Repeat("[", MaxInlineMarks+1)))
	var se *source.Error
	if err := checkInlineMarks(past, past.Text); !errors.As(err, &se) || se.Pos != (source.Position{Line: 1, Column: MaxInlineMarks + 1}) {
		t.Errorf("%d marks: got %v, want a refusal at 1:%d", MaxInlineMarks+1, err, MaxInlineMarks+1)
	}
}

// FuzzProseLinesOpenNothing holds startsProse to what the guards do with
// the lines it passes over at once: not blank, no heading, no thematic
// break, and no container mark to count.
func FuzzProseLinesOpenNothing(f *testing.F) {
	for _, s := range []string{"Word", "a", "Z- x", "x\t>", "", "1. x", "# h", " x", "-", "é", "@x", "[x", "`x", "{x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		letter := line != "" && (line[0] >= 'a' && line[0] <= 'z' || line[0] >= 'A' && line[0] <= 'Z')
		if startsProse(line) != letter {
			t.Fatalf("startsProse(%q) = %v", line, !letter)
		}
		if !letter {
			return
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimLeft(line, " \t"), "#") || isThematicBreak(line) {
			t.Fatalf("%q is blank, a heading or a break", line)
		}
		for _, seen := range []int{0, 3, 4 * MaxNesting} {
			if at, lists := lineNesting(line, seen); at != -1 || lists != 0 {
				t.Fatalf("lineNesting(%q, %d) = %d, %d; want -1, 0", line, seen, at, lists)
			}
		}
	})
}
