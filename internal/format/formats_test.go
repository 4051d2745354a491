package format

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"iter"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleRun is the same findings for every format: two files, one clean,
// all three levels, non-ASCII text before a finding (code-point columns
// differ from byte columns), a fix, and a hostile message; and a third that
// could not be read, which every format must show.
func sampleRun(t *testing.T) *Run {
	t.Helper()
	a, err := source.New("reports/mali.txt", []byte("Mali\n\nGoïta’s “CRITICAL” and \"SEVERE\" ratings.\n\nA [link](#).\n"))
	if err != nil {
		t.Fatal(err)
	}
	clean, _ := source.New("reports/clean report.md", []byte("# Clean\n"))
	at := func(f *source.File, needle string) document.Span {
		i := strings.Index(f.Text, needle)
		return document.Span{Start: i, End: i + len(needle)}
	}
	quote := at(a, `"`)
	findings := []lint.Finding{
		{Path: a.Path, Rule: "schema", Level: lint.Error, Message: `the crime threat rating level "SEVERE" is not one of LOW, MEDIUM, HIGH, CRITICAL`, Hint: "use LOW, MEDIUM, HIGH or CRITICAL", Span: at(a, "SEVERE")},
		{Path: a.Path, Rule: "quote-style", Level: lint.Warning, Message: "straight double quotes here, but curly elsewhere (2 to 2)", Span: quote,
			Fix: &lint.Fix{Message: "rewrite as curly", Edits: []lint.Edit{{Span: quote, New: "“"}}}},
		{Path: a.Path, Rule: "house/ratings-word", Level: lint.Info, Message: "a house rule, with no page in docs/rules.md", Span: at(a, "ratings")},
		{Path: a.Path, Rule: "placeholder-link", Level: lint.Info, Message: "100% wrong:\nline two, with :: and, commas\r", Span: at(a, "[link](#)")},
	}
	for i := range findings {
		findings[i].Locate(a)
	}
	rules := []*lint.Rule{
		{ID: "placeholder-link", Level: lint.Warning, Summary: "a link points nowhere", Doc: "A link whose target is \"#\"\ngoes nowhere."},
		{ID: "quote-style", Level: lint.Warning, Summary: "straight and curly quotes are not mixed", Doc: "One style."},
		{ID: "schema", Level: lint.Error, Summary: "the report satisfies its schema", Doc: "Validated."},
		{ID: "house/ratings-word", Level: lint.Info, Summary: "a house rule", Doc: "From a house pack."},
	}
	return &Run{
		Rules:      rules,
		Documented: map[string]bool{"placeholder-link": true, "quote-style": true, "schema": true},
		Files:      withFailure(Collect(map[string]source.View{a.Path: a, clean.Path: clean}, findings), "reports/broken.txt", &Failure{Line: 3, Column: 7, Message: "is not valid UTF-8 (byte 0xff)"}),
		Tool:       Tool{Name: "reportlint", Version: "v1.2.3"},
	}
}

// TestFormats runs every format over the same findings and compares with
// testdata/golden.<format>; -update rewrites them.
func TestFormats(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			f, _ := Get(name)
			var buf bytes.Buffer
			if err := f(&buf, sampleRun(t)); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden."+name)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s (run with -update if right):\n%s", name, golden, buf.String())
			}
		})
	}
	for _, want := range []string{"text", "json", "sarif", "github", "rdjsonl", "checkstyle", "junit"} {
		if _, err := Get(want); err != nil {
			t.Errorf("format %s is missing", want)
		}
	}
}

// A finding whose message holds %, a newline, "::" and a comma still gives
// exactly one well-formed workflow command line.
func TestGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	if err := writeGitHub(&buf, sampleRun(t)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines for 4 findings and a file not read:\n%s", len(lines), buf.String())
	}
	last := lines[3]
	props, msg, ok := strings.Cut(strings.TrimPrefix(last, "::notice "), "::")
	if !ok || !strings.HasPrefix(last, "::notice ") {
		t.Fatalf("not a command: %q", last)
	}
	if msg != "100%25 wrong:%0Aline two, with :: and, commas%0D" {
		t.Errorf("message escaped as %q", msg)
	}
	for _, p := range strings.Split(props, ",") {
		if k, _, ok := strings.Cut(p, "="); !ok || strings.ContainsAny(k, ":%") {
			t.Errorf("bad property %q in %q", p, props)
		}
	}
	if !strings.Contains(props, "file=reports/mali.txt") || !strings.Contains(props, "title=reportlint placeholder-link") {
		t.Errorf("properties %q", props)
	}
}

// rdjsonl counts columns in bytes: "SEVERE" comes after "Goïta’s “CRITICAL” and "
// whose ï, ’, “ and ” take more than one byte each.
func TestRDJSONLByteColumns(t *testing.T) {
	var buf bytes.Buffer
	if err := writeRDJSONL(&buf, sampleRun(t)); err != nil {
		t.Fatal(err)
	}
	first := strings.SplitN(buf.String(), "\n", 2)[0]
	line := "Goïta’s “CRITICAL” and \""
	col := len(line) + 1 // bytes
	want := `"start":{"line":3,"column":` + strconv.Itoa(col) + `},"end":{"line":3,"column":` + strconv.Itoa(col+6) + `}`
	if !strings.Contains(first, want) {
		t.Errorf("got %s\nwant range %s", first, want)
	}
}

// Hostile names and text, as a pull request can bring them: a file name
// with a newline and a forged workflow command, one with terminal escapes
// and a bidi override, report lines that are commands themselves, and a
// rule (of a house pack) whose message and hint quote them.
const (
	forgedPath = "reports/a\n::error title=Forged::Approved.txt"
	escapePath = "reports/b\x1b[31m\u202eevil\u202c\u009b2J.txt"
	forgedText = "Title\n\n::error::Approved by security\n\nSee ##[error]boom and \x1b]0;owned\x07 here, \u202ereversed\u202c.\n"
)

func hostileRun(t *testing.T) *Run {
	t.Helper()
	var views = map[string]source.View{}
	var findings []lint.Finding
	for _, path := range []string{forgedPath, escapePath} {
		f, err := source.New(path, []byte(forgedText))
		if err != nil {
			t.Fatal(err)
		}
		views[path] = f
		for _, needle := range []string{"::error::Approved", "##[error]boom", "\x1b]0;owned"} {
			i := strings.Index(f.Text, needle)
			fd := lint.Finding{Path: path, Rule: "house/quoted", Level: lint.Error,
				Message: "quoting " + needle + " and\n::warning::forged\r\x1b[2J", Hint: "\u202eteg\u202c ##[notice]x\n::notice::y",
				Span: document.Span{Start: i, End: i + len(needle)}}
			fd.Locate(f)
			findings = append(findings, fd)
		}
	}
	return &Run{
		Rules:      []*lint.Rule{{ID: "house/quoted", Level: lint.Error, Summary: "a house rule \x1b[1m##[error]x", Doc: "Doc\n::error::forged\n\u202e"}},
		Documented: map[string]bool{},
		Files:      Collect(views, findings),
		Tool:       Tool{Name: "reportlint", Version: "v1.2.3"},
	}
}

// ownGitHubCommand is the shape of the lines the github format writes.
var ownGitHubCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=reportlint [a-z/-]+::[^\n]*$`)

// Every format keeps hostile names and text from acting on a terminal or a
// CI log: no control or bidi character, no line a runner reads as a
// command but the github format's own; JSON and XML stay well-formed and
// keep the names, escaped, as they are.
func TestFormatsHostile(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			f, _ := Get(name)
			var buf bytes.Buffer
			if err := f(&buf, hostileRun(t)); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for i, r := range out {
				if r < 0x20 && r != '\n' || r == 0x7f || 0x80 <= r && r < 0xa0 || r == 0x2028 || r == 0x2029 ||
					0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 {
					t.Errorf("%U at byte %d:\n%s", r, i, out)
					break
				}
			}
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			for _, line := range lines {
				if strings.Contains(line, "##[") {
					t.Errorf("a runner reads %q as a command", line)
				}
				if strings.HasPrefix(strings.TrimSpace(line), "::") && !(name == "github" && ownGitHubCommand.MatchString(line)) {
					t.Errorf("a runner reads %q as a command", line)
				}
			}
			switch name {
			case "github":
				if len(lines) != 6 {
					t.Errorf("%d lines for 6 findings:\n%s", len(lines), out)
				}
			case "text":
				if !strings.Contains(out, `reports/a\n::error title=Forged::Approved.txt:3:1 error`) || !strings.Contains(out, `reports/b\x1b[31m\u202eevil\u202c\u009b2J.txt:5:5`) {
					t.Errorf("the paths are not shown escaped:\n%s", out)
				}
			case "json", "sarif":
				var v any
				if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
					t.Errorf("not JSON: %v\n%s", err, out)
				}
				if name == "json" {
					var doc struct{ Findings []struct{ Path string } }
					json.Unmarshal(buf.Bytes(), &doc)
					if len(doc.Findings) != 6 || doc.Findings[0].Path != forgedPath || doc.Findings[5].Path != escapePath {
						t.Errorf("the paths do not decode as they are: %+v", doc.Findings)
					}
				}
			case "rdjsonl":
				for _, line := range lines {
					var d struct{ Location struct{ Path string } }
					if err := json.Unmarshal([]byte(line), &d); err != nil || d.Location.Path != forgedPath && d.Location.Path != escapePath {
						t.Errorf("%v: %s", err, line)
					}
				}
			case "checkstyle", "junit":
				dec := xml.NewDecoder(&buf)
				for {
					_, err := dec.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("not well-formed XML: %v\n%s", err, out)
					}
				}
			}
		})
	}
}

// withFailure yields files, then one that could not be read.
func withFailure(files iter.Seq[File], path string, fl *Failure) iter.Seq[File] {
	return func(yield func(File) bool) {
		for f := range files {
			if !yield(f) {
				return
			}
		}
		yield(File{Path: path, Failure: fl})
	}
}
