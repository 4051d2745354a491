package gitrepo

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTopOf(t *testing.T) {
	tmp := t.TempDir()
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

	for _, c := range []struct{ path, want string }{
		{"repo/a.md", "repo"},
		{"repo/reports/b.md", "repo"},
		{"repo/reports/deep/c.md", "repo/reports/deep"},
		{"repo/sub/d.md", "repo/sub"},
		{"repo/to-other/e.md", "repo"},
		{"repo/to-other/x/e.md", "repo"},
		{"repo/to-outside/f.md", "repo"},
		{"repo/sub/to-other/g.md", "repo/sub"},
		{"in-none/h.md", "in-none"},
		{"other/x/i.md", "other"},
		{"plain/y/j.md", ""},
	} {
		top, ok := TopOf(filepath.Join(tmp, c.path))
		want := ""
		if c.want != "" {
			want = filepath.Join(tmp, c.want)
		}
		if top != want || ok != (want != "") {
			t.Errorf("TopOf(%s) = %q, %v; want %q", c.path, top, ok, want)
		}
	}

	// A relative path is looked up from the working folder.
	t.Chdir(filepath.Join(tmp, "repo/reports"))
	if top, ok := TopOf("b.md"); !ok || top != filepath.Join(tmp, "repo") {
		t.Errorf("TopOf(b.md) = %q, %v; want the repository", top, ok)
	}
}
