package baseline

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
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

// Each entry hides one finding: a third identical problem is new.
func TestFilterCountsRepeats(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.txt")
	base := filepath.Join(dir, "baseline.json")
	two, _ := source.New(path, []byte("T\n\nA [x](#).\n\nA [x](#).\n"))
	three, _ := source.New(path, []byte("T\n\nA [x](#).\n\nA [x](#).\n\nA [x](#).\n"))
	var fs []lint.Finding
	for i := 0; i < 2; i++ {
		fs = append(fs, finding(t, two, "placeholder-link", "[x](#)", i))
	}
	b := Build(base, fs, map[string]source.View{path: two})
	if err := b.Write(base); err != nil {
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
	shown, hidden, stale := read.Filter(base, now, map[string]source.View{path: three})
	if len(shown) != 1 || hidden != 2 || len(stale) != 0 {
		t.Errorf("shown %d hidden %d stale %d, want 1, 2, 0", len(shown), hidden, len(stale))
	}
	if read.Findings[0].Path != "r.txt" {
		t.Errorf("paths are recorded relative to the baseline: %q", read.Findings[0].Path)
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
