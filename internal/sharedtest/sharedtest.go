// Package sharedtest reads for tests and benchmarks the files of ../shared
// next to the repository (the sample reports and the real corpus), which
// a clone elsewhere does not have: a test asking for one is skipped.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Sample is the content of ../shared/samples/name, found from the
// repository's root wherever in it the test runs; tb is skipped when the
// file is absent.
func Sample(tb testing.TB, name string) []byte {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(root(tb), "..", "shared", "samples", name))
	if err != nil {
		tb.Skip("no shared samples:", err)
	}
	return raw
}

// root is the folder of the repository's go.mod, above the test's own.
func root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("no go.mod above the test's folder")
		}
		dir = up
	}
}
