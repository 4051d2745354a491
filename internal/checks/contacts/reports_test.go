package contacts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// forEachPass parses the rule fixtures and the real corpus (when ../shared
// is there) and calls check with an embassy-contact pass over each report
// reportlint reads, its report and its profile.
func forEachPass(t *testing.T, check func(path string, pass *lint.Pass, r *document.Report, prof *profile.Profile)) {
	t.Helper()
	paths, _ := filepath.Glob("testdata/*/*")
	corpus, _ := filepath.Glob("../../../../shared/corpus/*/*")
	for _, path := range append(paths, corpus...) {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := source.New(path, raw)
		if err != nil {
			continue // a fixture of bytes no report is made of
		}
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			continue
		}
		prof, ok := profile.Default().Get(r.Profile)
		if !ok {
			t.Fatalf("%s: no profile %s", path, r.Profile)
		}
		check(path, lint.NewPass(EmbassyContact, f, r, prof, linttest.DefaultAsOf, nil, lint.Warning, func(lint.Finding) {}), r, prof)
	}
}
