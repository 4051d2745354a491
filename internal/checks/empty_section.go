package checks

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
)

var EmptySection = &lint.Rule{
	ID:       "empty-section",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "a section has a heading and nothing under it",
	Doc: `A heading with no paragraph and no subsection before the next heading is usually a section
whose text was lost in editing or conversion. Header lines a profile knows (a travel
advisory's dated line and its "Country - Level N" line) are exempt, and so is what the profile
lists as its page template's furniture (parse keeps it out of the sections).

Two shapes are not sections and are not reported: a heading that is a whole sentence (ending
in "." or "!"), which a site uses as a warning banner; and a group heading in a Markdown report
that a profile does not describe (generic), whose headings under a page title (or in the whole
report, when it has no level-1 title) all have one level: a heading set directly above another
of its level. With no levels to nest them, the text cannot show that "Crime" groups "Petty
crime" and "Violent crime" below it. Where the profile lists the report's sections, or the
headings do nest, an empty heading is reported wherever it stands, and so is any heading
followed by nothing or by a higher heading.`,
	Bad:  "Cybersecurity\n\nImport/Export Restrictions\n\nA list of restricted items is available.",
	Good: "Cybersecurity\n\nMost cyber incidents are financial fraud.\n\nImport/Export Restrictions\n\nA list of restricted items is available.",
	Run: func(pass *lint.Pass) {
		all := pass.Doc.AllSections()
		for i, s := range all {
			if len(s.Paragraphs) > 0 || len(s.Sections) > 0 {
				continue
			}
			title := profile.StripLineMarkup(s.Title.Value)
			if _, header := pass.Profile.MatchHeader(title); header {
				continue
			}
			if t := strings.TrimSpace(title); strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") {
				continue
			}
			if i+1 < len(all) && all[i+1].Level == s.Level && groupsUnseen(pass, s) {
				continue
			}
			pass.Report(lint.Finding{Span: s.Heading, Message: fmt.Sprintf("section %q is empty", s.Title.Value), Hint: "write the section, or remove its heading"})
		}
	},
}

// groupsUnseen: where s stands, a group heading cannot show what it
// groups: a Markdown report whose profile describes none of the part's
// headings (so nothing tells its shape), in a part whose headings all have
// one level. A profile that lists the part's sections tells its shape, and
// a heading there is judged as a section; one that lists only the pages
// (a government's page titles) says nothing of the headings within them.
func groupsUnseen(pass *lint.Pass, s *document.Section) bool {
	if pass.Doc.Format != document.FormatMarkdown {
		return false
	}
	part := partOf(pass.Doc.Sections, s)
	return !describes(pass, part) && noNesting(part)
}

// describes reports whether the profile knows a heading of the part (page
// titles aside).
func describes(pass *lint.Pass, part []*document.Section) bool {
	if len(pass.Profile.All()) == 0 {
		return false
	}
	country := pass.Doc.Country.Value
	var walk func([]*document.Section) bool
	walk = func(ss []*document.Section) bool {
		for _, s := range ss {
			if s.Level == 1 {
				continue // another page, as noNesting reads it
			}
			if pass.Profile.MatchSection(s.Title.Value, country) != nil {
				return true
			}
			if walk(s.Sections) {
				return true
			}
		}
		return false
	}
	return walk(part)
}

// partOf is the part of the document that holds s: the sections under its
// page title (a level-1 heading; a site's page in several tabs has one per
// tab), or the whole document when s is under none.
func partOf(top []*document.Section, s *document.Section) []*document.Section {
	for _, t := range top {
		if t.Level == 1 && t.Span.Contains(s.Span) {
			return t.Sections
		}
	}
	return top
}

// noNesting: every heading in the part (page titles aside) has one level,
// so the headings carry no nesting and a group heading cannot show what it
// groups.
func noNesting(part []*document.Section) bool {
	level := 0
	var walk func([]*document.Section) bool
	walk = func(ss []*document.Section) bool {
		for _, s := range ss {
			if s.Level == 1 {
				continue
			}
			if level == 0 {
				level = s.Level
			}
			if s.Level != level || !walk(s.Sections) {
				return false
			}
		}
		return true
	}
	return walk(part) && level != 0
}
