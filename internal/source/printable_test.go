package source

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile holds what must never reach a terminal or a CI log raw: a forged
// workflow command after a newline, terminal escapes, the other line
// breakers, bidi controls, a mid-line legacy command and an invalid byte.
const hostile = "a\n::error title=Forged::Approved\r\x1b[31mred\x07\x7f\u0085\u009b2J\u2028\u2029" +
	"\u202eevil\u202c\u2066x\u2069\u200e\u200f\u061c ##[error]boom \xff"

// normal is text every form keeps as it is: accents, CJK, emoji (with a
// joiner), quotes, a Windows path, and ':' and '#' where they start nothing.
const normal = "Goïta – “Bamako” 北京 👩‍👩‍👧 C:\\reports\\mali.txt a::b #1 [x]"

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain – text\twith tab":  "plain – text\twith tab",
		"\x1b]0;owned\x07title":   "␛]0;owned␇title",
		"a\x1b[2Jb\rc\x7fd\u0085": "a␛[2Jb␍c␡d�",
		"\u202eabc\u202c \u2028":  "�abc� �",
		"bad \xff byte":           "bad � byte",
		"see ##[error]x":          "see ##［error]x",
		normal:                    normal,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
		// One character for one, so that a caret under an excerpt stays
		// under the same character; an invalid byte counts as one, as
		// Position counts it.
		if utf8.RuneCountInString(Printable(in)) != utf8.RuneCountInString(in) {
			t.Errorf("Printable(%q) changes the number of characters", in)
		}
	}
}

func TestPrintableLine(t *testing.T) {
	for in, want := range map[string]string{
		normal:                  normal,
		"":                      "",
		"a\n::error::x":         `a\n::error::x`,
		"tab\there\r":           `tab\there\r`,
		"\x1b[31mred\x1b[0m":    `\x1b[31mred\x1b[0m`,
		"\u009b\x7f\u0085":      `\u009b\x7f\u0085`,
		"\u202eabc\u2066\u200e": `\u202eabc\u2066\u200e`,
		"\u2028\u2029\u061c":    `\u2028\u2029\u061c`,
		"bad\xffbyte":           `bad\xffbyte`,
		// A CI runner reads "::" at the start of a line as a command,
		// after leading spaces, and "##[" anywhere in a line.
		"::error::Approved.txt": `\x3a:error::Approved.txt`,
		"  ::warning::x":        `  \x3a:warning::x`,
		"\u00a0::x":             "\u00a0\\x3a:x",
		"note ##[error]boom":    `note ##\x5berror]boom`,
		// A byte order mark is invisible, and a reader may drop it at the
		// start of a stream, leaving the "::" after it at a line's start.
		"\ufeff::error::bom.txt": `\ufeff::error::bom.txt`,
		"###[x] and ##[y]":       `###\x5bx] and ##\x5by]`,
	} {
		got := PrintableLine(in)
		if got != want {
			t.Errorf("PrintableLine(%q) = %q, want %q", in, got, want)
		}
		if PrintableLine(got) != got {
			t.Errorf("PrintableLine is not idempotent on %q: %q", got, PrintableLine(got))
		}
	}
	got := PrintableLine(hostile)
	assertPrintable(t, "PrintableLine(hostile)", got, false)
	if strings.ContainsAny(got, "\n\t") {
		t.Errorf("PrintableLine(hostile) = %q: more than one line", got)
	}
}

func TestPrintableText(t *testing.T) {
	for in, want := range map[string]string{
		normal:                               normal,
		"one\ntwo\tcolumns\n":                "one\ntwo\tcolumns\n",
		"crlf\r\nkept\r\n":                   "crlf\r\nkept\r\n",
		"doc\n::error::forged\n  ::notice::": "doc\n\\x3a:error::forged\n  \\x3a:notice::",
		"lone\rcr\x1b[2J\n##[group]x":        "lone\\rcr\\x1b[2J\n##\\x5bgroup]x",
		"a\u2028b":                           `a\u2028b`,
		"end\r":                              `end\r`,
	} {
		if got := PrintableText(in); got != want {
			t.Errorf("PrintableText(%q) = %q, want %q", in, got, want)
		}
	}
	assertPrintable(t, "PrintableText(hostile)", PrintableText(hostile), true)
}

// PrintableJSON writes what encoding/json leaves raw with JSON's own
// escapes: the document still decodes to the same text.
func TestPrintableJSON(t *testing.T) {
	in := map[string]string{"path": hostile, "normal": normal}
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	got := PrintableJSON(raw)
	assertPrintable(t, "PrintableJSON", string(got), true)
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatalf("%v in %s", err, got)
	}
	// encoding/json had already made the invalid byte U+FFFD.
	if want := strings.ToValidUTF8(hostile, "\ufffd"); back["path"] != want || back["normal"] != normal {
		t.Errorf("decodes to %q, want %q", back, want)
	}
	if clean := []byte(`{"a": "Goïta"}`); &PrintableJSON(clean)[0] != &clean[0] {
		t.Errorf("clean JSON is copied")
	}
}

// PrintableXML writes characters as references where XML can hold them;
// the document stays well-formed and decodes to the text, but for the C0
// controls XML 1.0 cannot hold at all, which encoding/xml makes U+FFFD.
func TestPrintableXML(t *testing.T) {
	type el struct {
		XMLName xml.Name `xml:"e"`
		Attr    string   `xml:"a,attr"`
		Text    string   `xml:",chardata"`
	}
	raw, err := xml.Marshal(el{Attr: hostile, Text: normal + hostile})
	if err != nil {
		t.Fatal(err)
	}
	got := PrintableXML(raw)
	assertPrintable(t, "PrintableXML", string(got), true)
	var back el
	if err := xml.Unmarshal(got, &back); err != nil {
		t.Fatalf("%v in %s", err, got)
	}
	want := strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
			return '\ufffd'
		}
		return r
	}, strings.ToValidUTF8(hostile, "\ufffd"))
	if back.Attr != want || back.Text != normal+want {
		t.Errorf("decodes to %q, want %q", back.Attr, want)
	}
}

// assertPrintable fails if s holds anything that could act on a terminal or
// a CI log: a control (but line feeds and tabs when lines are allowed), a
// line breaker, a bidi control, a line starting with "::" or holding "##[".
func assertPrintable(t *testing.T, what, s string, lines bool) {
	t.Helper()
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				t.Errorf("%s: invalid UTF-8 at %d in %q", what, i, s)
			}
			continue
		}
		if lines && (r == '\n' || r == '\t') {
			continue
		}
		if r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0x061c ||
			r == 0x200e || r == 0x200f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 {
			t.Errorf("%s: %U at %d in %q", what, r, i, s)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") || strings.Contains(line, "##[") {
			t.Errorf("%s: line %q is a workflow command", what, line)
		}
	}
}

// FuzzPrintableASCIIPath holds Printable's and PrintableLine's tests to the rune-by-rune
// tests they had before ASCII was told by its byte.
func FuzzPrintableASCIIPath(f *testing.F) {
	for _, s := range []string{"plain", "tab\there", "bell\a", "del\x7f", "bad\xffbyte", "U+FFFD \ufffd kept",
		"bidi \u202e", "C1 \u0085", "##[error]", "::warning", "line\nfeed", "é\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		runeByRune := func(keepTab, keepLF bool) bool {
			for i, r := range s {
				if mustEscape(r) && !(keepTab && r == '\t') && !(keepLF && r == '\n') || invalid(s, i, r) {
					return true
				}
			}
			return false
		}
		for _, keepTab := range []bool{false, true} {
			want := runeByRune(keepTab, false) || strings.Contains(s, legacyCommand) || startsCommand(s)
			if got := needsEscape(s, keepTab); got != want {
				t.Fatalf("needsEscape(%q, %v) = %v, rune by rune %v", s, keepTab, got, want)
			}
		}
		want := runeByRune(true, true) || strings.Contains(s, legacyCommand)
		if got := excerptNeedsEscape(s); got != want {
			t.Fatalf("excerptNeedsEscape(%q) = %v, rune by rune %v", s, got, want)
		}
	})
}
