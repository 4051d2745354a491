package reportdiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazyregexp"
)

func init() { renderers["markdown"] = renderMarkdown }

// mdEscape makes report text safe in a pull-request comment, as Markdown
// inline text (a table cell, a list item, a word diff): it is not read as
// Markdown or HTML, and pings no one and links nothing (see escapeComment).
func mdEscape(s string) string { return escapeComment(s, true) }

// htmlBlockEscape is mdEscape for text inside an HTML block, such as a
// section's <summary>: there Markdown is not read, so only HTML is escaped,
// and a backslash would show.
func htmlBlockEscape(s string) string { return escapeComment(s, false) }

// wordJoiner is U+2060, invisible, written as a character reference so that
// the raw comment shows where it is.
const wordJoiner = "&#8288;"

// escapeComment escapes s for a GitHub comment, once flowText has made it
// one printable line. Then GitHub's autolinks are broken by a word joiner,
// which it does not read as part of a name or a number: after "@" of a
// mention ("@user", "@org/team"), after "#" or "GH-" before an issue number
// ("#123", "owner/repo#123", "GH-123"), and every six characters of a word
// of seven or more hex digits (a commit hash, "user@sha" included). A
// mention would notify its people and a reference would mark the issue as
// mentioned from the pull request, at a stranger's choice. '&' is escaped
// too, so that a character reference in the text ("&#64;") stays text
// rather than spelling an '@' after the escaping.
//
// URLs are the exception (see autolinks): GitHub links them as written, so
// that an escape or a joiner inside would break the link, while what a link
// holds pings and references nothing. One to an issue, a pull request, a
// discussion or a commit on GitHub is shown in a code span instead: as a
// link it would mark that issue as mentioned too.
func escapeComment(s string, markdown bool) string {
	s = flowText(s)
	links := autolinks(s, markdown)
	join := autolinkBreaks(s, links)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	rawPunct := -1 // the end of the punctuation after a link, kept raw
	for i := 0; i < len(s); {
		for len(links) > 0 && links[0].email {
			links = links[1:] // written as text, only not broken
		}
		if len(links) > 0 && i == links[0].start {
			l := links[0]
			links = links[1:]
			switch {
			case l.reference && markdown:
				// The extent holds no backtick, so one opens and closes it.
				b.WriteString("`" + s[l.start:l.end] + "`")
			case l.reference:
				b.WriteString("<code>" + htmlEscape(s[l.start:l.end]) + "</code>")
			default:
				b.WriteString(s[l.start:l.end])
				rawPunct = l.tail
			}
			i = l.end
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case i < rawPunct && (r == '*' || r == '_' || r == '~'):
			// GitHub leaves them out of the link as it does the other
			// punctuation, but a backslash before them it would not.
			b.WriteRune(r)
		case markdown && strings.ContainsRune("\\`*_[]|#~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		i += n
		if i < len(join) && join[i] {
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// autolinkBreaks marks the byte offsets of s before which a word joiner
// goes, or returns nil if there are none. Words are ASCII letters, digits
// and '_', as GitHub reads them. Nothing is marked inside a link, an e-mail
// address included: a joiner there would break the link, and what a link
// holds GitHub reads no reference in.
func autolinkBreaks(s string, links []autolink) []bool {
	var join []bool
	mark := func(i int) {
		if join == nil {
			join = make([]bool, len(s)+1)
		}
		join[i] = true
	}
	for i := 0; i+1 < len(s); i++ {
		next := s[i+1]
		switch s[i] {
		case '@':
			// "name@host" mentions no one; only an '@' starting a word does.
			if isASCIIAlnum(next) && (i == 0 || !isASCIIWord(s[i-1])) {
				mark(i + 1)
			}
		case '#':
			if isASCIIDigit(next) {
				mark(i + 1)
			}
		case '-':
			if isASCIIDigit(next) && i >= 2 && strings.EqualFold(s[i-2:i], "gh") {
				mark(i + 1)
			}
		}
	}
	if join != nil {
		for _, l := range links {
			clear(join[l.start+1 : l.end])
		}
	}
	for i := 0; i < len(s); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		for len(links) > 0 && links[0].end <= i {
			links = links[1:]
		}
		inLink := len(links) > 0 && links[0].start <= i
		// A word ends where a link may start ("1234567https://…"): GitHub
		// reads the text before a link on its own.
		end := i + 1
		for end < len(s) && isASCIIWord(s[end]) && !mayLinkAt(s, end) {
			end++
		}
		if end-i >= 7 && isHex(s[i:end]) && !inLink {
			for k := i + 6; k < end; k += 6 {
				mark(k)
			}
		}
		i = end
	}
	return join
}

// autolink is what GitHub links in a comment, s[start:end], a URL or (in
// Markdown) an e-mail address; the punctuation GitHub leaves out of a link
// at its end follows it, up to tail.
type autolink struct {
	start, end, tail int
	reference        bool // to an issue, a pull request, a discussion or a commit on GitHub
	email            bool
}

// autolinks lists, in order, the links GitHub makes of bare URLs in Markdown
// (GFM's extended autolinks): "http://" or "https://" not after a letter,
// or "www." after white space or one of "*_~(", then a host and everything
// up to white space or '<', less the punctuation at the end that GFM leaves
// out. Where GitHub's reading and this one could differ, this one links
// less, so that nothing is left unescaped that GitHub would not link: a
// host is ASCII letters, digits, '-' and '.', followed by the end, white
// space or ASCII punctuation but '_'; a URL ends at '|' (which ends a table
// cell), '`', '\\' and any character that is not ASCII too (which the host
// may not be followed by, to be read the same once escaped). Then the
// e-mail addresses GFM links in the text between (emailsIn).
//
// References to GitHub are listed wherever they are, "github.com/…" with no
// "https://" included (but after a host's character), since they are shown
// as code whether or not GitHub would link them. In an HTML block (markdown
// false), where GitHub links no URL, only they are listed.
func autolinks(s string, markdown bool) []autolink {
	if !strings.ContainsAny(s, ":.@") {
		return nil
	}
	var out []autolink
	for i := 0; i < len(s); i++ {
		// bare: a link only if it is a reference, to be shown as code.
		hostStart, bare := -1, false
		switch c := s[i] | 0x20; {
		case c == 'h' && (i == 0 || !isASCIILetter(s[i-1])) && (hasPrefixFold(s[i:], "http://") || hasPrefixFold(s[i:], "https://")):
			hostStart = i + strings.Index(s[i:], "://") + 3
		case c == 'w' && mayLinkAt(s, i):
			// What comes before s decides whether GFM links "www." at its
			// start: a space (a list item) or a tag (a word diff).
			hostStart, bare = i, i == 0
		case (c == 'g' || c == 'w') && (i == 0 || !isHostByte(s[i-1])) && (hasPrefixFold(s[i:], "github.com") || hasPrefixFold(s[i:], "www.github.com")):
			hostStart, bare = i, true
		default:
			continue
		}
		hostEnd := hostStart
		for hostEnd < len(s) && isHostByte(s[hostEnd]) {
			hostEnd++
		}
		if hostEnd == hostStart || !isASCIIAlnum(s[hostStart]) ||
			hostEnd < len(s) && !isASCIISpace(s[hostEnd]) && !(isASCIIPunct(s[hostEnd]) && strings.IndexByte("_\\|`", s[hostEnd]) < 0) {
			continue
		}
		tail := hostEnd
		for tail < len(s) && s[tail] < utf8.RuneSelf && !isASCIISpace(s[tail]) && strings.IndexByte("<|`\\", s[tail]) < 0 {
			tail++
		}
		l := autolink{start: i, end: linkEnd(s, i, tail), tail: tail}
		l.reference = gitHubReference.MatchString(s[l.start:l.end])
		if !l.reference && (bare || !markdown) {
			continue
		}
		out = append(out, l)
		i = l.tail - 1
	}
	if !markdown || !strings.Contains(s, "@") {
		return out
	}
	// A link ends a run of text; GFM looks for addresses in each run.
	var all []autolink
	from := 0
	for _, l := range out {
		all = append(emailsIn(s, from, l.start, all), l)
		from = l.tail
	}
	return emailsIn(s, from, len(s), all)
}

// linkEnd is where GFM ends a link that runs from start to end: before
// the punctuation at its end, a character reference ("&amp;") at its end,
// and a ')' at its end with no '(' to match.
func linkEnd(s string, start, end int) int {
	opening := strings.Count(s[start:end], "(")
	closing := strings.Count(s[start:end], ")")
	for end > start {
		switch c := s[end-1]; {
		case strings.IndexByte("?!.,:*_~'\"", c) >= 0:
			end--
		case c == ';':
			k := end - 2
			for k > start && isASCIILetter(s[k]) {
				k--
			}
			if k < end-2 && s[k] == '&' {
				end = k
			} else {
				end--
			}
		case c == ')' && closing > opening:
			closing--
			end--
		default:
			return end
		}
	}
	return end
}

// gitHubReference finds, in a link, a URL that GitHub turns into a
// reference (and a back link on the issue): an issue, a pull request, a
// discussion (of a repository or of an organisation), a commit. It is
// looked for anywhere in the link, its host's subdomains and user included:
// a link that only holds one loses no more than its being a link.
var gitHubReference = lazyregexp.New(`(?i)github\.com(:[0-9]+)?/[^/?#]+/[^/?#]+/(issues|pull|pulls|discussions|commit|commits|compare)([/?#]|$)`)

// mayLinkAt reports whether GFM may start a link at s[i], whatever follows:
// a scheme not after a letter, or "www." at the start or after white space
// or one of "*_~(". What autolinks lists it does not all link, but the text
// before such a place is a run of its own if it does.
func mayLinkAt(s string, i int) bool {
	switch s[i] | 0x20 {
	case 'h', 'f':
		return (i == 0 || !isASCIILetter(s[i-1])) &&
			(hasPrefixFold(s[i:], "http://") || hasPrefixFold(s[i:], "https://") || hasPrefixFold(s[i:], "ftp://"))
	case 'w':
		return strings.HasPrefix(s[i:], "www.") && (i == 0 || isASCIISpace(s[i-1]) || strings.IndexByte("*_~(", s[i-1]) >= 0)
	}
	return false
}

// emailsIn appends to out the e-mail addresses GFM links in s[from:to], a
// run of text with no link in it, found as GFM finds them: from each '@', a
// name of letters, digits and ".+-_" before it (back to where the last try
// ended), and a host of letters, digits, '-', '_' and '.' before a letter or
// digit after it, with one such '.' at least, ending in a letter. A second
// '@' in the host starts the try again from there.
func emailsIn(s string, from, to int, out []autolink) []autolink {
	for {
		k := strings.IndexByte(s[from:to], '@')
		if k < 0 {
			return out
		}
		at := from + k
		for {
			start := at
			for start > from && (isASCIIWord(s[start-1]) || strings.IndexByte(".+-", s[start-1]) >= 0) {
				start--
			}
			if start == at {
				from = at + 1
				break
			}
			end, dots, again := at+1, 0, -1
			for ; end < to && again < 0; end++ {
				switch c := s[end]; {
				case c == '@':
					again = end
				case c == '.' && end+1 < to && isASCIIAlnum(s[end+1]):
					dots++
				case !isASCIIAlnum(c) && c != '-' && c != '_', mayLinkAt(s, end):
					// A link GFM may make there ends the run of text.
					goto scanned
				}
			}
		scanned:
			if again >= 0 {
				from, at = at+1, again
				continue
			}
			if dots > 0 && isASCIILetter(s[end-1]) {
				out = append(out, autolink{start: start, end: end, tail: end, email: true})
			}
			from = end
			break
		}
	}
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
func isASCIISpace(c byte) bool  { return c == ' ' || '\t' <= c && c <= '\r' }
func isHostByte(c byte) bool    { return isASCIIAlnum(c) || c == '-' || c == '.' }

// isASCIIPunct is ASCII punctuation, as CommonMark counts it.
func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
func isASCIIAlnum(c byte) bool { return isASCIIDigit(c) || isASCIILetter(c) }
func isASCIIWord(c byte) bool  { return isASCIIAlnum(c) || c == '_' }

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; !isASCIIDigit(s[i]) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// commentLimit is the most characters GitHub takes in a comment. Bytes
// are counted, never fewer than GitHub's UTF-16 units, so the count is safe.
const commentLimit = 65536

// cutNote is the room kept for the line that says what was cut.
const cutNote = 400

// renderMarkdown writes a pull-request comment: the summary, a table of the
// facts that changed (ratings marked ▲ escalated or ▼ lowered), then each
// changed section in a collapsible block with its word diffs. It stays
// under GitHub's comment limit: the sections that do not fit are left out,
// and a line says which; the summary and the facts are never cut.
func renderMarkdown(w io.Writer, r *Result, _ bool) error {
	return writeMarkdown(w, r, commentLimit)
}

func writeMarkdown(w io.Writer, r *Result, limit int) error {
	var head strings.Builder
	fmt.Fprintf(&head, "### reportlint diff: <code>%s</code> → <code>%s</code>\n\n", mdEscape(r.Old.Path), mdEscape(r.New.Path))
	for _, wmsg := range r.Warnings {
		fmt.Fprintf(&head, "> **Warning:** %s\n\n", mdEscape(wmsg))
	}
	if r.Empty() {
		fmt.Fprintln(&head, "No changes.")
		_, err := io.WriteString(w, head.String())
		return err
	}
	fmt.Fprintf(&head, "**Summary:** %s\n\n", mdEscape(r.Summary))
	if r.Facts() {
		fmt.Fprintln(&head, "| | fact | old | new |")
		fmt.Fprintln(&head, "| --- | --- | --- | --- |")
		row := func(change, what, old, new string) {
			fmt.Fprintf(&head, "| %s | %s | %s | %s |\n", arrow(change)+" "+change, mdEscape(what), mdEscape(old), mdEscape(new))
		}
		for _, n := range r.NotFound {
			old, new := notFoundValues(r, n)
			fmt.Fprintf(&head, "| ? not found in the %s edition | %s | %s | %s |\n", n.Edition, mdEscape(n.Fact), mdEscape(old), mdEscape(new))
		}
		if p := r.Published; p != nil {
			row(p.Change, "published", orNone(p.Old), orNone(p.New))
		}
		if a := r.Advisory; a != nil && a.Change != Unchanged && !r.unread(FactLevel) {
			row(a.Change, "advisory level", levelName(a.Old, a.OldWording), levelName(a.New, a.NewWording))
		}
		for _, i := range r.Indicators.Added {
			row(Added, r.indicatorFact(i, Added), "not included", "included")
		}
		for _, i := range r.Indicators.Removed {
			row(Removed, r.indicatorFact(i, Removed), "included", "not included")
		}
		for _, x := range r.ChangedRatings() {
			row(x.Change, x.Category+" threat rating, "+x.Location, orNone(x.Old), orNone(x.New))
		}
		for _, x := range r.ChangedRegions() {
			row(x.Change, "region: "+regionLabel(x), regionOld(x), regionNew(x))
		}
		for _, c := range r.Contacts.Changed {
			row(Changed, "contact: "+contactName(c.Kind, c.Label), c.Old, c.New)
		}
		for _, c := range r.Contacts.Added {
			row(Added, "contact: "+contactName(c.Kind, c.Label), "none", c.Value)
		}
		for _, c := range r.Contacts.Removed {
			row(Removed, "contact: "+contactName(c.Kind, c.Label), c.Value, "none")
		}
		fmt.Fprintln(&head)
	}
	bw := bufio.NewWriter(w)
	if head.Len() > limit-cutNote {
		// Only facts by the thousand (a hostile edition) fill a comment:
		// cut at a row, and say so, rather than have GitHub refuse it.
		text := head.String()
		end := strings.LastIndexByte(text[:limit-cutNote], '\n') + 1
		rows := strings.Count(text[end:], "\n| ")
		bw.WriteString(text[:end])
		fmt.Fprintf(bw, "\n> **Cut:** %s and every section not shown, to keep this comment under GitHub's %d-character limit. Run `reportlint diff` for the whole comparison.\n", plural(rows, "more fact"), limit)
		return bw.Flush()
	}
	bw.WriteString(head.String())
	room := limit - head.Len() - cutNote
	var cut []string
	for _, s := range r.changedSections() {
		block := markdownSection(s)
		if len(cut) > 0 || len(block) > room {
			cut = append(cut, s.Title)
			continue
		}
		room -= len(block)
		bw.WriteString(block)
	}
	if len(cut) > 0 {
		note := fmt.Sprintf("> **Cut:** %s not shown, to keep this comment under GitHub's %d-character limit: %s. Run `reportlint diff` for the whole comparison.\n",
			plural(len(cut), "changed section"), limit, strings.Join(cut, ", "))
		if len(note) > cutNote {
			note = fmt.Sprintf("> **Cut:** %s not shown, to keep this comment under GitHub's %d-character limit. Run `reportlint diff` for the whole comparison.\n", plural(len(cut), "changed section"), limit)
		} else {
			note = "> **Cut:** " + mdEscape(strings.TrimPrefix(strings.TrimSuffix(note, "\n"), "> **Cut:** ")) + "\n"
		}
		bw.WriteString(note)
	}
	return bw.Flush()
}

// markdownSection is one changed section's block.
func markdownSection(s SectionChange) string {
	var b strings.Builder
	label := sectionLabel(s) + " (" + lineSpan("line ", s.OldLine, s.NewLine) + ")"
	if len(s.Paragraphs) == 0 {
		// Renamed or moved, its text the same: a line says it all.
		fmt.Fprintf(&b, "- %s\n\n", mdEscape(label))
		return b.String()
	}
	fmt.Fprintf(&b, "<details><summary>%s</summary>\n\n", htmlBlockEscape(label))
	paras, stock := splitBoilerplate(s.Paragraphs)
	if stock != "" {
		fmt.Fprintf(&b, "- **stock:** %s\n", mdEscape(stock))
	}
	for _, p := range paras {
		at := mdEscape(lineSpan("", p.OldLine, p.NewLine))
		switch p.Status {
		case Added:
			fmt.Fprintf(&b, "- **added** %s: %s\n", at, mdEscape(p.New))
		case Removed:
			fmt.Fprintf(&b, "- **removed** %s: ~~%s~~\n", at, mdEscape(p.Old))
		case ParagraphMoved:
			fmt.Fprintf(&b, "- **moved** %s: %s\n", at, mdEscape(firstWords(p.New, movedWords)+strings.TrimSuffix(movedNote(p), " (moved)")))
		default:
			var w strings.Builder
			for _, op := range Excerpt(p.Words, contextWords) {
				t := mdEscape(op.Text)
				switch {
				case strings.TrimSpace(op.Text) == "":
					w.WriteString(t)
				case op.Op == "insert":
					w.WriteString("<ins>" + t + "</ins>")
				case op.Op == "delete":
					w.WriteString("<del>" + t + "</del>")
				default:
					w.WriteString(t)
				}
			}
			verb, from := "changed", ""
			if p.Moved {
				verb, from = "moved and changed", mdEscape(strings.TrimSuffix(movedNote(p), " (moved)"))
			}
			fmt.Fprintf(&b, "- **%s** %s: %s%s\n", verb, at, w.String(), from)
		}
	}
	b.WriteString("\n</details>\n\n")
	return b.String()
}
