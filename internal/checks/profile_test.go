package checks

import (
	"testing"

	"github.com/reportlint/reportlint/internal/profile"
)

func mustProfile(t *testing.T, name string) *profile.Profile {
	t.Helper()
	p, ok := profile.Default().Get(name)
	if !ok {
		t.Fatalf("no profile %s", name)
	}
	return p
}
