package checks

import (
	"errors"
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
)

var PlaceholderLink = &lint.Rule{
	ID:       "placeholder-link",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "a link points nowhere: #, empty or TODO",
	Doc: `A link whose target is "#", empty, or a note such as TODO was left to be filled in, or lost
its address when the page was converted. Readers who click it go nowhere. The list of
placeholder targets is an option; add "javascript:void(0);" to it to flag script stubs too.`,
	Bad:  "Read the [Country Information Page](#).",
	Good: "Read the [Country Information Page](https://travel.state.gov/content/travel/en/international-travel/International-Travel-Country-Information-Pages/Mali.html).",
	Options: func() any {
		// Script stubs such as javascript:void(0) are left out by default:
		// in pages converted from the web they are widgets (the advisory's
		// row of indicator letters), not links an editor forgot to fill.
		return &placeholderOptions{Targets: []string{"", "#", "TODO", "TBD", "FIXME", "XXX", "about:blank", "http://", "https://"}}
	},
	Run: func(pass *lint.Pass) {
		opts := pass.Options.(*placeholderOptions)
		for _, l := range pass.Doc.Links {
			target := strings.TrimSpace(l.Target)
			for _, t := range opts.Targets {
				if strings.EqualFold(target, t) {
					pass.Report(lint.Finding{
						Span:    l.Span,
						Message: fmt.Sprintf("link %q has a placeholder target %q", l.Text, l.Target),
						Hint:    "give the link its real address, or remove the link and keep the text",
					})
					break
				}
			}
		}
	},
}

type placeholderOptions struct {
	Targets []string `yaml:"targets" doc:"link targets that count as placeholders (compared ignoring case and surrounding spaces)"`
}

func (o *placeholderOptions) Validate() error {
	if o.Targets == nil {
		return errors.New("targets: give a list (it may be empty)")
	}
	return nil
}
