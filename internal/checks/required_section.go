package checks

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/outline"
)

var RequiredSection = &lint.Rule{
	ID:      "required-section",
	Level:   lint.Error,
	Summary: "every section the profile requires is present",
	Doc: `The profile lists the sections a report of its kind must have (rules/profiles/*.yaml, keys
"sections" and "required"). A heading counts when it matches a section's name or one of its
aliases, ignoring case, punctuation and "&" for "and". Every missing section is reported, at the
place it should be: the heading of the next expected section the report has, or the report's
end. When a heading matches no known section but nearly names a missing one, the finding is at
that heading, with "did you mean".`,
	Bad:  "Crme\n\nStreet crime is common in the capital.",
	Good: "Crime\n\nStreet crime is common in the capital.",
	Run:  runRequiredSection,
}

func runRequiredSection(pass *lint.Pass) {
	specs := pass.Profile.All()
	country := pass.Doc.Country.Value
	for _, m := range outline.MissingFrom(outline.ProfileHeadings(pass), specs, country, pass.File.Text) {
		name := m.Name
		if m.Suggestion != nil {
			pass.Report(lint.Finding{
				Span:    m.Suggestion.Heading,
				Message: fmt.Sprintf("heading %q names no known section; did you mean the required section %q?", m.Suggestion.Title.Value, name),
				Hint:    fmt.Sprintf("rename the heading %q", name),
			})
			continue
		}
		pass.Report(lint.Finding{
			Span:    m.At,
			Message: fmt.Sprintf("the report has no %q section", name),
			Hint:    requiredHint(m, name),
		})
	}
}

func requiredHint(m outline.Missing, name string) string {
	if m.AtEnd {
		return fmt.Sprintf("add the section %q", name)
	}
	return fmt.Sprintf("add the section %q before this one", name)
}
