package checks

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/outline"
)

var SectionOrder = &lint.Rule{
	ID:       "section-order",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "known sections appear in the profile's order",
	Doc: `Readers of a series of reports find their way by the order of sections. The profile lists
them in canonical order; a known section that comes after one it should precede (among its
siblings: subsections are ordered within their parent) is reported at its heading.`,
	Bad:  "Terrorism\n\n…\n\nCrime\n\n…",
	Good: "Crime\n\n…\n\nTerrorism\n\n…",
	Run: func(pass *lint.Pass) {
		for _, pair := range outline.OutOfOrderFrom(pass.Doc, outline.ProfileHeadings(pass)) {
			h, before := pair[0], pair[1]
			pass.Report(lint.Finding{
				Span:    h.Section.Heading,
				Message: fmt.Sprintf("section %q should come before %q", h.Section.Title.Value, before.Section.Title.Value),
				Hint:    "move the section, or reorder the profile's sections if the house order differs",
			})
		}
	},
}
