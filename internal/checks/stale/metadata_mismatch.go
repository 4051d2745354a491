package stale

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
)

var MetadataMismatch = &lint.Rule{
	ID:      "metadata-mismatch",
	Level:   lint.Warning,
	Summary: "the front matter disagrees with the body",
	Doc: `A Markdown report's front matter repeats facts the body states, for indexes and tools that
read only the front matter. When the two disagree one of them is out of date. The rule
compares the title ("title", ignoring case and punctuation), the publication date
("published"), the country ("country"), the advisory level
("advisory: {level: N}") and threat ratings ("ratings: [{category, location, level}]"; a
rating is matched by category, and by location when the front matter gives one). Each
finding is at the front matter value and names the body's value and its line. A fact only one
side states is not compared. A front matter value that cannot be read as its fact (an
advisory level "x", ratings that are not a list, a date with no day) is reported too: the
schema sees only what the body says, or the front matter's title, country and date when the
body gives none, and then judges those itself. The "facts" option chooses which facts are
compared. A report that opens a front matter block with "---" and never closes it is told
so: its metadata would otherwise be read as a paragraph of the body.`,
	Bad:  "---\npublished: 2025-03-01\n---\n# Kenya Travel Advisory\n\n### Travel Advisory February 10, 2025",
	Good: "---\npublished: 2025-02-10\n---\n# Kenya Travel Advisory\n\n### Travel Advisory February 10, 2025",
	Options: func() any {
		return &metadataOptions{Facts: []string{"title", "published", "country", "advisory", "ratings"}}
	},
	Run: runMetadataMismatch,
}

type metadataOptions struct {
	Facts []string `yaml:"facts" doc:"the facts compared: title, published, country, advisory (its level) and ratings"`
}

func (o *metadataOptions) Validate() error {
	for _, f := range o.Facts {
		switch f {
		case "title", "published", "country", "advisory", "ratings":
		default:
			return fmt.Errorf("facts: %q is not title, published, country, advisory or ratings", f)
		}
	}
	return nil
}

func runMetadataMismatch(pass *lint.Pass) {
	fm := pass.Doc.FrontMatter
	if fm == nil && pass.Doc.Format == document.FormatMarkdown && unclosedFrontMatter(pass.File.Text) {
		pass.Report(lint.Finding{
			Span:    document.Span{Start: 0, End: 3},
			Message: "this front matter is never closed, so its lines are read as the body's first paragraph",
			Hint:    `end the front matter with a line of "---"`,
		})
		return
	}
	if fm == nil || fm.Kind != document.NodeMap {
		return
	}
	for _, f := range pass.Options.(*metadataOptions).Facts {
		if v := fm.Get(f); v != nil && !modelValue(pass.Doc, f, v) {
			if unreadable(pass, f, v) {
				continue
			}
		}
		switch f {
		case "title":
			compareTitle(pass, fm)
		case "published":
			comparePublished(pass, fm)
		case "country":
			compareCountry(pass, fm)
		case "advisory":
			compareAdvisory(pass, fm)
		case "ratings":
			compareRatings(pass, fm)
		}
	}
}

// unclosedFrontMatter: text opens with "---" and a "key: value" line, and
// no later "---" or "..." line closes the block.
func unclosedFrontMatter(text string) bool {
	open, rest, _ := strings.Cut(text, "\n")
	if strings.TrimRight(open, " \t") != "---" {
		return false
	}
	first, _, _ := strings.Cut(rest, "\n")
	if !frontMatterKey.MatchString(first) {
		return false
	}
	for _, line := range strings.Split(rest, "\n") {
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			return false
		}
	}
	return true
}

var frontMatterKey = lazyregexp.New(`^[A-Za-z][\w-]*:(\s|$)`)

func compareTitle(pass *lint.Pass, fm *document.Node) {
	v := fm.Get("title")
	s, ok := fmString(v)
	body := pass.Doc.Title
	if !ok || body.Value == "" || body.Span == v.Span {
		return // one side only: the title came from the front matter
	}
	if profile.NormalizeTitle(s) == profile.NormalizeTitle(body.Value) {
		return
	}
	pass.Report(lint.Finding{
		Span:    v.Span,
		Message: fmt.Sprintf("front matter says title %q, but the body says %q (line %d)", s, body.Value, line(pass, body.Span)),
		Hint:    "make the front matter and the body give the same title",
	})
}

// fmString returns a front matter value that is a non-empty scalar.
func fmString(n *document.Node) (string, bool) {
	if n == nil || (n.Kind != document.NodeString && n.Kind != document.NodeNumber) {
		return "", false
	}
	s := strings.TrimSpace(n.Scalar)
	return s, s != ""
}

func comparePublished(pass *lint.Pass, fm *document.Node) {
	v := fm.Get("published")
	s, ok := fmString(v)
	body := pass.Doc.Published
	if !ok || body.Value == "" || body.Span == v.Span {
		return // the body gives none: the value came from the front matter
	}
	iso := s
	if _, ok := isoDay(s); !ok {
		d, ok := dates.Parse(s)
		if !ok {
			return // not a date: the schema's to judge
		}
		iso = d.Value
	}
	if iso == body.Value {
		return
	}
	pass.Report(lint.Finding{
		Span:    v.Span,
		Message: fmt.Sprintf("front matter says published %s, but the body says %q (line %d)", s, written(pass, body.Span), line(pass, body.Span)),
		Hint:    "make the front matter and the body give the same publication date",
	})
}

func compareCountry(pass *lint.Pass, fm *document.Node) {
	v := fm.Get("country")
	s, ok := fmString(v)
	if !ok {
		return
	}
	table := countries.Default()
	r := pass.Doc
	body, bodySpan := r.Country.Value, r.Country.Span
	if body == "" || bodySpan == v.Span {
		// The body's header gives no country: the title may name one.
		body, bodySpan = "", document.Span{}
		if t := fm.Get("title"); r.Title.Value != "" && (t == nil || t.Span != r.Title.Span) {
			if c, start, end, ok := table.FindIn(r.Title.Value); ok {
				body = c.Name
				if i := strings.Index(pass.File.Text[r.Title.Span.Start:r.Title.Span.End], r.Title.Value); i >= 0 {
					bodySpan = document.Span{Start: r.Title.Span.Start + i + start, End: r.Title.Span.Start + i + end}
				} else {
					bodySpan = r.Title.Span
				}
			}
		}
	}
	if body == "" {
		return
	}
	same := false
	fc, ok1 := table.Lookup(s)
	bc, ok2 := table.Lookup(body)
	switch {
	case ok1 && ok2:
		same = fc.Name == bc.Name
	default:
		same = strings.EqualFold(nameKey(s), nameKey(body))
	}
	if same {
		return
	}
	pass.Report(lint.Finding{
		Span:    v.Span,
		Message: fmt.Sprintf("front matter says country %s, but the body says %q (line %d)", s, written(pass, bodySpan), line(pass, bodySpan)),
		Hint:    "make the front matter and the body name the same country",
	})
}

func compareAdvisory(pass *lint.Pass, fm *document.Node) {
	a := pass.Doc.Advisory
	if a == nil || a.Level == 0 {
		return
	}
	v := fm.Get("advisory").Get("level")
	n, ok := advisoryLevel(v)
	if !ok || n == a.Level {
		return
	}
	pass.Report(lint.Finding{
		Span:    v.Span,
		Message: fmt.Sprintf("front matter says advisory level %d, but the body says Level %d (line %d)", n, a.Level, line(pass, a.LevelSpan)),
		Hint:    "make the front matter and the body give the same advisory level",
	})
}

func compareRatings(pass *lint.Pass, fm *document.Node) {
	list := fm.Get("ratings")
	if list == nil || list.Kind != document.NodeList {
		return
	}
	for _, item := range list.Items {
		cat, ok1 := fmString(item.Get("category"))
		lv := item.Get("level")
		level, ok2 := fmString(lv)
		if !ok1 || !ok2 {
			continue
		}
		loc, hasLoc := fmString(item.Get("location"))
		var found []document.Rating
		for _, rt := range pass.Doc.Ratings {
			if !strings.EqualFold(nameKey(rt.Category.Value), nameKey(cat)) {
				continue
			}
			if hasLoc && !strings.EqualFold(nameKey(rt.Location.Value), nameKey(loc)) {
				continue
			}
			found = append(found, rt)
		}
		if len(found) == 0 {
			continue
		}
		body := found[0]
		agree := false
		for _, rt := range found {
			if strings.EqualFold(rt.Level.Value, level) {
				agree = true
			}
			if !strings.EqualFold(rt.Level.Value, body.Level.Value) {
				body.Level.Value = "" // the body rates it two ways: too unclear to compare
			}
		}
		if agree || body.Level.Value == "" {
			continue
		}
		where := cat
		if hasLoc {
			where = cat + " in " + loc
		} else if body.Location.Value != "" {
			where = cat + " in " + body.Location.Value
		}
		pass.Report(lint.Finding{
			Span:    lv.Span,
			Message: fmt.Sprintf("front matter rates %s %s, but the body says %s (line %d)", where, level, body.Level.Value, line(pass, body.Level.Span)),
			Hint:    "make the front matter and the body give the same rating",
		})
	}
}

// modelValue: the front matter's value for fact is the model's, filled in
// because the body gives none; the schema judges it there.
func modelValue(r *document.Report, fact string, v *document.Node) bool {
	switch fact {
	case "published":
		return r.Published.Span == v.Span
	case "country":
		return r.Country.Span == v.Span
	}
	return false
}

// unreadable reports a front matter value that cannot be read as its
// fact, and says whether it did for the value as a whole (the fact is then
// not compared).
func unreadable(pass *lint.Pass, fact string, v *document.Node) bool {
	report := func(n *document.Node, msg, hint string) {
		pass.Report(lint.Finding{Span: n.Span, Message: msg, Hint: hint})
	}
	switch fact {
	case "published":
		s, ok := fmString(v)
		if !ok {
			report(v, "front matter published is not a date", "write the publication date, such as published: 2024-11-29")
			return true
		}
		if _, ok := isoDay(s); ok {
			return false
		}
		if d, ok := dates.Parse(s); !ok || d.Precision != document.PrecisionDay {
			report(v, fmt.Sprintf("front matter published %q is not a date with a day, month and year", s), "write the publication date, such as published: 2024-11-29")
			return true
		}
	case "country":
		if _, ok := fmString(v); !ok {
			report(v, "front matter country is not a name", "write the country's name, such as country: Mali")
			return true
		}
	case "advisory":
		if v.Kind != document.NodeMap {
			report(v, "front matter advisory does not give a level", "write the advisory level as advisory: {level: 2}")
			return true
		}
		if lv := v.Get("level"); lv != nil {
			if _, ok := advisoryLevel(lv); !ok {
				report(lv, fmt.Sprintf("front matter advisory level %s is not a level from 1 to 4", shown(lv)), "write the advisory level as a number from 1 to 4")
				return true
			}
		}
	case "ratings":
		if v.Kind != document.NodeList {
			report(v, "front matter ratings are not a list", "list the ratings as ratings: [{category: crime, location: Bamako, level: HIGH}]")
			return true
		}
		for _, item := range v.Items {
			if item.Kind != document.NodeMap {
				report(item, fmt.Sprintf("front matter rating %s is not a {category, location, level} map", shown(item)), "write each rating as {category: crime, location: Bamako, level: HIGH}")
				continue
			}
			for _, key := range []string{"category", "level"} {
				if _, ok := fmString(item.Get(key)); !ok {
					report(item, "front matter rating has no "+key, "write each rating as {category: crime, location: Bamako, level: HIGH}")
				}
			}
		}
	}
	return false
}

// advisoryLevel reads a front matter advisory level: 3, "3" or "Level 3".
func advisoryLevel(v *document.Node) (int, bool) {
	s, ok := fmString(v)
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(strings.ToLower(s), "level")))
	return n, err == nil && n >= 1 && n <= 4
}

// shown quotes a scalar as written, and names a list or map by its kind.
func shown(v *document.Node) string {
	switch v.Kind {
	case document.NodeMap:
		return "(a map)"
	case document.NodeList:
		return "(a list)"
	}
	return strconv.Quote(v.Scalar)
}
