package reportdiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

func init() { renderers["markdown"] = renderMarkdown }

// mdEscape keeps report text from being read as Markdown or HTML in a
// pull-request comment.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "|", `\|`, "#", `\#`, "~", `\~`)
	return r.Replace(strings.ReplaceAll(s, "\n", " "))
}

// renderMarkdown writes a pull-request comment: a table of the facts that
// changed (ratings marked ▲ escalated or ▼ lowered), then each changed
// section in a collapsible block with its word diffs.
func renderMarkdown(w io.Writer, r *Result, _ bool) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### reportlint diff: `%s` → `%s`\n\n", strings.ReplaceAll(r.Old.Path, "`", "'"), strings.ReplaceAll(r.New.Path, "`", "'"))
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
		fmt.Fprintf(bw, "<details><summary>%s</summary>\n\n", mdEscape(sectionLabel(s)))
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
