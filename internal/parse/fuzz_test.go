package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// checkSpans fails if any span of the model falls outside the text or runs
// backwards: every later stage turns spans into positions and excerpts.
func checkSpans(t *testing.T, text string, r *document.Report) {
	t.Helper()
	ok := func(what string, s document.Span) {
		if s.Start < 0 || s.End < s.Start || s.End > len(text) {
			t.Fatalf("%s span %v outside text of %d bytes", what, s, len(text))
		}
	}
	para := func(p *document.Paragraph) {
		ok("paragraph", p.Span)
		for i := 0; i <= len(p.Text); i += 1 + len(p.Text)/5 {
			ok("paragraph text", p.Source(i, min(i+3, len(p.Text))))
		}
	}
	ok("title", r.Title.Span)
	ok("country", r.Country.Span)
	ok("published", r.Published.Span)
	for _, p := range r.Preamble {
		para(p)
	}
	var walk func([]*document.Section)
	walk = func(ss []*document.Section) {
		for _, s := range ss {
			ok("heading", s.Heading)
			ok("section", s.Span)
			for _, p := range s.Paragraphs {
				para(p)
			}
			walk(s.Sections)
		}
	}
	walk(r.Sections)
	for _, f := range r.Furniture {
		ok("furniture", f.Span)
	}
	for _, l := range r.Links {
		ok("link", l.Span)
	}
	for _, d := range r.Dates {
		ok("date", d.Span)
	}
	for _, c := range r.Contacts {
		ok("contact", c.Span)
	}
	for _, rt := range r.Ratings {
		ok("rating", rt.Span)
		ok("rating level", rt.Level.Span)
	}
	if a := r.Advisory; a != nil {
		ok("advisory", a.Span)
		ok("advisory level", a.LevelSpan)
		for _, rs := range a.Reasons {
			ok("reason", rs.Span)
		}
	}
}

func fuzzSeeds(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(pattern)
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
}

func fuzzParse(f *testing.F, name string) {
	f.Fuzz(func(t *testing.T, text string) {
		src, err := source.New(name, []byte(text))
		if err != nil {
			return // refused before parsing: not the parser's concern
		}
		done := make(chan struct{})
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second): // a hang fails with the input and every stack
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				panic(fmt.Sprintf("parse hung on %q\n%s", text, buf[:n]))
			}
		}()
		defer close(done)
		r, err := Parse(src, Options{})
		if err != nil {
			return
		}
		checkSpans(t, src.Text, r)
		document.Project(r, src)
	})
}

func FuzzParseText(f *testing.F) {
	fuzzSeeds(f, "../../testdata/reports/*.txt")
	f.Add("Title\n\nCrime\n\n**bold [link](x (y)) **\n- item\n\n[a](")
	f.Add("\n\n\nMali\n\nPublished: November 29, 2024\n\nassessed X as being a **LOW**-threat location for crime.")
	fuzzParse(f, "f.txt")
}

func FuzzParseMarkdown(f *testing.F) {
	fuzzSeeds(f, "../../testdata/reports/*.md")
	f.Add("---\ntitle: x\npublished: 2024-01-02\n---\n# T\n\n## Crime\n\n* a\n  * b\n\n> q\n")
	f.Add("# Egypt Travel Advisory\n\n### Egypt - Level 3: Reconsider Travel\n\n**Sinai – Level 4: Do Not Travel**  \nx\n\nTelephone\n\n+(20) 2-2797-3300\n")
	f.Add("---\n---\n<autolink@x.y> [a]: b\n\n[a]\n")
	// The State Department template's furniture, which parse takes out.
	f.Add("# Mali Travel Advisory\n\n### Mali - Level 4: Do Not Travel\n\n[K](javascript:void(0); \"Tool Tip: Kidnap\")\n\n### \n\n### Mali\n\n### Country Map\n\nnull\n\n### Search for Travel Advisories\n")
	fuzzParse(f, "f.md")
}

func FuzzParseData(f *testing.F) {
	f.Add(`{"title": "x", "advisory": {"level": 4, "regions": [{"name": "a", "level": 9}]}, "sections": [{"title": "t", "paragraphs": [{"text": "p\u00e9"}]}]}`)
	f.Add("title: x\nsections:\n  - title: t\n    paragraphs:\n      - text: 'a'\n")
	f.Fuzz(func(t *testing.T, text string) {
		for _, name := range []string{"f.json", "f.yaml"} {
			src, err := source.New(name, []byte(text))
			if err != nil {
				return
			}
			r, err := Parse(src, Options{})
			if err != nil {
				continue
			}
			checkSpans(t, src.Text, r)
		}
	})
}

// FuzzTextShortcuts holds the plain-text parser's cheap tests to what they
// stand in for: mayBeListItem passes every line listMarker matches, and
// longerThan counts as utf8.RuneCountInString does, invalid bytes included.
func FuzzTextShortcuts(f *testing.F) {
	for _, s := range []string{"- item", "   12) x", "\t• bullet", "    - four spaces", "–\tdash", "1000. no", "plain line", "é\xff" + strings.Repeat("ü", 130)} {
		f.Add(s, 120)
	}
	f.Fuzz(func(t *testing.T, line string, n int) {
		if listMarker.MatchString(line) && !mayBeListItem(line) {
			t.Errorf("mayBeListItem(%q) = false, but listMarker matches it", line)
		}
		n = max(0, n%600)
		if got, want := longerThan(line, n), utf8.RuneCountInString(line) > n; got != want {
			t.Errorf("longerThan(%q, %d) = %v, want %v", line, n, got, want)
		}
	})
}

// FuzzMarkdownParserNoRefs holds the parser without the link reference
// transformer to goldmark's full one on sources without "]:": the same
// report, or the same refusal. A "]:" is cut out of the input, so that
// every input is one the lean parser is given.
func FuzzMarkdownParserNoRefs(f *testing.F) {
	fuzzSeeds(f, "../../testdata/reports/*.md")
	f.Add("# T\n\n[a] : b\n\n[a]\n\n> [x]\n> : y\n\n- [c]\n  :d\n")
	f.Add("[a\\]\n]: x\n\n[a\\]\n]\n")
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ReplaceAll(text, "]:", "]")
		if strings.Contains(text, "]:") {
			return
		}
		if goldmarkFor([]byte(text)) != markdownParserNoRefs {
			t.Fatalf("the full parser was chosen for %q", text)
		}
		lean := markdownParserNoRefs
		parseWith := func(p parser.Parser) (*document.Report, error) {
			defer func() { markdownParserNoRefs = lean }()
			markdownParserNoRefs = p
			src, err := source.New("f.md", []byte(text))
			if err != nil {
				return nil, err // not a text reportlint reads
			}
			return Parse(src, Options{})
		}
		full, errFull := parseWith(markdownParser)
		got, errLean := parseWith(lean)
		if fmt.Sprint(errFull) != fmt.Sprint(errLean) || !reflect.DeepEqual(full, got) {
			t.Fatalf("%q: lean parser gives %+v, %v; full gives %+v, %v", text, got, errLean, full, errFull)
		}
	})
}
