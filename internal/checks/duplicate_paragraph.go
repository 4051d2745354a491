package checks

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var DuplicateParagraph = &lint.Rule{
	ID:      "duplicate-paragraph",
	Level:   lint.Warning,
	Summary: "a paragraph or list item is repeated word for word",
	Doc: `A list item that another item of the same list already says word for word ("Avoid
demonstrations and crowds." twice among the advice), or a paragraph that says again what the
one just before it said, is a copy-and-paste slip. Words are compared ignoring case, spacing
and markup; texts of fewer than three words are left alone. The repeat is reported, with the
line of the first. The same paragraph in different places, such as the "For more information"
line under each regional level of an advisory, is boilerplate and is not flagged.`,
	Bad:  "If you decide to travel:\n\n* Avoid demonstrations and crowds.\n* Stay alert.\n* Avoid demonstrations and crowds.",
	Good: "If you decide to travel:\n\n* Avoid demonstrations and crowds.\n* Stay alert.",
	Run: func(pass *lint.Pass) {
		check := func(paras []*document.Paragraph) {
			var list map[string]*document.Paragraph // the current list's items, by their words
			for i := range paras {
				p := paras[i]
				key := wordsKey(p.Text)
				if p.Kind != document.KindListItem {
					list = nil
					if i > 0 && paras[i-1].Kind != document.KindListItem && key != "" && key == wordsKey(paras[i-1].Text) {
						reportRepeat(pass, p, paras[i-1], "paragraph", "the one before it")
					}
					continue
				}
				if list == nil {
					list = map[string]*document.Paragraph{}
				}
				if first, dup := list[key]; dup && key != "" {
					reportRepeat(pass, p, first, "list item", "an item above it")
					continue
				}
				list[key] = p
			}
		}
		check(pass.Doc.Preamble)
		for _, s := range pass.Doc.AllSections() {
			check(s.Paragraphs)
		}
	},
}

func reportRepeat(pass *lint.Pass, p, first *document.Paragraph, what, where string) {
	line := pass.File.Position(first.Span.Start).Line
	pass.Report(lint.Finding{
		Span:    p.Span,
		Message: fmt.Sprintf("%s repeats %s word for word (line %d)", what, where, line),
		Hint:    "delete the repeat, or say what was meant",
	})
}

// wordsKey is a text's words, lower-cased and single-spaced; "" for fewer
// than three.
func wordsKey(text string) string {
	words := strings.Fields(strings.ToLower(text))
	if len(words) < 3 {
		return ""
	}
	return strings.Join(words, " ")
}
