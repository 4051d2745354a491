package source

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

func TestPositionIgnoresBOMAndCRLF(t *testing.T) {
	plain := "Title\n\nGoïta said “no”.\nEnd"
	variants := map[string]string{
		"lf":      plain,
		"crlf":    strings.ReplaceAll(plain, "\n", "\r\n"),
		"bom":     "\ufeff" + plain,
		"bomcrlf": "\ufeff" + strings.ReplaceAll(plain, "\n", "\r\n"),
	}
	for name, raw := range variants {
		f, err := New(name, []byte(raw))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Text != plain {
			t.Fatalf("%s: Text = %q, want %q", name, f.Text, plain)
		}
		// "no" is on line 3 after 12 code points ("Goïta said “" is 12).
		off := strings.Index(f.Text, "no”")
		if got := f.Position(off); got != (Position{3, 13}) {
			t.Errorf("%s: Position(no) = %v, want 3:13", name, got)
		}
		if got := f.Position(strings.Index(f.Text, "End")); got != (Position{4, 1}) {
			t.Errorf("%s: Position(End) = %v, want 4:1", name, got)
		}
		// The original offset points at the same text in the raw bytes.
		if o := f.OriginalOffset(off); !strings.HasPrefix(raw[o:], "no”") {
			t.Errorf("%s: OriginalOffset(%d) = %d points at %q", name, off, o, raw[o:min(o+5, len(raw))])
		}
		// A span that ends a line ends before the CR; one that takes the line end takes the CR too.
		eol := strings.Index(f.Text, "\n")
		if o := f.OriginalOffset(eol); !strings.HasPrefix(raw[o:], "\n") && !strings.HasPrefix(raw[o:], "\r\n") {
			t.Errorf("%s: line end maps to %q", name, raw[o:o+1])
		}
	}
}

func TestOffsetInvertsPosition(t *testing.T) {
	f, err := New("x", []byte("ab\nçd–e\n\nlast"))
	if err != nil {
		t.Fatal(err)
	}
	for off := 0; off <= len(f.Text); off++ {
		if !isRuneStart(f.Text, off) {
			continue
		}
		if got := f.Offset(f.Position(off)); got != off {
			t.Errorf("Offset(Position(%d)=%v) = %d", off, f.Position(off), got)
		}
	}
	if f.Lines() != 4 || f.Line(2) != "çd–e" || f.Line(3) != "" || f.Line(9) != "" {
		t.Errorf("Lines = %d, Line(2) = %q", f.Lines(), f.Line(2))
	}
}

func isRuneStart(s string, i int) bool { return i == len(s) || s[i]&0xC0 != 0x80 }

func TestRefusals(t *testing.T) {
	tests := []struct {
		name, raw, want string
		pos             Position
		offset          int
	}{
		{"nul", "ok\nab\x00c", "NUL byte", Position{2, 3}, 5},
		{"latin1", "Title\nGo\xefta", "not valid UTF-8 (byte 0xEF at offset 8)", Position{2, 3}, 8},
		{"bom then bad", "\ufeffA\r\n\xff", "not valid UTF-8 (byte 0xFF at offset 6)", Position{2, 1}, 6},
		{"old mac", "Title\r\rText.\r", "carriage return alone (old Mac line ends)", Position{}, -1},
		// A byte order mark names the encoding, where the NUL bytes of
		// UTF-16 text would call it binary.
		{"utf16le", "\xff\xfeT\x00i\x00", "is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", Position{}, -1},
		{"utf16be", "\xfe\xff\x00T\x00i", "is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", Position{}, -1},
		{"utf32le", "\xff\xfe\x00\x00T\x00\x00\x00", "is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8", Position{}, -1},
		{"utf32be", "\x00\x00\xfe\xff\x00\x00\x00T", "is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8", Position{}, -1},
		// Without a mark, a NUL in every other byte on one side is UTF-16;
		// NULs anywhere else are a binary file's.
		{"utf16le bare", "T\x00i\x00t\x00l\x00e\x00\n\x00", "looks like UTF-16LE text without a byte order mark; save it as UTF-8", Position{}, -1},
		{"utf16be bare", "\x00T\x00i\x00t\x00l\x00e\x00\n", "looks like UTF-16BE text without a byte order mark; save it as UTF-8", Position{}, -1},
		{"binary", "T\x00i\x00\x00\x00t\x00l\x00", "contains a NUL byte (at offset 1); this looks like a binary file", Position{1, 2}, 1},
		{"mixed sides", "T\x00\x00i\x00t\x00l\x00e", "contains a NUL byte (at offset 1); this looks like a binary file", Position{1, 2}, 1},
	}
	for _, tt := range tests {
		_, err := New(tt.name, []byte(tt.raw))
		var se *Error
		if !errors.As(err, &se) {
			t.Fatalf("%s: err = %v, want *Error", tt.name, err)
		}
		if !strings.Contains(se.Reason, tt.want) || se.Pos != tt.pos || se.Offset != tt.offset {
			t.Errorf("%s: got %q at %v byte %d, want %q at %v byte %d", tt.name, se.Reason, se.Pos, se.Offset, tt.want, tt.pos, tt.offset)
		}
		if !strings.HasPrefix(se.Error(), tt.name+":") {
			t.Errorf("%s: message %q does not name the file", tt.name, se.Error())
		}
	}
}

// A stray carriage return in a file of LF lines is text, not a reason to
// refuse the file; nor is one at the end of a one-line file.
func TestLoneCarriageReturnsKept(t *testing.T) {
	for _, raw := range []string{"Title\n\nA\rB\n", "Title\r"} {
		if _, err := New("f.txt", []byte(raw)); err != nil {
			t.Errorf("%q: %v", raw, err)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("a", 2048)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(big, 1024); err == nil || !strings.Contains(err.Error(), "over the size limit of 1 KiB") {
		t.Errorf("big file: %v", err)
	}
	if f, err := ReadFile(big, 4096); err != nil || len(f.Text) != 2048 {
		t.Errorf("big file under a larger limit: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.txt"), 0); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadFile(dir, 0); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}
	if _, err := Read("<stdin>", strings.NewReader(strings.Repeat("b", 100)), 10); err == nil || !strings.Contains(err.Error(), "<stdin>: is over the size limit") {
		t.Errorf("stdin over limit: %v", err)
	}
	// ReadFileAt reads one file and names it as another: a link by the
	// name a walk found it under, read where it was judged to lead.
	if f, err := ReadFileAt("reports/link.txt", big, 4096); err != nil || f.Path != "reports/link.txt" || len(f.Text) != 2048 {
		t.Errorf("ReadFileAt: %+v, %v", f, err)
	}
	if _, err := ReadFileAt("reports/link.txt", filepath.Join(dir, "missing.txt"), 0); err == nil || !strings.HasPrefix(err.Error(), "reports/link.txt: no such file") {
		t.Errorf("ReadFileAt a missing file: %v", err)
	}
}

func FuzzNew(f *testing.F) {
	f.Add([]byte("\ufeffa\r\nb\n"))
	f.Add([]byte("x\xffy"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		file, err := New("f", raw)
		if err != nil {
			return
		}
		for off := 0; off <= len(file.Text); off += 1 + off/7 {
			p := file.Position(off)
			if p.Line < 1 || p.Column < 1 || p.Line > file.Lines() {
				t.Fatalf("Position(%d) = %v", off, p)
			}
			if o := file.OriginalOffset(off); o < off || o > len(raw) {
				t.Fatalf("OriginalOffset(%d) = %d of %d", off, o, len(raw))
			}
		}
	})
}

// An empty or blank report is refused, naming the file, so that a report
// saved as nothing or a pipe that gave nothing cannot pass clean.
func TestReadBlank(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"empty.txt": "", "blank.md": " \n\r\n\t\n", "bom.txt": "\ufeff"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadFile(p, 0)
		var se *Error
		if !errors.As(err, &se) || !strings.HasPrefix(err.Error(), p+": ") || !strings.Contains(err.Error(), "there is no report to check") {
			t.Errorf("%s: err = %v, want a refusal naming the file", name, err)
		}
	}
	if _, err := Read("in.txt", strings.NewReader(""), 0); err == nil || err.Error() != "in.txt: is empty: nothing came on standard input; pipe a report in, or name a file" {
		t.Errorf("empty standard input: %v", err)
	}
	if _, err := Read("<stdin>", strings.NewReader("\n\n"), 0); err == nil || !strings.Contains(err.Error(), "<stdin>: holds only blank space") {
		t.Errorf("blank standard input: %v", err)
	}
	if f, err := Read("<stdin>", strings.NewReader("x\n"), 0); err != nil || f.Text != "x\n" {
		t.Errorf("one word: %v", err)
	}
}

// lineStartsByByte is lineStarts as it was, a byte at a time: the oracle
// for the version that finds line ends with IndexByte.
func lineStartsByByte(s string) []int {
	starts := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func FuzzLineStarts(f *testing.F) {
	for _, s := range []string{"", "\n", "a", "a\n", "\n\nb", "x\r\ny\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := lineStarts(s), lineStartsByByte(s)
		if !slices.Equal(got, want) {
			t.Fatalf("lineStarts(%q) = %v, want %v", s, got, want)
		}
		if cap(got) != len(got) {
			t.Fatalf("lineStarts(%q): capacity %d for %d lines, not sized once", s, cap(got), len(got))
		}
	})
}

// New's Text shares raw's bytes (no copy of the report) when nothing had to
// be normalised, and after a BOM; a CRLF file gets text of its own.
func TestNewSharesRaw(t *testing.T) {
	for _, tc := range []struct {
		raw    string
		skip   int
		shared bool
	}{
		{"Title\nBody.\n", 0, true},
		{"\xEF\xBB\xBFTitle\nBody.\n", 3, true},
		{"Title\r\nBody.\r\n", 0, false},
	} {
		raw := []byte(tc.raw)
		f, err := New("r.txt", raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := unsafe.StringData(f.Text) == &raw[tc.skip]; got != tc.shared {
			t.Errorf("%q: Text shares raw = %v, want %v", tc.raw, got, tc.shared)
		}
		if want := strings.ReplaceAll(tc.raw[tc.skip:], "\r\n", "\n"); f.Text != want {
			t.Errorf("%q: Text %q, want %q", tc.raw, f.Text, want)
		}
	}
	if f, err := New("r.txt", nil); err != nil || f.Text != "" {
		t.Errorf("empty: %q, %v", f.Text, err)
	}
}
