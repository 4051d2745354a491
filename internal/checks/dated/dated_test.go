package dated

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/rules"
)

// TestRules runs every rule of the package over its fixtures under
// testdata/<rule-id>/, with want markers checked both ways.
func TestRules(t *testing.T) { linttest.RunRules(t, "testdata", Rules()) }

// Every rule is documented, and its own examples behave: Bad is flagged,
// Good is not.
func TestRuleDocsAndExamples(t *testing.T) {
	want := []string{"undated-relative-time", "date-missing-year", "future-date", "unsourced-statistic"}
	var ids []string
	for _, rule := range Rules() {
		ids = append(ids, rule.ID)
		if rule.Summary == "" || rule.Doc == "" || rule.Bad == "" || rule.Good == "" {
			t.Errorf("rule %s needs a summary, a doc and a bad and a good example", rule.ID)
			continue
		}
		if rule.Summary != strings.ToLower(rule.Summary[:1])+rule.Summary[1:] {
			t.Errorf("rule %s: summary should start in lower case", rule.ID)
		}
		for _, o := range lint.OptionDocs(rule) {
			if o.Doc == "" {
				t.Errorf("rule %s: option %s has no doc", rule.ID, o.Name)
			}
		}
		if v, ok := rule.Options().(lint.Validator); ok {
			if err := v.Validate(); err != nil {
				t.Errorf("rule %s: default options do not validate: %v", rule.ID, err)
			}
		}
		bad, _ := linttest.Findings(t, rule, "bad.txt", rule.Bad+"\n", linttest.Settings{})
		if len(bad) == 0 {
			t.Errorf("rule %s does not flag its Bad example %q", rule.ID, rule.Bad)
		}
		for _, f := range bad {
			if f.Message == "" || f.Hint == "" || f.Message != strings.ToLower(f.Message[:1])+f.Message[1:] {
				t.Errorf("rule %s: finding %q needs a lower-case message and a hint", rule.ID, f.Message)
			}
		}
		if good, _ := linttest.Findings(t, rule, "good.txt", rule.Good+"\n", linttest.Settings{}); len(good) > 0 {
			t.Errorf("rule %s flags its Good example: %s", rule.ID, good[0].Message)
		}
	}
	if !slices.Equal(ids, want) {
		t.Errorf("Rules() = %v, want %v", ids, want)
	}
}

// Bad option values are refused with the option's name.
func TestOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		opts lint.Validator
		want string
	}{
		{&undatedOptions{Points: list{"later"}, Ignore: list{}, DatePrecision: "year"}, "points"},
		{&undatedOptions{Points: list{"past"}, Ignore: list{}, DatePrecision: "week"}, "date-precision"},
		{&missingYearOptions{PreviousSentences: -1}, "previous-sentences"},
		{&futureOptions{GraceDays: -2, ExtraMarkers: list{}}, "grace-days"},
		{&statOptions{MinCount: 10, MaxGap: -1, CasualtyWindow: 4, ExtraAttributions: list{}}, "max-gap"},
		{&statOptions{MinCount: 10, MaxGap: 2, CasualtyWindow: 4}, "extra-attributions"},
	} {
		if err := tc.opts.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%T: error %v, want one naming %s", tc.opts, err, tc.want)
		}
	}
}

// The embedded word lists load, and a file with a list missing (a typo in a
// key) or an unknown key is refused rather than silently switching a check off.
func TestDataLoads(t *testing.T) {
	if _, err := LoadData(rules.FS, DataPath); err != nil {
		t.Fatal(err)
	}
	raw, err := rules.FS.ReadFile(DataPath)
	if err != nil {
		t.Fatal(err)
	}
	typo := strings.Replace(string(raw), "\nattributions:", "\nattribution:", 1)
	if _, err := LoadData(fstest.MapFS{"d.yaml": {Data: []byte(typo)}}, "d.yaml"); err == nil {
		t.Error("a misspelt key was accepted")
	}
	if _, err := LoadData(fstest.MapFS{"d.yaml": {Data: []byte("anchors: [x]\n")}}, "d.yaml"); err == nil || !strings.Contains(err.Error(), "missing or empty") {
		t.Errorf("a file with lists missing: %v", err)
	}
}

func TestTokenize(t *testing.T) {
	var got []string
	u := tokenize("Mali’s 1,200 G5 troops—(ACLED) 15th, 3.5% 8000-1115 ߇0")
	for i := range u.toks {
		got = append(got, u.lower(i))
	}
	want := []string{"mali's", "1,200", "g5", "troops", "—", "(", "acled", ")", "15th", ",", "3.5", "%", "8000", "-", "1115", "߇0"}
	if !slices.Equal(got, want) {
		t.Errorf("tokens %q, want %q", got, want)
	}
	set := compileSet([]string{"per {name}", "according to"})
	u = tokenize("as given per day, per ACLED and According  to the UN")
	var found []string
	for i := 0; i < len(u.toks); i++ {
		if end, ok := set.matchAt(u, i, len(u.toks), nil); ok {
			found = append(found, fmt.Sprint(u.lower(i), "…", u.lower(end-1)))
		}
	}
	if !slices.Equal(found, []string{"per…acled", "according…to"}) {
		t.Errorf("phrases found: %q", found)
	}
}

// maxTokens never counts fewer tokens than tokenize makes, and about as
// many for prose and for a run of marks.
func TestMaxTokensBoundsTokenize(t *testing.T) {
	pieces := []string{"Mali’s", " ", "1,200", "G5", "—", "(", "ACLED", ")", "15th", ",", "3.5", "%", "8000-1115", "߇0", "[", "北京", "\t", "e\u0301", "'", "x"}
	r := rand.New(rand.NewPCG(15, 16))
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for m := r.IntN(30); m > 0; m-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if text := b.String(); maxTokens(text) < len(tokenize(text).toks) {
			t.Fatalf("maxTokens(%q) = %d, tokenize makes %d", text, maxTokens(text), len(tokenize(text).toks))
		}
	}
	for _, text := range []string{"Crime is common in the capital. ", strings.Repeat("[", 100)} {
		if got, want := maxTokens(text), len(tokenize(text).toks); got != want {
			t.Errorf("maxTokens(%q) = %d, want %d", text, got, want)
		}
	}
}

// samplesAsOf pins the as-of date of the sample run; no rule here reads it,
// but the findings must not depend on the day the tests run.
var samplesAsOf = time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)

// The real reports get exactly these findings, each of which an editor
// would agree with (see the package's rule docs for the near misses they
// contain: "From April to July" after "February 2024" in its sentence, the
// 2026 election plan, ACLED's attack count, the media's death toll).
func TestSamples(t *testing.T) {
	const dir = "../../../../shared/samples"
	want := map[string][]string{
		"osac-mali-2024.txt": {
			`undated-relative-time 67:334 "recently"`,
			`undated-relative-time 75:62 "the last decade"`,
			`date-missing-year 77:4 "September 17"`,
		},
		"advisory-mali-2023.txt":  nil,
		"advisory-egypt-2024.txt": nil,
		"advisory-egypt-2025.txt": nil,
	}
	for name, lines := range want {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Skip("sample not available")
			}
			got := runAll(t, name, raw)
			if !slices.Equal(got, lines) {
				t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(lines, "\n"))
			}
		})
	}
}

// runAll runs every rule of the package on a report and lists the findings
// as "rule line:column quoted-text".
func runAll(t *testing.T, name string, raw []byte) []string {
	t.Helper()
	return runAllMemo(t, name, raw, nil)
}

// runAllMemo is runAll with the rules sharing memo, as the engine's do,
// which is released afterwards.
func runAllMemo(t *testing.T, name string, raw []byte, memo map[string]any) []string {
	t.Helper()
	defer lint.ReleaseShared(memo)
	f, err := source.New(name, raw)
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return runParsed(t, f, r, memo)
}

// runParsed is runAllMemo on a parsed report.
func runParsed(t testing.TB, f *source.File, r *document.Report, memo map[string]any) []string {
	t.Helper()
	prof, ok := profile.Default().Get(r.Profile)
	if !ok {
		t.Fatalf("profile %s", r.Profile)
	}
	var out []string
	for _, rule := range Rules() {
		var found []lint.Finding
		pass := lint.NewPass(rule, f, r, prof, samplesAsOf, rule.Options(), rule.Level, func(fd lint.Finding) {
			fd.Locate(f)
			found = append(found, fd)
		})
		pass.Memo = memo
		rule.Run(pass)
		slices.SortFunc(found, func(a, b lint.Finding) int { return a.Span.Start - b.Span.Start })
		for _, fd := range found {
			out = append(out, fmt.Sprintf("%s %d:%d %q", fd.Rule, fd.Start.Line, fd.Start.Column, f.Text[fd.Span.Start:fd.Span.End]))
		}
	}
	return out
}

// TestReusedBlocks: a report analysed in the token and sentence blocks
// another report's analysis released, full of that report's tokens and
// sentences (here, junk), gets the findings it gets in blocks of its own.
func TestReusedBlocks(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.txt")
	if err != nil || len(files) < 4 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	junk := make([]token, 1<<12)
	for i := range junk {
		junk[i] = token{lo: 1, ln: 1 << 20, folded: true, start: 1, end: 1 << 20, kind: tokPunct, upper: true, inDate: true, inRelative: true}
	}
	junkSents := make([]sentence, 1<<10)
	for i := range junkSents {
		junkSents[i] = sentence{start: 3, end: 1 << 20, tok0: 2, tok1: 1 << 20}
	}
	for round := range 2 {
		for _, name := range files {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			raw = wantRE.ReplaceAll(raw, nil)
			want := runAll(t, name, raw) // no memo: nothing released or reused
			b, s := slices.Clone(junk)[:0], slices.Clone(junkSents)[:0]
			tokenBlocks.Put(&b)
			sentenceBlocks.Put(&s)
			fb := []byte(strings.Repeat("JUNK", 1<<10))[:0]
			foldBuffers.Put(&fb)
			ju := slices.Repeat([]unit{{bare: true, folded: "JUNK", toks: junk[:3], sents: junkSents[:2]}}, 1<<10)[:0]
			unitBlocks.Put(&ju)
			jp := slices.Repeat([]*unit{{bare: true, folded: "JUNK"}}, 1<<10)[:0]
			unitPtrBlocks.Put(&jp)
			if got := runAllMemo(t, name, raw, map[string]any{}); !slices.Equal(got, want) {
				t.Errorf("round %d, %s: in reused blocks\n%s\nalone\n%s", round, name, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
	ua := []unit{{folded: "x", toks: junk[:1]}}
	a := &analysis{toks: [][]token{make([]token, 3), make([]token, 0, maxPooled+1)}, sents: [][]sentence{nil}, fold: [][]byte{nil}, unitArr: ua, ptrArr: []*unit{&ua[0]}}
	pa := a.ptrArr
	a.Release()
	if a.toks != nil || a.sents != nil || a.fold != nil || a.units != nil || a.unitArr != nil || a.ptrArr != nil {
		t.Error("Release kept the blocks it lent")
	}
	if ua[0].folded != "" || ua[0].toks != nil || pa[0] != nil {
		t.Error("Release lent units that still point into their report")
	}
}

// A report in JSON (as `reportlint parse` prints it) gets the same findings
// as the text it came from: its dates are found again in its paragraphs.
func TestJSONReportsLikeText(t *testing.T) {
	for _, rule := range Rules() {
		fixtures, _ := filepath.Glob(filepath.Join("testdata", rule.ID, "*.txt"))
		for _, fx := range fixtures {
			raw, err := os.ReadFile(fx)
			if err != nil {
				t.Fatal(err)
			}
			text := wantRE.ReplaceAllString(string(raw), "")
			fromText, _ := linttest.Findings(t, rule, "r.txt", text, linttest.Settings{})
			f, err := source.New("r.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			r, err := parse.Parse(f, parse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			js, err := json.Marshal(document.ProjectValues(r))
			if err != nil {
				t.Fatal(err)
			}
			fromJSON, _ := linttest.Findings(t, rule, "r.json", string(js), linttest.Settings{})
			// The JSON gives the publication date in ISO form only.
			a := messages(fromText)
			if written := f.Text[r.Published.Span.Start:r.Published.Span.End]; written != "" {
				for i := range a {
					a[i] = strings.ReplaceAll(a[i], written, r.Published.Value)
				}
			}
			if b := messages(fromJSON); !slices.Equal(a, b) {
				t.Errorf("%s: from text:\n%s\nfrom JSON:\n%s", fx, strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
		}
	}
}

var wantRE = regexp.MustCompile(`<!--\s*want\s+"(?:[^"\\]|\\.)*"\s*-->`)

func messages(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Message)
	}
	return out
}

// No text makes a rule panic or report outside the file.
func FuzzRules(f *testing.F) {
	for _, rule := range Rules() {
		f.Add(rule.Bad, false)
		f.Add(rule.Good, true)
	}
	f.Add("Published: November 29, 2024\n\nOn March 3, 2026, (was, killed 70, -) on April 2 and, 2025; 1,200 attacks", false)
	f.Add("# T\n\n- In 2024, recently; the 2026 budget, aged 30, $50, 12 people were killed (ACLED)", true)
	f.Fuzz(func(t *testing.T, text string, markdown bool) {
		name := "f.txt"
		if markdown {
			name = "f.md"
		}
		src, err := source.New(name, []byte(text))
		if err != nil {
			return // refused input (invalid UTF-8, NUL)
		}
		r, err := parse.Parse(src, parse.Options{})
		if err != nil {
			return
		}
		prof, ok := profile.Default().Get(r.Profile)
		if !ok {
			t.Fatalf("profile %s", r.Profile)
		}
		for _, rule := range Rules() {
			rule.Run(lint.NewPass(rule, src, r, prof, samplesAsOf, rule.Options(), rule.Level, func(fd lint.Finding) {
				if fd.Span.Start < 0 || fd.Span.End < fd.Span.Start || fd.Span.End > len(src.Text) {
					t.Errorf("%s: span %v outside the file of %d bytes", rule.ID, fd.Span, len(src.Text))
				}
			}))
		}
	})
}

// BenchmarkRules runs the four rules over the fixtures repeated into one
// report of about 220 KB; the cost grows linearly with the text.
func BenchmarkRules(b *testing.B) {
	var text strings.Builder
	text.WriteString("OSAC Country Security Report\n\nNiger\n\nPublished: March 12, 2025\n\nCrime\n\n")
	for _, fx := range []string{"undated-relative-time/relative.txt", "date-missing-year/missing.txt", "future-date/past.txt", "unsourced-statistic/counts.txt"} {
		raw, err := os.ReadFile(filepath.Join("testdata", fx))
		if err != nil {
			b.Fatal(err)
		}
		body := wantRE.ReplaceAllString(string(raw), "")
		lines := strings.SplitN(body, "\n", 7) // past the header lines
		body = lines[len(lines)-1]
		for range 50 {
			text.WriteString(body + "\n\n")
		}
	}
	src, err := source.New("bench.txt", []byte(text.String()))
	if err != nil {
		b.Fatal(err)
	}
	r, err := parse.Parse(src, parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	prof, _ := profile.Default().Get(r.Profile)
	b.SetBytes(int64(len(src.Text)))
	for b.Loop() {
		for _, rule := range Rules() {
			rule.Run(lint.NewPass(rule, src, r, prof, samplesAsOf, rule.Options(), rule.Level, func(lint.Finding) {}))
		}
	}
}

// FuzzLowerWord holds the tokenizer's fast path for lower-case words to
// the general one: where lowerWord ends a word, scanWord ends it there too
// and fold gives it back unchanged.
func FuzzLowerWord(f *testing.F) {
	f.Add("mali's troops", 0)
	f.Add("the 15th, g5 naïve x’y", 0)
	f.Add("word\u212a done", 0)
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i >= len(text) || !asciiWord[text[i]&0x7f] || text[i] >= 0x80 {
			return
		}
		end := lowerWord(text, i)
		if end == i {
			return
		}
		if want := scanWord(text, i); end != want {
			t.Fatalf("lowerWord(%q, %d) = %d, scanWord %d", text, i, end, want)
		}
		if w := text[i:end]; oldFold(w) != w {
			t.Fatalf("lowerWord(%q, %d) took %q, which folds", text, i, w)
		}
	})
}

// oldFold is how a token's lower form was made when it was a string of its
// own: the reference for the forms now read through the unit.
func oldFold(s string) string { return strings.ReplaceAll(strings.ToLower(s), "’", "'") }

// refToken is a token as the tokenizer made it before its fast paths:
// every word cut by scanWord, every lower form by oldFold.
type refToken struct {
	start, end         int
	kind               tokKind
	upper, spaceBefore bool
	lower              string
}

// refTokens is the tokenizer without its fast paths, for FuzzTokens.
func refTokens(text string) []refToken {
	var out []refToken
	space := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		var end int
		var kind tokKind
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case '0' <= r && r <= '9':
			end, kind = scanNumber(text, i), tokNumber
			if end < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[end:]); unicode.IsLetter(next) {
					end, kind = scanWord(text, end), tokWord
				}
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end, kind = scanWord(text, i), tokWord
		default:
			end, kind = i+n, tokPunct
		}
		out = append(out, refToken{start: i, end: end, kind: kind, upper: unicode.IsUpper(r), spaceBefore: space, lower: oldFold(text[i:end])})
		i, space = end, false
	}
	return out
}

// FuzzTokens holds the tokenizer, fast paths and all, to refTokens, for
// texts cut into units that share one folder (as analyseReport cuts a
// report's), so that one unit's lower forms never point into another's.
func FuzzTokens(f *testing.F) {
	f.Add("Mali’s 1,200 G5 troops—(ACLED) 15th", "ÉTAT d’Urgence Ⱥ naïve")
	f.Add("KELVIN \u212a and İstanbul", "Don't O'Neil 3RD x\xff")
	f.Fuzz(func(t *testing.T, a, b string) {
		var fo folder
		var units []*unit
		for _, text := range []string{a, b, a + " " + b} {
			toks := appendTokens(nil, text, &fo)
			units = append(units, &unit{TextUnit: &lint.TextUnit{Inline: document.Inline{Text: text}}, toks: toks, folded: string(fo.buf)})
		}
		for _, u := range units {
			want := refTokens(u.Text)
			if len(u.toks) != len(want) {
				t.Fatalf("%q: %d tokens, want %d", u.Text, len(u.toks), len(want))
			}
			for i, tk := range u.toks {
				got := refToken{int(tk.start), int(tk.end), tk.kind, tk.upper, tk.spaceBefore, u.lower(i)}
				if got != want[i] {
					t.Fatalf("token %d of %q: %+v, want %+v", i, u.Text, got, want[i])
				}
			}
		}
	})
}

// BenchmarkTokenize cuts the fixtures' texts, their want markers taken
// out, into tokens, as analyseReport does: one folder for them all.
func BenchmarkTokenize(b *testing.B) {
	files, err := filepath.Glob("testdata/*/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("fixtures: %v %v", files, err)
	}
	var texts []string
	size := 0
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(wantRE.ReplaceAllString(string(raw), ""), "\n\n") {
			texts = append(texts, p)
			size += len(p)
		}
	}
	b.SetBytes(int64(size))
	toks := make([]token, 0, size)
	for b.Loop() {
		var f folder
		toks = toks[:0]
		for _, text := range texts {
			toks = appendTokens(toks, text, &f)
		}
	}
}

// FuzzTokenFrom holds tokenFrom, from any k, to tokenAt: bounds asked for
// in order, as analyseReport asks for the sentences', and out of order.
func FuzzTokenFrom(f *testing.F) {
	f.Add("Mali’s 1,200 G5 troops, (ACLED) 15th.  Next one", 3, 17, 40)
	f.Add("", 0, 0, 1)
	f.Fuzz(func(t *testing.T, text string, a, b, c int) {
		u := tokenize(text)
		k := 0
		for _, off := range []int{a, b, c, a, len(text), 0} {
			off = min(max(off, -1), len(text)+1)
			got, want := u.tokenFrom(k, off), u.tokenAt(off)
			if got != want {
				t.Fatalf("%q: tokenFrom(%d, %d) = %d, tokenAt %d", text, k, off, got, want)
			}
			k = got
		}
	})
}

// oldPhraseWords is phraseWords as it was before appendPhraseWords: each
// part tokenized into a unit of its own.
func oldPhraseWords(p string) []string {
	var out []string
	for k, part := range strings.Split(p, nameSlot) {
		if k > 0 {
			out = append(out, nameSlot)
		}
		u := tokenize(part)
		for i := range u.toks {
			out = append(out, u.lower(i))
		}
	}
	return out
}

// FuzzPhraseWords holds phraseWords and hasWords to the old way of cutting
// a phrase, and compileSet to a set made of oldPhraseWords.
func FuzzPhraseWords(f *testing.F) {
	f.Add("recently")
	f.Add("g5")
	f.Add("according to")
	f.Add("per {name}")
	f.Add("{name}{name} x")
	f.Add("  \u00a0 ")
	f.Add("Mali’s G5 15th 1,200 naïve ÉTAT \xff")
	f.Add("up-to-date")
	f.Fuzz(func(t *testing.T, p string) {
		want := oldPhraseWords(p)
		if got := phraseWords(p); !slices.Equal(got, want) {
			t.Fatalf("phraseWords(%q) = %q, want %q", p, got, want)
		}
		if hasWords(p) != (len(want) > 0) {
			t.Fatalf("hasWords(%q) = %v with %d words", p, hasWords(p), len(want))
		}
		lists := [][]string{{p, "x " + p, "according to"}, {p + " {name}", "Per {name}"}}
		if got, want := compileSet(lists...), oldCompileSet(lists...); !reflect.DeepEqual(got, want) {
			t.Fatalf("compileSet(%q) = %+v, want %+v", lists, got, want)
		}
	})
}

// oldCompileSet is compileSet as it was, each phrase's words cut by
// oldPhraseWords into a slice of their own.
func oldCompileSet(phrases ...[]string) phraseSet {
	set := phraseSet{byFirst: map[string][][]string{}}
	for _, list := range phrases {
		for _, p := range list {
			words := oldPhraseWords(p)
			if len(words) == 0 {
				continue
			}
			set.byFirst[words[0]] = append(set.byFirst[words[0]], words)
		}
	}
	for k, list := range set.byFirst {
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j]) > len(list[j-1]); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		set.byFirst[k] = list
	}
	set.names = set.byFirst[nameSlot]
	return set
}

// The embedded word lists take decodeData's way, and it reads them as
// yaml's Decode does.
func TestDecodeDataEmbedded(t *testing.T) {
	raw, err := fs.ReadFile(rules.FS, DataPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	var got, want Data
	if !decodeData(&doc, &got) {
		t.Fatal("decodeData declined the embedded word lists")
	}
	if err := doc.Decode(&want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("decodeData and Decode read the embedded word lists differently")
	}
}

// FuzzDecodeData: where decodeData reads a document, Decode reads the same
// without error.
func FuzzDecodeData(f *testing.F) {
	f.Add("anchors: [a, b]\nunits: [km]\n")
	f.Add("anchors: [a]\nanchors: [b]\n")
	f.Add("anchors: [1, true, null, '2']\n")
	f.Add("anchors: &x [a]\nunits: *x\n")
	f.Add("anchors: []\nnope: [a]\n")
	f.Add("anchors: a\n")
	f.Add("--- \n!!map {anchors: !!seq [!!str a]}\n")
	f.Fuzz(func(t *testing.T, text string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(text), &doc) != nil {
			return
		}
		var got, want Data
		if !decodeData(&doc, &got) {
			return
		}
		if err := doc.Decode(&want); err != nil {
			t.Fatalf("%q: decodeData read it, Decode: %v", text, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: decodeData %+v, Decode %+v", text, got, want)
		}
	})
}

// BenchmarkLexicon is what Preload does at start-up: read the embedded
// word lists and compile them.
func BenchmarkLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := LoadData(rules.FS, DataPath)
		if err != nil {
			b.Fatal(err)
		}
		compileData(d)
	}
}

// findingsBareAndFull lists the rules' findings on a report analysed as
// the rules do, where the units no rule reads words in are not tokenized,
// and analysed in full.
func findingsBareAndFull(t testing.TB, f *source.File, r *document.Report) (bare, full []string) {
	t.Helper()
	bare = runParsed(t, f, r, map[string]any{})
	pass := lint.NewPass(Rules()[0], f, r, nil, samplesAsOf, nil, lint.Warning, func(lint.Finding) {})
	full = runParsed(t, f, r, map[string]any{"dated.analyse": analyseReport(pass, true)})
	return bare, full
}

// The units left bare change no finding: on the fixtures, the samples and
// the corpus, the rules find what they find with every unit tokenized.
// (Without a list's lead-in among the units read, the fixtures'
// "national holidays include:" list loses its recurring word; without
// the digits, the counts of unsourced-statistic go.)
func TestBareUnitsChangeNothing(t *testing.T) {
	forBareTestFiles(t, func(name string, f *source.File, r *document.Report) int {
		bare, full := findingsBareAndFull(t, f, r)
		if !slices.Equal(bare, full) {
			t.Errorf("%s: with bare units\n%s\nfully analysed\n%s", name, strings.Join(bare, "\n"), strings.Join(full, "\n"))
		}
		return len(full)
	})
}

// forBareTestFiles hands each of bareTestFiles, parsed, to check, which
// says how many findings it saw: in all, enough to show the files were
// read.
func forBareTestFiles(t *testing.T, check func(name string, f *source.File, r *document.Report) int) {
	files, minFound := bareTestFiles(t)
	found := 0
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		raw = wantRE.ReplaceAll(raw, nil)
		f, err := source.New(filepath.Base(name), raw)
		if err != nil {
			continue // the corpus's refused files
		}
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			continue
		}
		found += check(name, f, r)
	}
	if found < minFound {
		t.Errorf("%d findings in all, want at least %d: the files were not read", found, minFound)
	}
}

// bareTestFiles are the fixtures, and the samples and the corpus when
// ../shared is there (a clone elsewhere has the fixtures alone), with the
// fewest findings the dated rules give on them, to show they were read:
// the fixtures give 55, the samples and corpus some hundreds.
func bareTestFiles(t *testing.T) (files []string, minFound int) {
	files, _ = filepath.Glob("testdata/*/*.txt")
	if len(files) < 5 {
		t.Fatalf("%d fixtures", len(files))
	}
	shared, _ := filepath.Glob("../../../../shared/samples/*.txt")
	for _, dir := range []string{"us", "other"} {
		more, _ := filepath.Glob(filepath.Join("../../../../shared/corpus", dir, "*"))
		shared = append(shared, more...)
	}
	if len(shared) == 0 {
		t.Log("no ../shared samples or corpus: the fixtures only")
		return files, 40
	}
	return append(files, shared...), 100
}

// FuzzBareUnits holds the analysis that leaves units bare to the full one.
func FuzzBareUnits(f *testing.F) {
	for _, rule := range Rules() {
		f.Add(rule.Bad, false)
		f.Add(rule.Good, true)
	}
	f.Add("Published: November 29, 2024\n\nNational holidays include:\n\n- September 17\n- the 1st of May\n\nIn 2024:\n\n- on April 2, 30 people were killed", false)
	f.Add("# T\n\nRecently:\n\n- In 2024, recently; aged 30, 12 people were killed (ACLED)", true)
	f.Fuzz(func(t *testing.T, text string, markdown bool) {
		name := "f.txt"
		if markdown {
			name = "f.md"
		}
		src, err := source.New(name, []byte(text))
		if err != nil {
			return
		}
		r, err := parse.Parse(src, parse.Options{})
		if err != nil {
			return
		}
		if bare, full := findingsBareAndFull(t, src, r); !slices.Equal(bare, full) {
			t.Errorf("with bare units\n%s\nfully analysed\n%s", strings.Join(bare, "\n"), strings.Join(full, "\n"))
		}
	})
}

// future-date compares dates as text: a limit past the year 9999 (a
// grace of 3,000,000 days: "10238-...") sorts before the dates before the
// publication date, which the rule then flags. The shared analysis leaves
// their units bare, as no date there is after the publication date; the
// rule reads every unit then, and finds what it found before units were
// left bare.
func TestFutureDateFarLimit(t *testing.T) {
	text := "---\ntitle: T\npublished: 2024-11-29\n---\n# T\n\nMilitants attacked a convoy near Gao in June 2024.\n"
	var set linttest.Settings
	if err := yaml.Unmarshal([]byte("options: {grace-days: 3000000}"), &set); err != nil {
		t.Fatal(err)
	}
	got, _ := linttest.Findings(t, FutureDate, "r.md", text, set)
	if want := `"June 2024" is after the publication date`; len(got) != 1 || !strings.HasPrefix(got[0].Message, want) {
		t.Errorf("findings %v, want one: %s", messages(got), want)
	}
}
