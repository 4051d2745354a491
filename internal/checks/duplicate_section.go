package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
)

var DuplicateSection = &lint.Rule{
	ID:       "duplicate-section",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "the same section appears twice",
	Doc: `A section the profile knows (under its name or any alias) may appear only once in a report,
and two sibling sections may not have the same title. The second is reported, with the line of
the first. Subsections with the same title under different parents are fine, and so are:
- a page title (level 1) and a section of another page with its name: a guide's summary of
  one of its pages;
- a section that points to the other with a link (within the page, its text naming the
  section: "More on entry fines"; or to an address ending in the title:
  ".../world-cup-2026"): a summary, with the full text elsewhere;
- two boxes of links ("Useful links"), which a site puts under each topic;
- two headings of one name far apart in a Markdown report that a profile does not describe,
  in a part whose headings all have one level (see empty-section): with no levels, the text
  cannot show that each sits under its own topic ("Staying safe" under "Crime" and under
  "Terrorism"). Twins in a row are reported;
- a page's heading repeated as the first heading under it ("Health" over "Health"), as a
  site's template prints each page.`,
	Bad:  "Crime\n\n…\n\nTerrorism\n\n…\n\nCrime\n\n…",
	Good: "Crime\n\n…\n\nTerrorism\n\n…",
	Run:  runDuplicateSection,
}

func runDuplicateSection(pass *lint.Pass) {
	country := pass.Doc.Country.Value
	firstKnown := map[*profile.Section]*document.Section{}
	report := func(s, first *document.Section) {
		line := pass.File.Position(first.Heading.Start).Line
		pass.Report(lint.Finding{Span: s.Heading, Message: fmt.Sprintf("section %q repeats %q (line %d)", s.Title.Value, first.Title.Value, line), Hint: "merge the two sections"})
	}
	// Every title's key, in the order the walk reads them: made once, in
	// one string, where each section's key (and its parent's, again) was a
	// string of its own.
	keys := titleKeys(pass.Doc.Sections)
	next := 0
	var walk func([]*document.Section, *document.Section, string)
	walk = func(ss []*document.Section, parent *document.Section, parentKey string) {
		// The first sibling of each key. A few are compared one by one, on
		// the stack: most sections have a handful of children, and a map
		// for each was an allocation or two. More go in a map, which keeps
		// a long list linear.
		type sibling struct {
			key string
			s   *document.Section
		}
		var few [8]sibling
		nfew := 0
		var many map[string]*document.Section
		if len(ss) > len(few) {
			many = make(map[string]*document.Section, len(ss))
		}
		for i, s := range ss {
			key := keys[next]
			next++
			if i == 0 && parent != nil && key != "" && key == parentKey {
				// The page's own heading again, from the site's template.
				walk(s.Sections, s, key)
				continue
			}
			var first *document.Section
			seen := false
			if many != nil {
				first, seen = many[key]
			} else {
				for _, e := range few[:nfew] {
					if e.key == key {
						first, seen = e.s, true
						break
					}
				}
			}
			if spec := pass.Profile.MatchSectionKey(s.Title.Value, key, country); spec != nil {
				if first, dup := firstKnown[spec]; dup {
					report(s, first)
				} else {
					firstKnown[spec] = s
				}
			} else if seen && key != "" && first.Level == s.Level && !sameNameAllowed(pass, ss, first, s) {
				report(s, first)
			}
			if !seen {
				if many != nil {
					many[key] = s
				} else {
					few[nfew] = sibling{key, s}
					nfew++
				}
			}
			walk(s.Sections, s, key)
		}
	}
	walk(pass.Doc.Sections, nil, "")
}

// titleKeys is profile.NormalizeTitle of every section's title, parents
// before their children (the order runDuplicateSection reads them), as
// parts of one string.
func titleKeys(ss []*document.Section) []string {
	// Sized first from the titles (a key is at most its title, but for
	// "&" made "and"): grown from nothing, the buffer's copies were more
	// bytes than the strings it replaces.
	n, size := 0, 0
	var count func([]*document.Section)
	count = func(ss []*document.Section) {
		for _, s := range ss {
			n, size = n+1, size+len(s.Title.Value)
			count(s.Sections)
		}
	}
	count(ss)
	buf := make([]byte, 0, size)
	ends := make([]int, 0, n)
	var add func([]*document.Section)
	add = func(ss []*document.Section) {
		for _, s := range ss {
			buf = profile.AppendTitle(buf, s.Title.Value)
			ends = append(ends, len(buf))
			add(s.Sections)
		}
	}
	add(ss)
	all := string(buf)
	keys := make([]string, len(ends))
	start := 0
	for i, end := range ends {
		keys[i], start = all[start:end], end
	}
	return keys
}

// sameNameAllowed: two sibling sections of one name are not a duplicate
// (the cases the doc lists).
func sameNameAllowed(pass *lint.Pass, siblings []*document.Section, first, second *document.Section) bool {
	doc := pass.Doc
	if pointsTo(doc, first, second.Title.Value) || pointsTo(doc, second, first.Title.Value) {
		return true
	}
	if linksBox(doc, first) && linksBox(doc, second) {
		return true
	}
	if !groupsUnseen(pass, second) {
		return false
	}
	i, j := slices.Index(siblings, first), slices.Index(siblings, second)
	return j-i > 1
}

// ownLinks are the links in the section's own paragraphs, with the
// paragraph that holds each.
func ownLinks(doc *document.Report, s *document.Section, yield func(p *document.Paragraph, l document.Link) bool) {
	for _, p := range s.Paragraphs {
		for _, l := range doc.Links {
			if p.Span.Contains(l.Span) && !yield(p, l) {
				return
			}
		}
	}
}

// pointsTo: a link in s leads to the section of that title: a link within
// the page ("#overstay") whose text names it ("More on entry fines"), or a
// link whose address ends in the title (".../world-cup-2026").
func pointsTo(doc *document.Report, s *document.Section, title string) bool {
	key := profile.NormalizeTitle(title)
	slug := letters(key)
	found := false
	ownLinks(doc, s, func(_ *document.Paragraph, l document.Link) bool {
		target := strings.TrimRight(l.Target, "/")
		inPage := strings.HasPrefix(target, "#") && len(target) > 1
		if i := strings.LastIndexAny(target, "/#"); i >= 0 {
			target = target[i+1:]
		}
		found = inPage && strings.Contains(profile.NormalizeTitle(l.Text), key) || slug != "" && letters(target) == slug
		return !found
	})
	return found
}

// letters keeps the letters and digits of s, lower-cased.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// linksBox: the section holds only list items that each start with a link,
// and no subsection.
func linksBox(doc *document.Report, s *document.Section) bool {
	if len(s.Paragraphs) == 0 || len(s.Sections) > 0 {
		return false
	}
	for _, p := range s.Paragraphs {
		if p.Kind != document.KindListItem || !startsWithLink(doc, p) {
			return false
		}
	}
	return true
}

// startsWithLink: the paragraph's text begins with the text of its first link.
func startsWithLink(doc *document.Report, p *document.Paragraph) bool {
	for _, l := range doc.Links {
		if p.Span.Contains(l.Span) {
			return l.Text != "" && strings.HasPrefix(strings.TrimSpace(p.Text), l.Text)
		}
	}
	return false
}
