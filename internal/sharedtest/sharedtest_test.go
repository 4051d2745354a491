package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Sample reads the file the relative path from this folder names, and a
// name that is not there skips rather than fails.
func TestSample(t *testing.T) {
	want, err := os.ReadFile("../../../shared/samples/osac-mali-2024.txt")
	if err != nil {
		t.Skip("no shared samples:", err)
	}
	if got := Sample(t, "osac-mali-2024.txt"); string(got) != string(want) {
		t.Errorf("Sample gave %d bytes, want the %d of the file", len(got), len(want))
	}
	if _, err := os.Stat(filepath.Join(root(t), "go.mod")); err != nil {
		t.Errorf("root: %v", err)
	}
	t.Run("absent", func(t *testing.T) {
		defer func() {
			if !t.Skipped() {
				t.Error("an absent sample did not skip the test")
			}
		}()
		Sample(t, "no-such-sample.txt")
	})
}
