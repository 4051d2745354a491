package baseline

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func finding(t *testing.T, f *source.File, rule, needle string, nth int) lint.Finding {
	t.Helper()
	i := -1
	for n := 0; n <= nth; n++ {
		j := strings.Index(f.Text[i+1:], needle)
		if j < 0 {
			t.Fatalf("%q not found", needle)
		}
		i += 1 + j
	}
	fd := lint.Finding{Path: f.Path, Rule: rule, Message: "m", Span: document.Span{Start: i, End: i + len(needle)}}
	fd.Locate(f)
	return fd
}

func TestFingerprintSurvivesMovesNotEdits(t *testing.T) {
	old, _ := source.New("r.txt", []byte("Title\n\nSee the [toolkit](#) and the [guide](TODO).\n"))
	moved, _ := source.New("r.txt", []byte("Title\n\nA new paragraph.\n\nSee the [toolkit](#) and the [guide](TODO).\n"))
	neighbour, _ := source.New("r.txt", []byte("Title\n\nSee the [toolkit](https://x.org) and the [guide](TODO).\n"))
	edited, _ := source.New("r.txt", []byte("Title\n\nRead the [guide](TODO).\n"))
	fp := func(f *source.File, needle string) string {
		return Fingerprint(f, finding(t, f, "placeholder-link", needle, 0), "r.txt")
	}
	if fp(old, "[guide](TODO)") != fp(moved, "[guide](TODO)") {
		t.Error("moving a finding down changed its fingerprint")
	}
	if fp(old, "[guide](TODO)") != fp(neighbour, "[guide](TODO)") {
		t.Error("fixing the link next to it changed its fingerprint")
	}
	if fp(old, "[guide](TODO)") == fp(edited, "[guide](TODO)") {
		t.Error("rewording the sentence around it kept its fingerprint")
	}
	if fp(old, "[guide](TODO)") == fp(old, "[toolkit](#)") {
		t.Error("two findings share a fingerprint")
	}
}

// record builds a baseline of findings of one file, as a run does.
func record(t *testing.T, base string, f *source.File, findings []lint.Finding) *File {
	t.Helper()
	r := NewRecorder(base)
	rec := r.File(f.Path, f)
	for _, fd := range findings {
		rec.Add(fd)
	}
	r.Done(rec)
	b, err := r.Baseline()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// match runs findings of one file through a matcher, as a run does, and
// returns those shown.
func match(m *Matcher, f *source.File, findings []lint.Finding) []lint.Finding {
	fm := m.File(f.Path, f)
	var shown []lint.Finding
	for _, fd := range findings {
		if fm.Show(fd) {
			shown = append(shown, fd)
		}
	}
	m.Done(fm)
	return shown
}

// Each entry hides one finding: a third identical problem is new.
func TestMatcherCountsRepeats(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.txt")
	base := filepath.Join(dir, "baseline.json")
	two, _ := source.New(path, []byte("T\n\nA [x](#).\n\nA [x](#).\n"))
	three, _ := source.New(path, []byte("T\n\nA [x](#).\n\nA [x](#).\n\nA [x](#).\n"))
	var fs []lint.Finding
	for i := 0; i < 2; i++ {
		fs = append(fs, finding(t, two, "placeholder-link", "[x](#)", i))
	}
	if err := record(t, base, two, fs).Write(base); err != nil {
		t.Fatal(err)
	}
	read, err := Read(base)
	if err != nil {
		t.Fatal(err)
	}
	var now []lint.Finding
	for i := 0; i < 3; i++ {
		now = append(now, finding(t, three, "placeholder-link", "[x](#)", i))
	}
	m := read.Matcher(base)
	shown := match(m, three, now)
	if len(shown) != 1 || m.Hidden != 2 || len(m.Unmatched()) != 0 {
		t.Errorf("shown %d hidden %d stale %d, want 1, 2, 0", len(shown), m.Hidden, len(m.Unmatched()))
	}
	if read.Findings[0].Path != "r.txt" {
		t.Errorf("paths are recorded relative to the baseline: %q", read.Findings[0].Path)
	}
}

// Entries that hid nothing are stale, but only for files the run checked;
// a file checked twice (standard input named as a file also given) leaves
// an entry stale only if it hid nothing in either, whatever the order.
func TestMatcherUnmatched(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "baseline.json")
	a, _ := source.New(filepath.Join(dir, "a.txt"), []byte("T\n\nA [x](#) and [y](#).\n"))
	fixed, _ := source.New(a.Path, []byte("T\n\nA [x](#) and y.\n"))
	other, _ := source.New(filepath.Join(dir, "b.txt"), []byte("T\n\nB [z](#).\n"))
	b := record(t, base, a, []lint.Finding{finding(t, a, "placeholder-link", "[x](#)", 0), finding(t, a, "placeholder-link", "[y](#)", 0)})
	rb := record(t, base, other, []lint.Finding{finding(t, other, "placeholder-link", "[z](#)", 0)})
	b.Findings = append(b.Findings, rb.Findings...)

	stale := func(m *Matcher) []string {
		var out []string
		for _, e := range m.Unmatched() {
			out = append(out, e.Path+":"+strconv.Itoa(e.Line))
		}
		return out
	}
	xFixed := []lint.Finding{finding(t, fixed, "placeholder-link", "[x](#)", 0)}
	both := []lint.Finding{finding(t, a, "placeholder-link", "[x](#)", 0), finding(t, a, "placeholder-link", "[y](#)", 0)}

	m := b.Matcher(base)
	match(m, fixed, xFixed)
	if got := stale(m); !reflect.DeepEqual(got, []string{"a.txt:3"}) {
		t.Errorf("stale %v, want [a.txt:3] (the [y] entry; b.txt was not checked)", got)
	}
	for _, order := range [][2]*source.File{{fixed, a}, {a, fixed}} {
		m := b.Matcher(base)
		for _, f := range order {
			if f == fixed {
				match(m, f, xFixed)
			} else {
				match(m, f, both)
			}
		}
		if got := stale(m); len(got) != 0 || m.Hidden != 3 {
			t.Errorf("checked as %s then %s: stale %v, hidden %d; want none stale, 3 hidden", order[0].Text[10:], order[1].Text[10:], got, m.Hidden)
		}
	}
}

// A baseline is written as json.MarshalIndent writes it, one entry at a
// time, and the recorder knows its size as it goes, to within 4 bytes
// above.
func TestWriteAsMarshalIndent(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "baseline.json")
	f, _ := source.New(filepath.Join(dir, "r<&>.txt"), []byte("T\n\nA [x](#) and [y](#).\n"))
	messages := []string{"plain", "quote \" and \\ and \n and \t", "<b>&amp;</b>", "bad \xff byte", "line\u2028sep", "北京 “x”"}
	for n := 0; n <= len(messages); n++ {
		var fs []lint.Finding
		for i, msg := range messages[:n] {
			fd := finding(t, f, "placeholder-link", []string{"[x](#)", "[y](#)"}[i%2], 0)
			fd.Message = msg
			fs = append(fs, fd)
		}
		r := NewRecorder(base)
		rec := r.File(f.Path, f)
		for _, fd := range fs {
			rec.Add(fd)
		}
		r.Done(rec)
		b, err := r.Baseline()
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Write(base); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(base)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.MarshalIndent(b, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if want = append(want, '\n'); string(got) != string(want) {
			t.Fatalf("%d entries: wrote\n%s\nwant\n%s", n, got, want)
		}
		if size := r.size.Load(); size < int64(len(got)) || size > int64(len(got))+4 {
			t.Errorf("%d entries: the recorder counted %d bytes, the file has %d", n, size, len(got))
		}
	}
}

// Findings recorded in the order the rules report them are written in the
// order of the findings: by line, then column, span, rule and message.
func TestRecorderOrdersAsFindings(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "baseline.json")
	f, _ := source.New(filepath.Join(dir, "r.txt"), []byte("T\n\nA [x](#) and [y](#).\n\nB [z](#).\n"))
	x, y, z := finding(t, f, "b-rule", "[x](#)", 0), finding(t, f, "b-rule", "[y](#)", 0), finding(t, f, "b-rule", "[z](#)", 0)
	xa := x
	xa.Rule = "a-rule"
	var got []string
	for _, e := range record(t, base, f, []lint.Finding{z, y, x, xa}).Findings {
		got = append(got, e.Rule+":"+strconv.Itoa(e.Line))
	}
	if want := []string{"a-rule:3", "b-rule:3", "b-rule:3", "b-rule:5"}; !reflect.DeepEqual(got, want) {
		t.Errorf("entries %v, want %v", got, want)
	}
	b := record(t, base, f, []lint.Finding{z, y, x, xa})
	if b.Findings[1].Fingerprint != Fingerprint(f, x, "r.txt") {
		t.Errorf("the second entry is not [x]'s")
	}
}

// Past the size a baseline may have when read, the recorder holds no more
// entries, only counts, and refuses to give a baseline: one could not be
// read back, and one of only some findings would show the rest as new.
func TestRecorderRefusesPastTheLimit(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "baseline.json")
	text := "T\n\n" + strings.Repeat("A [x](#).\n", 100)
	a, _ := source.New(filepath.Join(dir, "a.txt"), []byte(text))
	b, _ := source.New(filepath.Join(dir, "b.txt"), []byte(text+text))
	r := NewRecorder(base)
	r.kind.Limit = 9 << 10 // some 40 entries
	for _, f := range []*source.File{a, b} {
		rec := r.File(f.Path, f)
		for i := range strings.Count(f.Text, "[x]") {
			rec.Add(finding(t, f, "placeholder-link", "[x](#)", i))
		}
		if len(rec.entries) > 50 {
			t.Errorf("%s: %d entries held past the limit", f.Path, len(rec.entries))
		}
		r.Done(rec)
	}
	if len(r.entries) != 0 {
		t.Errorf("%d entries held past the limit", len(r.entries))
	}
	_, err := r.Baseline()
	if want := "the 300 findings of this run are over the 9 KiB limit"; err == nil || !strings.Contains(err.Error(), want) || !strings.HasSuffix(err.Error(), "; the most are in "+b.Path+" (200); nothing was written") {
		t.Errorf("got %v, want %q … and the file with the most", err, want)
	}
}

// The words either side of a finding, read outward from it, are those of
// splitting the whole text into words, on text of letters (accented, in
// other scripts, upper case) and the marks between them.
func TestNeighbourWordsAsSplittingAll(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "B", "é", "Ü", "北", " ", "-", "1", "[x](#)", "“", ".", "İ", "Ⅻ"}
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for b.Len() < n%60 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		all := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
		wantLast := all[max(len(all)-neighbours, 0):]
		wantFirst := all[:min(len(all), neighbours)]
		if got := lastWords(s, false, neighbours); strings.Join(got, " ") != strings.Join(wantLast, " ") {
			t.Fatalf("lastWords(%q) = %q, want %q", s, got, wantLast)
		}
		if got := firstWords(s, false, neighbours); strings.Join(got, " ") != strings.Join(wantFirst, " ") {
			t.Fatalf("firstWords(%q) = %q, want %q", s, got, wantFirst)
		}
	}
	// Cut from a longer line, a word at the cut may be a piece: left out.
	if got := lastWords("ending here", true, 3); strings.Join(got, " ") != "here" {
		t.Errorf("lastWords of a cut text = %q, want [here]", got)
	}
	if got := firstWords("start of", true, 3); strings.Join(got, " ") != "start" {
		t.Errorf("firstWords of a cut text = %q, want [start]", got)
	}
}

// An indexed line gives the words reading it gives, wherever the finding
// is: next to letters of any script, far from any, in the middle of a
// rune, near the cuts wordReach bytes away, which may split a rune.
func TestIndexedWordsAsRead(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "Bc", "é", "北京", " ", "-", "1", "[x](#)", "“", ".", "İ", "𝒜", strings.Repeat("7", 900), strings.Repeat("é", 500)}
	for n := 0; n < 300; n++ {
		var b strings.Builder
		b.WriteString("T\n\n")
		for size := r.IntN(3 * wordReach); b.Len() < size; {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		b.WriteString("\n")
		f, err := source.New("r.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		x := newWordIndex()
		x.asked[3] = indexAfter // the next question indexes line 3
		for k := 0; k < 50; k++ {
			off := f.LineStart(3) + r.IntN(len(f.Line(3))+1)
			if k%5 == 0 { // near a cut
				off = f.LineStart(3) + min(max(wordReach+r.IntN(9)-4, 0), len(f.Line(3)))
			}
			if got, want := x.lastWords(f, 3, off), lastWords(readAround(f, off, true)); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("line of %d bytes, at %d: words before %q, want %q", len(f.Line(3)), off-f.LineStart(3), got, want)
			}
			if got, want := x.firstWords(f, 3, off), firstWords(readAround(f, off, false)); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("line of %d bytes, at %d: words after %q, want %q", len(f.Line(3)), off-f.LineStart(3), got, want)
			}
		}
		if _, ok := x.runs[3]; !ok {
			t.Fatal("line 3 was not indexed")
		}
	}
}

// readAround is what Fingerprint reads either side of offset on line 3.
func readAround(f *source.File, offset int, before bool) (string, bool, int) {
	line, at, lo, hi, cut := around(f, 3, offset, before)
	if before {
		return line[lo:at], cut, neighbours
	}
	return line[at:hi], cut, neighbours
}
