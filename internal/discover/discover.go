// Package discover turns the paths a user gives into the list of report
// files to read: files as given, folders walked in sorted order (hidden
// folders skipped, only report extensions taken), "-" for standard input.
package discover

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/internal/source"
)

// Stdin is the path that means standard input.
const Stdin = "-"

// Input is one report to read.
type Input struct {
	Path  string // as given, or found under a folder
	Stdin bool
	// Target, for a link a walk judged by where it leads, is that place,
	// resolved: the file to read, so that what was judged is what is
	// read. Empty, the file is read by Path.
	Target string
	// Sniff is set on a file found by a walk (or named with ForceExclude)
	// that no include glob names: if it is JSON or YAML, it is a report
	// only if it has a report's shape, which reading it tells.
	Sniff bool
}

// Error is a path that cannot be used.
type Error struct {
	Path   string
	Reason string
}

func (e *Error) Error() string { return e.Path + ": " + e.Reason }

// Options tune discovery.
type Options struct {
	// Extensions taken when walking a folder (lower case, with the dot).
	Extensions []string
	// Ignore, if set, tells the files and folders a walk skips (the
	// configuration's ignore globs). A path named on its own is still read.
	Ignore func(path string) bool
	// Skip holds files that are not reports though they may look like
	// them: the run's own schema, packs, profiles and baseline. A walk
	// passes over them; a file named on its own is still read.
	Skip []string
	// FollowSymlinks has a walk take every symbolic link it finds to a
	// file, wherever it leads (--follow-symlinks). Otherwise a link that
	// leads outside the folder walked (outside its repository, when the
	// folder is in one) or into a hidden folder or file is skipped, with
	// a note: a pull request can hold a link to any file of the machine
	// that checks it, and the findings would print its lines.
	FollowSymlinks bool
	// AllowOutside are folders and files outside the repository that
	// links may still lead to (--allow-outside).
	AllowOutside []string
	// Note, if set, is told of each link a walk skips, and why.
	Note func(msg string)
	// Include, if set, tells whether a file is a report by the
	// configuration's include globs, and whether it has any: with some, a
	// walk takes only the files they name.
	Include func(path string) (included, set bool)
	// ForceExclude has the ignore and include globs, and the shape test,
	// apply to files named on the command line too (--force-exclude), as
	// a pre-commit hook that names every changed file needs.
	ForceExclude bool
}

// report tells whether a file a walk found (or a named one, with
// ForceExclude) is taken, and whether its shape is to be tested.
func (opt *Options) report(p string) (take, sniff bool) {
	if opt.Ignore != nil && opt.Ignore(p) {
		return false, false
	}
	if opt.Include == nil {
		return true, true
	}
	included, set := opt.Include(p)
	if set && !included {
		return false, false
	}
	return true, !included
}

// DefaultExtensions are the report files a folder walk picks up.
var DefaultExtensions = []string{".txt", ".md", ".markdown", ".json", ".yaml", ".yml"}

// Expand returns the inputs for args, in the order given (each folder's files
// sorted), without duplicates, and an error for each path that cannot be
// used, a folder holding no report included. The other paths are still
// returned.
func Expand(args []string, opt Options) ([]Input, []error) {
	if opt.Extensions == nil {
		opt.Extensions = DefaultExtensions
	}
	var (
		out  []Input
		errs []error
		seen = map[string]bool{}
	)
	add := func(in Input) {
		key := in.Path
		if !in.Stdin {
			key = filepath.Clean(in.Path)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, in)
		}
	}
	allowed := source.ResolveAll(opt.AllowOutside)
	for _, arg := range args {
		if arg == Stdin {
			add(Input{Path: Stdin, Stdin: true})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, &Error{Path: arg, Reason: source.PathErrorReason(err)})
			continue
		}
		if !info.IsDir() {
			in := Input{Path: arg}
			if opt.ForceExclude {
				take, sniff := opt.report(arg)
				if !take {
					continue
				}
				in.Sniff = sniff
			}
			add(in)
			continue
		}
		files, ignored, werrs := walk(arg, opt, skipSet(opt.Skip), allowed)
		errs = append(errs, werrs...)
		switch {
		case len(files) > 0 || len(werrs) > 0:
		case ignored > 0:
			errs = append(errs, &Error{Path: arg, Reason: "what it holds is skipped by the configuration's ignore or include globs; name a file to check it anyway"})
		default:
			errs = append(errs, &Error{Path: arg, Reason: fmt.Sprintf("no reports found (looked for %s)", strings.Join(opt.Extensions, " "))})
		}
		for _, f := range files {
			add(f)
		}
	}
	return out, errs
}

// followLink says where the link at p leads (resolved: the path to read
// it by), or why a walk does not take it. Where the link leads is judged
// before whether anything is there, so that the answer never tells
// whether a file outside exists. A link whose place cannot be told (a
// path too long for the system to resolve, a folder that may not be
// searched) is not taken either; a loop is an error, as a broken link is
// when it is read.
func followLink(p string, roots, allowed []string, outside string) (target, why string, err error) {
	target, err = source.Resolve(p)
	switch {
	case errors.Is(err, source.ErrLinkLoop):
		return "", "", &Error{Path: p, Reason: source.PathErrorReason(err)}
	case err != nil:
		return "", "a symbolic link whose place cannot be told (" + source.PathErrorReason(err) + ")", nil
	}
	switch source.Locate(target, roots, allowed) {
	case source.Outside:
		return "", "a symbolic link that leads outside " + outside, nil
	case source.InGit:
		return "", "a symbolic link into .git", nil
	case source.Hidden:
		return "", "a symbolic link to a hidden file or folder", nil
	}
	return target, "", nil
}

// skipSet holds the files to pass over, by their absolute paths with
// links resolved.
func skipSet(files []string) map[string]bool {
	if len(files) == 0 {
		return nil
	}
	out := map[string]bool{}
	for _, f := range files {
		out[source.RealPath(f)] = true
	}
	return out
}

// walk lists the reports under root, and counts those the ignore globs
// skip.
func walk(root string, opt Options, skip map[string]bool, allowed []string) ([]Input, int, []error) {
	var files []Input
	var errs []error
	ignored := 0
	// Where links may lead: the folder walked, then its repository. The
	// folder comes first so that a walk of a hidden folder (.github/x)
	// may take links within it.
	roots := []string{source.RealPath(root)}
	outside := "the folder checked"
	if repo, ok := source.RepoRoot(roots[0]); ok {
		roots = append(roots, repo)
		outside = "the repository"
	}
	// A folder named through a symbolic link is walked (the user chose
	// it); WalkDir would take the link for a file, so the walk starts at
	// "link/", which the system resolves. Links met inside the folder are
	// never followed into folders, so a link loop cannot trap the walk.
	start := root
	if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		start = root + string(filepath.Separator)
	}
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &Error{Path: p, Reason: source.PathErrorReason(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != start && strings.HasPrefix(name, ".") {
				return fs.SkipDir
			}
			if p != start && opt.Ignore != nil && opt.Ignore(p) {
				ignored++
				return fs.SkipDir
			}
			return nil
		}
		// A named pipe, device or socket named like a report is kept, so
		// that reading it refuses it by name rather than the walk passing
		// over it in silence.
		if strings.HasPrefix(name, ".") {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(name))
		if !slices.Contains(opt.Extensions, ext) || skip != nil && skip[source.RealPath(p)] {
			return nil
		}
		take, sniff := opt.report(p)
		if !take {
			ignored++
			return nil
		}
		in := Input{Path: p, Sniff: sniff}
		if d.Type()&fs.ModeSymlink != 0 {
			open := p
			if !opt.FollowSymlinks {
				target, why, err := followLink(p, roots, allowed, outside)
				if err != nil {
					errs = append(errs, err)
					return nil
				}
				if why != "" {
					if opt.Note != nil {
						opt.Note(fmt.Sprintf("skipped %s: %s; --follow-symlinks follows it", p, why))
					}
					return nil
				}
				in.Target, open = target, target
			}
			// A link to a folder is not followed, whatever its name, so
			// that a loop cannot trap the walk; a broken link is kept, so
			// that reading it says so.
			if info, err := os.Stat(open); err == nil && info.IsDir() {
				if opt.Note != nil {
					opt.Note(fmt.Sprintf("skipped %s: a symbolic link to a folder, which a walk does not follow; name the folder to check it", p))
				}
				return nil
			}
		}
		files = append(files, in)
		return nil
	})
	if err != nil {
		errs = append(errs, &Error{Path: root, Reason: source.PathErrorReason(err)})
	}
	// WalkDir visits in lexical order already; sorting again keeps the
	// promise if that ever changes.
	slices.SortFunc(files, func(a, b Input) int { return strings.Compare(a.Path, b.Path) })
	return files, ignored, errs
}
