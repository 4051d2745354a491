// Package gitrepo reads what reportlint needs from git: a file as it was at
// a revision (for diff REV:PATH), the lines changed since a revision (for
// check --changed-since), and which repository holds a file (for what fix
// --write may write). It runs the git command; nothing else does.
package gitrepo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/source"
)

// git runs a git command in dir and returns its standard output, or an
// error carrying what git printed.
func git(dir string, args ...string) ([]byte, error) {
	return gitCapped(dir, -1, args...)
}

// gitCapped is git keeping at most limit+1 bytes of the output (all of it
// when limit < 0): more than limit, and git is stopped and the first
// limit+1 bytes returned, without an error, for the caller to refuse.
func gitCapped(dir string, limit int64, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out := &capped{limit: limit}
	cmd.Stdout = out
	err := cmd.Run()
	if out.over {
		return out.buf.Bytes(), nil
	}
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
		}
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("git is not installed or not on the PATH")
		}
		return nil, err
	}
	return out.buf.Bytes(), nil
}

// capped holds what is written to it up to limit+1 bytes, then refuses
// more, which ends the copy from git's output and so git itself.
type capped struct {
	buf   bytes.Buffer
	limit int64 // < 0: no limit
	over  bool
}

var errOverLimit = errors.New("output over the limit")

func (c *capped) Write(p []byte) (int, error) {
	if c.limit >= 0 && int64(c.buf.Len()+len(p)) > c.limit+1 {
		c.buf.Write(p[:c.limit+1-int64(c.buf.Len())])
		c.over = true
		return 0, errOverLimit
	}
	return c.buf.Write(p)
}

// Show returns the content of path at a revision as `git show REV:PATH`
// reads it from the working folder: relative to the repository's top, or
// to the working folder when it starts with "./" or "../". A path that is
// not at the top is then looked for from the working folder, so that
// "HEAD:mali.txt" works inside reports/ too. It returns at most limit+1
// bytes: more than limit means the file is larger, and is the caller's to
// refuse.
func Show(rev, path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = source.DefaultMaxSize
	}
	slash := filepath.ToSlash(path)
	data, err := gitCapped(".", limit, "show", rev+":"+slash)
	if err == nil || strings.HasPrefix(slash, "./") || strings.HasPrefix(slash, "../") || filepath.IsAbs(path) {
		return data, err
	}
	if near, err2 := gitCapped(".", limit, "show", rev+":./"+slash); err2 == nil {
		return near, nil
	}
	return nil, err
}

// Changes are the lines changed since a revision, by absolute file path.
type Changes struct {
	rev   string
	lines map[string]map[int]bool // changed lines of modified files
	whole map[string]bool         // untracked or added files: every line counts
	roots map[string]string       // repository root of each modified file
}

// ChangedSinceFor compares the working tree with rev in every repository
// that holds one of the files, wherever the command runs from. A file that
// is in no repository is an error naming it.
func ChangedSinceFor(files []string, rev string) (*Changes, error) {
	c := &Changes{rev: rev, lines: map[string]map[int]bool{}, whole: map[string]bool{}, roots: map[string]string{}}
	done := map[string]bool{} // repository roots compared
	seen := map[string]bool{} // folders looked up
	for _, f := range files {
		dir := filepath.Dir(f)
		if seen[dir] {
			continue
		}
		seen[dir] = true
		if _, err := c.addRepo(dir, rev, done); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
	}
	return c, nil
}

// addRepo adds the changes of the repository holding dir, unless done
// has its root already, and returns the root.
func (c *Changes) addRepo(dir, rev string, done map[string]bool) (string, error) {
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", err
	}
	root := source.RealPath(strings.TrimSpace(string(top)))
	if done[root] {
		return root, nil
	}
	done[root] = true
	diff, err := git(root, "diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", rev, "--", ".")
	if err != nil {
		return "", err
	}
	if err := c.readDiff(root, diff); err != nil {
		return "", err
	}
	others, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return "", err
	}
	for _, name := range strings.Split(string(others), "\x00") {
		if name != "" {
			c.whole[filepath.Join(root, filepath.FromSlash(name))] = true
		}
	}
	return root, nil
}

// readDiff reads the new-side line ranges of a zero-context unified diff.
func (c *Changes) readDiff(root string, diff []byte) error {
	var current string
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimPrefix(line, "+++ ")
			if unq, err := strconv.Unquote(name); err == nil {
				name = unq
			}
			if name == "/dev/null" {
				current = ""
				continue
			}
			current = filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(name, "b/")))
			if c.lines[current] == nil {
				c.lines[current] = map[int]bool{}
				if c.roots == nil {
					c.roots = map[string]string{}
				}
				c.roots[current] = root
			}
		case strings.HasPrefix(line, "@@ ") && current != "":
			start, count, err := newRange(line)
			if err != nil {
				return err
			}
			if count == 0 {
				// A pure deletion: the lines on either side of it changed.
				c.lines[current][start] = true
				c.lines[current][start+1] = true
				continue
			}
			for l := start; l < start+count; l++ {
				c.lines[current][l] = true
			}
		}
	}
	return sc.Err()
}

// newRange reads "+c,d" from "@@ -a,b +c,d @@".
func newRange(hunk string) (start, count int, err error) {
	fields := strings.Fields(hunk)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("unexpected diff hunk %q", hunk)
	}
	spec := strings.TrimPrefix(fields[2], "+")
	count = 1
	if s, n, ok := strings.Cut(spec, ","); ok {
		spec = s
		if count, err = strconv.Atoi(n); err != nil {
			return 0, 0, fmt.Errorf("unexpected diff hunk %q", hunk)
		}
	}
	if start, err = strconv.Atoi(spec); err != nil {
		return 0, 0, fmt.Errorf("unexpected diff hunk %q", hunk)
	}
	return start, count, nil
}

// Changed reports whether line of path (as given on the command line)
// changed since the revision.
func (c *Changes) Changed(path string, line int) bool {
	return c.In(path)(line)
}

// In is Changed for the lines of one file, whose path it resolves once,
// not once for each of its findings.
func (c *Changes) In(path string) func(line int) bool {
	abs := source.RealPath(path)
	if c.whole[abs] {
		return func(int) bool { return true }
	}
	lines := c.lines[abs]
	return func(line int) bool { return lines[line] }
}

// Touched reports whether a file (as given on the command line) changed
// at all since the revision: modified, added, or not yet tracked.
func (c *Changes) Touched(path string) bool {
	abs := source.RealPath(path)
	_, modified := c.lines[abs]
	return modified || c.whole[abs]
}

// Old returns a modified file as it was at the revision, at most limit+1
// bytes (more means it was larger, for the caller to refuse); ok is false
// when the file was not there (added since) or is not a modified one.
func (c *Changes) Old(path string, limit int64) (data []byte, ok bool, err error) {
	abs := source.RealPath(path)
	root, modified := c.roots[abs]
	if !modified {
		return nil, false, nil
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return nil, false, err
	}
	rel = filepath.ToSlash(rel)
	// An added file has no old side: ask git whether it had one first, so
	// that any other failure is an error and not taken for "new".
	if _, err := git(root, "cat-file", "-e", c.rev+":"+rel); err != nil {
		return nil, false, nil
	}
	data, err = gitCapped(root, limit, "show", c.rev+":"+rel)
	if err != nil {
		return nil, false, err
	}
	return data, true, nil
}
