package baseline

import (
	"math/rand/v2"
	"path/filepath"
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
