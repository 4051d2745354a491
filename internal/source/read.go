package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReadFile reads and checks one report file. Every refusal is an *Error that
// names the file and says what to do.
func ReadFile(path string, maxSize int64) (*File, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, &Error{Path: path, Offset: -1, Reason: describeOpenError(err)}
	}
	defer fh.Close()
	info, err := fh.Stat()
	if err != nil {
		return nil, &Error{Path: path, Offset: -1, Reason: describeOpenError(err)}
	}
	if info.IsDir() {
		return nil, &Error{Path: path, Offset: -1, Reason: "is a directory, not a report file"}
	}
	if info.Mode().IsRegular() && info.Size() > maxSize {
		return nil, &Error{Path: path, Offset: -1, Reason: tooLarge(info.Size(), maxSize)}
	}
	f, err := read(path, fh, maxSize)
	if err == nil && isBlank(f) {
		return nil, &Error{Path: path, Offset: -1, Reason: blankReason(f) + "; there is no report to check"}
	}
	return f, err
}

// Read reads a report from r (standard input), named path in messages.
func Read(path string, r io.Reader, maxSize int64) (*File, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	f, err := read(path, r, maxSize)
	if err == nil && isBlank(f) {
		return nil, &Error{Path: path, Offset: -1, Reason: blankReason(f) + ": nothing came on standard input; pipe a report in, or name a file"}
	}
	return f, err
}

// isBlank reports whether a file holds no text at all: empty, or nothing
// but spaces and line ends. Such a file is refused rather than checked, so
// that a report truncated to nothing, or a pipe that gave nothing (closed
// standard input reads as empty), fails loudly instead of passing clean.
func isBlank(f *File) bool {
	return strings.TrimSpace(f.Text) == ""
}

func blankReason(f *File) string {
	if len(f.Text) == 0 {
		return "is empty"
	}
	return "holds only blank space"
}

func read(path string, r io.Reader, maxSize int64) (*File, error) {
	// Read one byte past the limit so that a pipe or a growing file cannot
	// make us hold more than maxSize+1 bytes.
	raw, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, &Error{Path: path, Offset: -1, Reason: "cannot be read: " + unwrapPathError(err).Error()}
	}
	if int64(len(raw)) > maxSize {
		return nil, &Error{Path: path, Offset: -1, Reason: tooLarge(-1, maxSize)}
	}
	return New(path, raw)
}

func tooLarge(size, limit int64) string {
	if size >= 0 {
		return fmt.Sprintf("is %s, over the size limit of %s; raise it with --max-size if this is really a report", human(size), human(limit))
	}
	return fmt.Sprintf("is over the size limit of %s; raise it with --max-size if this is really a report", human(limit))
}

func human(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory; check the path"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied; make the file readable or leave it out"
	default:
		return "cannot be opened: " + unwrapPathError(err).Error()
	}
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// PathErrorReason words a failed stat or open of a path for a message that
// already names the path.
func PathErrorReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory; check the path"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return unwrapPathError(err).Error()
}

// RealPath is p made absolute with symbolic links resolved, so that a file
// named two ways compares equal; p as absolute as can be when it cannot
// be resolved (it does not exist).
func RealPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}
