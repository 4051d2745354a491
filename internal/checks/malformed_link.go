package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
)

var MalformedLink = &lint.Rule{
	ID:       "malformed-link",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "a link's address is broken: two run together, a mistyped scheme, no scheme",
	Doc: `A link whose address cannot work as written, most often from copying and pasting as a page
was converted: two addresses run together ("…/content/passporhttps:/travel.state.gov/…"), a
scheme missing its colon or a slash ("https//…", "https:/travel.state.gov"), or an address
that begins with "www." and so is read as a file next to the report. The finding is at the
link and quotes the part that is wrong. Relative links ("other-report.md", "#crime") and mail
and phone links are left alone; placeholders such as "#" and "TODO" are rule
placeholder-link's.`,
	Bad:  "Read the [travel checklist](https://travel.state.gov/content/passporhttps:/travel.state.gov/content/passports/en/go/checklist.html).",
	Good: "Read the [travel checklist](https://travel.state.gov/content/passports/en/go/checklist.html).",
	Run: func(pass *lint.Pass) {
		for _, l := range pass.Doc.Links {
			problem, hint := linkProblem(strings.TrimSpace(l.Target))
			if problem == "" {
				continue
			}
			pass.Report(lint.Finding{
				Span:    l.Span,
				Message: fmt.Sprintf("link %q: %s", l.Text, problem),
				Hint:    hint,
			})
		}
	},
}

var (
	// A scheme written wrong at the start: "https//", "https:/x", "htps://".
	badScheme = lazyregexp.New(`(?i)^(?:h?t?tps?//|https?:/[^/]|https?:///|ht+p?s?:/+)`)
	goodStart = lazyregexp.New(`(?i)^https?://[^/]`)
	// A second address inside the first: "…passporhttps:/travel…".
	secondScheme = lazyregexp.New(`(?i)https?:/`)
)

// linkProblem says what is wrong with a target, and how to fix it; ""
// when nothing is.
func linkProblem(target string) (string, string) {
	if target == "" {
		return "", ""
	}
	lower := strings.ToLower(target)
	if strings.HasPrefix(lower, "www.") {
		return fmt.Sprintf("the address %q has no https://, so it is read as a file beside the report", target),
			"begin the address with https://"
	}
	web := goodStart.MatchString(target)
	if !web && badScheme.MatchString(target) {
		return fmt.Sprintf("the address begins %q, not https://", clip(target, 12)), "write the scheme as https:// (or http://)"
	}
	if !web {
		return "", "" // a relative, mail or phone link
	}
	// Only in the path, and run into a word: a query may carry an address
	// (?next=https://…), and an archive's path one after a slash
	// (web.archive.org/web/2020/https://…).
	path := target
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	for _, loc := range secondScheme.FindAllStringIndex(path, -1) {
		if at := loc[0]; at > 0 && (isLetter(path[at-1]) || isDigit(path[at-1])) {
			from := max(0, at-12)
			for from < at && !utf8.RuneStart(target[from]) {
				from++
			}
			return fmt.Sprintf("the address holds a second one: %q", "…"+target[from:at]+clip(target[at:], 20)),
				"two addresses were pasted into one: keep the one meant"
		}
	}
	return "", ""
}

// clip is s cut to about n bytes, never inside a character, with an
// ellipsis when cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
