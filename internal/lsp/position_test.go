package lsp

import (
	"strings"
	"testing"
)

func TestLineIndex(t *testing.T) {
	// "é" is 2 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units (a
	// surrogate pair), and line 2 ends in CRLF.
	text := "ab\nCafé 😀 x\r\nlast"
	x := strings.Index(text, "x")
	tests := []struct {
		enc  string
		want Position
	}{
		{encodingUTF16, Position{1, 8}},
		{encodingUTF8, Position{1, 11}},
		{encodingUTF32, Position{1, 7}},
	}
	for _, tt := range tests {
		ix := newLineIndex(text, tt.enc)
		if got := ix.position(x); got != tt.want {
			t.Errorf("%s: position of x = %v, want %v", tt.enc, got, tt.want)
		}
		if got := ix.offset(tt.want); got != x {
			t.Errorf("%s: offset of %v = %d, want %d", tt.enc, tt.want, got, x)
		}
		// Past the line's end is its end, before the CR; past the last
		// line, the end of the text.
		if got, want := ix.offset(Position{1, 99}), strings.Index(text, "\r"); got != want {
			t.Errorf("%s: past the end of line 2: %d, want %d", tt.enc, got, want)
		}
		if got := ix.offset(Position{9, 0}); got != len(text) {
			t.Errorf("%s: past the last line: %d, want %d", tt.enc, got, len(text))
		}
	}
	// Inside the surrogate pair or the UTF-8 bytes of 😀: its start.
	emoji := strings.Index(text, "😀")
	if got := newLineIndex(text, encodingUTF16).offset(Position{1, 6}); got != emoji {
		t.Errorf("UTF-16 inside the pair: %d, want %d", got, emoji)
	}
	if got := newLineIndex(text, encodingUTF8).offset(Position{1, 8}); got != emoji {
		t.Errorf("UTF-8 inside the character: %d, want %d", got, emoji)
	}
}

// A report with CRLF line ends and a BOM: positions count from the text
// the client holds, and a fix keeps the CRLFs.
func TestCRLFAndBOM(t *testing.T) {
	text := "\ufeff" + strings.ReplaceAll(report, "\n", "\r\n")
	_, uri := workspace(t, "freedonia.md", text)
	c := startServer(t, Options{})
	c.initialize()
	c.open(uri, text)
	ds := c.diagnosticsFor(uri, 1)
	if got, want := ds[0].Range, (Range{Position{10, 24}, Position{10, 28}}); ds[0].Code != "style/misspelling" || got != want {
		t.Fatalf("alot: %s at %v, want %v", ds[0].Code, got, want)
	}
	all := actionTitled(t, codeActionsAt(t, c, uri, ds[0].Range), "Fix all safe problems in this file (2)")
	fixed := apply(t, text, all.Edit.Changes[uri])
	if want := "has a lot of visitors and an ATM.\r\n"; !strings.Contains(fixed, want) || strings.Count(fixed, "\n") != strings.Count(fixed, "\r\n") || !strings.HasPrefix(fixed, "\ufeff---") {
		t.Errorf("after fix all:\n%q", fixed)
	}
}
