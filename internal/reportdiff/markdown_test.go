package reportdiff

import (
	"strings"
	"testing"
)

// Report text in a pull-request comment neither pings anyone nor links an
// issue or a commit, nor is read as Markdown or HTML. A word joiner
// (&#8288;, invisible) after "@" or "#" breaks a mention or a reference;
// one every six characters of a hex word breaks a commit hash.
func TestMdEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"@octocat please approve", "@&#8288;octocat please approve"},
		{"cc @github/security-team.", "cc @&#8288;github/security-team."},
		{"(@someone)", "(@&#8288;someone)"},
		{"write to ACS@state.gov", "write to ACS@state.gov"}, // an address mentions no one
		{"@ the market", "@ the market"},
		{"see #123 and owner/repo#45", `see \#&#8288;123 and owner/repo\#&#8288;45`},
		{"GH-77 and gh-8", "GH-&#8288;77 and gh-&#8288;8"},
		{"# not a number", `\# not a number`},
		{"fixed in a5c3785ed8d6a35868bc169f07e40e889087fd2e", "fixed in a5c378&#8288;5ed8d6&#8288;a35868&#8288;bc169f&#8288;07e40e&#8288;889087&#8288;fd2e"},
		{"octocat@a5c3785 and DEADBEEF", "octocat@a5c378&#8288;5 and DEADBE&#8288;EF"},
		{"1234567", "123456&#8288;7"},
		{"cafe, accede, 123456, deadbeefx, a5c3785_", "cafe, accede, 123456, deadbeefx, a5c3785\\_"},
		{"<script>alert(1)</script> & co", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"},
		// A character reference in the text stays text: it cannot spell
		// an "@" or a tag after the escaping.
		{"&#64;octocat &lt;b&gt;", `&amp;\#&#8288;64;octocat &amp;lt;b&amp;gt;`},
		{"a\nb\r@c\r\n- d", "a b @&#8288;c  - d"},
		{"*bold* _it_ `code` [l](u) a|b ~~s~~ \\", "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u) a\\|b \\~\\~s\\~\\~ \\\\"},
		{"x\x1b[31m", `x␛\[31m`},
	} {
		if got := mdEscape(c.in); got != c.want {
			t.Errorf("mdEscape(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// In an HTML block (a section's <summary>) Markdown is not read: only HTML
// is escaped, and a backslash would show.
func TestHTMLBlockEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`"Crime *and* Safety_" changed`, `"Crime *and* Safety_" changed`},
		{"<b>@team #1 & a5c3785</b>", "&lt;b&gt;@&#8288;team #&#8288;1 &amp; a5c378&#8288;5&lt;/b&gt;"},
		{"</summary>\n<img src=x>", "&lt;/summary&gt; &lt;img src=x&gt;"},
	} {
		if got := htmlBlockEscape(c.in); got != c.want {
			t.Errorf("htmlBlockEscape(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// The paths in the heading are escaped like report text, in <code>.
func TestMarkdownHeadingEscapesPaths(t *testing.T) {
	o, of := side(t, "old <script>@octocat#1.md", []byte("# Ghana\n\n## Crime\n\nCrime is common.\n"))
	n, nf := side(t, "new `GH-2` a5c3785ed.md", []byte("# Ghana\n\n## Crime\n\nCrime is rare.\n"))
	out := render(t, "markdown", Compare(o, n, of, nf))
	heading, _, _ := strings.Cut(out, "\n")
	want := "### reportlint diff: <code>old &lt;script&gt;@&#8288;octocat\\#&#8288;1.md</code> → <code>new \\`GH-&#8288;2\\` a5c378&#8288;5ed.md</code>"
	if heading != want {
		t.Errorf("heading\n got %q\nwant %q", heading, want)
	}
	checkMarkdown(t, out)
}

// A warning quotes report text (a country's name): escaped like the rest.
func TestMarkdownEscapesWarnings(t *testing.T) {
	res := &Result{Old: SideInfo{Path: "a.md"}, New: SideInfo{Path: "b.md"}, Warnings: []string{"the editions are about different countries (Ghana and <b>@octocat #1</b>); compared anyway"}}
	out := render(t, "markdown", res)
	if want := "> **Warning:** the editions are about different countries (Ghana and &lt;b&gt;@&#8288;octocat \\#&#8288;1&lt;/b&gt;); compared anyway\n"; !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	checkMarkdown(t, out)
}

// The HTML page escapes hostile paths and text (html/template does it; this
// keeps it so): no tag or bare '&' but the page's own.
func TestHTMLEscapesHostilePathsAndText(t *testing.T) {
	o, of := side(t, `old <script>alert(1)</script>.md`, []byte("# Ghana\n\n## Crime <b>x</b>\n\nCrime is common &amp; <img src=x onerror=alert(1)>.\n"))
	n, nf := side(t, `new "><svg onload=alert(1)>&amp;.md`, []byte("# Ghana\n\n## Crime <b>x</b>\n\nCrime is rare &lt;script&gt;alert(2)&lt;/script&gt;.\n"))
	out := render(t, "html", Compare(o, n, of, nf))
	checkHTML(t, out)
	for _, want := range []string{
		"<title>reportlint diff: old &lt;script&gt;alert(1)&lt;/script&gt;.md → new &#34;&gt;&lt;svg onload=alert(1)&gt;&amp;amp;.md</title>",
		"&lt;script&gt;alert(2)&lt;/script&gt;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q:\n%s", want, out)
		}
	}
}
