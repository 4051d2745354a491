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
)

// linkProblem says what is wrong with a target, and how to fix it; ""
// when nothing is.
func linkProblem(target string) (string, string) {
	if target == "" {
		return "", ""
	}
	// "www." in any case: only W lowers to w, so this is ToLower's answer
	// without the copy of every link.
	if len(target) >= 4 && target[0]|0x20 == 'w' && target[1]|0x20 == 'w' && target[2]|0x20 == 'w' && target[3] == '.' {
		return fmt.Sprintf("the address %q has no https://, so it is read as a file beside the report", target),
			"begin the address with https://"
	}
	web := isWebStart(target)
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
	for at := 1; at < len(path); at++ {
		if schemeLen(path, at) > 0 && (isLetter(path[at-1]) || isDigit(path[at-1])) {
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

// schemeLen is the length of the match of (?i)https?:/ at s[i:], 0 when
// none: the regexp's scan of every link's path was about 2% of checking the
// corpus. Case-ignoring, the expression's s is also the long s (ſ). Its
// matches cannot overlap (only the first letter is an h), so testing each
// place finds what FindAllStringIndex did.
func schemeLen(s string, i int) int {
	if len(s)-i < 6 || s[i]|0x20 != 'h' || s[i+1]|0x20 != 't' || s[i+2]|0x20 != 't' || s[i+3]|0x20 != 'p' {
		return 0
	}
	j := i + 4
	switch {
	case s[j]|0x20 == 's':
		j++
	case strings.HasPrefix(s[j:], "ſ"):
		j += len("ſ")
	}
	if strings.HasPrefix(s[j:], ":/") {
		return j + 2 - i
	}
	return 0
}

// isWebStart is the old (?i)^https?://[^/] match: "https://" and then a character
// not a slash (a byte of bad UTF-8 is one for the regexp too).
func isWebStart(s string) bool {
	n := schemeLen(s, 0)
	return n > 0 && len(s) > n+1 && s[n] == '/' && s[n+1] != '/'
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
