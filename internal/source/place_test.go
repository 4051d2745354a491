package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadAllLimit(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, ".reportlint.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("#\n", 1<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadAll(big, Configuration)
	want := big + ": is 2 MiB, over the 1 MiB limit for a configuration file; check that it is the file you meant"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if data, err := ReadAll(big, Baseline); err != nil || len(data) != 2<<20 {
		t.Errorf("under the limit: %d bytes, %v", len(data), err)
	}
	huge := filepath.Join(dir, "huge.json")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	// A sparse file: refused by its size, before a byte is read.
	if err := os.Truncate(huge, 3<<30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	if _, err := ReadAll(huge, Baseline); err == nil || err.Error() != huge+": is 3 GiB, over the 64 MiB limit for a baseline; fix some of the old findings, or check the folders in separate runs, each with its own baseline" {
		t.Errorf("huge: %v", err)
	}
	if _, err := ReadAll(dir, Schema); err == nil || err.Error() != dir+": is a folder; name a file" {
		t.Errorf("folder: %v", err)
	}
}

func symlinks(t *testing.T, links map[string]string) {
	t.Helper()
	for link, target := range links {
		if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, link); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
}

// Resolve follows links as the system does, also where the path ends at
// nothing, so that a broken link is judged by where it leads.
func TestResolve(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "repo", "deep", "er"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	symlinks(t, map[string]string{
		filepath.Join(dir, "repo", "up.txt"):        "../secret",
		filepath.Join(dir, "repo", "abs.txt"):       filepath.Join(dir, "secret"),
		filepath.Join(dir, "repo", "gone.txt"):      "../missing/file",
		filepath.Join(dir, "repo", "deeplink"):      "deep/er",
		filepath.Join(dir, "repo", "dotdot.txt"):    "deeplink/../../secret", // ".." after a link leaves its target
		filepath.Join(dir, "repo", "chain.txt"):     "up.txt",
		filepath.Join(dir, "repo", "loop.txt"):      "loop.txt",
		filepath.Join(dir, "repo", "deep", "x.txt"): "../inside.txt",
	})
	for link, want := range map[string]string{
		"up.txt":       filepath.Join(dir, "secret"),
		"abs.txt":      filepath.Join(dir, "secret"),
		"gone.txt":     filepath.Join(dir, "missing", "file"),
		"dotdot.txt":   filepath.Join(dir, "repo", "secret"),
		"chain.txt":    filepath.Join(dir, "secret"),
		"deep/x.txt":   filepath.Join(dir, "repo", "inside.txt"),
		"nothing/here": filepath.Join(dir, "repo", "nothing", "here"),
	} {
		got, err := Resolve(filepath.Join(dir, "repo", link))
		if err != nil || got != want {
			t.Errorf("Resolve(%s) = %q, %v; want %q", link, got, err, want)
		}
	}
	if _, err := Resolve(filepath.Join(dir, "repo", "loop.txt")); !errors.Is(err, ErrLinkLoop) {
		t.Errorf("a loop: err = %v", err)
	}

	// A ".." after a link in the path itself leaves the link's target,
	// as the system takes it, whether the path is absolute or relative:
	// removed as text first, it would name another file than the one
	// the system opens.
	raw := func(parts ...string) string { return strings.Join(parts, string(filepath.Separator)) } // not cleaned
	t.Chdir(filepath.Join(dir, "repo"))
	for path, want := range map[string]string{
		raw(dir, "repo", "deeplink", "..", "x.txt"): filepath.Join(dir, "repo", "inside.txt"),
		raw(".", "deeplink", "..", "x.txt"):         filepath.Join(dir, "repo", "inside.txt"),
		raw("deeplink", "..", "..", "..", "secret"): filepath.Join(dir, "secret"),
		raw("deeplink", "..", "..", "up.txt"):       filepath.Join(dir, "secret"),
	} {
		got, err := Resolve(path)
		if err != nil || got != want {
			t.Errorf("Resolve(%s) = %q, %v; want %q", path, got, err, want)
		}
		// Where the file exists, it is the one the system opens.
		if opened, err := os.Stat(path); err == nil {
			if named, err := os.Stat(got); err != nil || !os.SameFile(opened, named) {
				t.Errorf("Resolve(%s) = %q, not the file the system opens", path, got)
			}
		}
	}
	// Past a name that does not exist, the rest is kept as written: the
	// system would find nothing there, ".." or not.
	if got, err := Resolve(raw(dir, "repo", "nothing", "..", "up.txt")); err != nil || got != raw(dir, "repo", "nothing", "..", "up.txt") {
		t.Errorf("past a missing name: %q, %v", got, err)
	}
	// Under a file, nothing exists either.
	if got, err := Resolve(filepath.Join(dir, "secret", "x")); err != nil || got != filepath.Join(dir, "secret", "x") {
		t.Errorf("under a file: %q, %v", got, err)
	}
}

// Join keeps every "..", which after a link means something else than
// cleaning the path as text says.
func TestJoin(t *testing.T) {
	for _, c := range []struct{ dir, name, want string }{
		{"/w/repo", "packs/x.yaml", "/w/repo/packs/x.yaml"},
		{"/w/repo", "./packs//x.yaml", "/w/repo/packs/x.yaml"},
		{"/w/repo", "L/../x.yaml", "/w/repo/L/../x.yaml"},
		{"/w/repo", "../x.yaml", "/w/repo/../x.yaml"},
		{"/w/repo", "/etc/L/../x", "/etc/L/../x"},
		{"/", "x", "/x"},
	} {
		if got := Join(filepath.FromSlash(c.dir), filepath.FromSlash(c.name)); got != filepath.FromSlash(c.want) {
			t.Errorf("Join(%s, %s) = %q, want %q", c.dir, c.name, got, c.want)
		}
	}
}

func TestLocate(t *testing.T) {
	root, other := filepath.FromSlash("/w/repo"), filepath.FromSlash("/w/shared")
	for p, want := range map[string]Place{
		"/w/repo/a/b.txt":         Inside,
		"/w/repo":                 Inside,
		"/w/repo/.github/x.json":  Hidden,
		"/w/repo/a/.env":          Hidden,
		"/w/repo/.git/config":     InGit,
		"/w/repo/sub/.git/config": InGit,
		"/w/repo/.GIT/config":     InGit, // the same folder where names fold case
		"/w/repo/.git./config":    InGit,
		"/w/shared/x.yaml":        Allowed,
		"/w/repository/x":         Outside,
		"/etc/passwd":             Outside,
	} {
		if got := Locate(filepath.FromSlash(p), []string{root}, []string{other}); got != want {
			t.Errorf("Locate(%s) = %d, want %d", p, got, want)
		}
	}
	// The first root that holds the path judges it: a walk of a hidden
	// folder reads the files in it.
	walked := filepath.FromSlash("/w/repo/.github/reports")
	if got := Locate(filepath.FromSlash("/w/repo/.github/reports/r.md"), []string{walked, root}, nil); got != Inside {
		t.Errorf("a file in the hidden folder walked: %d, want Inside", got)
	}
}

func TestRepoRoot(t *testing.T) {
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	mk := func(dirs ...string) {
		for _, d := range dirs {
			if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	link := func(name, to string) {
		if err := os.Symlink(to, filepath.Join(tmp, name)); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	mk("repo/.git", "repo/reports/deep", "repo/sub/.git", "other/.git", "other/x", "plain/y", "linked/.git", "outside")
	// A worktree or submodule has a .git file, not a folder.
	if err := os.WriteFile(filepath.Join(tmp, "repo/reports/deep/.git"), []byte("gitdir: ../../.git/modules/deep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link("repo/to-other", "../other")        // a folder of the repository leading to another one
	link("repo/to-outside", "../outside")    // and to a folder in none
	link("repo/sub/to-other", "../../other") // from within a nested repository
	link("in-none", "linked")                // a repository reached through a link from no repository

	for _, c := range []struct{ dir, want string }{
		{"repo", "repo"},
		{"repo/reports", "repo"},
		{"repo/reports/deep", "repo/reports/deep"},
		{"repo/sub", "repo/sub"},
		{"repo/to-other", "repo"},
		{"repo/to-other/x", "repo"},
		{"repo/to-outside", "repo"},
		{"repo/sub/to-other", "repo/sub"},
		{"in-none", "linked"}, // resolved
		{"other/x", "other"},
		{"plain/y", ""},
	} {
		root, ok := RepoRoot(filepath.Join(tmp, c.dir))
		want := ""
		if c.want != "" {
			want = filepath.Join(tmp, c.want)
		}
		if root != want || ok != (want != "") {
			t.Errorf("RepoRoot(%s) = %q, %v; want %q", c.dir, root, ok, want)
		}
	}

	// A relative path is looked up from the working folder.
	t.Chdir(filepath.Join(tmp, "repo/reports"))
	if root, ok := RepoRoot("deep/.."); !ok || root != filepath.Join(tmp, "repo") {
		t.Errorf("RepoRoot(deep/..) = %q, %v; want the repository", root, ok)
	}
}
