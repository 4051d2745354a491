package parse

import (
	"strings"

	"github.com/reportlint/reportlint/internal/lazyregexp"
)

// directiveLineRE is a line of a plain-text report that holds nothing but
// inline directives (<!-- reportlint-… -->), as lint.Directives reads them.
var directiveLineRE = lazyregexp.New(`^[ \t]*(?:<!--\s*reportlint-[A-Za-z]+(?:-[A-Za-z]+)*[^>\n]*?\s*-->[ \t]*)+\r?$`)

// blankDirectiveLines turns each line of text that holds only directives
// into spaces, keeping every offset, so that the text parser reads it as
// a blank line: a directive is for reportlint, not part of the report,
// and must not glue onto the paragraph after it (which then loses its
// start: a "Tel:" label, a heading). The suppressions read the file's own
// text, which keeps the directive.
func blankDirectiveLines(text string) string {
	// A directive line holds "<!--" and "reportlint-". The first is looked
	// for first: "<" is rare in a report, where "r", which the second
	// begins with, is everywhere, and looking for it cost 3% of a parse.
	if !strings.Contains(text, "<!--") || !strings.Contains(text, "reportlint-") {
		return text
	}
	var b []byte // made on the first directive line
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		line := text[start:end]
		if strings.Contains(line, "reportlint-") && directiveLineRE.MatchString(line) {
			if b == nil {
				b = []byte(text)
			}
			for i := start; i < end; i++ {
				if b[i] != '\r' {
					b[i] = ' '
				}
			}
		}
		start = end + 1
	}
	if b == nil {
		return text
	}
	return string(b)
}
