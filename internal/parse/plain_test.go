package parse

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/source"
)

// parsedBothWays parses text as Markdown with the parsers that make
// plainParagraphs and with goldmark's own (newMarkdownParser(…, false)),
// and fails if the reports or the refusals differ.
func parsedBothWays(t *testing.T, name, text string) {
	t.Helper()
	fast, fastNoRefs := markdownParser, markdownParserNoRefs
	parseWith := func(plain bool) (*document.Report, error) {
		defer func() { markdownParser, markdownParserNoRefs = fast, fastNoRefs }()
		markdownParser, markdownParserNoRefs = newMarkdownParser(true, plain), newMarkdownParser(false, plain)
		src, err := source.New(name, []byte(text))
		if err != nil {
			return nil, err
		}
		return Parse(src, Options{Format: document.FormatMarkdown})
	}
	want, errWant := parseWith(false)
	got, errGot := parseWith(true)
	if fmt.Sprint(errWant) != fmt.Sprint(errGot) || !reflect.DeepEqual(want, got) {
		t.Fatalf("%s: with plain paragraphs %+v, %v; goldmark's own %+v, %v", name, got, errGot, want, errWant)
	}
}

// FuzzPlainParagraphs holds the parsers that read plain paragraphs
// themselves to goldmark's inline pass: the same report for every source.
func FuzzPlainParagraphs(f *testing.F) {
	fuzzSeeds(f, "../../testdata/reports/*.md")
	for _, s := range []string{
		"# T\n\nplain line\nanother  \nhard  \r\nlast \n\n",
		"para one\n===\n\npara two\n---\n\n- item\n---\n",
		"  lead spaces\n\tand a tab\n\n    code\n\nx\n    lazy\n",
		"> quoted plain\nlazy line\n\n1. one\n\n   two\n\n2. three\n",
		"[a]: /u\nplain after a definition\n\n[b]: /v\n\nplain\n[c]: /w\n",
		"plain\n# heading\nmore\n<div>\nhtml\n</div>\ntext &amp; more\n",
		"word\r\nword\r\n\r\n- a\r\n  b\r\n",
		"ends without newline  ",
		"a\n \n\u00a0\nb\\\nc\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parsedBothWays(t, "f.md", text)
	})
}

// TestPlainParagraphsRealPages parses the real pages and samples both
// ways: the pages' own mix of plain and marked-up paragraphs.
func TestPlainParagraphsRealPages(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../../../shared/corpus/*/*", "../../../shared/samples/*", "../../testdata/reports/*"} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	n := 0
	for _, p := range paths {
		if ext := filepath.Ext(p); ext != ".md" && ext != ".txt" {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(raw), "\n\n") {
			continue
		}
		parsedBothWays(t, filepath.Base(p), string(raw))
		n++
	}
	if n == 0 {
		t.Fatal("no report was parsed")
	}
}

// FuzzMarkdownParagraphsInOrder holds the Markdown parser's sections,
// whose paragraphs are runs of one array (addInOrder), to sections that
// each grew their own (addParagraph): the same report for every source.
// Adding to one section's paragraphs must not change the next one's.
func FuzzMarkdownParagraphsInOrder(f *testing.F) {
	fuzzSeeds(f, "../../testdata/reports/*.md")
	f.Add("Intro.\n\n## A\n\na1\n\n### B\n\nb1\n\n- item\n\n> # Q\n>\n> q1\n\n## C\n\nc1\n\n# T\n\nt1\n")
	f.Fuzz(func(t *testing.T, text string) {
		src, err := source.New("f.md", []byte(text))
		if err != nil {
			return
		}
		parseWith := func(oneByOne bool) *document.Report {
			inOrder := markdownAdd
			defer func() { markdownAdd = inOrder }()
			if oneByOne {
				markdownAdd = func(mp *mdParser, p *document.Paragraph) { addParagraph(mp.r, mp.stack, p) }
			}
			r, err := Parse(src, Options{Format: document.FormatMarkdown})
			if err != nil {
				return nil
			}
			return r
		}
		want, got := parseWith(true), parseWith(false)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%q: in order %+v; one by one %+v", text, got, want)
		}
		if got == nil {
			return
		}
		all := got.AllSections()
		for i := 0; i+1 < len(all); i++ {
			if len(all[i+1].Paragraphs) == 0 {
				continue
			}
			next := all[i+1].Paragraphs[0]
			all[i].Paragraphs = append(all[i].Paragraphs, &document.Paragraph{})
			if all[i+1].Paragraphs[0] != next {
				t.Fatalf("%q: adding to section %d's paragraphs changed section %d's", text, i, i+1)
			}
		}
	})
}

// FuzzLinkTargetsAsWritten: asWritten gives a link's destination as the
// source's own text, or "" for the caller to copy goldmark's; never
// another string.
func FuzzLinkTargetsAsWritten(f *testing.F) {
	fuzzSeeds(f, "../../testdata/reports/*.md")
	for _, s := range []string{
		"[a](http://x.org) [b]( <mailto:a@b.c> \"t\") [c](a\\)b) [d](&amp;x) [e]()",
		"[m](mailto: a @b.org) [n](tel:+1 (202) 555) [o](javascript:void(0); \"Tool Tip: O\")",
		"[r]\n\n[r]: /u \"t\"", "![i](p.png) [x](<a b>)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		src := []byte(text)
		loosenLinkTargets(src)
		doc := goldmarkFor(src).Parse(gmtext.NewReader(src))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			link, ok := n.(*ast.Link)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			start := link.Pos()
			if start < 0 || start >= len(text) || text[start] != '[' {
				return ast.WalkContinue, nil
			}
			if _, ts, te, _, ok := scanLink(text, start, len(text)); ok {
				if got := asWritten(text, ts, te, link.Destination); got != "" && got != string(link.Destination) {
					t.Fatalf("%q: link at %d: as written %q, goldmark's destination %q", text, start, got, link.Destination)
				}
			}
			return ast.WalkContinue, nil
		})
	})
}

// FuzzSetextUnderline holds isSetextUnderline to what it stands for: the
// line, less spaces and line ends at both ends, is one or more of "=" or
// of "-" alone.
func FuzzSetextUnderline(f *testing.F) {
	for _, s := range []string{"===\n", " - - -", "--\r\n", "", "\n", "=-", "a", "  ==  x", "\t=\t"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		trimmed := bytes.Trim(line, " \t\r\n")
		want := len(trimmed) > 0 && (trimmed[0] == '=' || trimmed[0] == '-') &&
			len(bytes.Trim(trimmed, string(trimmed[:1]))) == 0
		if got := isSetextUnderline(line); got != want {
			t.Fatalf("isSetextUnderline(%q) = %v, want %v", line, got, want)
		}
	})
}

// addParagraph, the Markdown parser's old way, adds p to the innermost
// open section (or the preamble), each section's slice its own, and
// stretches the spans of every open section over it.
func addParagraph(r *document.Report, stack []*document.Section, p *document.Paragraph) {
	if len(stack) == 0 {
		r.Preamble = append(r.Preamble, p)
		return
	}
	stack[len(stack)-1].Paragraphs = append(stack[len(stack)-1].Paragraphs, p)
	stretch(stack, p)
}
