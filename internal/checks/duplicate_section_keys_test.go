package checks

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// FuzzDuplicateSectionKeys: duplicate-section, with every title's key made
// once in one string and a few siblings compared on the stack, reports what
// it did when it normalised each title (and its parent's) alone and kept
// the siblings in a map (runDuplicateSectionMaps).
func FuzzDuplicateSectionKeys(f *testing.F) {
	f.Add("# Health\n\n## Health\n\nx\n\n## Crime\n\ny\n\n## Crime\n\nz\n\n## Terrorism\n\n## crime!\n", uint8(0))
	f.Add("Crime\n\nx\n\nTerrorism\n\ny\n\nCrime\n\nz", uint8(4))
	f.Add("# A\n\n## B\n\n## C\n\n## D\n\n## E\n\n## F\n\n## G\n\n## H\n\n## I\n\n## J\n\n## B\n\n## Useful links\n\n## Useful links\n", uint8(2))
	f.Add("# Kenya\n\n## Kenya\n\n### Kenya\n\n## Kenya\n\n## 1. Crime\n\n## Crime & Safety\n\n## Crime and safety\n", uint8(1))
	names := []string{"generic", "osac-csr", "fcdo", "canada", "dfa-ireland", "smartraveller", "travel-advisory"}
	f.Fuzz(func(t *testing.T, text string, which uint8) {
		if len(text) > 4000 {
			return
		}
		prof, ok := profile.Default().Get(names[int(which)%len(names)])
		if !ok {
			t.Fatal("no profile")
		}
		file, err := source.New("fuzz.md", []byte(text))
		if err != nil {
			return
		}
		r, err := parse.Parse(file, parse.Options{})
		if err != nil {
			return
		}
		if got, want := findingsBy(DuplicateSection, file, r, prof, runDuplicateSection), findingsBy(DuplicateSection, file, r, prof, runDuplicateSectionMaps); !slices.Equal(got, want) {
			t.Errorf("%q:\n%s\nwant\n%s", text, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// runDuplicateSectionMaps is runDuplicateSection as it was.
func runDuplicateSectionMaps(pass *lint.Pass) {
	country := pass.Doc.Country.Value
	firstKnown := map[*profile.Section]*document.Section{}
	report := func(s, first *document.Section) {
		line := pass.File.Position(first.Heading.Start).Line
		pass.Report(lint.Finding{Span: s.Heading, Message: fmt.Sprintf("section %q repeats %q (line %d)", s.Title.Value, first.Title.Value, line), Hint: "merge the two sections"})
	}
	var walk func([]*document.Section, *document.Section)
	walk = func(ss []*document.Section, parent *document.Section) {
		siblings := map[string]*document.Section{}
		for i, s := range ss {
			key := profile.NormalizeTitle(s.Title.Value)
			if i == 0 && parent != nil && key != "" && key == profile.NormalizeTitle(parent.Title.Value) {
				walk(s.Sections, s)
				continue
			}
			if spec := pass.Profile.MatchSection(s.Title.Value, country); spec != nil {
				if first, dup := firstKnown[spec]; dup {
					report(s, first)
				} else {
					firstKnown[spec] = s
				}
			} else if first, dup := siblings[key]; dup && key != "" && first.Level == s.Level && !sameNameAllowed(pass, ss, first, s) {
				report(s, first)
			}
			if _, seen := siblings[key]; !seen {
				siblings[key] = s
			}
			walk(s.Sections, s)
		}
	}
	walk(pass.Doc.Sections, nil)
}
