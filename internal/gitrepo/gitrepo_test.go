package gitrepo

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestReadDiff(t *testing.T) {
	diff := `diff --git a/r.txt b/r.txt
index 1..2 100644
--- a/r.txt
+++ b/r.txt
@@ -3 +3 @@
-old
+new
@@ -10,0 +11,2 @@
+added one
+added two
@@ -20,3 +21,0 @@
-gone
diff --git a/gone.txt b/gone.txt
deleted file mode 100644
--- a/gone.txt
+++ /dev/null
@@ -1 +0,0 @@
-bye
diff --git "a/with\ttab.md" "b/with\ttab.md"
--- "a/with\ttab.md"
+++ "b/with\ttab.md"
@@ -1,0 +1 @@
+x
`
	c := &Changes{lines: map[string]map[int]bool{}, whole: map[string]bool{}}
	root := "/repo"
	if err := c.readDiff(root, []byte(diff)); err != nil {
		t.Fatal(err)
	}
	r := c.lines[filepath.Join(root, "r.txt")]
	for _, l := range []int{3, 11, 12, 21, 22} {
		if !r[l] {
			t.Errorf("line %d of r.txt should count as changed", l)
		}
	}
	for _, l := range []int{1, 2, 4, 10, 13, 20, 23} {
		if r[l] {
			t.Errorf("line %d of r.txt should not count as changed", l)
		}
	}
	if !c.lines[filepath.Join(root, "with\ttab.md")][1] {
		t.Errorf("quoted path not read: %v", c.lines)
	}
	if _, ok := c.lines[filepath.Join(root, "gone.txt")]; ok {
		t.Errorf("a deleted file has no new lines")
	}
	if _, _, err := newRange("@@ -1 +x @@"); err == nil {
		t.Errorf("a bad hunk header is an error")
	}
}

// A file that is in no repository is named in the error.
func TestChangedSinceForOutsideRepository(t *testing.T) {
	if _, err := git(".", "--version"); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	if _, err := git(dir, "rev-parse", "--show-toplevel"); err == nil {
		t.Skip("the temporary folder is inside a git repository")
	}
	f := filepath.Join(dir, "r.txt")
	_, err := ChangedSinceFor([]string{f}, "HEAD")
	if err == nil || !strings.HasPrefix(err.Error(), f+": ") || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("err = %v, want one naming %s", err, f)
	}
}
