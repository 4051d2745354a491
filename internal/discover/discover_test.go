package discover

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b/z.md", "b/a.txt", "a.json", ".hidden/x.txt", "b/.git/y.txt", "notes.pdf", "drafts/d.md", ".dot.txt"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, errs := Expand([]string{dir, filepath.Join(dir, "a.json"), "-", filepath.Join(dir, "missing.txt")}, Options{Ignore: func(p string) bool { return filepath.Base(filepath.Dir(p)) == "drafts" }})
	var got []string
	for _, i := range in {
		got = append(got, strings.TrimPrefix(filepath.ToSlash(i.Path), filepath.ToSlash(dir)+"/"))
	}
	want := []string{"a.json", "b/a.txt", "b/z.md", "-"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("inputs = %q, want %q", got, want)
	}
	if !in[3].Stdin {
		t.Errorf("- is not standard input")
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "missing.txt: no such file") {
		t.Errorf("errors = %v", errs)
	}
}

func TestExpandSymlinkLoopEnds(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink(dir, filepath.Join(dir, "loop")); err != nil {
		t.Skip(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "r.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	in, _ := Expand([]string{dir}, Options{})
	if len(in) != 1 {
		t.Errorf("inputs = %v, want r.txt once", in)
	}
}

// A folder named through a link is walked; links inside a walk are not
// followed into folders, even one named like a report, so a loop ends.
func TestExpandSymlinks(t *testing.T) {
	dir := t.TempDir()
	reports := filepath.Join(dir, "reports")
	if err := os.MkdirAll(filepath.Join(reports, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(reports, "sub", "r.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{
		filepath.Join(dir, "link"):              reports,         // the folder given through a link
		filepath.Join(reports, "sub", "up"):     "..",            // a loop
		filepath.Join(reports, "folder.md"):     "sub",           // a folder named like a report
		filepath.Join(reports, "same.txt"):      "sub/r.txt",     // a file: taken
		filepath.Join(reports, "dangling.md"):   "gone.md",       // broken: kept, reading says so
		filepath.Join(reports, "self-loop.txt"): "self-loop.txt", // a link to itself: kept likewise
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Skip(err)
		}
	}
	in, errs := Expand([]string{filepath.Join(dir, "link")}, Options{})
	var got []string
	for _, i := range in {
		got = append(got, strings.TrimPrefix(filepath.ToSlash(i.Path), filepath.ToSlash(dir)+"/"))
	}
	want := []string{"link/dangling.md", "link/same.txt", "link/self-loop.txt", "link/sub/r.txt"}
	if !reflect.DeepEqual(got, want) || len(errs) != 0 {
		t.Errorf("inputs = %q, errors %v; want %q", got, errs, want)
	}
}

// A folder is named however the user likes ("." or "./reports", twice),
// and only one that holds no report is an error.
func TestExpandFolderSpellings(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"reports/a.txt", "empty/notes.pdf"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, args := range [][]string{{"."}, {"./reports"}, {"reports/"}, {"reports", "./reports"}, {"reports/a.txt", "reports"}} {
		in, errs := Expand(args, Options{})
		if len(errs) != 0 || len(in) != 1 || filepath.Clean(in[0].Path) != filepath.Join("reports", "a.txt") {
			t.Errorf("Expand(%q) = %v, %v; want reports/a.txt alone and no error", args, in, errs)
		}
	}
	_, errs := Expand([]string{"empty", "reports"}, Options{})
	if len(errs) != 1 || errs[0].Error() != "empty: no reports found (looked for .txt .md .markdown .json .yaml .yml)" {
		t.Errorf("an empty folder gives %v", errs)
	}
}
