package reportdiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/corpus"
)

// chromium is the path of a headless-capable Chromium, or skips the test
// (Debian's chromium; .ci/run installs it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on the PATH")
	return ""
}

// dumpDOM loads page in a headless Chromium whose window is width pixels
// wide (500 at least: Chromium's own floor) and returns the DOM once the
// page has loaded and the tasks its load started have run.
func dumpDOM(t *testing.T, browser, page string, width int, flags ...string) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "diff.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(browser, append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--window-size=" + itoa(width) + ",900", "--virtual-time-budget=5000",
		"--user-data-dir=" + filepath.Join(dir, "profile"), "--dump-dom", "file://" + path}, flags...)...)
	done := make(chan struct{})
	var out []byte
	var err error
	go func() { out, err = cmd.Output(); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("chromium did not finish in 60 s")
	}
	if err != nil {
		t.Fatalf("chromium: %v", err)
	}
	return string(out)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// layout is what probeScript measures of the rendered page.
type layout struct {
	ScrollWidth, ClientWidth int     // of the document: more scroll than client is a sideways scroll
	Old, New                 box     // the two sides of the first changed paragraph
	OldLine, NewLine         string  // their line numbers as shown
	Ins, Del                 painted // how added and removed words are painted
	RemovedDecoration        string  // of a removed paragraph's text
	Facts                    box
	Body                     painted
	Title, Summary           box
	SummaryText              string
	Note                     box    // the first moved paragraph's note
	NoteText, Stock          string // and the first section's stock line
	NoteColor                string
	RowLines                 []string // each row's new line number, in page order
}

type box struct{ Left, Top, Right, Bottom float64 }

type painted struct{ Background, Color, Decoration string }

// probeScript measures the page in the frame once it has loaded and
// writes what it found as JSON into a <pre id="probe">, for --dump-dom to
// carry out.
const probeScript = `<script>
addEventListener('load', () => {
  const d = document.getElementById('page').contentDocument, css = (e, p) => e ? d.defaultView.getComputedStyle(e, p) : {};
  const q = s => d.querySelector(s);
  const r = e => { if (!e) return {}; const b = e.getBoundingClientRect(); return {Left: b.left, Top: b.top, Right: b.right, Bottom: b.bottom}; };
  const p = e => { const s = css(e); return {Background: s.backgroundColor, Color: s.color, Decoration: s.textDecorationLine}; };
  const ln = e => e ? css(e, '::before').content + e.textContent : '';
  const out = {
    ScrollWidth: d.documentElement.scrollWidth, ClientWidth: d.documentElement.clientWidth,
    Old: r(q('.row.changed .old')), New: r(q('.row.changed .new')),
    OldLine: ln(q('.row.changed .old .ln')), NewLine: ln(q('.row.changed .new .ln')),
    Ins: p(q('ins')), Del: p(q('del')),
    RemovedDecoration: css(q('.row.removed .old .txt')).textDecorationLine || '',
    Facts: r(d.getElementById('facts')), Body: p(d.body),
    Title: r(q('h1')), Summary: r(q('#summary')), SummaryText: q('#summary') ? q('#summary').textContent : '',
    Note: r(q('.row .note')), NoteText: q('.row .note') ? q('.row .note').textContent : '', NoteColor: css(q('.row .note')).color || '',
    Stock: q('.stock') ? q('.stock').textContent : '',
    RowLines: [...d.querySelectorAll('.row .new .ln')].map(e => e.textContent),
  };
  const pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out); document.body.append(pre);
});
</script>`

var probeOut = regexp.MustCompile(`<pre id="probe">(.*?)</pre>`)

// measure renders page in a frame width pixels wide (a phone's screen
// can be narrower than Chromium's narrowest window) and measures it from
// the frame's parent. The page keeps its own Content-Security-Policy: its
// stylesheet must match the policy's hash, or nothing would be styled.
func measure(t *testing.T, browser, page string, width int, flags ...string) layout {
	t.Helper()
	outer := `<!DOCTYPE html><html><body style="margin:0"><iframe id="page" style="border:0;width:` + itoa(width) +
		`px;height:900px" srcdoc="` + html.EscapeString(page) + `"></iframe>` + probeScript + `</body></html>`
	m := probeOut.FindStringSubmatch(dumpDOM(t, browser, outer, max(width, 500)+100, flags...))
	if m == nil {
		t.Fatalf("the probe found nothing at %d px", width)
	}
	var l layout
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// layoutEditions make a page with every kind of row: a rating escalated, a
// paragraph changed, one removed, one added holding a 300-character word
// (an address with no place to break), and a contact added whose address
// is as long, for the facts table.
func layoutEditions(t *testing.T) string {
	t.Helper()
	old := "OSAC Country Security Report\n\nGhana\n\nCrime\n\nThe U.S. Department of State has assessed Accra as being a **HIGH**-threat location for crime directed at or affecting official U.S. government interests.\n\nPickpockets work the markets at dusk.\n\nCarry a copy of your passport.\n"
	new := "OSAC Country Security Report\n\nGhana\n\nCrime\n\nThe U.S. Department of State has assessed Accra as being a **CRITICAL**-threat location for crime directed at or affecting official U.S. government interests.\n\nCarry a copy of your passport.\n\nSee https://example.org/" + strings.Repeat("x", 300) + " for the list.\n\nWrite to acs" + strings.Repeat("y", 150) + "@state.gov for help.\n"
	o, of := side(t, "old.txt", []byte(old))
	n, nf := side(t, "new.txt", []byte(new))
	var buf bytes.Buffer
	if err := renderHTML(&buf, Compare(o, n, of, nf), false); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// In a browser, the page shows a changed paragraph old beside new on a
// desktop and the two stacked on a phone, with each side's line number,
// never wider than the screen; added and removed words are painted apart.
func TestHTMLLayoutInChromium(t *testing.T) {
	browser := chromium(t)
	page := layoutEditions(t)

	desk := measure(t, browser, page, 1280)
	if desk.Old.Top != desk.New.Top || desk.Old.Right > desk.New.Left {
		t.Errorf("desktop: old %+v and new %+v are not side by side", desk.Old, desk.New)
	}
	if desk.OldLine != "none7" || desk.NewLine != "none7" {
		t.Errorf("desktop: line numbers %q and %q, want 7 and 7 with no label", desk.OldLine, desk.NewLine)
	}

	phone := measure(t, browser, page, 390)
	if phone.ClientWidth != 390 || desk.ClientWidth != 1280 {
		t.Fatalf("the pages were %d and %d px wide, not 390 and 1280", phone.ClientWidth, desk.ClientWidth)
	}
	if phone.New.Top < phone.Old.Bottom || phone.New.Left != phone.Old.Left {
		t.Errorf("phone: old %+v and new %+v are not stacked", phone.Old, phone.New)
	}
	if phone.OldLine != `"old "7` || phone.NewLine != `"new "7` {
		t.Errorf("phone: line numbers %q and %q, want each side named", phone.OldLine, phone.NewLine)
	}

	for name, l := range map[string]layout{"desktop": desk, "phone": phone} {
		if l.ScrollWidth > l.ClientWidth || l.Facts.Right > float64(l.ClientWidth) {
			t.Errorf("%s: the page is %d px wide in a %d px window (facts end at %.0f): it scrolls sideways", name, l.ScrollWidth, l.ClientWidth, l.Facts.Right)
		}
		transparent := "rgba(0, 0, 0, 0)"
		if l.Ins.Background == transparent || l.Del.Background == transparent || l.Ins.Background == l.Del.Background || l.Ins.Color == l.Del.Color {
			t.Errorf("%s: added %+v and removed %+v words are not painted apart", name, l.Ins, l.Del)
		}
		// Struck through too, for a reader who cannot tell red from green.
		if l.Del.Decoration != "line-through" || l.Ins.Decoration != "none" || l.RemovedDecoration != "line-through" {
			t.Errorf("%s: removed text %+v / %q is not struck through, or added text is", name, l.Del, l.RemovedDecoration)
		}
	}
}

// The facts text and Markdown give show on the page too, at a desktop's
// width and a phone's: the one-line summary under the title and above the
// facts, a renamed region as one row, a stock paragraph grouped on a line,
// a paragraph moved and edited as one row with its note in view, and the
// rows in the new edition's line order.
func TestHTMLFactsInChromium(t *testing.T) {
	browser := chromium(t)
	data, err := os.ReadFile("testdata/planted/base.txt")
	if err != nil {
		t.Fatal(err)
	}
	old := string(data)
	police := "Police answered 412 reports of pickpocketing in the old souk during the last year, according to the interior ministry.\n\n"
	new := strings.NewReplacer(
		"**Jleeb Al-Shuyoukh – Level 3: Reconsider Travel**", "**Jeleeb Al-Shuyoukh – Level 4: Do Not Travel**",
		police, "",
		"If you decide", strings.Replace(police, "412", "457", 1)+"If you decide",
		"to receive Alerts.", "to receive Alerts and updates.",
	).Replace(old)
	o, of := side(t, "old.txt", []byte(old))
	n, nf := side(t, "new.txt", []byte(new))
	var buf bytes.Buffer
	if err := renderHTML(&buf, Compare(o, n, of, nf), false); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if !strings.Contains(page, "region: Jeleeb Al-Shuyoukh (was Jleeb Al-Shuyoukh)") {
		t.Errorf("the renamed region is not one row with its old name")
	}
	for name, width := range map[string]int{"desktop": 1280, "phone": 390} {
		l := measure(t, browser, page, width)
		if l.SummaryText != "1 region raised to Level 4; 2 paragraphs changed, 1 moved and changed" {
			t.Errorf("%s: summary %q", name, l.SummaryText)
		}
		if l.Summary.Top < l.Title.Bottom || l.Summary.Bottom > l.Facts.Top {
			t.Errorf("%s: the summary %+v is not between the title %+v and the facts %+v", name, l.Summary, l.Title, l.Facts)
		}
		if l.NoteText != "(moved)" || l.Note.Right > float64(l.ClientWidth) || l.Note.Bottom <= l.Note.Top || brightness(l.NoteColor) == brightness(l.Body.Color) {
			t.Errorf("%s: the moved note %q at %+v in %s is not in view and set apart", name, l.NoteText, l.Note, l.NoteColor)
		}
		if !strings.HasPrefix(l.Stock, "= 1 stock paragraph changed") {
			t.Errorf("%s: stock line %q", name, l.Stock)
		}
		if !slices.IsSortedFunc(l.RowLines, func(a, b string) int { return cmpLine(a) - cmpLine(b) }) || len(l.RowLines) < 2 {
			t.Errorf("%s: rows at new lines %q, not in line order", name, l.RowLines)
		}
		if l.ScrollWidth > l.ClientWidth {
			t.Errorf("%s: the page is %d px wide in a %d px window", name, l.ScrollWidth, l.ClientWidth)
		}
	}
}

// cmpLine is a shown line number as a number.
func cmpLine(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

// A reader whose system is dark gets a dark page, its added and removed
// words still painted apart and readable.
func TestHTMLDarkInChromium(t *testing.T) {
	browser := chromium(t)
	page := layoutEditions(t)
	light := measure(t, browser, page, 1280, "--blink-settings=preferredColorScheme=1")
	dark := measure(t, browser, page, 1280, "--blink-settings=preferredColorScheme=0")
	if brightness(light.Body.Background) < 600 || brightness(dark.Body.Background) > 150 || brightness(dark.Body.Color) < 600 {
		t.Errorf("light page %+v, dark page %+v: want light on dark", light.Body, dark.Body)
	}
	if dark.Ins.Background == dark.Del.Background || brightness(dark.Ins.Color)-brightness(dark.Ins.Background) < 300 || brightness(dark.Del.Color)-brightness(dark.Del.Background) < 300 {
		t.Errorf("dark page: added %+v and removed %+v words are not painted apart and readable", dark.Ins, dark.Del)
	}
}

// brightness is the sum of a CSS rgb() colour's channels (0 to 765).
func brightness(rgb string) int {
	var r, g, b int
	if _, err := fmt.Sscanf(rgb, "rgb(%d, %d, %d)", &r, &g, &b); err != nil {
		return -1000
	}
	return r + g + b
}

// The page loads and runs nothing of its own accord: a script that found
// its way in (here put there on purpose) does not run under its policy.
func TestHTMLPolicyBlocksScripts(t *testing.T) {
	browser := chromium(t)
	page := strings.Replace(layoutEditions(t), "</body>", "<script>document.title='ran'</script></body>", 1)
	if dom := dumpDOM(t, browser, page, 800); strings.Contains(dom, "<title>ran</title>") || !strings.Contains(dom, "<title>reportlint diff") {
		t.Errorf("a script ran on the page:\n%s", dom)
	}
}

// One self-contained page: nothing in it names another resource to load.
func TestHTMLSelfContained(t *testing.T) {
	page := layoutEditions(t)
	for _, bad := range []string{"<link", "<script", "<img", "<iframe", "@import", "url(", "src="} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
}

// benchRenderHTML renders the comparison of two editions of a synthetic
// report of about size bytes as the HTML page.
func benchRenderHTML(b *testing.B, size int) {
	old := corpus.Report(1, corpus.Options{Size: size})
	oldSide, of := side(b, "old.txt", []byte(old))
	newSide, nf := side(b, "new.txt", []byte(corpus.Edition(old, 2)))
	res := Compare(oldSide, newSide, of, nf)
	b.ReportAllocs()
	for b.Loop() {
		if err := renderHTML(io.Discard, res, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderHTML20KB(b *testing.B) { benchRenderHTML(b, 20<<10) }
func BenchmarkRenderHTML1MB(b *testing.B)  { benchRenderHTML(b, 1<<20) }

// benchRawHTML compares a Markdown edition with one whose n paragraphs
// each gained inline HTML and an HTML block: putting the HTML back in
// place must stay linear in n.
func benchRawHTML(b *testing.B, n int) {
	var old, new strings.Builder
	old.WriteString("# Title\n\n## Crime\n\n")
	new.WriteString("# Title\n\n## Crime\n\n")
	for i := range n {
		fmt.Fprintf(&old, "Item %d is here.\n\n", i)
		fmt.Fprintf(&new, "Item <b>%d</b> is here.\n\n<div>%d</div>\n\n", i, i)
	}
	oldSide, of := side(b, "old.md", []byte(old.String()))
	newSide, nf := side(b, "new.md", []byte(new.String()))
	b.SetBytes(int64(old.Len() + new.Len()))
	for b.Loop() {
		if res := Compare(oldSide, newSide, of, nf); res.Empty() {
			b.Fatal("no changes found")
		}
	}
}

func BenchmarkDiffRawHTML10k(b *testing.B) { benchRawHTML(b, 10_000) }
func BenchmarkDiffRawHTML40k(b *testing.B) { benchRawHTML(b, 40_000) }
