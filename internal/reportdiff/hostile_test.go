package reportdiff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// Two editions with hostile names and text, as a pull request can bring
// them: paths with a newline and a workflow command or a terminal escape,
// a section title with a bidi override, paragraphs holding commands.
func hostileResult(t *testing.T) *Result {
	t.Helper()
	const report = `{"title": "Ghana Report", "country": "Ghana\u001b[31m", "sections": [{"title": "Crime\u202e", "level": 1, "paragraphs": [` +
		`{"text": "Street crime is %s.\n::error::Forged\u001b[31m ##[error]x\u2028::notice::y"}%s]}]}`
	o, of := side(t, "old\n::error title=Forged::Approved.json", []byte(strings.Replace(strings.Replace(report, "%s", "common", 1), "%s", "", 1)))
	n, nf := side(t, "new\x1b]0;owned\x07.json", []byte(strings.Replace(strings.Replace(report, "%s", "rare", 1), "%s", `, {"text": "New\n::warning::para\u001b[2J"}`, 1)))
	return Compare(o, n, of, nf)
}

// The text renderer prints names and report text so that none can act on
// a terminal or a CI log; JSON keeps them as they are, with JSON's escapes.
func TestRenderHostile(t *testing.T) {
	var text bytes.Buffer
	if err := renderText(&text, hostileResult(t), false); err != nil {
		t.Fatal(err)
	}
	out := text.String()
	for _, want := range []string{`old: old\n::error title=Forged::Approved.json`, `new: new\x1b]0;owned\a.json`, `"Crime\u202e" changed`, `{+rare+}`} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	var js bytes.Buffer
	if err := renderJSON(&js, hostileResult(t), false); err != nil {
		t.Fatal(err)
	}
	var back struct{ Old, New struct{ Path string } }
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Old.Path != "old\n::error title=Forged::Approved.json" || back.New.Path != "new\x1b]0;owned\x07.json" {
		t.Errorf("JSON paths %+v (%v)", back, err)
	}
	for format, out := range map[string]string{"text": out, "json": js.String()} {
		for i, r := range out {
			if r < 0x20 && r != '\n' || r == 0x7f || 0x80 <= r && r < 0xa0 || r == 0x2028 || r == 0x2029 || 0x202a <= r && r <= 0x202e {
				t.Errorf("%s: %U at byte %d:\n%s", format, r, i, out)
				break
			}
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "::") || strings.Contains(line, "##[") {
				t.Errorf("%s: a runner reads %q as a command", format, line)
			}
		}
	}
}
