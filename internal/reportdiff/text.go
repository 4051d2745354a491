package reportdiff

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/source"
)

func init() { renderers["text"] = renderText }

const (
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

// renderText writes the facts first, as a table, then each changed section
// with its word diffs: [-deleted-] and {+inserted+}, in colour on a terminal.
func renderText(w io.Writer, r *Result, color bool) error {
	bw := bufio.NewWriter(w)
	// Everything shown comes from the reports and the paths given, which
	// must neither act on the terminal nor start a line a CI runner reads
	// as a command: paint and plain make each piece printable as one line.
	plain := source.PrintableLine
	paint := func(code, s string) string {
		if !color {
			return plain(s)
		}
		return code + plain(s) + reset
	}
	fmt.Fprintf(bw, "%s %s\n%s %s\n", paint(bold, "old:"), plain(r.Old.Path), paint(bold, "new:"), plain(r.New.Path))
	for _, wmsg := range r.Warnings {
		fmt.Fprintf(bw, "%s %s\n", paint(yellow, "warning:"), plain(wmsg))
	}
	if r.Empty() {
		fmt.Fprintln(bw, "\nno changes")
		return bw.Flush()
	}
	fmt.Fprintf(bw, "\n%s %s\n", paint(bold, "summary:"), plain(r.Summary))
	if r.Facts() {
		fmt.Fprintf(bw, "\n%s\n", paint(bold, "Facts"))
		// The rows are gathered first: each column is as wide as its
		// widest cell, so that long values do not break the table.
		var rows [][4]string
		row := func(what, old, new, change string) {
			rows = append(rows, [4]string{plain(what), plain(old), plain(new), change})
		}
		if p := r.Published; p != nil {
			row("published", orNone(p.Old), orNone(p.New), p.Change)
		}
		for _, n := range r.NotFound {
			old, new := notFoundValues(r, n)
			row(n.Fact, old, new, "not found in the "+n.Edition+" edition")
		}
		if a := r.Advisory; a != nil && a.Change != Unchanged && !r.unread(FactLevel) {
			row("advisory level", levelName(a.Old, a.OldWording), levelName(a.New, a.NewWording), a.Change)
		}
		for _, i := range r.Indicators.Added {
			row(r.indicatorFact(i, Added), "not included", "included", Added)
		}
		for _, i := range r.Indicators.Removed {
			row(r.indicatorFact(i, Removed), "included", "not included", Removed)
		}
		for _, x := range r.ChangedRatings() {
			row(x.Category+" rating, "+x.Location, orNone(x.Old), orNone(x.New), x.Change)
		}
		for _, x := range r.ChangedRegions() {
			row("region "+regionLabel(x), regionOld(x), regionNew(x), x.Change)
		}
		for _, c := range r.Contacts.Changed {
			row("contact "+contactName(c.Kind, c.Label), c.Old, c.New, Changed)
		}
		for _, c := range r.Contacts.Added {
			row("contact "+contactName(c.Kind, c.Label), "none", c.Value, Added)
		}
		for _, c := range r.Contacts.Removed {
			row("contact "+contactName(c.Kind, c.Label), c.Value, "none", Removed)
		}
		var width [3]int
		for _, rw := range rows {
			for i := range width {
				width[i] = max(width[i], utf8.RuneCountInString(rw[i]))
			}
		}
		for _, rw := range rows {
			c := rw[3]
			switch c {
			case Escalated:
				c = paint(red, "▲ "+c)
			case Lowered:
				c = paint(green, "▼ "+c)
			}
			// fmt pads by code points, as the widths count.
			fmt.Fprintf(bw, "  %-*s  %-*s → %-*s  %s\n", width[0], rw[0], width[1], rw[1], width[2], rw[2], c)
		}
	}
	if secs := r.changedSections(); len(secs) > 0 {
		fmt.Fprintf(bw, "\n%s\n", paint(bold, "Sections"))
		for _, s := range secs {
			fmt.Fprintf(bw, "  %s %s\n", plain(sectionLabel(s)), paint(dim, "("+lineSpan("line ", s.OldLine, s.NewLine)+")"))
			paras, stock := splitBoilerplate(s.Paragraphs)
			if stock != "" {
				fmt.Fprintf(bw, "    %s %s\n", paint(dim, "="), paint(dim, stock))
			}
			for _, p := range paras {
				at := paint(dim, fmt.Sprintf("%-9s", lineSpan("", p.OldLine, p.NewLine)))
				switch {
				case p.Status == Added:
					fmt.Fprintf(bw, "    %s %s %s\n", paint(green, "+"), at, paint(green, p.New))
				case p.Status == Removed:
					fmt.Fprintf(bw, "    %s %s %s\n", paint(red, "-"), at, paint(red, p.Old))
				case p.Status == ParagraphMoved:
					fmt.Fprintf(bw, "    %s %s %s\n", paint(dim, "↕"), at, paint(dim, firstWords(p.New, movedWords)+movedNote(p)))
				default:
					fmt.Fprintf(bw, "    %s %s ", paint(yellow, "~"), at)
					for _, op := range Excerpt(p.Words, contextWords) {
						switch op.Op {
						case "insert":
							if color {
								fmt.Fprint(bw, paint(green, op.Text))
							} else {
								fmt.Fprintf(bw, "{+%s+}", plain(op.Text))
							}
						case "delete":
							if color {
								fmt.Fprint(bw, paint(red+"\x1b[9m", op.Text))
							} else {
								fmt.Fprintf(bw, "[-%s-]", plain(op.Text))
							}
						default:
							fmt.Fprint(bw, plain(op.Text))
						}
					}
					if p.Moved {
						fmt.Fprint(bw, paint(dim, movedNote(p)))
					}
					fmt.Fprintln(bw)
				}
			}
		}
	}
	return bw.Flush()
}

func contactName(kind, label string) string {
	if label != "" && !strings.EqualFold(label, kind) {
		return kind + " (" + label + ")"
	}
	return kind
}

// lineSpan is where a section or paragraph is in each edition: "12→14",
// "12→" (only in the old one), "→14" (only in the new one).
func lineSpan(prefix string, old, new int) string {
	at := func(n int) string {
		if n == 0 {
			return ""
		}
		return fmt.Sprint(n)
	}
	return prefix + at(old) + "→" + at(new)
}

// notFoundValues are what a fact not found in one edition was in each.
func notFoundValues(r *Result, n NotFound) (old, new string) {
	old, new = "read", "read"
	if a := r.Advisory; n.Fact == FactLevel && a != nil {
		old, new = levelName(a.Old, a.OldWording), levelName(a.New, a.NewWording)
	}
	if n.Edition == "old" {
		old = "not found"
	} else {
		new = "not found"
	}
	return old, new
}

// movedNote ends a moved paragraph: " (moved)", or " (moved from
// "Crime")" when it came from another section.
func movedNote(p ParagraphDiff) string {
	if p.FromSection != "" {
		return fmt.Sprintf(" (moved from %q)", p.FromSection)
	}
	return " (moved)"
}
