package checks

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
)

var DuplicateSection = &lint.Rule{
	ID:      "duplicate-section",
	Level:   lint.Warning,
	Summary: "the same section appears twice",
	Doc: `A section the profile knows (under its name or any alias) may appear only once in a report,
and two sibling sections may not have the same title. The second is reported, with the line of
the first. Subsections with the same title under different parents are fine.`,
	Bad:  "Crime\n\n…\n\nTerrorism\n\n…\n\nCrime\n\n…",
	Good: "Crime\n\n…\n\nTerrorism\n\n…",
	Run: func(pass *lint.Pass) {
		country := pass.Doc.Country.Value
		firstKnown := map[*profile.Section]*document.Section{}
		report := func(s, first *document.Section) {
			line := pass.File.Position(first.Heading.Start).Line
			pass.Report(lint.Finding{Span: s.Heading, Message: fmt.Sprintf("section %q repeats %q (line %d)", s.Title.Value, first.Title.Value, line), Hint: "merge the two sections"})
		}
		var walk func([]*document.Section)
		walk = func(ss []*document.Section) {
			siblings := map[string]*document.Section{}
			for _, s := range ss {
				key := profile.NormalizeTitle(s.Title.Value)
				if spec := pass.Profile.MatchSection(s.Title.Value, country); spec != nil {
					if first, dup := firstKnown[spec]; dup {
						report(s, first)
					} else {
						firstKnown[spec] = s
					}
				} else if first, dup := siblings[key]; dup && key != "" {
					report(s, first)
				}
				if _, seen := siblings[key]; !seen {
					siblings[key] = s
				}
				walk(s.Sections)
			}
		}
		walk(pass.Doc.Sections)
	},
}
