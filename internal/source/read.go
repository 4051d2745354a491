package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// Kind is what a file that is not a report is read as: its size limit, and
// how messages name it. Every file reportlint reads goes through ReadAll or
// ReadFile, so that none can hang the run or fill its memory.
type Kind struct {
	Name  string // "configuration file", for "over the 1 MiB limit for a configuration file"
	Limit int64  // the most bytes read
	Hint  string // what to do about a file over the limit
}

// The kinds of file reportlint reads besides reports. The limits are far
// above any real file of the kind (the built-in schemas, packs and profiles
// are a few KiB), and far below what would hurt the machine.
var (
	Configuration = Kind{"configuration file", 1 << 20, "check that it is the file you meant"}
	Schema        = Kind{"schema", 4 << 20, "split it into files that $ref each other"}
	Pack          = Kind{"rule pack", 4 << 20, "split it into several packs"}
	Profile       = Kind{"house profile", 1 << 20, "check that it is the file you meant"}
	// A baseline records every old finding of a repository: it may be large.
	Baseline = Kind{"baseline", 64 << 20, "fix some of the old findings, or check the folders in separate runs, each with its own baseline"}
)

// Over says a file is over the kind's limit, and what to do: "over the
// 64 MiB limit for a baseline; fix some of the old findings, …".
func (k Kind) Over() string {
	return fmt.Sprintf("over the %s limit for a %s; %s", human(k.Limit), k.Name, k.Hint)
}

// ReadAll reads a whole file of kind k. It refuses, without blocking and
// without reading, anything that is not a regular file (a named pipe, a
// device, a socket, a folder), and a file over the kind's limit. Every
// refusal is an *Error naming the file and saying what to do.
func ReadAll(path string, k Kind) ([]byte, error) {
	over := func(size int64) string {
		if size >= 0 {
			return fmt.Sprintf("is %s, %s", human(size), k.Over())
		}
		return "is " + k.Over()
	}
	fh, info, err := openRegular(path, path, "is a folder; name a file")
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return readSized(path, fh, info, k.Limit, over)
}

// ReadFile reads and checks one report file. Every refusal is an *Error that
// names the file and says what to do.
func ReadFile(path string, maxSize int64) (*File, error) {
	return ReadFileAt(path, path, maxSize)
}

// ReadFileAt is ReadFile of the file at open, named path in the File and
// in messages: a link a folder walk judged by where it leads is read
// there, by the path judged, not by its name again.
func ReadFileAt(path, open string, maxSize int64) (*File, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	fh, info, err := openRegular(path, open, "is a directory, not a report file")
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	raw, err := readSized(path, fh, info, maxSize, func(size int64) string { return tooLarge(size, maxSize) })
	if err != nil {
		return nil, err
	}
	f, err := New(path, raw)
	if err == nil && isBlank(f) {
		return nil, &Error{Path: path, Offset: -1, Reason: blankReason(f) + "; there is no report to check"}
	}
	return f, err
}

// openRegular opens the file at open for reading if it is a regular file,
// naming it path in errors. It looks before it opens, so that a device
// (whose opening alone may do something) or a named pipe (whose opening
// waits for a writer) is never opened; the open itself does not wait (see
// openFlags), and what was opened is looked at again, so that a file
// swapped for a pipe in between is refused too. isDir is the reason given
// for a folder. It returns what it saw of the file opened, which
// readSized sizes its buffer by without asking again.
func openRegular(path, open, isDir string) (*os.File, fs.FileInfo, error) {
	info, err := os.Stat(open)
	if err != nil {
		return nil, nil, &Error{Path: path, Offset: -1, Reason: describeOpenError(err), Err: err}
	}
	if reason := notRegular(info, isDir); reason != "" {
		return nil, nil, &Error{Path: path, Offset: -1, Reason: reason}
	}
	fh, err := os.OpenFile(open, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, nil, &Error{Path: path, Offset: -1, Reason: describeOpenError(err), Err: err}
	}
	info, err = fh.Stat()
	if err == nil {
		if reason := notRegular(info, isDir); reason != "" {
			err = errors.New(reason)
		}
	}
	if err != nil {
		fh.Close()
		return nil, nil, &Error{Path: path, Offset: -1, Reason: unwrapPathError(err).Error()}
	}
	return fh, info, nil
}

// NotRegular says why a file (as os.Stat describes it) is not read, or ""
// for a regular file, which is read.
func NotRegular(info fs.FileInfo) string { return notRegular(info, "is a folder; name a file") }

// notRegular says why a file that is not a regular file is not read, or
// "" for a regular file; isDir is the reason given for a folder.
func notRegular(info fs.FileInfo, isDir string) string {
	const only = ", not a regular file; reportlint reads only regular files"
	m := info.Mode()
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return isDir
	case m&fs.ModeNamedPipe != 0:
		return "is a named pipe (FIFO)" + only
	case m&fs.ModeSocket != 0:
		return "is a socket" + only
	case m&fs.ModeDevice != 0:
		return "is a device" + only
	}
	return "is not a regular file; reportlint reads only regular files"
}

// Read reads a report from r (standard input), named path in messages.
func Read(path string, r io.Reader, maxSize int64) (*File, error) {
	f, err := ReadFrom(path, r, maxSize)
	if err == nil && isBlank(f) {
		return nil, &Error{Path: path, Offset: -1, Reason: blankReason(f) + ": nothing came on standard input; pipe a report in, or name a file"}
	}
	return f, err
}

// ReadFrom reads and checks a report from r, a stream that is neither a
// file nor standard input (git's output), named path in messages.
func ReadFrom(path string, r io.Reader, maxSize int64) (*File, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	raw, err := readLimited(path, r, maxSize, func(size int64) string { return tooLarge(size, maxSize) })
	if err != nil {
		return nil, err
	}
	return New(path, raw)
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

// readLimited reads r whole, but never more than limit bytes; over words
// the refusal of a larger one, given its size when known (-1 otherwise).
func readLimited(path string, r io.Reader, limit int64, over func(size int64) string) ([]byte, error) {
	var info fs.FileInfo
	if f, ok := r.(*os.File); ok {
		info, _ = f.Stat()
	}
	return readSized(path, r, info, limit, over)
}

// readSized is readLimited of r, which info describes (nil: unknown).
func readSized(path string, r io.Reader, info fs.FileInfo, limit int64, over func(size int64) string) ([]byte, error) {
	var raw []byte
	if info != nil && info.Mode().IsRegular() {
		if info.Size() > limit {
			return nil, &Error{Path: path, Offset: -1, Reason: over(info.Size())}
		}
		// One buffer of the size the file has, and a byte to see it end,
		// where io.ReadAll would grow one from 512 bytes.
		raw = make([]byte, 0, info.Size()+1)
	}
	// Read one byte past the limit so that a pipe or a growing file cannot
	// make us hold more than limit+1 bytes.
	raw, err := readAll(raw, io.LimitReader(r, limit+1))
	if err != nil {
		return nil, &Error{Path: path, Offset: -1, Reason: "cannot be read: " + unwrapPathError(err).Error()}
	}
	if int64(len(raw)) > limit {
		return nil, &Error{Path: path, Offset: -1, Reason: over(-1)}
	}
	return raw, nil
}

// readAll is io.ReadAll appending to buf.
func readAll(buf []byte, r io.Reader) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

func tooLarge(size, limit int64) string {
	if size >= 0 {
		return fmt.Sprintf("is %s, over the size limit of %s; raise it with --max-size if this is really a report", human(size), human(limit))
	}
	return fmt.Sprintf("is over the size limit of %s; raise it with --max-size if this is really a report", human(limit))
}

func human(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
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

// PathErrorReason words a failed stat, open or read of a path for a
// message that already names the path.
func PathErrorReason(err error) string {
	var se *Error
	if errors.As(err, &se) {
		return se.Reason
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory; check the path"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return unwrapPathError(err).Error()
}
