package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// maxLinks is how many symbolic links Resolve follows before it calls the
// path a loop (Linux gives up after 40).
const maxLinks = 255

// ErrLinkLoop is a path whose symbolic links lead round in a circle.
var ErrLinkLoop = errors.New("too many levels of symbolic links")

// Resolve is path made absolute with every symbolic link in it resolved,
// as the system would resolve it to open the file. Unlike
// filepath.EvalSymlinks it resolves a path that does not exist as far as
// it exists, links included, and joins the rest on as written: so that
// where a broken link leads can be judged as where a working one leads,
// and a refusal never tells whether a file outside exists.
//
// A ".." is taken where it stands, after the links before it are
// resolved, as the system takes it ("link/.." is the folder above where
// the link leads), never removed as text first (see Join). A file judged
// by what Resolve returns must be read by that path, so that there is no
// second reading of the name.
//
// An error means where path leads cannot be told (a name too long, a
// folder that may not be searched, a loop); such a file must be refused,
// never taken as inside.
func Resolve(path string) (string, error) {
	abs := path
	if !filepath.IsAbs(path) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		abs = Join(wd, path)
	}
	vol := filepath.VolumeName(abs)
	done, rest := vol+string(filepath.Separator), abs[len(vol):]
	links := 0
	for rest != "" {
		rest = strings.TrimLeft(rest, string(filepath.Separator))
		name := rest
		if i := strings.IndexRune(rest, filepath.Separator); i >= 0 {
			name, rest = rest[:i], rest[i:]
		} else {
			rest = ""
		}
		switch name {
		case "", ".":
			continue
		case "..":
			// done has no links left in it, so its parent is the real one.
			done = filepath.Dir(done)
			continue
		}
		next := filepath.Join(done, name)
		info, err := os.Lstat(next)
		switch {
		case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
			// Nothing under a missing name (or under a file) exists
			// either, links included; the system would find nothing
			// there, so the rest is kept as written, ".." and all.
			return Join(next, strings.TrimLeft(rest, string(filepath.Separator))), nil
		case err != nil:
			return "", err
		case info.Mode()&fs.ModeSymlink == 0:
			done = next
			continue
		}
		if links++; links > maxLinks {
			return "", ErrLinkLoop
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(target) {
			vol = filepath.VolumeName(target)
			done, rest = vol+string(filepath.Separator), target[len(vol):]+rest
		} else {
			rest = target + rest // rest is empty, or starts with a separator
		}
	}
	return done, nil
}

// Join is name taken from the folder dir as the system takes it, or name
// itself when it is absolute. Unlike filepath.Join it keeps every "..":
// after a symbolic link, ".." leads back from where the link leads, not
// from the link, so removing it as text would name another file than the
// one the system opens. It drops only "." and doubled separators, which
// change nothing.
func Join(dir, name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	sep := string(filepath.Separator)
	vol := filepath.VolumeName(dir)
	parts := []string{}
	for _, part := range strings.Split(dir[len(vol):]+sep+name, sep) {
		if part != "" && part != "." {
			parts = append(parts, part)
		}
	}
	return vol + sep + strings.Join(parts, sep)
}

// RealPath is p made absolute with symbolic links resolved, so that a file
// named two ways compares equal; p as absolute as can be when it cannot be
// resolved (a link loop), cleaned as text. It names a file or a bound (a
// root, a folder allowed), or compares names; it never judges a file to
// read, which Resolve does, refusing what it cannot resolve.
func RealPath(p string) string {
	if r, err := Resolve(p); err == nil {
		return r
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

// RepoRoot is the top folder of the git repository that holds dir, with
// its links resolved; ok is false when dir is in no repository. The top is
// the nearest folder, dir included, with a .git entry (a folder, or a file
// for a worktree or submodule), looked for along dir as it is named
// (cleaned as text: callers pass a folder resolved, or one the user named):
// it runs no git, so it works where git is missing or distrusts the
// folder's owner.
//
// A repository reached through a symbolic link from within another one
// does not count: a link in a pull request that leads to another
// repository on the machine stays outside the one it came with. A
// repository whose own top is named through a link from no repository (a
// project folder linked from the home folder) does.
func RepoRoot(dir string) (root string, ok bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	top := ""
	linked := false // a link lies between top and the folder looked at
	for d := abs; ; d = filepath.Dir(d) {
		info, err := os.Lstat(d)
		isLink := err == nil && info.Mode()&fs.ModeSymlink != 0
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			if top != "" && !linked {
				// A repository within this one, reached without a link:
				// a submodule or a nested clone, which holds dir.
				return RealPath(top), true
			}
			top, linked = d, isLink
		} else if isLink && top != "" {
			linked = true
		}
		if filepath.Dir(d) == d {
			if top == "" {
				return "", false
			}
			return RealPath(top), true
		}
	}
}

// Place is where a file lies, as Locate sees it.
type Place int

const (
	Inside  Place = iota // under a root, in no hidden folder
	Hidden               // under a root, in a folder or file whose name starts with "."
	InGit                // under a root, in a .git folder: a token may be kept there
	Allowed              // outside every root, under a folder the user allowed (--allow-outside)
	Outside              // anywhere else
)

// Locate says where resolved (a path Resolve returned) lies: under the
// first of roots that holds it, judged by its path from there; else under
// one of allowed; else outside. Roots and allowed are resolved paths too.
func Locate(resolved string, roots, allowed []string) Place {
	for _, root := range roots {
		rel, ok := under(root, resolved)
		if !ok {
			continue
		}
		place := Inside
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			switch {
			case isGitFolder(part):
				return InGit
			case strings.HasPrefix(part, ".") && part != ".":
				place = Hidden
			}
		}
		return place
	}
	for _, a := range allowed {
		if _, ok := under(a, resolved); ok {
			return Allowed
		}
	}
	return Outside
}

// isGitFolder reports whether a name is .git as a file system may take
// it: in any case (macOS and Windows fold it), with trailing dots or
// spaces (which Windows drops).
func isGitFolder(name string) bool {
	return strings.EqualFold(strings.TrimRight(name, ". "), ".git")
}

// Within reports whether p is dir or inside it; both are absolute, and
// resolved if links matter.
func Within(p, dir string) bool {
	_, ok := under(dir, p)
	return ok
}

// under is p relative to dir, when p is dir or inside it.
func under(dir, p string) (string, bool) {
	rel, err := filepath.Rel(dir, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return rel, true
}

// ResolveAll resolves each path (the --allow-outside folders) for Locate.
func ResolveAll(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		out = append(out, RealPath(p))
	}
	return out
}
