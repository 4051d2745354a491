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
		filepath.Join(reports, "self-loop.txt"): "self-loop.txt", // a link to itself: an error, never read
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
	want := []string{"link/dangling.md", "link/same.txt", "link/sub/r.txt"}
	if !reflect.DeepEqual(got, want) || len(errs) != 1 || errs[0].Error() != filepath.Join(dir, "link", "self-loop.txt")+": too many levels of symbolic links" {
		t.Errorf("inputs = %q, errors %v; want %q and the loop named", got, errs, want)
	}
	// A link taken is read where it was judged to lead: its target,
	// resolved; a file that is no link by its own name.
	real, err := filepath.EvalSymlinks(reports)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range in {
		var want string
		switch filepath.Base(i.Path) {
		case "dangling.md":
			want = filepath.Join(real, "gone.md")
		case "same.txt":
			want = filepath.Join(real, "sub", "r.txt")
		}
		if i.Target != want {
			t.Errorf("%s: target %q, want %q", i.Path, i.Target, want)
		}
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

// A walk takes a link only where it leads inside the folder walked, or
// inside the repository that holds it, and not into a hidden folder or
// file; the others are skipped with a note, and are no error.
// --follow-symlinks and --allow-outside take them back.
func TestExpandLinksLeadingOut(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"secret.json":               "{}",
		"home/.docker/config.json":  "{}",
		"repo/.env.txt":             "TOKEN=x",
		"repo/shared/common.md":     "x",
		"repo/reports/r.txt":        "x",
		"outside-but-allowed/a.txt": "x",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reports := filepath.Join(dir, "repo", "reports")
	for link, target := range map[string]string{
		"abs.json":     filepath.Join(dir, "secret.json"),
		"up.json":      "../../secret.json",
		"docker.json":  "../../home/.docker/config.json",
		"gone.json":    "../../home/.aws/credentials.json", // nothing there: skipped all the same
		"git.txt":      "../.git/config",
		"env.txt":      "../.env.txt",
		"chain.txt":    "up.json",
		"shared.md":    "../shared/common.md", // elsewhere in the repository: taken
		"same.txt":     "r.txt",
		"allowed.txt":  "../../outside-but-allowed/a.txt",
		"dangling.txt": "nothing.txt", // inside: kept, reading says so
	} {
		if err := os.Symlink(target, filepath.Join(reports, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	rel := func(in []Input) []string {
		var out []string
		for _, i := range in {
			out = append(out, filepath.Base(i.Path))
		}
		return out
	}

	// Not yet a repository: the folder walked is the bound.
	var notes []string
	in, errs := Expand([]string{reports}, Options{Note: func(m string) { notes = append(notes, m) }})
	if want := []string{"dangling.txt", "r.txt", "same.txt"}; !reflect.DeepEqual(rel(in), want) || len(errs) != 0 {
		t.Errorf("outside a repository: inputs %q, errors %v; want %q", rel(in), errs, want)
	}
	want := filepath.Join(reports, "abs.json") + ": a symbolic link that leads outside the folder checked; --follow-symlinks follows it"
	if len(notes) != 9 || notes[0] != "skipped "+want {
		t.Errorf("notes = %q\nwant 9, the first %q", notes, "skipped "+want)
	}

	// In a repository, the repository is the bound.
	if err := os.Mkdir(filepath.Join(dir, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "repo", ".git", "config"), []byte("[core]"), 0o644); err != nil {
		t.Fatal(err)
	}
	notes = nil
	in, _ = Expand([]string{reports}, Options{Note: func(m string) { notes = append(notes, m) }})
	if want := []string{"dangling.txt", "r.txt", "same.txt", "shared.md"}; !reflect.DeepEqual(rel(in), want) {
		t.Errorf("in a repository: inputs %q, want %q", rel(in), want)
	}
	got := strings.Join(notes, "\n")
	for _, w := range []string{
		"skipped " + filepath.Join(reports, "docker.json") + ": a symbolic link that leads outside the repository; --follow-symlinks follows it",
		"skipped " + filepath.Join(reports, "gone.json") + ": a symbolic link that leads outside the repository",
		"skipped " + filepath.Join(reports, "git.txt") + ": a symbolic link into .git",
		"skipped " + filepath.Join(reports, "env.txt") + ": a symbolic link to a hidden file or folder",
		"skipped " + filepath.Join(reports, "chain.txt") + ": a symbolic link that leads outside the repository",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("notes lack %q:\n%s", w, got)
		}
	}

	in, _ = Expand([]string{reports}, Options{AllowOutside: []string{filepath.Join(dir, "outside-but-allowed")}})
	if want := []string{"allowed.txt", "dangling.txt", "r.txt", "same.txt", "shared.md"}; !reflect.DeepEqual(rel(in), want) {
		t.Errorf("--allow-outside: inputs %q, want %q", rel(in), want)
	}
	in, _ = Expand([]string{reports}, Options{FollowSymlinks: true})
	if len(in) != 12 {
		t.Errorf("--follow-symlinks: inputs %q, want all 12", rel(in))
	}
	// Named on its own, a link is the user's choice.
	in, errs = Expand([]string{filepath.Join(reports, "abs.json")}, Options{Note: func(m string) { t.Errorf("note for a file named: %s", m) }})
	if len(in) != 1 || len(errs) != 0 {
		t.Errorf("a link named on its own: %v, %v", in, errs)
	}
}
