package fixes

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
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
