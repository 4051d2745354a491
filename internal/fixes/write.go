package fixes

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/reportlint/reportlint/internal/atomicfile"
	"github.com/reportlint/reportlint/internal/source"
)

// ChangedError says a file changed on disk between being read and being
// written back, so writing the fixes would lose someone's edit.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s: changed since it was read; run fix again", e.Path)
}

// OutsideError says a report leads through a symbolic link to a file
// outside the folder it may be written in (see WriteAtomic), so it was not
// written.
type OutsideError struct {
	Path   string // as given
	Target string // where it leads, absolute, links resolved
	Where  string // where that is: "outside the repository /r", "into the .git folder of /r"
}

func (e *OutsideError) Error() string {
	return fmt.Sprintf("%s: not written: it leads through a symbolic link to %s, %s; to fix that file, name it: reportlint fix --write %s",
		e.Path, e.Target, e.Where, e.Target)
}

// WriteAtomic replaces path with data: it writes a temporary file in the same
// folder (so that the rename cannot cross file systems), syncs it, gives it
// the original file's mode (setuid, setgid and sticky bits included) and,
// where this process may, its owner and group, and renames it over the
// original. A reader thus sees the old file or the new one, never half of
// either. The temporary file is atomicfile's: no run leaves one behind.
//
// Just before renaming it reads the file again and compares it with original,
// the bytes it was read as; if they differ, or the file is gone, it returns a
// *ChangedError naming path. No temporary file is left behind on any error.
//
// A symbolic link is followed, so the link stays and its target is replaced,
// but only within the repository that holds path (see source.RepoRoot), and
// not into its .git folder; outside any repository, within the current
// folder if path is under it, or else within path's own folder. A report
// that leads anywhere else, through a link to a file or to a folder, is left
// alone with an *OutsideError: a pull request could otherwise have a CI
// job's fix --write overwrite any file the job may write. Other errors name
// path.
func WriteAtomic(path string, original, data []byte) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	// The file written is the one the system opens by path, which is the
	// one that was read: a ".." after a link leads from where the link
	// leads. Its place is judged before whether it exists.
	target, err := source.Resolve(path)
	if err != nil {
		return cannotWrite(path, err)
	}
	if where := outside(abs, target); where != "" {
		return &OutsideError{Path: path, Target: target, Where: where}
	}
	info, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return &ChangedError{Path: path}
	}
	if err != nil {
		return cannotWrite(path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}

	tmp, err := atomicfile.Create(target)
	if err != nil {
		return cannotWrite(path, err)
	}
	defer tmp.Discard()
	if _, err := tmp.Write(data); err != nil {
		return cannotWrite(path, err)
	}
	if err := tmp.KeepAttributes(info); err != nil {
		return cannotWrite(path, err)
	}
	if err := tmp.Sync(); err != nil {
		return cannotWrite(path, err)
	}

	// As late as possible, so the window in which another writer's edit
	// could be lost is as short as it can be without locking.
	current, err := os.ReadFile(target)
	if errors.Is(err, fs.ErrNotExist) {
		return &ChangedError{Path: path}
	}
	if err != nil {
		return cannotWrite(path, err)
	}
	if !bytes.Equal(current, original) {
		return &ChangedError{Path: path}
	}
	if err := tmp.Commit(); err != nil {
		return cannotWrite(path, err)
	}
	return nil
}

func cannotWrite(path string, err error) error {
	return fmt.Errorf("%s: cannot write the fixed report: %w", path, atomicfile.Cause(err))
}

// outside says where target, the file that abs (as named) leads to, lies
// if that is out of bounds for writing, or returns "". The bound is the
// repository that holds abs, less its .git folder, where git keeps what a
// pull request cannot change (its configuration, its hooks); outside any
// repository, the current folder, or abs's own folder if not under it.
func outside(abs, target string) string {
	if top, ok := source.RepoRoot(filepath.Dir(abs)); ok {
		named := source.Within(source.RealPath(filepath.Dir(abs)), filepath.Join(top, ".git")) // a file of .git named itself
		if !source.Within(target, top) {
			return "outside the repository " + top
		}
		if !named && source.Within(target, filepath.Join(top, ".git")) {
			return "into the .git folder of " + top
		}
		return ""
	}
	if wd, err := os.Getwd(); err == nil && source.Within(abs, wd) {
		if wd = source.RealPath(wd); !source.Within(target, wd) {
			return "outside the current folder " + wd
		}
		return ""
	}
	if dir := source.RealPath(filepath.Dir(abs)); !source.Within(target, dir) {
		return "outside its folder " + dir
	}
	return ""
}
