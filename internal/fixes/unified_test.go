package fixes

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// tenLines is "line 1\n" … "line 10\n", with changes made by naming lines.
func tenLines(change map[int]string) string {
	var b strings.Builder
	for i := 1; i <= 10; i++ {
		if s, ok := change[i]; ok {
			b.WriteString(s)
			continue
		}
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.String()
}

// The expected diffs are what `git diff --no-index` prints for the same
// files, without git's "diff --git"/"index" lines and the section heading it
// appends to @@ lines.
func TestUnified(t *testing.T) {
	base := tenLines(nil)
	cases := []struct {
		name     string
		old, new string
		want     string
	}{
		{"identical", base, base, ""},
		{"both empty", "", "", ""},
		{"change in the middle", base, tenLines(map[int]string{5: "line five\n"}), `--- a/r.md
+++ b/r.md
@@ -2,7 +2,7 @@
 line 2
 line 3
 line 4
-line 5
+line five
 line 6
 line 7
 line 8
`},
		{"change at the start", base, tenLines(map[int]string{1: "line one\n"}), `--- a/r.md
+++ b/r.md
@@ -1,4 +1,4 @@
-line 1
+line one
 line 2
 line 3
 line 4
`},
		{"change at the end", base, tenLines(map[int]string{10: "line ten\n"}), `--- a/r.md
+++ b/r.md
@@ -7,4 +7,4 @@
 line 7
 line 8
 line 9
-line 10
+line ten
`},
		{"insert lines", base, tenLines(map[int]string{4: "line 4\nnew a\nnew b\n"}), `--- a/r.md
+++ b/r.md
@@ -2,6 +2,8 @@
 line 2
 line 3
 line 4
+new a
+new b
 line 5
 line 6
 line 7
`},
		{"delete lines", base, tenLines(map[int]string{3: "", 4: "", 5: ""}), `--- a/r.md
+++ b/r.md
@@ -1,8 +1,5 @@
 line 1
 line 2
-line 3
-line 4
-line 5
 line 6
 line 7
 line 8
`},
		{"changes seven lines apart make two hunks", base, tenLines(map[int]string{2: "two\n", 10: "ten\n"}), `--- a/r.md
+++ b/r.md
@@ -1,5 +1,5 @@
 line 1
-line 2
+two
 line 3
 line 4
 line 5
@@ -7,4 +7,4 @@
 line 7
 line 8
 line 9
-line 10
+ten
`},
		{"changes six lines apart share one", base, tenLines(map[int]string{2: "two\n", 9: "nine\n"}), `--- a/r.md
+++ b/r.md
@@ -1,10 +1,10 @@
 line 1
-line 2
+two
 line 3
 line 4
 line 5
 line 6
 line 7
 line 8
-line 9
+nine
 line 10
`},
		{"no final newline, as context", "line 1\nline 2\nline 3", "line 1\nline two\nline 3", `--- a/r.md
+++ b/r.md
@@ -1,3 +1,3 @@
 line 1
-line 2
+line two
 line 3
\ No newline at end of file
`},
		{"final newline added", "line 1\nline 2\nline 3", "line 1\nline 2\nline 3\n", `--- a/r.md
+++ b/r.md
@@ -1,3 +1,3 @@
 line 1
 line 2
-line 3
\ No newline at end of file
+line 3
`},
		{"last line changed, neither with a newline", "a\nb", "a\nc", `--- a/r.md
+++ b/r.md
@@ -1,2 +1,2 @@
 a
-b
\ No newline at end of file
+c
\ No newline at end of file
`},
		{"from empty", "", "a\nb\n", `--- a/r.md
+++ b/r.md
@@ -0,0 +1,2 @@
+a
+b
`},
		{"to empty", "line 1\nline 2\nline 3", "", `--- a/r.md
+++ b/r.md
@@ -1,3 +0,0 @@
-line 1
-line 2
-line 3
\ No newline at end of file
`},
		{"one line each side", "x\n", "y\n", `--- a/r.md
+++ b/r.md
@@ -1 +1 @@
-x
+y
`},
		{"CRLF kept in the lines", "a\r\nb\r\n", "a\r\nc\r\n", "--- a/r.md\n+++ b/r.md\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Unified("r.md", []byte(c.old), []byte(c.new))
			if got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

func TestUnifiedPath(t *testing.T) {
	for in, want := range map[string]string{
		"r.md":          "r.md",
		"./docs/r.md":   "docs/r.md",
		"/abs/r.md":     "abs/r.md",
		"docs/../r.md":  "r.md",
		"../up/r.md":    "../up/r.md",
		"with space.md": "with space.md",
	} {
		got := Unified(in, []byte("a\n"), []byte("b\n"))
		if first := strings.SplitN(got, "\n", 3); first[0] != "--- a/"+want || first[1] != "+++ b/"+want {
			t.Errorf("%q: headers %q, want a/%s and b/%s", in, first[:2], want, want)
		}
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyUnified applies a unified diff to old the way patch does, checking
// every context and deleted line, so that a wrong diff cannot pass.
func applyUnified(t *testing.T, old, diff string) string {
	t.Helper()
	if diff == "" {
		return old
	}
	a := splitLines([]byte(old))
	lines := strings.SplitAfter(diff, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- a/") || !strings.HasPrefix(lines[1], "+++ b/") {
		t.Fatalf("bad headers in\n%s", diff)
	}
	var out []string
	next := 0 // index in a of the first line not yet copied
	lastOldEnd := 0
	for i := 2; i < len(lines); {
		m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(lines[i], "\n"))
		if m == nil {
			t.Fatalf("line %d: want a hunk header, got %q in\n%s", i, lines[i], diff)
		}
		num := func(s string, def int) int {
			if s == "" {
				return def
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		oldStart, oldCount := num(m[1], 0), num(m[2], 1)
		newCount := num(m[4], 1)
		from := oldStart - 1
		if oldCount == 0 {
			from = oldStart // the hunk goes after line oldStart
		}
		if from < lastOldEnd {
			t.Fatalf("hunks overlap or go backwards in\n%s", diff)
		}
		out = append(out, a[next:from]...)
		next = from
		i++
		seenOld, seenNew := 0, 0
		for i < len(lines) && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			body := l[1:]
			// A "\ No newline" marker takes the newline off the line before it.
			if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if next >= len(a) || a[next] != body {
					t.Fatalf("hunk line %q does not match old line %d in\n%s", l, next+1, diff)
				}
				next++
				seenOld++
				if l[0] == ' ' {
					out = append(out, body)
					seenNew++
				}
			case '+':
				out = append(out, body)
				seenNew++
			default:
				t.Fatalf("bad hunk line %q in\n%s", l, diff)
			}
			i++
		}
		if seenOld != oldCount || seenNew != newCount {
			t.Fatalf("hunk %q counts %d,%d lines, header says %d,%d in\n%s", m[0], seenOld, seenNew, oldCount, newCount, diff)
		}
		lastOldEnd = next
	}
	out = append(out, a[next:]...)
	return strings.Join(out, "")
}

// randomEdit changes a few lines of lines: replacing, inserting, deleting,
// and now and then dropping or adding the final newline.
func randomEdit(rng *rand.Rand, lines []string, vocab []string) []string {
	out := append([]string(nil), lines...)
	for n := rng.IntN(6); n > 0; n-- {
		i := rng.IntN(len(out) + 1)
		switch rng.IntN(3) {
		case 0:
			if i < len(out) {
				out[i] = vocab[rng.IntN(len(vocab))] + "\n"
			}
		case 1:
			out = append(out[:i], append([]string{vocab[rng.IntN(len(vocab))] + "\n"}, out[i:]...)...)
		case 2:
			if i < len(out) {
				k := min(len(out), i+1+rng.IntN(3))
				out = append(out[:i], out[k:]...)
			}
		}
	}
	return out
}

func randomLines(rng *rand.Rand, n int, vocab []string) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = vocab[rng.IntN(len(vocab))] + "\n"
	}
	return lines
}

func dropFinalNewline(rng *rand.Rand, s string) string {
	if rng.IntN(4) == 0 {
		return strings.TrimSuffix(s, "\n")
	}
	return s
}

func TestUnifiedAppliesBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	// A small vocabulary makes many repeated lines, where alignment is hard.
	vocab := []string{"", "a", "b", "c", "# heading", "- item", "text"}
	for iter := 0; iter < 3000; iter++ {
		old := randomLines(rng, rng.IntN(40), vocab)
		new := randomEdit(rng, old, vocab)
		if rng.IntN(5) == 0 {
			new = randomLines(rng, rng.IntN(40), vocab) // unrelated
		}
		o := dropFinalNewline(rng, strings.Join(old, ""))
		n := dropFinalNewline(rng, strings.Join(new, ""))
		diff := Unified("r.md", []byte(o), []byte(n))
		if (diff == "") != (o == n) {
			t.Fatalf("old %q new %q: diff %q", o, n, diff)
		}
		if got := applyUnified(t, o, diff); got != n {
			t.Fatalf("old %q new %q: diff\n%s\napplies to %q", o, n, diff, got)
		}
	}
}

// lcsLength is the textbook dynamic programme, to check that the diff is a
// shortest one.
func lcsLength(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func TestDiffLinesIsShortest(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	vocab := []string{"a", "b", "c", "d", "e"}
	for iter := 0; iter < 3000; iter++ {
		a := randomLines(rng, rng.IntN(30), vocab)
		b := randomEdit(rng, a, vocab)
		if rng.IntN(3) == 0 {
			b = randomLines(rng, rng.IntN(30), vocab)
		}
		ops := diffLines(a, b)
		equal := 0
		i, j := 0, 0
		for _, o := range ops {
			switch o.kind {
			case opEqual:
				if o.a != i || o.b != j || a[i] != b[j] {
					t.Fatalf("%q → %q: bad equal op %+v", a, b, o)
				}
				equal, i, j = equal+1, i+1, j+1
			case opDelete:
				if o.a != i {
					t.Fatalf("%q → %q: bad delete op %+v", a, b, o)
				}
				i++
			case opInsert:
				if o.b != j {
					t.Fatalf("%q → %q: bad insert op %+v", a, b, o)
				}
				j++
			}
		}
		if i != len(a) || j != len(b) {
			t.Fatalf("%q → %q: script covers %d and %d lines", a, b, i, j)
		}
		if want := lcsLength(a, b); equal != want {
			t.Fatalf("%q → %q: %d equal lines, a shortest diff has %d", a, b, equal, want)
		}
	}
}

// Past expensiveCost the diff may be longer than needed but must still be right.
func TestUnifiedExpensiveInputsStayCorrect(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	vocab := make([]string, 50)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("line %d", i)
	}
	old := randomLines(rng, 6000, vocab)
	new := randomLines(rng, 6000, vocab)
	o, n := strings.Join(old, ""), strings.Join(new, "")
	diff := Unified("r.md", []byte(o), []byte(n))
	if got := applyUnified(t, o, diff); got != n {
		t.Fatal("the diff of two unrelated texts does not apply back")
	}
}

// However early the budget runs out, the edit script must still be right.
func TestDiffLinesOutOfBudgetStaysCorrect(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	vocab := []string{"a", "b", "c"}
	for iter := 0; iter < 500; iter++ {
		a := randomLines(rng, rng.IntN(200), vocab)
		b := randomEdit(rng, a, vocab)
		if rng.IntN(2) == 0 {
			b = randomLines(rng, rng.IntN(200), vocab)
		}
		var gotA, gotB []string
		for _, o := range diffLinesWithin(a, b, rng.IntN(100)) {
			if o.kind == opEqual && a[o.a] != b[o.b] {
				t.Fatalf("%q → %q: equal op %+v joins different lines", a, b, o)
			}
			if o.kind != opInsert {
				gotA = append(gotA, a[o.a])
			}
			if o.kind != opDelete {
				gotB = append(gotB, b[o.b])
			}
		}
		if !slices.Equal(gotA, a) || !slices.Equal(gotB, b) {
			t.Fatalf("%q → %q: script reads %q and builds %q", a, b, gotA, gotB)
		}
	}
}

func TestUnifiedIsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	vocab := []string{"a", "b", "", "c"}
	old := strings.Join(randomLines(rng, 200, vocab), "")
	new := strings.Join(randomEdit(rng, splitLines([]byte(old)), vocab), "")
	first := Unified("r.md", []byte(old), []byte(new))
	for i := 0; i < 20; i++ {
		if Unified("r.md", []byte(old), []byte(new)) != first {
			t.Fatal("two runs gave different diffs")
		}
	}
}

// A diff of hostile text and names prints nothing that acts on a terminal
// or a CI log: the path is one line, and each line of report text is made
// printable (source.PrintableText), its tabs and CRLF kept so that an
// ordinary report's diff still applies.
func TestUnifiedHostile(t *testing.T) {
	old := "Title\r\n\tkept tab\r\n::error::Approved\r\nsee ##[error]boom \x1b[2J\u202eevil\r\nend \"quoted\"\r\n"
	new := strings.Replace(old, `"quoted"`, "“quoted”", 1)
	got := Unified("a\n::error title=Forged::Approved\x1b[31m.txt", []byte(old), []byte(new))
	want := "--- a/a\\n::error title=Forged::Approved\\x1b[31m.txt\n" +
		"+++ b/a\\n::error title=Forged::Approved\\x1b[31m.txt\n" +
		"@@ -2,4 +2,4 @@\n" +
		" \tkept tab\r\n" +
		" \\x3a:error::Approved\r\n" +
		" see ##\\x5berror]boom \\x1b[2J\\u202eevil\r\n" +
		"-end \"quoted\"\r\n" +
		"+end “quoted”\r\n"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}
