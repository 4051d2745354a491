// Package atomicfile writes a file so that a reader never sees half of it:
// the data goes to a temporary file in the same folder, which is then
// renamed over the target. Reports written with --output, baselines,
// rendered diffs and fix --write go through it.
//
// No temporary file outlives its writer. One is named
// .NAME.reportlint-PID-N.tmp and, where the system has flock, is locked for
// as long as its writer has it open. SIGINT or SIGTERM during a write
// removes it before the process ends by that signal. A writer killed
// outright (SIGKILL, a crash) leaves it behind, unlocked; the next run that
// writes in its folder removes it once it has taken the lock, which proves
// the writer gone.
// Nothing else is ever removed: not a file named otherwise, not a link or a
// folder, not a file of a user other than this one and the owner of the file
// it was to replace, and not a file whose lock is held.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Write replaces path with data, with permissions perm.
func Write(path string, data []byte, perm os.FileMode) error {
	return WriteFunc(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc replaces path with what write writes, with permissions perm,
// so that large output is streamed to disk rather than held first. If
// write fails, path is left as it was, and write's error is returned as
// it is; other errors name path.
func WriteFunc(path string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := Create(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, Cause(err))
	}
	defer tmp.Discard()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: %w", path, Cause(err))
	}
	if err := tmp.SetMode(perm); err != nil {
		return fmt.Errorf("%s: %w", path, Cause(err))
	}
	if err := tmp.Commit(); err != nil {
		return fmt.Errorf("%s: %w", path, Cause(err))
	}
	return nil
}

// Cause is the system's reason beneath err, without the temporary file's
// name that an *fs.PathError or *os.LinkError carries, for a message that
// names the file asked for instead.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// File is a temporary file that replaces its target on Commit.
type File struct {
	f      *os.File
	name   string
	target string
	done   bool // committed or discarded
}

// Create makes the temporary file that is to replace target, in target's
// folder (so that the rename cannot cross file systems), readable by its
// owner only until SetMode or KeepAttributes. The first time this process
// writes in that folder, it removes the temporary files earlier writers,
// now dead, left behind there.
// The caller must Commit or Discard it.
func Create(target string) (*File, error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStaleOnce(dir)
	for try := 0; ; try++ {
		name := filepath.Join(dir, tempName(base))
		f, err := createTracked(name)
		if errors.Is(err, fs.ErrExist) || errors.Is(err, errLostRace) {
			if try < 100 {
				continue
			}
		}
		if err != nil {
			return nil, err
		}
		return &File{f: f, name: name, target: target}, nil
	}
}

// errLostRace: another process took the new temporary file for a dead
// writer's between its creation and its locking; a fresh name is tried.
var errLostRace = errors.New("temporary file taken by another process")

// tempName is a name for a temporary file of base that no earlier run can
// have used at the same time: the process id, then a random number.
func tempName(base string) string {
	return "." + base + tempMarker + strconv.Itoa(os.Getpid()) + "-" + strconv.FormatUint(uint64(rand.Uint32()), 10) + tempSuffix
}

const (
	tempMarker = ".reportlint-"
	tempSuffix = ".tmp"
)

// tempBase returns the base of the file that name, a name tempName gave,
// is the temporary file of; ok is false if name is not such a name. A base
// may hold ".reportlint-" itself: the last one is tempName's.
func tempBase(name string) (base string, ok bool) {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok {
		return "", false
	}
	if rest, ok = strings.CutSuffix(rest, tempSuffix); !ok {
		return "", false
	}
	i := strings.LastIndex(rest, tempMarker)
	if i <= 0 {
		return "", false
	}
	pid, random, ok := strings.Cut(rest[i+len(tempMarker):], "-")
	if !ok || !allDigits(pid) || !allDigits(random) {
		return "", false
	}
	return rest[:i], true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cleaned holds the folders this process has looked through for stale
// temporary files: once is enough, so that writing many files in one
// folder reads it once, not once per file.
var cleaned struct {
	sync.Mutex
	dirs map[string]bool
}

// removeStaleOnce removes, the first time this process writes in dir, the
// temporary files there whose writers are provably dead, whatever file
// they were to replace. It is best effort: what it cannot read or remove
// stays.
func removeStaleOnce(dir string) {
	key := dir
	if abs, err := filepath.Abs(dir); err == nil {
		key = abs
	}
	cleaned.Lock()
	done := cleaned.dirs[key]
	if cleaned.dirs == nil {
		cleaned.dirs = map[string]bool{}
	}
	cleaned.dirs[key] = true
	cleaned.Unlock()
	if done {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if base, ok := tempBase(e.Name()); ok && e.Type().IsRegular() {
			removeIfDead(filepath.Join(dir, e.Name()), filepath.Join(dir, base))
		}
	}
}

// Name is the temporary file's path.
func (t *File) Name() string { return t.name }

// Write writes to the temporary file.
func (t *File) Write(p []byte) (int, error) { return t.f.Write(p) }

// SetMode gives the temporary file mode's permission bits, and its setuid,
// setgid and sticky bits as far as the system lets this process set them.
// Unlike creating a file, it ignores the umask.
func (t *File) SetMode(mode fs.FileMode) error {
	special := mode & (fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	perm := mode.Perm()
	if special != 0 {
		// Some systems refuse the sticky bit on a file (FreeBSD, but for
		// root) or setuid and setgid (to a user outside the group);
		// the permission bits count most.
		if t.f.Chmod(perm|special) == nil {
			return nil
		}
		if special&fs.ModeSticky != 0 && t.f.Chmod(perm|special&^fs.ModeSticky) == nil {
			return nil
		}
	}
	return t.f.Chmod(perm)
}

// KeepAttributes gives the temporary file the owner, group and mode of the
// file described by info, the one it replaces. The owner and group are
// kept where this process may set them (root may; another user may keep
// the group if it is one of theirs) and otherwise left as they are: those
// of whoever runs reportlint. The mode is set after them, since a change
// of owner clears setuid and setgid.
func (t *File) KeepAttributes(info fs.FileInfo) error {
	keepOwner(t.f, info)
	return t.SetMode(info.Mode())
}

// Sync flushes the temporary file to disk.
func (t *File) Sync() error { return t.f.Sync() }

// Commit syncs the temporary file and renames it over the target.
// Afterwards Discard does nothing.
func (t *File) Commit() error {
	if t.done {
		return errors.New("atomicfile: Commit after Commit or Discard")
	}
	if err := t.f.Sync(); err != nil {
		return err
	}
	if err := renameTracked(t.name, t.target); err != nil {
		return err
	}
	t.done = true
	// Closing releases the lock, which moved with the file onto the target.
	if err := t.f.Close(); err != nil {
		return err
	}
	syncDir(filepath.Dir(t.name))
	return nil
}

// Discard removes the temporary file unless it was committed; it is meant
// to be deferred.
func (t *File) Discard() {
	if t.done {
		return
	}
	t.done = true
	// Removed before the lock goes with the close, so that no other run
	// sees it unlocked while it exists.
	removeTracked(t.name)
	t.f.Close()
}

// syncDir makes the rename itself durable. It is best effort: the file is
// already in place, and some systems cannot sync a folder at all.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
