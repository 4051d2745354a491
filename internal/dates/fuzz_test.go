package dates

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/sharedtest"
)

// FuzzFind checks the invariants every caller relies on, for any input.
func FuzzFind(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Default().Find(text)
		checkInvariants(t, text, ms)
		// AppendFind appends what Find returns, after what dst held.
		held := Mention{Start: -1}
		if got := Default().AppendFind([]Mention{held}, text); len(got) != 1+len(ms) || got[0] != held || !slices.Equal(got[1:], ms) {
			t.Errorf("AppendFind = %+v, want %+v after %+v", got, ms, held)
		}
		for _, m := range ms {
			if m.From != "" && m.To < m.From {
				t.Errorf("%q: To %s before From %s", m.Text, m.To, m.From)
			}
		}
		if m, ok := Parse(text); ok && m.Text != text[m.Start:m.End] {
			t.Errorf("Parse: Text %q, text there %q", m.Text, text[m.Start:m.End])
		}
		// Leading space moves every mention and changes nothing else.
		shifted := Default().Find("  " + text)
		if len(shifted) != len(ms) {
			t.Fatalf("with leading space: %d mentions, without: %d", len(shifted), len(ms))
		}
		for k := range ms {
			m := shifted[k]
			m.Start, m.End = m.Start-2, m.End-2
			if m != ms[k] {
				t.Errorf("with leading space %+v, without %+v", m, ms[k])
			}
		}
		// A full date read in running text reads the same on its own.
		for _, m := range ms {
			if m.Precision == document.PrecisionDay && !m.Range {
				if p, ok := Parse(m.Text); !ok || p.Value != m.Value {
					t.Errorf("Parse(%q) = %q, %v; Find read %q", m.Text, p.Value, ok, m.Value)
				}
			}
		}
	})
}

// Default is shared by every check; run it from many goroutines (go test -race).
func TestFindConcurrent(t *testing.T) {
	text := readProse(t)
	want := Default().Find(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := Default().Find(text); len(got) != len(want) {
					t.Errorf("concurrent Find: %d mentions, want %d", len(got), len(want))
					return
				}
			}
		})
	}
	wg.Wait()
}

func readProse(tb testing.TB) string {
	b, err := os.ReadFile("testdata/prose.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// oneLine repeats s with its line breaks turned into spaces until it is n bytes long.
func oneLine(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// digitSoup is text made of the pieces that make the scanner look ahead most:
// numbers, dashes, slashes, commas, month names and range words.
func digitSoup(n int) string {
	pieces := []string{"2019", "-", "21", "–", "2024-11-29", "/", "11/29/2024", ", ", "May ", "17 ",
		"to ", "between ", "and ", "early ", "mid-", "1900", "0730 - 1930 ", "+223-2070-2300 ", "2,000 ", "2010s "}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(pieces[(i*7+i/3)%len(pieces)])
	}
	return b.String()[:n]
}

// Find must stay linear on long single lines; a quadratic or backtracking
// scan would take minutes here instead of well under a second.
func TestFindLargeInput(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	for name, text := range map[string]string{
		"prose":  oneLine(readProse(t), 5<<20),
		"digits": digitSoup(5 << 20),
		"dashes": strings.Repeat("-", 5<<20),
		"months": oneLine("from May to June to July to August to ", 5<<20),
	} {
		start := time.Now()
		ms := Default().Find(text)
		elapsed := time.Since(start)
		checkInvariants(t, text, ms)
		t.Logf("%s: %d mentions in %v", name, len(ms), elapsed)
		if elapsed > 20*time.Second {
			t.Errorf("%s: 5 MB took %v", name, elapsed)
		}
	}
}

// BenchmarkFind measures throughput on prose written like a report (and
// denser in dates than a real one), on text made only of date-like pieces,
// and on a 5 MB single line. Measured with
//
//	go test -run='^$' -bench=BenchmarkFind -count=8 ./internal/dates
//
// on a shared 2-vCPU Linux VM (Go 1.26, best of 8 while other jobs ran):
// prose 47 MB/s, 5 MB line 41 MB/s, digits 23 MB/s.
func BenchmarkFind(b *testing.B) {
	prose := readProse(b)
	for _, bc := range []struct {
		name, text string
	}{
		{"prose", prose},
		{"digits", digitSoup(64 << 10)},
		{"line5MB", oneLine(prose, 5<<20)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f := Default()
			b.SetBytes(int64(len(bc.text)))
			b.ReportAllocs()
			for b.Loop() {
				f.Find(bc.text)
			}
		})
	}
}

// BenchmarkFindMali is the finder on the real Mali sample, a paragraph at
// a time as extraction reads it: far fewer dates than testdata/prose.txt,
// so it shows what passing over the text costs.
func BenchmarkFindMali(b *testing.B) {
	raw := sharedtest.Sample(b, "osac-mali-2024.txt")
	paras := strings.Split(string(raw), "\n\n")
	f := Default()
	var out []Mention
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			out = f.AppendFind(out[:0], p)
		}
	}
}

// oldNext is the lexer as it was before it classed ASCII bytes by table.
func oldNext(lx *lexer) (token, bool) {
	s := lx.text
	i := lx.pos
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		lx.pos = i
		return token{}, false
	}
	start := i
	letters, digits := false, false
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				digits = true
			} else if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' {
				letters = true
			} else {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			break
		}
		letters = true
		i += size
	}
	if i == start {
		_, size := utf8.DecodeRuneInString(s[i:])
		lx.pos = i + size
		return token{start, i + size, tokPunct}, true
	}
	lx.pos = i
	kind := tokWord
	switch {
	case digits && letters:
		kind = tokMixed
	case digits:
		kind = tokNumber
	}
	return token{start, i, kind}, true
}

// FuzzLexer holds the table-driven lexer, and the stream that reads it
// in batches, to the lexer read one token at a time.
func FuzzLexer(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Add("a_1 \v\f\r\n\t2010s FY2024 é1 ٣ x\u00a0y \xff 1,200.5")
	f.Fuzz(func(t *testing.T, text string) {
		want := lexer{text: text}
		var s stream
		s.reset(text)
		for i := 0; ; i++ {
			w, wok := oldNext(&want)
			g, gok := s.get(i)
			if g != w || gok != wok {
				t.Fatalf("token %d: got %+v %v, want %+v %v", i, g, gok, w, wok)
			}
			if !wok {
				return
			}
			s.release(i)
		}
	})
}

// lookupFolded, the look-up foldTable replaced, looks w up in a map keyed by lower-case words, without
// allocating for the ASCII words that make up nearly all prose.
func lookupFolded[V any](m map[string]V, w string) V {
	var buf [32]byte
	if len(w) <= len(buf) {
		ascii := true
		for j := 0; j < len(w); j++ {
			c := w[j]
			if c >= 0x80 {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[j] = c
		}
		if ascii {
			return m[string(buf[:len(w)])]
		}
	}
	return m[strings.ToLower(w)]
}

// FuzzFoldTable holds foldTable's look-ups to lookupFolded's in the maps
// the finder uses, for any word: ASCII in any case, longer than 32 bytes,
// or outside ASCII (the Kelvin sign folds to an ASCII "k").
func FuzzFoldTable(f *testing.F) {
	for _, w := range []string{"the", "THE", "In", "november", "Twelve", "several", "", "{n}", "\u212Aeep", "mId", strings.Repeat("a", 40)} {
		f.Add(w)
	}
	fd := Default()
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := fd.startersByFold.get(w), lookupFolded(fd.starters, w); got != want {
			t.Errorf("starters %q: %+v, want %+v", w, got, want)
		}
		if got, want := numberWordsByFold.get(w), lookupFolded(numberWords, w); got != want {
			t.Errorf("number words %q: %v, want %v", w, got, want)
		}
		for first, n := range fd.phrases.first {
			if got, want := n.spacedByFold.get(w), lookupFolded(n.spaced, w); got != want {
				t.Errorf("after %q, %q: %p, want %p", first, w, got, want)
			}
			// Most glued tables are empty, as are the tables of leaves.
			if got, want := n.gluedByFold.get(w), lookupFolded(n.glued, w); got != want {
				t.Errorf("glued after %q, %q: %p, want %p", first, w, got, want)
			}
		}
	})
}

// oldAppendFind is appendFind as it was before it skipped the text that
// starts no reading: readAt at every token.
func (f *Finder) oldAppendFind(w *workspace, out []Mention, text string) []Mention {
	s := &w.stream
	s.reset(text)
	pending := w.pending[:0]
	pendingEnd := 0
	for i := 0; ; i++ {
		if _, ok := s.get(i); !ok {
			break
		}
		if i >= pendingEnd && len(pending) > 0 {
			out, w.taken = settle(text, pending, out, w.taken)
			pending = pending[:0]
		}
		before := len(pending)
		pending = f.readAt(s, i, pending)
		for _, c := range pending[before:] {
			pendingEnd = max(pendingEnd, c.endTok)
		}
		s.release(i)
	}
	out, w.taken = settle(text, pending, out, w.taken)
	w.pending = pending[:0]
	s.reset("")
	return out
}

// FuzzSkip checks that skipping the text that starts no reading finds what
// reading at every token finds, with the phrase list and without.
func FuzzSkip(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	prose := readProse(f)
	f.Add(prose)
	f.Add(digitSoup(4 << 10))
	f.Add("the end of 2023 in the coming months, ACI 2000; FY 2024 the past 12 years ago in recent-weeks")
	f.Add("bb cc dd ee ff a\tweek ago")
	f.Add("bb cc dd ee ff at\r\nthe moment")
	f.Add("up to date as soon as x y z 2019 a b c\u00a0d 2020 e’s f “g” 2021–22 h i j k the beginning of May")
	f.Fuzz(func(t *testing.T, text string) {
		// Words that start nothing before the text, so that the finder
		// skips up to its first reading.
		for _, text := range []string{text, "bb cc dd ee ff " + text} {
			for _, fd := range []*Finder{Default(), explicitOnly} {
				got := fd.AppendFind(nil, text)
				want := fd.oldAppendFind(new(workspace), nil, text)
				if !slices.Equal(got, want) {
					t.Fatalf("%q:\nskipping %+v\nevery token %+v", text, got, want)
				}
			}
		}
	})
}

// The word helpers as they were, each asking isWord once for each word of
// its list, for FuzzWordHelpers.

func (s *stream) oldPrepositionBefore(i int) bool {
	t, ok := s.get(i)
	if !ok || t.kind != tokWord || s.text[t.start] < 'A' || s.text[t.start] > 'Z' {
		return false
	}
	for _, w := range prepositions {
		if s.isWord(i-1, w) {
			return true
		}
	}
	return false
}

func (s *stream) oldClockWordAt(i int) bool {
	for _, w := range [...]string{"hours", "hrs", "hr", "h", "gmt", "utc", "local"} {
		if s.isWord(i, w) {
			return true
		}
	}
	return false
}

func (s *stream) oldPeriodEdgeAt(i int) (qual string) {
	for _, e := range periodEdges {
		if s.isWord(i, e.word) && s.isWord(i+1, "of") {
			return e.qual
		}
	}
	return ""
}

func (s *stream) oldQualifierWord(i int) string {
	for _, q := range [...]string{"early", "mid", "late"} {
		if s.isWord(i, q) {
			return q
		}
	}
	return ""
}

// FuzzWordHelpers holds the helpers that read a token once to the old ones,
// at every token of the text and just outside it.
func FuzzWordHelpers(f *testing.F) {
	f.Add("In April, at 1930 Hours GMT, the End of 2023, MID-2022, early late")
	f.Add("since May; by June 7 hrs utc h local; the beginning OF 2020")
	f.Add("é in Ünd \u212Aelvin hr")
	f.Fuzz(func(t *testing.T, text string) {
		var s stream
		s.reset(text)
		n := 0
		for ; ; n++ {
			if _, ok := s.get(n); !ok {
				break
			}
		}
		for i := -2; i <= n+2; i++ {
			if got, want := s.prepositionBefore(i), s.oldPrepositionBefore(i); got != want {
				t.Fatalf("%q: prepositionBefore(%d) = %v, want %v", text, i, got, want)
			}
			if got, want := s.clockWordAt(i), s.oldClockWordAt(i); got != want {
				t.Fatalf("%q: clockWordAt(%d) = %v, want %v", text, i, got, want)
			}
			if got, want := s.periodEdgeAt(i), s.oldPeriodEdgeAt(i); got != want {
				t.Fatalf("%q: periodEdgeAt(%d) = %q, want %q", text, i, got, want)
			}
			if got, want := s.qualifierWord(i), s.oldQualifierWord(i); got != want {
				t.Fatalf("%q: qualifierWord(%d) = %q, want %q", text, i, got, want)
			}
		}
	})
}

// FuzzLetterRun holds the eight-byte letterRun to the byte loop it
// replaced.
func FuzzLetterRun(f *testing.F) {
	for _, s := range []string{"", "a", "abcdefgh", "abcdefghijklmnop q", "AZaz_@[`{ \x80\xc1\xdf\xff", "Mali's", "under_score9x", "ZZZZZZZZZZZZZZZZ_", "\x7f\x5f\xdf\x60\x40\x5b\x7b\x41\x5a"} {
		f.Add(s, 0)
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, text string, i int) {
		if i < 0 || i > len(text) {
			return
		}
		want := i
		for want < len(text) && letterByte[text[want]] {
			want++
		}
		if got := letterRun(text, i); got != want {
			t.Errorf("letterRun(%q, %d) = %d, want %d", text, i, got, want)
		}
	})
}

// Every byte value, at every place of the eight, among letters and among
// spaces: letterBytes marks it as letterByte does.
func TestLetterBytesEveryByte(t *testing.T) {
	for _, fill := range []byte{'a', ' ', 'Z', '_', 0xff} {
		for b := range 256 {
			for p := range 8 {
				var x uint64
				for k := range 8 {
					c := fill
					if k == p {
						c = byte(b)
					}
					x |= uint64(c) << (8 * k)
				}
				got := letterBytes(x)>>(8*p+7)&1 == 1
				if got != letterByte[b] {
					t.Fatalf("byte %#x at %d among %q: letter %v, want %v", b, p, fill, got, letterByte[b])
				}
			}
		}
	}
}

// FuzzSingleLoosens holds readAt's shortcut: where single reads a date at
// a token with readAt's ctx, it reads one there with rangeFirst, so
// readAt may skip the first when the second read nothing.
func FuzzSingleLoosens(f *testing.F) {
	f.Add("In April 2024, May 5-7; 2019-05-12 11/29/2024- mid-2022/ the 1990's and 2010s")
	f.Add("the end of 2023, winter 2021/22, 17 September- 7th of June 2021, Nov. 29 2024-")
	f.Add("+223-2070 1.2019 FY-2024 $2020 (2022) late January- early to mid-2022")
	f.Fuzz(func(t *testing.T, text string) {
		var s stream
		s.reset(text)
		for i := 0; ; i++ {
			if _, ok := s.get(i); !ok {
				break
			}
			loose := s.single(i, rangeFirst)
			for _, c := range []ctx{{}, {bareMonth: true}} {
				if d := s.single(i, c); d.ok && !loose.ok {
					t.Fatalf("%q: token %d reads %+v with %+v but nothing with rangeFirst", text, i, d, c)
				}
			}
		}
	})
}

// FuzzStarterOf holds the direct table of short words to the fold table
// it stands in front of, with the phrase list and without.
func FuzzStarterOf(f *testing.F) {
	for _, w := range []string{"the", "THE", "In", "a", "A", "for", "As", "mid", "MAY", "two", "_", "a_", "é", "\u212A", "{n}", "", "from", "tHe"} {
		f.Add(w)
	}
	fd := Default()
	f.Fuzz(func(t *testing.T, w string) {
		for _, fn := range []*Finder{fd, explicitOnly} {
			if got, want := fn.starterOf(w), fn.startersByFold.get(w); got != want {
				t.Fatalf("%q: %+v, want %+v", w, got, want)
			}
		}
	})
}

// A Reader, one workspace for many texts, finds in each what AppendFind
// finds alone, whatever the texts before it left in the workspace (a long
// one among them, past maxKept tokens, that makes it start afresh).
func FuzzReader(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text + "\n\n" + findCases[0].text)
	}
	f.Add("from 3 May 2024\n\n" + strings.Repeat("1 2 ", maxKept) + "\n\nuntil 2025")
	f.Fuzz(func(t *testing.T, text string) {
		r := Default().Reader()
		defer r.Close()
		var got []Mention
		for _, part := range strings.Split(text, "\n\n") {
			got = r.AppendFind(got[:0], part)
			if want := Default().AppendFind(nil, part); !slices.Equal(got, want) {
				t.Errorf("Reader.AppendFind(%q) = %+v, want %+v", part, got, want)
			}
		}
	})
}

// FuzzMayStartNumber checks that readAt reads nothing at a number that
// Finder.skip passes over by mayStartNumber, with the phrase list and
// without: skip's one-byte look after a number must never hide a date.
func FuzzMayStartNumber(f *testing.F) {
	for _, tc := range findCases {
		f.Add(tc.text)
	}
	f.Add(readProse(f))
	f.Add(digitSoup(4 << 10))
	f.Add("+1 202-501-4444, 1 800 555 0100; Level 4 Do 12 days ago 3\u00a0weeks 17 to 19 May, 5/6/2024 12 Main St, 2100 2099 1899 123 months ago 7 -8 9/ 10 T 11 u 400 years")
	f.Fuzz(func(t *testing.T, text string) {
		for _, fd := range []*Finder{Default(), explicitOnly} {
			s := new(stream)
			s.reset(text)
			for i := 0; ; i++ {
				tk, ok := s.get(i)
				if !ok {
					break
				}
				if tk.kind != tokNumber || tk.end < len(text) && text[tk.end] >= utf8.RuneSelf {
					continue // skip calls mayStartNumber only on these
				}
				if fd.mayStartNumber(text, tk.start, tk.end) {
					continue
				}
				if got := fd.readAt(s, i, nil); len(got) != 0 {
					t.Fatalf("%q: number %q passed over, but readAt reads %+v", text, text[tk.start:tk.end], got)
				}
			}
		}
	})
}

// TestSkipCorpus holds skipping to reading at every token over the real
// corpus (../shared/corpus, beside the repository), whose numbers (phone
// numbers, addresses, counts) skip passes over.
func TestSkipCorpus(t *testing.T) {
	var files []string
	for _, dir := range []string{"us", "other"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", dir, "*"))
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("corpus not available: it lies beside the repository, in ../shared/corpus")
	}
	mentions := 0
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, fd := range []*Finder{Default(), explicitOnly} {
			got := fd.AppendFind(nil, string(raw))
			want := fd.oldAppendFind(new(workspace), nil, string(raw))
			if !slices.Equal(got, want) {
				t.Fatalf("%s: skipping finds %d mentions, every token %d", name, len(got), len(want))
			}
			mentions += len(got)
		}
	}
	if mentions == 0 {
		t.Error("no mention in the corpus: the comparison proved nothing")
	}
}
