package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// forged is a name a pull request can give a file or a value: a newline and
// a workflow command, then terminal escapes and a bidi override.
const forged = "a\n::error title=Forged::Approved\x1b[31m\u202e"

// forgedShown is how it reads once made printable.
const forgedShown = `a\n::error title=Forged::Approved\x1b[31m\u202e`

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
			e := &env{stdin: strings.NewReader("Title\n\nGo\xefta\n"), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }}
			code := run(context.Background(), append([]string{"reportlint"}, tc.args...), e)
			want := ExitError
			if tc.args[1] == "--baseline" && tc.args[2] == staleBaseline {
				want = ExitOK // only a note names the entries
			}
			if code != want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, want, stderr.String())
			}
			for name, out := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
				if strings.ContainsAny(out, "\x1b\u202e\r") {
					t.Errorf("%s holds a control or bidi character: %q", name, out)
				}
				for _, line := range strings.Split(out, "\n") {
					if strings.HasPrefix(strings.TrimSpace(line), "::") || strings.Contains(line, "##[") {
						t.Errorf("%s has a line a CI runner reads as a command: %q", name, line)
					}
				}
			}
			if !strings.Contains(stderr.String(), `\n::error`) {
				t.Errorf("stderr does not name the hostile value, escaped:\n%s", stderr.String())
			}
		})
	}
}
