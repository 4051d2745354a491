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
		if a := r.Advisory; a != nil && a.Change != Unchanged {
			row("advisory level", levelName(a.Old, a.OldWording), levelName(a.New, a.NewWording), a.Change)
		}
		for _, i := range r.Indicators.Added {
			row("indicator "+i.Code+" ("+i.Name+")", "not included", "included", Added)
		}
		for _, i := range r.Indicators.Removed {
			row("indicator "+i.Code+" ("+i.Name+")", "included", "not included", Removed)
		}
		for _, x := range r.ChangedRatings() {
			row(x.Category+" rating, "+x.Location, orNone(x.Old), orNone(x.New), x.Change)
		}
		for _, x := range r.ChangedRegions() {
			row("region "+x.Name, regionLevel(x.Old), regionLevel(x.New), x.Change)
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
			fmt.Fprintf(bw, "  %s\n", plain(sectionLabel(s)))
			for _, p := range s.Paragraphs {
				switch p.Status {
				case Added:
					fmt.Fprintf(bw, "    %s %s\n", paint(green, "+"), paint(green, p.New))
				case Removed:
					fmt.Fprintf(bw, "    %s %s\n", paint(red, "-"), paint(red, p.Old))
				case ParagraphMoved:
					fmt.Fprintf(bw, "    %s %s\n", paint(dim, "↕"), paint(dim, p.New+" (moved)"))
				default:
					fmt.Fprintf(bw, "    %s ", paint(yellow, "~"))
					for _, op := range p.Words {
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
