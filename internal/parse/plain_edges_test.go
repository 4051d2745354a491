package parse

import (
	"strings"
	"testing"
)

// TestPlainParagraphEdges parses edge cases of plain paragraphs (setext
// underlines in quotes and lists, lazy lines, CR alone, trailing spaces
// at the end, more paragraphs than a slab) both ways: alone, after a
// title, and with CRLF under a section (parsedBothWays).
func TestPlainParagraphEdges(t *testing.T) {
	many := strings.Repeat("plain para line\nsecond line  \nthird\n\n", 80)
	cases := []string{
		"> foo\n> bar\n> ---\n",
		"> foo\nbar\n---\n",
		"> foo\n---\n",
		"- foo\n  bar\n  ---\n",
		"- foo\nbar\n---\n",
		"- foo\n---\n",
		"1. foo\n   ===\n",
		"foo\n   ===   \n",
		"foo\n    ===\n",
		"foo\n= =\n",
		"foo\n-- -\n",
		"foo\n---\t\n",
		"foo\n---\r\n",
		"foo\r\n===\r\n",
		"foo\r\nbar\r\n",
		"foo\rbar\n",
		"foo \r\nbar\n",
		"foo\t\nbar\n",
		"foo  \nbar  \n",
		"foo  \nbar  ",
		"foo\n\tbar\n",
		"> foo\n>\tbar\n",
		">\tfoo\n>\t---\n",
		"-\tfoo\n\tbar\n",
		"foo\x00bar\n",
		"foo\ufffdbar\n",
		"foo\n<div>\nbar\n",
		"foo\n<span>\nbar\n",
		"<div>\nfoo\n\nbar\n",
		"[a]: /x\nfoo\n",
		"foo\n[a]: /x\n",
		"foo\n# h\nbar\n",
		"foo\n    bar\n",
		"foo\n```\ncode\n```\n",
		"Title\n=====\nPara\n-----\n",
		"   foo\n bar\n",
		"foo\nbar",
		"foo\nbar\n\n\n",
		"a\n\u00a0\nb\n",
		"Heading\n===\n" + many,
		many + "last  ",
		"- a\n- b\n\n  c\n- d\n",
		"- a\n\n- b\n",
		"> - a\n> b\n",
		"1) a\n2) b\n   ===\n",
		"foo\n***\nbar\n",
		"foo\n___\n",
		"foo\n- - -\n",
		"foo\n  - bar\n",
		"foo\n1. bar\n",
		"foo\n2. bar\n",
		"foo &amp; bar &#65; &nbsp;\n",
		"foo   bar\t\tbaz\n",
	}
	for i, c := range cases {
		parsedBothWays(t, "e.md", c)
		parsedBothWays(t, "e.md", "# T\n\n"+c)
		parsedBothWays(t, "e.md", "## S\n\n"+strings.ReplaceAll(c, "\n", "\r\n"))
		_ = i
	}
}

// TestPlainParagraphsGenerated parses 10,000 documents made of lines that
// open, continue and close blocks, from a fixed seed, both ways: what a
// fuzzer reaches only by luck, every run.
func TestPlainParagraphsGenerated(t *testing.T) {
	pool := []string{"# T", "## S", "Title", "===", "---", "  ---  ", "- - -", "***", "plain line", "plain two  ", "hard  \r",
		"tab\tin", "\tlead tab", "    code", "  two lead", "> quote", "> > nest", ">\tqtab", "- item", "* star", "1. one", "2) two",
		"   lazy", "+ plus", "<div>", "</div>", "<!-- c -->", "<span>x</span>", "[r]: /u", "see [r] x", "a [l](/u) b", "*e* _u_",
		"`c`", "<https://a.b>", "x &amp; y", "bad \ufffd c", "nb\u00a0sp", "trail ", "back\\", "", "", "", " ", "\t", "-", "=",
		"  - sub", "    - deep", "> - qi", ">", "1.", "-\tt", "   ===", "~~~", "```", "x\ry", "#", "######## x", "Setext  ",
	}
	seed := uint64(12345)
	rnd := func(n int) int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(n))
	}
	for range 10000 {
		k := 1 + rnd(14)
		var b strings.Builder
		eol := "\n"
		if rnd(4) == 0 {
			eol = "\r\n"
		}
		for j := 0; j < k; j++ {
			b.WriteString(pool[rnd(len(pool))])
			if j < k-1 || rnd(2) == 0 {
				b.WriteString(eol)
			}
		}
		parsedBothWays(t, "r.md", b.String())
	}
}
