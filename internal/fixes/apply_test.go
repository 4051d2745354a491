package fixes

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

func mustFile(t testing.TB, raw string) *source.File {
	t.Helper()
	f, err := source.New("report.md", []byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// edit builds an edit replacing the first occurrence of old in text, so that
// tests name places by their text, not by counted offsets.
func edit(t *testing.T, text, old, new string) lint.Edit {
	t.Helper()
	i := strings.Index(text, old)
	if i < 0 {
		t.Fatalf("%q not in text", old)
	}
	return lint.Edit{Span: document.Span{Start: i, End: i + len(old)}, New: new}
}

func insertAt(t *testing.T, text, before, new string) lint.Edit {
	t.Helper()
	i := strings.Index(text, before)
	if i < 0 {
		t.Fatalf("%q not in text", before)
	}
	return lint.Edit{Span: document.Span{Start: i, End: i}, New: new}
}

// The same report saved four ways; every fix must keep the way it was saved.
var encodings = []struct {
	name   string
	encode func(lf string) string
}{
	{"LF", func(s string) string { return s }},
	{"CRLF", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
	{"BOM+LF", func(s string) string { return "\uFEFF" + s }},
	{"BOM+CRLF", func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }},
}

func TestApplyKeepsBOMAndLineEnds(t *testing.T) {
	const text = "# Title\n" +
		"\n" +
		"The first paragraph,\n" +
		"\n" +
		"cut in two by mistake.\n" +
		"A \"quoted\" word.\n" +
		"Last line.\n"
	cases := []struct {
		name  string
		edits func(t *testing.T) []lint.Edit
		want  string // with LF line ends and no BOM
	}{
		{
			name: "delete a line break joining two paragraphs",
			edits: func(t *testing.T) []lint.Edit {
				return []lint.Edit{edit(t, text, "paragraph,\n\ncut", "paragraph, cut")}
			},
			want: "# Title\n\nThe first paragraph, cut in two by mistake.\nA \"quoted\" word.\nLast line.\n",
		},
		{
			name: "delete only the line ends",
			edits: func(t *testing.T) []lint.Edit {
				return []lint.Edit{edit(t, text, ",\n\n", ", ")}
			},
			want: "# Title\n\nThe first paragraph, cut in two by mistake.\nA \"quoted\" word.\nLast line.\n",
		},
		{
			name: "replace quote characters",
			edits: func(t *testing.T) []lint.Edit {
				e1 := edit(t, text, `"quoted`, "\u201cquoted")
				e2 := edit(t, text, `" word`, "\u201d word")
				e1.Span.End, e2.Span.End = e1.Span.Start+1, e2.Span.Start+1
				e1.New, e2.New = "\u201c", "\u201d"
				return []lint.Edit{e2, e1} // out of order on purpose
			},
			want: "# Title\n\nThe first paragraph,\n\ncut in two by mistake.\nA \u201cquoted\u201d word.\nLast line.\n",
		},
		{
			name: "replace a line's text up to its line end",
			edits: func(t *testing.T) []lint.Edit {
				return []lint.Edit{edit(t, text, "Last line.", "The last line.")}
			},
			want: "# Title\n\nThe first paragraph,\n\ncut in two by mistake.\nA \"quoted\" word.\nThe last line.\n",
		},
		{
			name: "insert text with a newline",
			edits: func(t *testing.T) []lint.Edit {
				return []lint.Edit{insertAt(t, text, "Last line.", "Inserted one.\nInserted two.\n")}
			},
			want: "# Title\n\nThe first paragraph,\n\ncut in two by mistake.\nA \"quoted\" word.\nInserted one.\nInserted two.\nLast line.\n",
		},
		{
			name: "insert a line at the very start",
			edits: func(t *testing.T) []lint.Edit {
				return []lint.Edit{{Span: document.Span{}, New: "---\n"}}
			},
			want: "---\n# Title\n\nThe first paragraph,\n\ncut in two by mistake.\nA \"quoted\" word.\nLast line.\n",
		},
		{
			name: "append at the very end",
			edits: func(t *testing.T) []lint.Edit {
				n := len(text)
				return []lint.Edit{{Span: document.Span{Start: n, End: n}, New: "\nAppendix.\n"}}
			},
			want: text + "\nAppendix.\n",
		},
		{
			name: "replace a line end with a new paragraph break",
			edits: func(t *testing.T) []lint.Edit {
				return []lint.Edit{edit(t, text, "mistake.\n", "mistake.\n\n")}
			},
			want: "# Title\n\nThe first paragraph,\n\ncut in two by mistake.\n\nA \"quoted\" word.\nLast line.\n",
		},
	}
	for _, enc := range encodings {
		for _, c := range cases {
			t.Run(enc.name+"/"+c.name, func(t *testing.T) {
				f := mustFile(t, enc.encode(text))
				if f.Text != text {
					t.Fatalf("normalised text differs: %q", f.Text)
				}
				got, err := Apply(f, c.edits(t))
				if err != nil {
					t.Fatal(err)
				}
				if want := enc.encode(c.want); string(got) != want {
					t.Errorf("got  %q\nwant %q", got, want)
				}
			})
		}
	}
}

func TestApplyMixedLineEndsFollowsTheMajority(t *testing.T) {
	// Two LF line ends, one CRLF: inserted line ends are LF.
	f := mustFile(t, "a\nb\r\nc\n")
	got, err := Apply(f, []lint.Edit{{Span: document.Span{Start: 2, End: 2}, New: "x\n"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\nx\nb\r\nc\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Two CRLF, one LF: CRLF.
	f = mustFile(t, "a\r\nb\nc\r\n")
	got, err = Apply(f, []lint.Edit{{Span: document.Span{Start: 2, End: 2}, New: "x\n"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\r\nx\r\nb\nc\r\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestApplyDoesNotDoubleCR(t *testing.T) {
	f := mustFile(t, "a\r\nb\r\n")
	got, err := Apply(f, []lint.Edit{{Span: document.Span{Start: 2, End: 2}, New: "x\r\ny\n"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "a\r\nx\r\ny\r\nb\r\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestApplyRefusesBadEdits(t *testing.T) {
	f := mustFile(t, "0123456789\n")
	bad := map[string][]lint.Edit{
		"overlap":       {{Span: document.Span{Start: 1, End: 5}}, {Span: document.Span{Start: 4, End: 6}}},
		"past the end":  {{Span: document.Span{Start: 5, End: 20}}},
		"negative":      {{Span: document.Span{Start: -1, End: 2}}},
		"end before it": {{Span: document.Span{Start: 5, End: 4}}},
	}
	for name, edits := range bad {
		if got, err := Apply(f, edits); err == nil {
			t.Errorf("%s: no error; got %q", name, got)
		}
	}
	// Identical edits, as two fixes may offer, apply once; touching ones both apply.
	same := lint.Edit{Span: document.Span{Start: 1, End: 3}, New: "X"}
	got, err := Apply(f, []lint.Edit{same, {Span: document.Span{Start: 3, End: 4}, New: "Y"}, same})
	if err != nil {
		t.Fatal(err)
	}
	if want := "0XY456789\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Whatever the file's encoding, Apply must mean what lint.ApplyEdits means on
// the normalised text, and must keep the BOM and a CRLF file's line ends.
func TestApplyAgreesWithApplyEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "b", "é", "\"", " ", "\n", "\n\n", "word"}
	news := []string{"", "x", "\n", "y\nz", "\u201c", "\n\n"}
	for iter := 0; iter < 2000; iter++ {
		var sb strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := sb.String()
		// Random non-overlapping edits on rune boundaries.
		var bounds []int
		for i := range text {
			bounds = append(bounds, i)
		}
		bounds = append(bounds, len(text))
		var edits []lint.Edit
		at := 0
		for at < len(bounds) && rng.IntN(3) > 0 {
			s := at + rng.IntN(len(bounds)-at)
			e := s + rng.IntN(min(3, len(bounds)-s))
			edits = append(edits, lint.Edit{Span: document.Span{Start: bounds[s], End: bounds[e]}, New: news[rng.IntN(len(news))]})
			at = e + 1
		}
		rng.Shuffle(len(edits), func(i, j int) { edits[i], edits[j] = edits[j], edits[i] })
		want, err := lint.ApplyEdits(text, edits)
		if err != nil {
			t.Fatal(err)
		}
		for _, enc := range encodings {
			f := mustFile(t, enc.encode(text))
			got, err := Apply(f, edits)
			if err != nil {
				t.Fatalf("%s %q %v: %v", enc.name, text, edits, err)
			}
			back := mustFile(t, string(got))
			if back.Text != want {
				t.Fatalf("%s %q %v:\ngot  %q\nwant %q", enc.name, text, edits, back.Text, want)
			}
			if back.HasBOM != f.HasBOM {
				t.Fatalf("%s %q %v: BOM lost or added: %q", enc.name, text, edits, got)
			}
			if strings.Contains(enc.name, "CRLF") && UsesCRLF(f.Raw) && strings.Count(string(got), "\n") != strings.Count(string(got), "\r\n") {
				t.Fatalf("%s %q %v: bare LF in a CRLF file: %q", enc.name, text, edits, got)
			}
		}
	}
}

func fix(msg string, spans ...[2]int) *lint.Fix {
	f := &lint.Fix{Message: msg}
	for _, s := range spans {
		f.Edits = append(f.Edits, lint.Edit{Span: document.Span{Start: s[0], End: s[1]}, New: strings.ToUpper(msg)})
	}
	return f
}

func TestPlanPicksNonOverlappingFixesInOrder(t *testing.T) {
	//                 0123456789012345678
	f := mustFile(t, "aaaa bbbb cccc dddd\r\n")
	fixes := []*lint.Fix{
		fix("x", [2]int{0, 4}),                 // aaaa → X
		fix("y", [2]int{2, 7}),                 // overlaps x: skipped
		nil,                                    // a finding without a fix
		fix("z", [2]int{10, 14}, [2]int{3, 4}), // its second edit overlaps x: skipped whole
		fix("w", [2]int{15, 19}),               // dddd → W
		fix("v", [2]int{5, 9}),                 // bbbb → V, after w in order but earlier in the text
		{Message: "empty"},                     // no edits: not counted
		fix("w", [2]int{15, 19}),               // same edit as w: harmless, applies once
		fix("i", [2]int{19, 19}),               // insertion at the line end
	}
	data, applied, err := Plan(f, fixes)
	if err != nil {
		t.Fatal(err)
	}
	if want := "X V cccc WI\r\n"; string(data) != want {
		t.Errorf("data = %q, want %q", data, want)
	}
	if applied != 5 {
		t.Errorf("applied = %d, want 5", applied)
	}
}

func TestPlanWithoutFixesKeepsTheFile(t *testing.T) {
	f := mustFile(t, "\uFEFFsame\r\n")
	data, applied, err := Plan(f, nil)
	if err != nil || applied != 0 || string(data) != string(f.Raw) {
		t.Errorf("Plan(nil) = %q, %d, %v", data, applied, err)
	}
}

func TestPlanRefusesABrokenFix(t *testing.T) {
	f := mustFile(t, "abcdef\n")
	for _, broken := range []*lint.Fix{
		fix("self-overlapping", [2]int{0, 3}, [2]int{2, 4}),
		fix("outside", [2]int{5, 50}),
	} {
		if _, _, err := Plan(f, []*lint.Fix{fix("ok", [2]int{0, 1}), broken}); err == nil || !strings.Contains(err.Error(), broken.Message) {
			t.Errorf("%s: err = %v, want one naming the fix", broken.Message, err)
		}
	}
}

func TestFixesOf(t *testing.T) {
	a, b := fix("a", [2]int{0, 1}), fix("b", [2]int{1, 2})
	got := FixesOf([]lint.Finding{{Fix: a}, {}, {Fix: b}})
	if len(got) != 2 || got[0] != a || got[1] != b {
		t.Errorf("FixesOf = %v", got)
	}
}
