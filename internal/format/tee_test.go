package format

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
)

func teeRun(n int, read *int) *Run {
	return &Run{Files: func(yield func(File) bool) {
		for i := range n {
			*read++
			f := File{Path: "r" + string(rune('a'+i)) + ".txt", Findings: []lint.Finding{{Path: "x", Rule: "dash-style", Level: lint.Warning, Message: "m"}}}
			f.Findings[0].Path = f.Path
			if !yield(f) {
				return
			}
		}
	}}
}

// Both formats see every file, and the files are read once.
func TestTee(t *testing.T) {
	read := 0
	var line, sarif bytes.Buffer
	first, wait := Tee(teeRun(3, &read), writeLine, &sarif)
	if err := writeLine(&line, first); err != nil {
		t.Fatal(err)
	}
	if err := wait(); err != nil {
		t.Fatal(err)
	}
	if read != 3 {
		t.Errorf("the files were read %d times over, want 3 reads", read)
	}
	if line.String() != sarif.String() || strings.Count(line.String(), "\n") != 3 {
		t.Errorf("the outputs differ or miss files:\n%s\n%s", line.String(), sarif.String())
	}
}

// A second format that stops early does not block the first, and its
// error comes back from wait; a first that never reads leaves the second
// a run of no files.
func TestTeeStops(t *testing.T) {
	read := 0
	broken := errors.New("disk full")
	stopEarly := func(w io.Writer, r *Run) error {
		for range r.each() {
			return broken
		}
		return nil
	}
	first, wait := Tee(teeRun(5, &read), stopEarly, io.Discard)
	var line bytes.Buffer
	if err := writeLine(&line, first); err != nil {
		t.Fatal(err)
	}
	if err := wait(); !errors.Is(err, broken) {
		t.Errorf("wait: %v, want %v", err, broken)
	}
	if strings.Count(line.String(), "\n") != 5 {
		t.Errorf("the first format lost files:\n%s", line.String())
	}

	var none bytes.Buffer
	_, wait = Tee(teeRun(5, &read), writeLine, &none)
	if err := wait(); err != nil || none.Len() != 0 {
		t.Errorf("unread run: %v, %q", err, none.String())
	}
}
