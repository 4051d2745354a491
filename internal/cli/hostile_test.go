package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/source/sourcetest"
)

// forged is a name a pull request can give a file or a value: a newline and
// a workflow command, then terminal escapes and a bidi override.
const forged = "a\n::error title=Forged::Approved\x1b[31m\u202e"

// forgedShown is how it reads once made printable.
const forgedShown = `a\n::error title=Forged::Approved\x1b[31m\u202e`

// ownGitHubCommand is the shape of the lines of check --format github.
var ownGitHubCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^:,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=reportlint [a-z/-]+::`)

// unprintable lists what in out could act on a terminal or a CI log (see
// sourcetest.Unprintable); with github, the github format's own commands
// are allowed.
func unprintable(out string, github bool) []string {
	return sourcetest.Unprintable(out, func(line string) bool { return github && ownGitHubCommand.MatchString(line) })
}

// Every message on standard error that names a hostile path or quotes a
// hostile value prints it escaped: no ESC reaches the terminal and no line
// is one a CI runner reads as a command; the message still names it.
func TestErrorsPrintHostileNames(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", "Title\n\nSome text.\n")
	latin1 := write(forged+".txt", "Title\n\nGo\xefta\n")
	write("walked/"+forged+".txt", "Title\n\nab\x00c\n")
	badConfig := write(forged+".yaml", "rules: [\n")
	// strconv.Quote writes escapes YAML reads in double quotes too.
	valueConfig := write("value/.reportlint.yaml", "profile: "+strconv.Quote(forged)+"\n")
	badSchema := write(forged+".json", "{ not json")
	write("packs/"+forged+".yaml", "pack: x\nrules: 3\n")
	packConfig := write("packs/.reportlint.yaml", "packs: ["+strconv.Quote(forged+".yaml")+"]\n")
	write("profiles/"+forged+".yaml", "name: [\n")
	profileConfig := write("profiles/.reportlint.yaml", "profiles: ["+strconv.Quote(forged+".yaml")+"]\n")
	staleBaseline := write("stale.json", `{"version": 1, "tool": "reportlint", "findings": [{"path": "good.txt", "rule": "r\n::error::y", "fingerprint": "f", "message": "m\n::error::z\u001b[2J", "line": 1}]}`)
	missing := filepath.Join(dir, forged)
	fixable := write("fix/"+forged+".txt", "Title\n\n\"straight\" and “curly”.\n")

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"a path that is not there", []string{"check", missing}},
		{"a report that is not UTF-8", []string{"check", latin1}},
		{"a report found by a walk", []string{"check", filepath.Join(dir, "walked")}},
		{"parse", []string{"parse", latin1}},
		{"diff", []string{"diff", missing, latin1}},
		{"diff REV:PATH", []string{"diff", "HEAD:" + forged, good}},
		{"fix", []string{"fix", latin1}},
		{"fix --write, the file changed meanwhile", []string{"fix", "--write", fixable}},
		{"a configuration that is not there", []string{"check", "--config", missing, good}},
		{"a configuration that is not YAML", []string{"check", "--config", badConfig, good}},
		{"a value of the configuration", []string{"check", "--config", valueConfig, good}},
		{"a schema", []string{"check", "--schema", badSchema, good}},
		{"a pack", []string{"check", "--config", packConfig, good}},
		{"a pack, for rules", []string{"rules", "--config", packConfig}},
		{"a house profile", []string{"check", "--config", profileConfig, good}},
		{"a baseline that is not there", []string{"check", "--baseline", missing, good}},
		{"a baseline's stale entries", []string{"check", "--baseline", staleBaseline, good}},
		{"a baseline written", []string{"check", "--write-baseline", filepath.Join(dir, "nowhere", forged), good}},
		{"--output", []string{"check", "--output", filepath.Join(missing, "out.txt"), good}},
		{"--changed-since", []string{"check", "--changed-since", forged, good}},
		{"an unknown flag", []string{"check", "--" + forged, good}},
		{"--stdin-filename", []string{"check", "--stdin-filename", forged + ".txt", "-"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			e := &env{stdin: strings.NewReader("Title\n\nGo\xefta\n"), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" },
				// An editor saves the file between fix reading and writing it.
				beforeWrite: func(path string) { os.WriteFile(path, []byte("Title\n\nEdited.\n"), 0o644) }}
			code := run(context.Background(), append([]string{"reportlint"}, tc.args...), e)
			want := ExitError
			if tc.args[1] == "--baseline" && tc.args[2] == staleBaseline {
				want = ExitOK // only a note names the entries
			}
			if code != want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, want, stderr.String())
			}
			for name, out := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
				if problems := unprintable(out, false); len(problems) > 0 {
					t.Errorf("%s: %s in:\n%q", name, strings.Join(problems, "; "), out)
				}
			}
			if strings.Contains(tc.name, "meanwhile") && !strings.Contains(stderr.String(), "changed since it was read") {
				t.Errorf("fix did not find the file changed:\n%s", stderr.String())
			}
			if !strings.Contains(stderr.String(), `\n::error`) {
				t.Errorf("stderr does not name the hostile value, escaped:\n%s", stderr.String())
			}
		})
	}
}

// A house pack is as hostile as a report: rules and explain print its
// names, summaries, docs and examples, and where it is, printable.
func TestRulesAndExplainPrintHostilePacks(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	pack := "pack: house\nrules:\n  - name: forged\n    kind: existence\n    message: 'quoting {{match}}'\n    tokens: [hereby]\n" +
		"    profiles: [" + strconv.Quote("generic\n::error::profile\x1b[31m") + "]\n" +
		"    summary: " + strconv.Quote("a summary \x1b]0;owned\x07 ##[error]x") + "\n" +
		"    doc: " + strconv.Quote("First line.\n::error title=Forged::Approved\n\u202eevil\u202c\n\tindented") + "\n" +
		"    bad: " + strconv.Quote("::warning::bad example\x1b[2J") + "\n" +
		"    good: " + strconv.Quote("  ::notice::good example") + "\n"
	if err := os.WriteFile(filepath.Join(dir, forged+".yaml"), []byte(pack), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "house.yaml"), []byte("packs: ["+strconv.Quote(forged+".yaml")+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"rules", "--config", "house.yaml"}, {"explain", "house/forged", "--config", "house.yaml"}} {
		var stdout, stderr bytes.Buffer
		e := &env{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
		if code := run(context.Background(), append([]string{"reportlint"}, args...), e); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", args[0], code, stderr.String())
		}
		out := stdout.String()
		if problems := unprintable(out, false); len(problems) > 0 {
			t.Errorf("%s: %s in:\n%q", args[0], strings.Join(problems, "; "), out)
		}
		// Tabs and line breaks are kept in a doc, but nowhere else.
		wants := []string{`generic\n::error::profile\x1b[31m`, `a summary \x1b]0;owned\a ##\x5berror]x`}
		if args[0] == "explain" {
			wants = append(wants, "First line.\n\\x3a:error title=Forged::Approved\n\\u202eevil\\u202c\n\tindented\n",
				"    \\x3a:warning::bad example\\x1b[2J\n", "    \\x3a:notice::good example\n", "/"+forgedShown+".yaml:3.")
		}
		for _, want := range wants {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", args[0], want, out)
			}
		}
	}
}

// parse prints a report's text as JSON that keeps it as it is but writes
// what could act on a terminal or a CI log with JSON's escapes.
func TestParsePrintsHostileText(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	const text = "Street crime.\n::error::Forged\x1b[31m ##[error]x \u202eevil\u202c \u009b2J"
	quoted, _ := json.Marshal(text)
	report := `{"title": "Ghana Report", "country": "Ghana", "sections": [{"title": "Crime", "level": 1, "paragraphs": [{"text": ` + string(quoted) + `}]}]}`
	if err := os.WriteFile(filepath.Join(dir, "r.json"), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
	if code := run(context.Background(), []string{"reportlint", "parse", "r.json"}, e); code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := stdout.String()
	if problems := unprintable(out, false); len(problems) > 0 {
		t.Errorf("parse: %s in:\n%s", strings.Join(problems, "; "), out)
	}
	var back struct {
		Sections []struct{ Paragraphs []struct{ Text string } }
	}
	if err := json.Unmarshal(stdout.Bytes(), &back); err != nil || len(back.Sections) != 1 || back.Sections[0].Paragraphs[0].Text != text {
		t.Errorf("parse output does not decode to the text (%v):\n%s", err, out)
	}
}
