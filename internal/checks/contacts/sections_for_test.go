package contacts

import (
	"slices"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/outline"
	"github.com/reportlint/reportlint/internal/profile"
)

// sectionsForGrown is sectionsFor as it was, its list grown a section at
// a time.
func sectionsForGrown(pass *lint.Pass, specs ...*profile.Section) []*document.Section {
	var out []*document.Section
	for _, h := range outline.ProfileHeadings(pass) {
		for _, s := range specs {
			if h.Spec == s {
				out = append(out, h.Section)
				break
			}
		}
	}
	return out
}

// TestSectionsForCounted: sectionsFor, counting first, lists the sections
// the old loop did, at its size, for each spec of the profile, none, nil
// and all, over the fixtures and the real corpus (when ../shared is there).
func TestSectionsForCounted(t *testing.T) {
	found := 0
	forEachPass(t, func(path string, pass *lint.Pass, _ *document.Report, prof *profile.Profile) {
		sets := [][]*profile.Section{nil, {nil}, prof.All()}
		for _, s := range prof.All() {
			sets = append(sets, []*profile.Section{s})
		}
		for _, set := range sets {
			got, want := sectionsFor(pass, set...), sectionsForGrown(pass, set...)
			found += len(got)
			if !slices.Equal(got, want) || cap(got) != len(got) {
				t.Errorf("%s: %d specs: %d sections (cap %d), want %d", path, len(set), len(got), cap(got), len(want))
			}
		}
	})
	if found == 0 {
		t.Error("no section found: the test compared nothing")
	}
}
