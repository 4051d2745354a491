package checks

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
)

var EmptySection = &lint.Rule{
	ID:      "empty-section",
	Level:   lint.Warning,
	Summary: "a section has a heading and nothing under it",
	Doc: `A heading with no paragraph and no subsection before the next heading is usually a section
whose text was lost in editing or conversion. Header lines a profile knows (a travel
advisory's dated line and its "Country - Level N" line) are exempt.`,
	Bad:  "Cybersecurity\n\nImport/Export Restrictions\n\nA list of restricted items is available.",
	Good: "Cybersecurity\n\nMost cyber incidents are financial fraud.\n\nImport/Export Restrictions\n\nA list of restricted items is available.",
	Run: func(pass *lint.Pass) {
		for _, s := range pass.Doc.AllSections() {
			if len(s.Paragraphs) > 0 || len(s.Sections) > 0 {
				continue
			}
			if _, header := pass.Profile.MatchHeader(profile.StripLineMarkup(s.Title.Value)); header {
				continue
			}
			pass.Report(lint.Finding{Span: s.Heading, Message: fmt.Sprintf("section %q is empty", s.Title.Value), Hint: "write the section, or remove its heading"})
		}
	},
}
