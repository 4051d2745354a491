//go:build unix

package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe is refused, never opened for reading: opening one waits
// for a writer that never comes. So are devices, whatever their name.
func TestSpecialFilesRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "x.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, read := range []func() error{
			func() error { _, err := ReadFile(fifo, 0); return err },
			func() error { _, err := ReadAll(fifo, Configuration); return err },
		} {
			err := read()
			var se *Error
			if !errors.As(err, &se) || err.Error() != fifo+": is a named pipe (FIFO), not a regular file; reportlint reads only regular files" {
				t.Errorf("err = %v, want the pipe refused by name", err)
			}
		}
		for _, dev := range []string{"/dev/zero", "/dev/null"} {
			if _, err := os.Stat(dev); err != nil {
				continue
			}
			if _, err := ReadAll(dev, Configuration); err == nil || !strings.HasSuffix(err.Error(), "is a device, not a regular file; reportlint reads only regular files") {
				t.Errorf("%s: err = %v, want the device refused", dev, err)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		// Unblock the reader, so that the test fails rather than hangs.
		if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			w.Close()
		}
		t.Fatal("reading a named pipe waited for a writer")
	}
}
