package lsp

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/ruledocs"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/vocab"
)

// hoverAt explains what is under the cursor: a finding's rule (as
// `reportlint explain` does, example included), a date against the
// publication and as-of dates, a threat rating or an advisory level
// against its scale. Text is plain: every part the report or a house pack
// wrote is made printable, and nothing is read as markup.
func (s *Server) hoverAt(p textDocumentPositionParams) (*hover, error) {
	a, err := s.current(p.TextDocument.URI)
	if err != nil || a.file == nil || a.report == nil {
		return nil, err
	}
	raw := a.index.offset(p.Position)
	// The normalised text's offset of the client's: the raw offset less
	// the CRs and BOM before it, found by searching, as the mapping goes
	// the other way only.
	at := toText(a.file, raw)
	within := func(sp document.Span) bool { return sp.Start <= at && at <= sp.End && sp.End > sp.Start }
	var parts []string
	var rng *Range
	for i := range a.findings {
		fd := &a.findings[i]
		if !within(fd.Span) {
			continue
		}
		if r, ok := a.run.rules.Get(fd.Rule); ok {
			parts = append(parts, source.PrintableLine(fd.Message)+"\n\n"+ruledocs.Explain(r))
		}
		if rng == nil {
			r := a.rangeOf(fd.Span.Start, fd.Span.End)
			rng = &r
		}
	}
	r := a.report
	for _, d := range r.Dates {
		if within(d.Span) {
			parts = append(parts, dateHover(d, r.Published.Value, a.run.opt.AsOf))
			break
		}
	}
	for _, rt := range r.Ratings {
		if within(rt.Span) {
			parts = append(parts, ratingHover(rt))
			break
		}
	}
	if adv := r.Advisory; adv != nil && (within(adv.LevelSpan) || within(adv.Span)) {
		parts = append(parts, advisoryHover(adv))
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &hover{Contents: markupContent{Kind: "plaintext", Value: strings.Join(parts, "\n\n---\n\n")}, Range: rng}, nil
}

// toText is the offset in f.Text of an offset in f.Raw.
func toText(f *source.File, raw int) int {
	lo, hi := 0, len(f.Text)
	for lo < hi {
		mid := (lo + hi) / 2
		if f.OriginalOffset(mid) < raw {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

const day = 24 * time.Hour

func dateHover(d document.DateMention, published string, asOf time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Date %q", source.PrintableLine(d.Text))
	if d.Kind == document.DateRelative {
		fmt.Fprintf(&b, ": a relative time phrase, pointing to the %s from the time of writing", orDefault(d.Points, "past"))
		if published != "" {
			fmt.Fprintf(&b, " (the publication date, %s)", published)
		}
		return b.String() + "."
	}
	from, to := d.From, d.To
	if from == "" {
		return b.String() + ": no year is given, so it cannot be placed against the publication date."
	}
	if from == to {
		fmt.Fprintf(&b, ": %s", from)
	} else {
		fmt.Fprintf(&b, ": %s to %s", from, to)
	}
	fmt.Fprintf(&b, " (to the %s)", d.Precision)
	lo, err1 := time.Parse(time.DateOnly, from)
	hi, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return b.String() + "."
	}
	if p, err := time.Parse(time.DateOnly, published); err == nil {
		fmt.Fprintf(&b, "\nPublished %s: %s.", published, against(lo, hi, p))
	} else {
		b.WriteString("\nThe report gives no publication date.")
	}
	if !asOf.IsZero() {
		fmt.Fprintf(&b, "\nAs of %s: %s.", asOf.Format(time.DateOnly), against(lo, hi, asOf))
	}
	return b.String()
}

// against says where the time from lo to hi stands against ref.
func against(lo, hi, ref time.Time) string {
	switch {
	case hi.Before(ref):
		return fmt.Sprintf("%s before it", span(ref.Sub(hi)))
	case lo.After(ref):
		return fmt.Sprintf("%s after it", span(lo.Sub(ref)))
	}
	return "it falls within this time"
}

func span(d time.Duration) string {
	days := int(d / day)
	switch {
	case days < 60:
		return plural(days, "day")
	case days < 730:
		return plural(days/30, "month")
	}
	return plural(days/365, "year")
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func ratingHover(rt document.Rating) string {
	scale := vocab.Default().RatingLevels
	level := strings.ToUpper(rt.Level.Value)
	var b strings.Builder
	fmt.Fprintf(&b, "Threat rating: %s for %s", source.PrintableLine(level), source.PrintableLine(orDefault(rt.Category.Value, "an unnamed category")))
	if rt.Location.Value != "" {
		fmt.Fprintf(&b, " in %s", source.PrintableLine(rt.Location.Value))
	}
	fmt.Fprintf(&b, ".\nScale, lowest to highest: %s.", strings.Join(scale, " < "))
	if i := slices.Index(scale, level); i >= 0 {
		fmt.Fprintf(&b, "\n%s is %d of %d.", level, i+1, len(scale))
	} else {
		fmt.Fprintf(&b, "\n%s is not on the scale.", source.PrintableLine(level))
	}
	return b.String()
}

func advisoryHover(adv *document.Advisory) string {
	levels := vocab.Default().Levels
	var b strings.Builder
	fmt.Fprintf(&b, "Advisory level %d", adv.Level)
	if adv.Wording.Value != "" {
		fmt.Fprintf(&b, ": %s", source.PrintableLine(adv.Wording.Value))
	}
	b.WriteString(".\nScale:")
	for n := 1; n <= 4; n++ {
		mark := " "
		if n == adv.Level {
			mark = ">"
		}
		fmt.Fprintf(&b, "\n%s %d  %s", mark, n, levels[n])
	}
	var in, out []string
	for _, ind := range adv.Indicators {
		if ind.Included {
			in = append(in, ind.Code)
		} else {
			out = append(out, ind.Code)
		}
	}
	if len(in) > 0 {
		fmt.Fprintf(&b, "\nIndicators included: %s.", strings.Join(in, ", "))
	}
	if len(out) > 0 {
		fmt.Fprintf(&b, "\nIndicators not included: %s.", strings.Join(out, ", "))
	}
	return b.String()
}
