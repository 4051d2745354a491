// Package sourcetest checks, for tests, that output keeps the promise of
// source's printable forms: nothing in it can act on a terminal or a CI log.
package sourcetest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Unprintable lists what in out could act on a terminal or a CI log: a
// control character (but a line feed, a tab and the CR of a CRLF), a line
// or paragraph separator, a bidi control, a byte order mark, a byte that
// is not UTF-8, "##["
// anywhere, and a line starting with "::" after white space unless
// ownCommand (which may be nil) says it is one the program writes itself.
func Unprintable(out string, ownCommand func(line string) bool) []string {
	var problems []string
	for i, r := range out {
		switch {
		case r == '\n' || r == '\t' || r == '\r' && strings.HasPrefix(out[i:], "\r\n"):
		case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0x061c ||
			r == 0x200e || r == 0x200f || r == 0xfeff || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069,
			r == utf8.RuneError && !strings.HasPrefix(out[i:], "\ufffd"):
			problems = append(problems, fmt.Sprintf("%U at byte %d", r, i))
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "##[") ||
			strings.HasPrefix(strings.TrimLeftFunc(line, unicode.IsSpace), "::") && (ownCommand == nil || !ownCommand(line)) {
			problems = append(problems, fmt.Sprintf("a CI runner reads %q as a command", line))
		}
	}
	return problems
}
