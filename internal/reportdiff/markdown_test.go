package reportdiff

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
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

// A link to an issue, a pull request, a discussion or a commit on GitHub
// would make GitHub mark it as mentioned from the pull request (and show
// it by its number): it is shown in a code span, which GitHub neither links
// nor reads references in. Other links are left as they are.
func TestMdEscapeGitHubReferences(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"see https://github.com/cli/cli/issues/1 and https://github.com/cli/cli/pull/2.", "see `https://github.com/cli/cli/issues/1` and `https://github.com/cli/cli/pull/2`."},
		{"(HTTP://WWW.GitHub.com/o/r/discussions/3#discussioncomment-4)", "(`HTTP://WWW.GitHub.com/o/r/discussions/3#discussioncomment-4`)"},
		{"at www.github.com/o/r/commit/a5c3785ed8d6a35868bc169f07e40e889087fd2e", "at `www.github.com/o/r/commit/a5c3785ed8d6a35868bc169f07e40e889087fd2e`"},
		{"github.com/o/r/issues/4, https://github.com/orgs/o/discussions/5", "`github.com/o/r/issues/4`, `https://github.com/orgs/o/discussions/5`"},
		{"https://github.com/o/r/pull/6/files#diff-1_2", "`https://github.com/o/r/pull/6/files#diff-1_2`"},
		{"https://github.com:443/o/r/pull/6", "`https://github.com:443/o/r/pull/6`"},
		{"xhttps://github.com/o/r/issues/7", "xhttps://`github.com/o/r/issues/7`"},
		// Wherever a link holds one.
		{"https://u@github.com/o/r/issues/8 https://example.com/?u=https://github.com/o/r/issues/9", "`https://u@github.com/o/r/issues/8` `https://example.com/?u=https://github.com/o/r/issues/9`"},
		// Not references: a repository, a file, another host.
		{"https://github.com/cli/cli and https://github.com/o/r/blob/main/a_b.go", "https://github.com/cli/cli and https://github.com/o/r/blob/main/a_b.go"},
		{"https://github.com.example.org/o/r/issues/9 notgithub.com/o/r/issues/1", "https://github.com.example.org/o/r/issues/9 notgithub.com/o/r/issues/1"},
	} {
		if got := mdEscape(c.in); got != c.want {
			t.Errorf("mdEscape(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// GitHub links a URL as written, backslashes and word joiners included: its
// inside is left as it is, where a hash, a number or an '@' links nothing
// (the link holds them), and so are the digits of an e-mail address. What
// GitHub leaves out of the link at its end (punctuation, an unbalanced
// ')') is escaped as text, but '*', '_' and '~', which it leaves out too.
// A URL GitHub would not link is escaped as text: after a letter, "www."
// that does not follow a space or a bracket, a host with '_' or a letter
// that is not ASCII.
func TestMdEscapeKeepsLinks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.com/Content/Report/f9535564-b44b-4c1b-9a52-2f0d1f1f5b8a.", "https://example.com/Content/Report/f9535564-b44b-4c1b-9a52-2f0d1f1f5b8a."},
		{"see https://example.com/p?a=1&b=[2]#123/@user/GH-4_x", "see https://example.com/p?a=1&b=[2]#123/@user/GH-4_x"},
		{"(https://travel.state.gov/a_b.html)**.** and a5c3785", "(https://travel.state.gov/a_b.html)**.** and a5c378&#8288;5"},
		{"(see http://x.org/a_(b)_c_),", "(see http://x.org/a_(b)_c_),"},
		{"see www.example.com/#123", "see www.example.com/#123"},
		{"write to 1234567@state.gov or x_y@deadbeef12.org", "write to 1234567@state.gov or x\\_y@deadbeef12.org"},
		// Not linked by GitHub: escaped, and broken where they would link.
		{"www.example.com/#123 at the start", "www.example.com/\\#&#8288;123 at the start"},
		{"xhttps://example.com/#123 https://ex_ample.com/#123", "xhttps://example.com/\\#&#8288;123 https://ex\\_ample.com/\\#&#8288;123"},
		{"https://exämple.com/#1", "https://exämple.com/\\#&#8288;1"},
		// A URL ends where the text could end GitHub's link: at a space,
		// '<', '|', '`', '\\' or a letter that is not ASCII.
		{"https://example.com/a|#1 https://example.com/b`#2 https://example.com/c\\#3 https://example.com/dé#4 https://example.com/e<#5",
			"https://example.com/a\\|\\#&#8288;1 https://example.com/b\\`\\#&#8288;2 https://example.com/c\\\\\\#&#8288;3 https://example.com/dé\\#&#8288;4 https://example.com/e&lt;\\#&#8288;5"},
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
		// An HTML block links no URL: a reference is put in <code>, which
		// GitHub reads no reference in, and the rest broken as text is.
		{"Crime https://github.com/o/r/issues/1 & https://example.com/a5c3785ed8d6#1", "Crime <code>https://github.com/o/r/issues/1</code> &amp; https://example.com/a5c378&#8288;5ed8d6#&#8288;1"},
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

// FuzzEscapeComment escapes any text for each place of the comment it can
// stand in — a list item, a struck-out one, a word diff after a tag, a
// <summary> — and holds the result to checkMarkdown: no markup of the
// text's, no mention, reference or hash GitHub would link outside a link
// or code, no link to a GitHub issue.
func FuzzEscapeComment(f *testing.F) {
	for _, s := range []string{
		"see https://github.com/cli/cli/issues/1 and https://github.com/cli/cli/pull/2.",
		"(https://travel.state.gov/a_b.html)**.** and a5c3785, 1234567@state.gov or x_y@deadbeef12.org",
		"xhttps://example.com/#123 https://ex_ample.com/#123 www.example.com/#1",
		"1234567https://www.@u~;www.&xé#12 a@b.c@u_.www.a5c3785ed>&#64; ~github.com|",
		" -#12@ua@b.cGH-1HTTP://GH-1é www.[**-[GH-1a@b.c www..github.comgithub.com/o/r/issues/1",
		"@octocat #1 GH-2 owner/repo#3 <script> `x` *y* _z_ [l](u) a|b ~~s~~ \\",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, prefix := range []string{"- **added:** ", "- **removed:** ~~", "- **changed:** <ins>"} {
			checkMarkdown(t, prefix+mdEscape(s)+"\n")
		}
		checkMarkdown(t, "<details><summary>"+htmlBlockEscape(s)+"</summary>\n")
	})
}

// TestMarkdownCommentLimit: a comparison too long for a GitHub comment
// keeps its summary and every fact, leaves out the sections that do not
// fit, whole, and says which.
func TestMarkdownCommentLimit(t *testing.T) {
	long := strings.Repeat("Armed groups cross the border at night. ", 200) // 8 KB a paragraph
	res := &Result{
		Old: SideInfo{Path: "old.txt"}, New: SideInfo{Path: "new.txt"},
		Summary:  "Level 2 → 3 (escalated); 20 paragraphs added",
		Advisory: &AdvisoryChange{Old: 2, New: 3, Change: Escalated},
	}
	for i := range 20 {
		res.Contacts.Added = append(res.Contacts.Added, Contact{Kind: "phone", Value: fmt.Sprintf("+965 2259-%04d", i)})
		res.Sections = append(res.Sections, SectionChange{
			Title: fmt.Sprintf("Section %d", i), Status: StatusAdded, NewLine: i * 10,
			Paragraphs: []ParagraphDiff{{Status: Added, NewLine: i*10 + 2, New: long}},
		})
	}
	var b strings.Builder
	if err := renderMarkdown(&b, res, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) > commentLimit {
		t.Errorf("%d bytes, over GitHub's limit of %d", len(out), commentLimit)
	}
	for _, want := range []string{"**Summary:** Level 2 → 3 (escalated)", "| ▲ escalated | advisory level |", "+965 2259-0019", "\"Section 0\" added", "> **Cut:** 13 changed sections not shown", "Section 7, Section 8"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the comment", want)
		}
	}
	if strings.Contains(out, "\"Section 7\" added") {
		t.Errorf("a section past the limit is shown")
	}
	// A comparison that fits is shown whole, with nothing said about cuts.
	res.Sections = res.Sections[:2]
	b.Reset()
	if err := renderMarkdown(&b, res, false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Cut:") || !strings.Contains(b.String(), "\"Section 1\" added") {
		t.Errorf("a short comparison was cut:\n%s", b.String())
	}
}

func TestExcerpt(t *testing.T) {
	words := WordDiff("In 2023 armed groups were responsible for 887 attacks in Mali in the centre and the north of the country.",
		"In 2023 armed groups were responsible for 912 attacks in Mali in the centre and the north of the country.")
	if got, want := showOps(Excerpt(words, 4)), "… groups were responsible for [-887-]{+912+} attacks in Mali in …"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Short runs are kept whole: cutting one word saves nothing.
	short := WordDiff("Avoid the border.", "Avoid the northern border.")
	if got, want := showOps(Excerpt(short, 4)), "Avoid the {+northern +}border."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// Facts by the thousand alone would pass the limit: they are cut at a
// row, and the cut said, rather than the comment refused by GitHub.
func TestMarkdownTooManyFacts(t *testing.T) {
	res := &Result{Old: SideInfo{Path: "old.txt"}, New: SideInfo{Path: "new.txt"}, Summary: "5000 contacts changed"}
	for i := range 5000 {
		res.Contacts.Added = append(res.Contacts.Added, Contact{Kind: "phone", Value: fmt.Sprintf("+965 2259-%04d", i)})
	}
	var b strings.Builder
	if err := renderMarkdown(&b, res, false); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(out) > commentLimit || !strings.Contains(out, "more facts and every section not shown") || !strings.Contains(out, "+965 2259-0000") {
		t.Errorf("%d bytes, ending:\n%s", len(out), out[max(0, len(out)-300):])
	}
	if before := strings.SplitN(out, "> **Cut:**", 2)[0]; !strings.HasSuffix(before, " |\n\n") {
		t.Errorf("cut inside a row: %q", before[max(0, len(before)-80):])
	}
}
