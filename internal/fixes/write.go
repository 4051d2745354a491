package fixes

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ChangedError says a file changed on disk between being read and being
// written back, so writing the fixes would lose someone's edit.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s: changed since it was read; run fix again", e.Path)
}

// WriteAtomic replaces path with data: it writes a temporary file in the same
// folder (so that the rename cannot cross file systems), syncs it, gives it
// the original file's permission bits, and renames it over the original. A
// reader thus sees the old file or the new one, never half of either.
//
// Just before renaming it reads the file again and compares it with original,
// the bytes it was read as; if they differ, or the file is gone, it returns a
// *ChangedError naming path. No temporary file is left behind on any error.
// A symbolic link is followed, so the link stays and its target is replaced.
// The owner is not kept: the new file belongs to whoever runs the fix.
func WriteAtomic(path string, original, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &ChangedError{Path: path}
	}
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return &ChangedError{Path: path}
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}

	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".reportlint-*")
	if err != nil {
		return err
	}
	renamed := false
	defer func() {
		if !renamed {
			tmp.Close() // may already be closed; only the removal matters
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	// CreateTemp makes the file 0600; Chmod, unlike create, ignores the umask.
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}

	// As late as possible, so the window in which another writer's edit
	// could be lost is as short as it can be without locking.
	current, err := os.ReadFile(target)
	if errors.Is(err, fs.ErrNotExist) {
		return &ChangedError{Path: path}
	}
	if err != nil {
		return err
	}
	if !bytes.Equal(current, original) {
		return &ChangedError{Path: path}
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	renamed = true
	syncDir(dir)
	return nil
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
