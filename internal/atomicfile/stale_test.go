package atomicfile

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// names lists what is in dir, sorted, so that a stray temporary file shows.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// Only a plain file named exactly as a temporary file is taken for a dead
// writer's: the rest is someone else's.
func TestWriteKeepsLookAlikes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	files := []string{
		".out.json.reportlint-123",            // os.CreateTemp's names, before
		".out.json.reportlint-12-34",          // no .tmp
		".out.json.reportlint-x1-34.tmp",      // not a process id
		".out.json.reportlint-12-34.tmp.orig", // more after
		".out.json.reportlint--34.tmp",        // no process id
		"out.json.reportlint-12-34.tmp",       // not hidden
		".out.json.reportlint-12-34.tmp~",     // an editor's backup
		".reportlint-12-34.tmp",               // of no file
		".out.json.reportlint-12-34-56.tmp",   // three numbers
		".out.json.reportlint-12-34.TMP",      // not .tmp
		"target.json",
	}
	for _, name := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	folder := ".out.json.reportlint-56-78.tmp" // a folder, not a file
	if err := os.Mkdir(filepath.Join(dir, folder), 0o700); err != nil {
		t.Fatal(err)
	}
	link := ".out.json.reportlint-90-12.tmp" // a link, whatever it points to
	if err := os.Symlink("target.json", filepath.Join(dir, link)); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(files), folder, link, "out.json")
	slices.Sort(want)
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
	for _, name := range files {
		if data, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(data) != name {
			t.Errorf("%s now holds %q (%v)", name, data, err)
		}
	}
}
