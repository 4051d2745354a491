package source

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Everything reportlint prints that it did not write itself — paths from
// the disk or the command line, text from reports, configurations, packs,
// profiles and baselines — goes through one of the functions of this file,
// chosen by where it is printed. Printed raw, such text could
//   - move the cursor, recolour or retitle a terminal, or overwrite what
//     came before (C0 and C1 controls: ESC sequences, CR, backspace, DEL);
//   - start a line that a CI runner reads as a command (LF, CR and the
//     other line breakers, NEL, U+2028, U+2029): a file named
//     "a\n::error::Approved.txt" would print a GitHub workflow command;
//   - show in another order than it reads (the Unicode bidi controls of
//     "Trojan Source": LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM,
//     RLM, ALM);
//   - be a command with no line break at all: GitHub's runner reads "::"
//     at the start of a line, after leading white space, and its legacy
//     "##[" anywhere in a line.
//
// The forms:
//   - Printable, for an excerpt of a report line, where each character must
//     stay one character so that the caret under it stays in place: a
//     control becomes its Unicode picture (␛), one with no picture U+FFFD,
//     and "##[" becomes "##［".
//   - PrintableLine, for a path, a message, a name: a value printed as part
//     of one line. Go's escapes (\n, \x1b, \u202e, \xff for a byte that is
//     not UTF-8), which read as what they are and cannot be taken for a line
//     break; ':' and '[' as \x3a and \x5b where they would start a command.
//     A backslash is kept as it is, so that a Windows path reads as itself:
//     the escapes are there to be safe, not to be read back.
//   - PrintableText, for text of several lines (a rule's documentation, the
//     lines of a diff): PrintableLine on each line, its tabs and line end
//     (LF or CRLF) kept.
//   - PrintableJSON and PrintableXML, for output that encoding/json or
//     encoding/xml wrote: they escape C0 controls themselves, and the rest
//     becomes the format's own escape (\u009b, &#x202E;), which every reader
//     decodes back to the same text, so nothing is lost.
// Everything else — accents, CJK, emoji, joiners, quotes — prints as it is.
// The Markdown and HTML diffs, written for a pull-request comment and a
// browser, escape for those on top: report text as Printable, with line
// breaks as spaces (it flows in a table cell or a list item), and, on the
// HTML page, paths as PrintableLine.

// mustEscape reports whether r must not be printed raw: a C0 or C1 control,
// DEL, a line or paragraph separator, a bidi control, or a byte order mark
// (invisible, and dropped by some readers at the start of a stream, which
// would leave what follows it at the start of a line).
func mustEscape(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, 0x80 <= r && r < 0xa0:
		return true
	case r < 0x61c:
		return false
	}
	return r == 0x61c || r == 0x200e || r == 0x200f || r == 0x2028 || r == 0x2029 || r == 0xfeff ||
		0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}

// legacyCommand is what GitHub's runner reads as a command anywhere in a
// line; modernCommand, at the start of one.
const (
	legacyCommand = "##["
	modernCommand = "::"
)

// startsCommand reports whether s, printed at the start of a line, would
// begin a workflow command: "::" after any white space.
func startsCommand(s string) bool {
	return strings.HasPrefix(strings.TrimLeftFunc(s, unicode.IsSpace), modernCommand)
}

// needsEscape reports whether PrintableLine (keepTab false) or a line of
// PrintableText (keepTab true) would change s.
func needsEscape(s string, keepTab bool) bool {
	return hasControl(s, keepTab, false) || strings.Contains(s, legacyCommand) || startsCommand(s)
}

// hasControl reports whether s holds a character mustEscape names, or an
// invalid byte; a tab or a line feed only where it is not kept.
func hasControl(s string, keepTab, keepLF bool) bool {
	for i := 0; i < len(s); {
		// ASCII, most of any report, is told by its byte.
		if c := s[i]; c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && !(keepTab && c == '\t') && !(keepLF && c == '\n') {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if mustEscape(r) || r == utf8.RuneError && n == 1 {
			return true
		}
		i += n
	}
	return false
}

// invalid reports whether r, read at s[i:], stands for a byte that is not
// UTF-8 rather than for a U+FFFD written in the text.
func invalid(s string, i int, r rune) bool {
	if r != utf8.RuneError {
		return false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return n == 1
}

// excerptNeedsEscape reports whether Printable has anything to replace in s.
func excerptNeedsEscape(s string) bool {
	return strings.Contains(s, legacyCommand) || hasControl(s, true, true)
}

// Printable makes text from a report safe to show in an excerpt: one
// character for one, so that columns do not shift. Tabs and line feeds are
// left to the caller, which replaces or splits on them.
func Printable(s string) string {
	if !excerptNeedsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟
		case r == 0x7f:
			b.WriteRune('␡')
		case mustEscape(r) || invalid(s, i, r):
			// C1 and bidi controls and the separators have no pictures; an
			// invalid byte counts as one character, as Position counts it.
			b.WriteRune('\ufffd')
		case r == '[' && strings.HasSuffix(s[:i], "##"):
			b.WriteRune('［')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// PrintableLine makes a value safe to print as part of one line: see the
// comment at the top of this file. It is idempotent, and returns s itself
// when there is nothing to escape.
func PrintableLine(s string) string {
	if !needsEscape(s, false) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	appendLine(&b, s, false)
	return b.String()
}

// PrintableText makes text of several lines safe to print: each line as
// PrintableLine, but that tabs are kept, and LF and CRLF line ends.
func PrintableText(s string) string {
	dirty := false
	for line := range strings.Lines(s) {
		if needsEscape(lineBody(line), true) {
			dirty = true
			break
		}
	}
	if !dirty {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for line := range strings.Lines(s) {
		body := lineBody(line)
		appendLine(&b, body, true)
		b.WriteString(line[len(body):])
	}
	return b.String()
}

// lineBody is a line from strings.Lines without its LF or CRLF.
func lineBody(line string) string {
	if body, ok := strings.CutSuffix(line, "\n"); ok {
		return strings.TrimSuffix(body, "\r")
	}
	return line
}

// appendLine writes s with Go's escapes for what must not print raw (tabs
// kept if keepTab), and with the ':' or '[' that would start a command
// escaped.
func appendLine(b *strings.Builder, s string, keepTab bool) {
	// The first ':' of a value that starts with "::" (after white space).
	guardStart := startsCommand(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case keepTab && r == '\t':
			b.WriteByte('\t')
		case mustEscape(r):
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		case guardStart && r == ':':
			b.WriteString(`\x3a`)
			guardStart = false
		case r == '[' && strings.HasSuffix(s[:i], "##"):
			b.WriteString(`\x5b`)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
}

// PrintableJSON rewrites JSON that encoding/json wrote so that what it
// leaves raw — DEL, C1 and bidi controls, "##[" — is written with JSON's
// escapes (\u009b, ##\u005b). They can occur only inside strings, where
// the escapes mean the same text. b is returned as it is when clean.
func PrintableJSON(b []byte) []byte {
	return rewriteEncoded(b, func(r rune) string { return fmt.Sprintf(`\u%04x`, r) })
}

// PrintableXML rewrites XML that encoding/xml wrote so that what it leaves
// raw — DEL, C1 and bidi controls, "##[" — is written as character
// references (&#x9B;, ##&#x5B;), which mean the same text in attributes and
// character data alike. (encoding/xml writes the C0 controls that XML 1.0
// cannot hold, even as references, as U+FFFD.) b is returned as it is when
// clean.
func PrintableXML(b []byte) []byte {
	return rewriteEncoded(b, func(r rune) string {
		if r < 0x20 {
			return "\ufffd" // not from encoding/xml; no reference can hold it
		}
		return fmt.Sprintf("&#x%X;", r)
	})
}

// rewriteEncoded writes each rune of b that must be escaped (but the white
// space between tokens) and the '[' of "##[" as escape gives it. b is valid
// UTF-8 (both encoders write only that); a byte that is not is written as
// U+FFFD.
func rewriteEncoded(b []byte, escape func(rune) string) []byte {
	clean := !bytes.Contains(b, []byte(legacyCommand))
	for i := 0; clean && i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		clean = !(mustEscape(r) && r != '\n' && r != '\r' && r != '\t') && !(r == utf8.RuneError && n == 1)
		i += n
	}
	if clean {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, "\ufffd"...)
		case mustEscape(r) && r != '\n' && r != '\r' && r != '\t',
			r == '[' && bytes.HasSuffix(b[:i], []byte("##")):
			out = append(out, escape(r)...)
		default:
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}
