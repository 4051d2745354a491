package fixes

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/source"
)

// listDir names what is in dir, sorted, so that a stray temporary file shows.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func writeFile(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	// WriteFile's mode passes through the umask; set it exactly.
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteAtomicReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	writeFile(t, path, "old\n", 0o640)
	writeFile(t, filepath.Join(dir, "other.md"), "other\n", 0o600)
	writeFile(t, filepath.Join(dir, ".report.md.reportlint-123"), "looks like ours\n", 0o600)

	if err := WriteAtomic(path, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != "new\n" {
		t.Errorf("content = %q, want %q", got, "new\n")
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", info.Mode().Perm())
	}
	if got, want := listDir(t, dir), []string{".report.md.reportlint-123", "other.md", "report.md"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
	if got := readFile(t, filepath.Join(dir, "other.md")); got != "other\n" {
		t.Errorf("another file changed: %q", got)
	}
	if got := readFile(t, filepath.Join(dir, ".report.md.reportlint-123")); got != "looks like ours\n" {
		t.Errorf("a file that looks like a temporary one changed: %q", got)
	}
}

func TestWriteAtomicRefusesAFileChangedSinceRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	writeFile(t, path, "as read\n", 0o644)
	writeFile(t, filepath.Join(dir, "other.md"), "other\n", 0o644)
	original := []byte(readFile(t, path))
	// Someone saves the file in an editor between our read and our write.
	writeFile(t, path, "edited meanwhile\n", 0o644)

	err := WriteAtomic(path, original, []byte("fixed\n"))
	var changed *ChangedError
	if !errors.As(err, &changed) {
		t.Fatalf("err = %v, want a *ChangedError", err)
	}
	if changed.Path != path || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "changed since it was read; run fix again") {
		t.Errorf("error %q does not name %s and say what to do", err, path)
	}
	if got := readFile(t, path); got != "edited meanwhile\n" {
		t.Errorf("the other edit was lost: %q", got)
	}
	if got, want := listDir(t, dir), []string{"other.md", "report.md"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

func TestWriteAtomicRefusesAFileRemovedSinceRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gone.md")
	err := WriteAtomic(path, []byte("as read\n"), []byte("fixed\n"))
	var changed *ChangedError
	if !errors.As(err, &changed) {
		t.Fatalf("err = %v, want a *ChangedError", err)
	}
	if names := listDir(t, dir); len(names) != 0 {
		t.Errorf("folder holds %q, want nothing", names)
	}
}

func TestWriteAtomicRefusesAFolder(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(sub, nil, []byte("x")); err == nil {
		t.Fatal("wrote over a folder")
	}
	if got, want := listDir(t, dir), []string{"sub"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

func TestWriteAtomicFollowsASymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.md")
	link := filepath.Join(dir, "link.md")
	writeFile(t, target, "old\n", 0o644)
	if err := os.Symlink("target.md", link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := WriteAtomic(link, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if got := readFile(t, target); got != "new\n" {
		t.Errorf("target holds %q, want %q", got, "new\n")
	}
	if got, want := listDir(t, dir), []string{"link.md", "target.md"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

func TestWriteAtomicRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "report.md", "old\n", 0o644)
	if err := WriteAtomic("report.md", []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, "report.md"); got != "new\n" {
		t.Errorf("content = %q", got)
	}
	if got, want := listDir(t, dir), []string{"report.md"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// The replacement keeps setgid (a shared folder's group files), setuid and
// sticky, not only the permission bits: Chmod alone of Perm() drops them.
func TestWriteAtomicKeepsSpecialModeBits(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no setgid on Windows")
	}
	for _, mode := range []os.FileMode{
		0o640 | os.ModeSetgid,
		0o750 | os.ModeSetuid | os.ModeSetgid,
		0o644 | os.ModeSticky,
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "report.md")
		writeFile(t, path, "old\n", 0)
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		want := info.Mode() // what the system let us set
		if want&(os.ModeSetuid|os.ModeSetgid|os.ModeSticky) == 0 {
			t.Logf("the system does not keep %v on a file; skipped", mode)
			continue
		}
		if err := WriteAtomic(path, []byte("old\n"), []byte("new\n")); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Stat(path); err != nil || info.Mode() != want {
			t.Errorf("mode = %v (%v), want %v", info.Mode(), err, want)
		}
	}
}

// Run as root, the replacement keeps the file's owner and group (and the
// setgid bit, which a change of owner clears).
func TestWriteAtomicKeepsOwner(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() != 0 {
		t.Skip("needs root on a Unix system to give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	writeFile(t, path, "old\n", 0o664)
	if err := os.Chown(path, 4242, 4343); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o664|os.ModeSetgid); err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(path, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if uid, gid := owner(info); uid != 4242 || gid != 4343 {
		t.Errorf("owner = %d:%d, want 4242:4343", uid, gid)
	}
	if info.Mode() != 0o664|os.ModeSetgid {
		t.Errorf("mode = %v, want %v", info.Mode(), 0o664|os.ModeSetgid)
	}
}

// linkOrSkip makes a symbolic link, or skips a test where there are none.
func linkOrSkip(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
}

// A report that leads through a symbolic link out of its repository is not
// written: a pull request could otherwise have fix --write overwrite any
// file the CI runner may write. A link within the repository is followed.
func TestWriteAtomicRefusesALinkOutOfTheRepository(t *testing.T) {
	tmp := t.TempDir()
	repo := filepath.Join(tmp, "repo")
	outside := filepath.Join(tmp, "outside")
	for _, d := range []string{filepath.Join(repo, ".git"), filepath.Join(repo, "shared"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	secret := filepath.Join(outside, "secret.md")
	writeFile(t, secret, "old\n", 0o600)
	linkOrSkip(t, "../outside/secret.md", filepath.Join(repo, "link.md"))
	linkOrSkip(t, "../outside", filepath.Join(repo, "docs"))
	linkOrSkip(t, secret, filepath.Join(repo, "absolute.md"))
	gitConfig := filepath.Join(repo, ".git", "config")
	writeFile(t, gitConfig, "old\n", 0o644)
	linkOrSkip(t, ".git/config", filepath.Join(repo, "config.md"))

	for _, name := range []string{"link.md", "docs/secret.md", "absolute.md"} {
		path := filepath.Join(repo, name)
		err := WriteAtomic(path, []byte("old\n"), []byte("new\n"))
		var outsideErr *OutsideError
		if !errors.As(err, &outsideErr) {
			t.Fatalf("%s: err = %v, want an *OutsideError", name, err)
		}
		realSecret, _ := filepath.EvalSymlinks(secret)
		realRepo, _ := filepath.EvalSymlinks(repo)
		msg := err.Error()
		for _, part := range []string{path + ": not written", realSecret, "outside the repository " + realRepo, "reportlint fix --write " + realSecret} {
			if !strings.Contains(msg, part) {
				t.Errorf("%s: message %q does not say %q", name, msg, part)
			}
		}
		if got := readFile(t, secret); got != "old\n" {
			t.Fatalf("%s: the file outside was written: %q", name, got)
		}
	}
	if got, want := listDir(t, outside), []string{"secret.md"}; !slices.Equal(got, want) {
		t.Errorf("outside holds %q, want %q", got, want)
	}

	// Nor into .git, which is git's, not the pull request's.
	var outsideErr *OutsideError
	err := WriteAtomic(filepath.Join(repo, "config.md"), []byte("old\n"), []byte("new\n"))
	if !errors.As(err, &outsideErr) || !strings.Contains(err.Error(), "into the .git folder of ") {
		t.Errorf("config.md: err = %v, want an *OutsideError into .git", err)
	}
	if got := readFile(t, gitConfig); got != "old\n" {
		t.Errorf(".git/config was written: %q", got)
	}
	// Named itself, it is the user's choice.
	if err := WriteAtomic(gitConfig, []byte("old\n"), []byte("new\n")); err != nil {
		t.Errorf("named itself: %v", err)
	}

	// Named itself, the file is written.
	if err := WriteAtomic(secret, []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}

	// Within the repository, a link is written through to its target.
	target := filepath.Join(repo, "shared", "common.md")
	writeFile(t, target, "old\n", 0o644)
	linkOrSkip(t, "shared/common.md", filepath.Join(repo, "common.md"))
	if err := WriteAtomic(filepath.Join(repo, "common.md"), []byte("old\n"), []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, target); got != "new\n" {
		t.Errorf("target holds %q, want %q", got, "new\n")
	}
}

// Outside any repository, a link may lead anywhere under the working folder
// (for a file under it), or under the file's own folder.
func TestWriteAtomicRefusesALinkOutOfTheFolderOutsideRepositories(t *testing.T) {
	tmp := t.TempDir()
	for _, d := range []string{"work/reports", "elsewhere"} {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := source.RepoRoot(filepath.Join(tmp, "work")); ok {
		t.Skip("the temporary folder is inside a git repository")
	}
	writeFile(t, filepath.Join(tmp, "work/notes.md"), "old\n", 0o644)
	writeFile(t, filepath.Join(tmp, "elsewhere/secret.md"), "old\n", 0o644)
	linkOrSkip(t, "../notes.md", filepath.Join(tmp, "work/reports/notes.md"))
	linkOrSkip(t, "../../elsewhere/secret.md", filepath.Join(tmp, "work/reports/secret.md"))

	t.Chdir(filepath.Join(tmp, "work"))
	if err := WriteAtomic("reports/notes.md", []byte("old\n"), []byte("new\n")); err != nil {
		t.Errorf("a link within the working folder: %v", err)
	}
	var outsideErr *OutsideError
	if err := WriteAtomic("reports/secret.md", []byte("old\n"), []byte("new\n")); !errors.As(err, &outsideErr) || !strings.Contains(err.Error(), "outside the current folder") {
		t.Errorf("a link out of the working folder: err = %v, want an *OutsideError", err)
	}

	// From elsewhere, a file's own folder bounds it.
	t.Chdir(filepath.Join(tmp, "elsewhere"))
	writeFile(t, filepath.Join(tmp, "work/notes.md"), "old\n", 0o644)
	if err := WriteAtomic(filepath.Join(tmp, "work/reports/notes.md"), []byte("old\n"), []byte("new\n")); !errors.As(err, &outsideErr) || !strings.Contains(err.Error(), "outside its folder") {
		t.Errorf("a link out of its folder: err = %v, want an *OutsideError", err)
	}
	if got := readFile(t, filepath.Join(tmp, "work/notes.md")); got != "old\n" {
		t.Errorf("notes.md was written: %q", got)
	}
}
