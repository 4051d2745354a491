package format

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func run(t *testing.T) *Run {
	t.Helper()
	f, err := source.New("r.txt", []byte("Title\n\nGoïta was rated SEVERE\there.\n"))
	if err != nil {
		t.Fatal(err)
	}
	start := strings.Index(f.Text, "SEVERE")
	fd := lint.Finding{Path: "r.txt", Rule: "schema", Level: lint.Error, Message: "bad level", Hint: "use HIGH", Span: document.Span{Start: start, End: start + 6}}
	fd.Locate(f)
	return &Run{Files: Collect(map[string]source.View{"r.txt": f}, []lint.Finding{fd})}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := writeText(&buf, run(t)); err != nil {
		t.Fatal(err)
	}
	want := "r.txt:3:17 error schema bad level\n" +
		"    3 | Goïta was rated SEVERE here.\n" +
		"      |                 ^^^^^^\n" +
		"      hint: use HIGH\n" +
		"1 file checked: 1 error, 0 warnings, 0 infos\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestTextColourOnlyWhenAsked(t *testing.T) {
	r := run(t)
	var plain, coloured bytes.Buffer
	_ = writeText(&plain, r)
	r.Color = true
	_ = writeText(&coloured, r)
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(coloured.String(), "\x1b[31m") {
		t.Errorf("colour: plain %q coloured %q", plain.String(), coloured.String())
	}
}

func TestExcerptCutsLongLines(t *testing.T) {
	line := strings.Repeat("a", 300) + "TARGET" + strings.Repeat("b", 300)
	shown, col, width := excerpt(line, 300, 306)
	if got := []rune(shown)[col-1 : col-1+width]; string(got) != "TARGET" {
		t.Errorf("caret under %q in %q", string(got), shown)
	}
	if n := len([]rune(shown)); n > maxExcerpt+2 {
		t.Errorf("excerpt is %d characters", n)
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := writeJSON(&buf, run(t)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"line": 3`, `"column": 17`, `"endColumn": 23`, `"errors": 1`, `"hint": "use HIGH"`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("json lacks %s:\n%s", want, buf.String())
		}
	}
}

// A run that checked no file still gives a well-formed document.
func TestEmptyRun(t *testing.T) {
	empty := func() *Run { return &Run{Files: Collect(nil, nil)} }
	var buf bytes.Buffer
	if err := writeCheckstyle(&buf, empty()); err != nil {
		t.Fatal(err)
	}
	if want := xml.Header + `<checkstyle version="4.3"></checkstyle>` + "\n"; buf.String() != want {
		t.Errorf("checkstyle: %q, want %q", buf.String(), want)
	}
	for _, name := range []string{"json", "sarif"} {
		buf.Reset()
		f, _ := Get(name)
		if err := f(&buf, empty()); err != nil {
			t.Fatal(err)
		}
		if !json.Valid(buf.Bytes()) {
			t.Errorf("%s: not valid JSON:\n%s", name, buf.String())
		}
	}
}

// byteOfColumn is the byte offset of a 1-based column in code points.
func byteOfColumn(s string, col int) int { return len(string([]rune(s)[:col-1])) }

// The caret is placed in terminal cells: a CJK character takes two, a
// combining accent none, so the caret stays under the span.
func TestExcerptCaretInCells(t *testing.T) {
	for _, tc := range []struct {
		line              string
		start, end        int // columns in code points
		wantCol, wantWide int
	}{
		{"北京 x recently.", 6, 14, 8, 8},
		{"e\u0301 recently.", 4, 12, 3, 8},
		{"plain recently.", 7, 15, 7, 8},
		{"😀 hi", 3, 5, 4, 2},
	} {
		_, col, width := excerpt(tc.line, byteOfColumn(tc.line, tc.start), byteOfColumn(tc.line, tc.end))
		if col != tc.wantCol || width != tc.wantWide {
			t.Errorf("%q: caret at %d, %d wide; want %d, %d", tc.line, col, width, tc.wantCol, tc.wantWide)
		}
	}
}

// Cutting the line by bytes before counting characters shows the same
// excerpt, caret and width as cutting the whole line's characters, for
// spans anywhere in short and long lines of mixed characters.
func TestExcerptByBytesAgreesWithCharacters(t *testing.T) {
	byChars := func(line string, startCol, endCol int) (string, int, int) {
		runes := []rune(source.Printable(strings.ReplaceAll(line, "\t", " ")))
		startCol = min(max(startCol, 1), len(runes)+1)
		if endCol < 0 || endCol > len(runes)+1 {
			endCol = len(runes) + 1
		}
		width := max(endCol-startCol, 1)
		if len(runes) <= maxExcerpt {
			return string(runes), startCol, width
		}
		from := max(startCol-1-maxExcerpt/3, 0)
		to := min(from+maxExcerpt, len(runes))
		shown, caret := string(runes[from:to]), startCol-from
		if from > 0 {
			shown, caret = "…"+shown, caret+1
		}
		if to < len(runes) {
			shown += "…"
		}
		return shown, caret, max(min(width, to-(startCol-1)), 1)
	}
	pieces := []string{"a", "b ", "é", "北", "😀", "\t", "\x1b", "e\u0301"}
	for n := 0; n < 400; n++ {
		var b strings.Builder
		for b.Len() < n*2 {
			b.WriteString(pieces[(n*7+b.Len()*13)%len(pieces)])
		}
		line := b.String()
		chars := len([]rune(line))
		for _, span := range [][2]int{{1, 2}, {max(chars/2, 1), chars/2 + 3}, {chars, chars + 1}, {chars + 1, -1}, {1, -1}, {max(chars-5, 1), -1}} {
			col := func(c int) int { return byteOfColumn(line, min(max(c, 1), chars+1)) }
			end := -1
			if span[1] > 0 {
				end = col(span[1])
			}
			gotShown, gotCaret, gotWidth := excerptRunes(line, col(span[0]), end)
			wantShown, wantCaret, wantWidth := byChars(line, span[0], span[1])
			if gotShown != wantShown || gotCaret != wantCaret || gotWidth != wantWidth {
				t.Fatalf("%q span %v: got %q caret %d width %d, want %q caret %d width %d", line, span, gotShown, gotCaret, gotWidth, wantShown, wantCaret, wantWidth)
			}
		}
	}
}

// BenchmarkText is the text format of 1,000 findings spread over the lines of
// a 40 KB report, as a run over a folder writes them: excerpt, caret, hint.
func BenchmarkText(b *testing.B) {
	var text strings.Builder
	for i := range 400 {
		fmt.Fprintf(&text, "Paragraph %d: the Goïta road was rated SEVERE\tin 2024 by “the embassy” — again.\n", i)
	}
	f, err := source.New("r.txt", []byte(text.String()))
	if err != nil {
		b.Fatal(err)
	}
	var findings []lint.Finding
	for i := 0; i < 1000; i++ {
		line := f.LineStart(1 + i%400)
		start := line + 30 + i%20
		fd := lint.Finding{Path: "r.txt", Rule: "style/wordy", Level: lint.Level(i % 3), Message: "say “again” once", Hint: "drop the second", Span: document.Span{Start: start, End: start + 7}}
		fd.Locate(f)
		findings = append(findings, fd)
	}
	files := Collect(map[string]source.View{"r.txt": f}, findings)
	b.ReportAllocs()
	for b.Loop() {
		if err := writeText(io.Discard, &Run{Files: files}); err != nil {
			b.Fatal(err)
		}
	}
}
