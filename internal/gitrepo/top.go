package gitrepo

import (
	"io/fs"
	"os"
	"path/filepath"
)

// TopOf returns the top folder of the git repository that holds path, as
// path is named: the nearest folder above it with a .git entry (a folder,
// or a file for a worktree or submodule). It runs no git command, so it
// works where git is missing or distrusts the folder's owner.
//
// A repository reached through a symbolic link from within another one
// does not count: a link in a pull request that leads to another
// repository on the machine stays outside the one it came with. A
// repository whose own top is named through a link from no repository
// (a project folder linked from the home folder) does.
func TopOf(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	top := ""
	linked := false // a link lies between top and the folder looked at
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		info, err := os.Lstat(dir)
		isLink := err == nil && info.Mode()&fs.ModeSymlink != 0
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			if top != "" && !linked {
				// A repository within this one, reached without a link:
				// a submodule or a nested clone, which holds path.
				return top, true
			}
			top, linked = dir, isLink
		} else if isLink && top != "" {
			linked = true
		}
		if filepath.Dir(dir) == dir {
			return top, top != ""
		}
	}
}
