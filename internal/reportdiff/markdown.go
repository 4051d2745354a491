package reportdiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
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
// one printable line. Then GitHub's autolinks are broken by a word joiner, which it does not read
// as part of a name or a number: after "@" of a mention ("@user",
// "@org/team"), after "#" or "GH-" before an issue number ("#123",
// "owner/repo#123", "GH-123"), and every six characters of a word of seven
// or more hex digits (a commit hash, "user@sha" included). A mention would
// notify its people and a reference would mark the issue as mentioned from
// the pull request, at a stranger's choice. '&' is escaped too, so that a
// character reference in the text ("&#64;") stays text rather than spelling
// an '@' after the escaping.
func escapeComment(s string, markdown bool) string {
	s = flowText(s)
	join := autolinkBreaks(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case markdown && strings.ContainsRune("\\`*_[]|#~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
		if end := i + utf8.RuneLen(r); end < len(join) && join[end] {
			b.WriteString(wordJoiner)
		}
	}
	return b.String()
}

// autolinkBreaks marks the byte offsets of s before which a word joiner
// goes, or returns nil if there are none. Words are ASCII letters, digits
// and '_', as GitHub reads them.
func autolinkBreaks(s string) []bool {
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
	for i := 0; i < len(s); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		end := i
		for end < len(s) && isASCIIWord(s[end]) {
			end++
		}
		if end-i >= 7 && isHex(s[i:end]) {
			for k := i + 6; k < end; k += 6 {
				mark(k)
			}
		}
		i = end
	}
	return join
}

func isASCIIDigit(c byte) bool { return '0' <= c && c <= '9' }
func isASCIIAlnum(c byte) bool { return isASCIIDigit(c) || 'a' <= c|0x20 && c|0x20 <= 'z' }
func isASCIIWord(c byte) bool  { return isASCIIAlnum(c) || c == '_' }

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; !isASCIIDigit(s[i]) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// renderMarkdown writes a pull-request comment: a table of the facts that
// changed (ratings marked ▲ escalated or ▼ lowered), then each changed
// section in a collapsible block with its word diffs.
func renderMarkdown(w io.Writer, r *Result, _ bool) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### reportlint diff: <code>%s</code> → <code>%s</code>\n\n", mdEscape(r.Old.Path), mdEscape(r.New.Path))
	for _, wmsg := range r.Warnings {
		fmt.Fprintf(bw, "> **Warning:** %s\n\n", mdEscape(wmsg))
	}
	if r.Empty() {
		fmt.Fprintln(bw, "No changes.")
		return bw.Flush()
	}
	if r.Facts() {
		fmt.Fprintln(bw, "| | fact | old | new |")
		fmt.Fprintln(bw, "| --- | --- | --- | --- |")
		row := func(change, what, old, new string) {
			fmt.Fprintf(bw, "| %s | %s | %s | %s |\n", arrow(change)+" "+change, mdEscape(what), mdEscape(old), mdEscape(new))
		}
		if p := r.Published; p != nil {
			row(p.Change, "published", orNone(p.Old), orNone(p.New))
		}
		if a := r.Advisory; a != nil && a.Change != Unchanged {
			row(a.Change, "advisory level", levelName(a.Old, a.OldWording), levelName(a.New, a.NewWording))
		}
		for _, i := range r.Indicators.Added {
			row(Added, "indicator "+i.Code+" ("+i.Name+")", "not included", "included")
		}
		for _, i := range r.Indicators.Removed {
			row(Removed, "indicator "+i.Code+" ("+i.Name+")", "included", "not included")
		}
		for _, x := range r.ChangedRatings() {
			row(x.Change, x.Category+" threat rating, "+x.Location, orNone(x.Old), orNone(x.New))
		}
		for _, x := range r.ChangedRegions() {
			row(x.Change, "region: "+x.Name, regionLevel(x.Old), regionLevel(x.New))
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
		fmt.Fprintln(bw)
	}
	for _, s := range r.changedSections() {
		if len(s.Paragraphs) == 0 {
			// Renamed or moved, its text the same: a line says it all.
			fmt.Fprintf(bw, "- %s\n\n", mdEscape(sectionLabel(s)))
			continue
		}
		fmt.Fprintf(bw, "<details><summary>%s</summary>\n\n", htmlBlockEscape(sectionLabel(s)))
		for _, p := range s.Paragraphs {
			switch p.Status {
			case Added:
				fmt.Fprintf(bw, "- **added:** %s\n", mdEscape(p.New))
			case Removed:
				fmt.Fprintf(bw, "- **removed:** ~~%s~~\n", mdEscape(p.Old))
			case ParagraphMoved:
				fmt.Fprintf(bw, "- **moved:** %s\n", mdEscape(p.New))
			default:
				var b strings.Builder
				for _, op := range p.Words {
					t := mdEscape(op.Text)
					switch {
					case strings.TrimSpace(op.Text) == "":
						b.WriteString(t)
					case op.Op == "insert":
						b.WriteString("<ins>" + t + "</ins>")
					case op.Op == "delete":
						b.WriteString("<del>" + t + "</del>")
					default:
						b.WriteString(t)
					}
				}
				fmt.Fprintf(bw, "- **changed:** %s\n", b.String())
			}
		}
		fmt.Fprintf(bw, "\n</details>\n\n")
	}
	return bw.Flush()
}
