package checks

import (
	"fmt"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/suggest"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/outline"
)

var RequiredSection = &lint.Rule{
	ID:       "required-section",
	TextOnly: true,
	Level:    lint.Error,
	Summary:  "every section the profile requires is present, and no heading misspells a known one",
	Doc: `The profile lists the sections a report of its kind must have (rules/profiles/*.yaml, keys
"sections" and "required"). A heading counts when it matches a section's name or one of its
aliases, ignoring case, punctuation and "&" for "and". Every missing section is reported, at the
place it should be: the heading of the next expected section the report has, or the report's
end. When a heading matches no known section but nearly names a missing one, the finding is at
that heading, with "did you mean".

A heading one or two letters away from any section the profile knows, required or not
("Kidnaping Threat" for "Kidnapping Threat"), is reported too, with "did you mean" naming the
section as the profile writes it: a misspelt heading is an unknown section, which no other
rule (order, duplicates) and no diff can align. Such a finding is a warning (or the rule's
level, if that is lower): no required section is missing.`,
	Bad:  "Crme\n\nStreet crime is common in the capital.",
	Good: "Crime\n\nStreet crime is common in the capital.",
	Run:  runRequiredSection,
}

func runRequiredSection(pass *lint.Pass) {
	specs := pass.Profile.All()
	country := pass.Doc.Country.Value
	heads := outline.ProfileHeadings(pass)
	suggested := map[*document.Section]bool{}
	// A title that names a section is its heading: the first page's own
	// heading ("Warnings and insurance") opens a government's joined pages.
	titled := pass.Profile.MatchSection(pass.Doc.Title.Value, country)
	for _, m := range outline.MissingFrom(heads, specs, country, pass.File.Text) {
		if titled != nil && m.Spec == titled {
			continue
		}
		name := m.Name
		if m.Suggestion != nil {
			suggested[m.Suggestion] = true
			pass.Report(lint.Finding{
				Span:    m.Suggestion.Heading,
				Message: fmt.Sprintf("heading %q names no known section; did you mean the required section %q?", m.Suggestion.Title.Value, name),
				Hint:    fmt.Sprintf("rename the heading %q", name),
			})
			continue
		}
		pass.Report(lint.Finding{
			Span:    m.At,
			Message: fmt.Sprintf("the report has no %q section", name),
			Hint:    requiredHint(m, name),
		})
	}

	// Any other unknown heading that misspells a known section. The
	// names are listed for the first such heading: most reports have none.
	var names []sectionName
	for _, h := range heads {
		if h.Spec != nil || suggested[h.Section] {
			continue
		}
		if names == nil {
			names = knownSectionNames(pass.Profile, specs, country)
		}
		if name, ok := misspelt(h.Section.Title.Value, names); ok {
			pass.Report(lint.Finding{
				// A misspelt optional section leaves nothing required out:
				// worth fixing, not worth blocking a merge.
				Level:   min(pass.Level, lint.Warning),
				Span:    h.Section.Heading,
				Message: fmt.Sprintf("heading %q names no known section; did you mean %q?", h.Section.Title.Value, name),
				Hint:    fmt.Sprintf("rename the heading %q", name),
			})
		}
	}
}

func requiredHint(m outline.Missing, name string) string {
	if m.AtEnd {
		return fmt.Sprintf("add the section %q", name)
	}
	return fmt.Sprintf("add the section %q before this one", name)
}

// knownNames holds knownSectionNames's lists, made once for a profile and
// a country where each report made its own (about a thousand allocations a
// check of the real corpus). At most maxKnownNames are kept, so that a run
// over reports of many countries (or of made-up ones) holds a bounded
// amount; past that a report makes its own, as before.
var knownNames struct {
	mu sync.RWMutex
	m  map[knownNamesKey][]sectionName
}

type knownNamesKey struct {
	p       *profile.Profile
	country string
}

const maxKnownNames = 64

// knownSectionNames is sectionNames of every name of specs (p.All()) with
// country filled in, in their order. The list is shared: it must not be
// changed.
func knownSectionNames(p *profile.Profile, specs []*profile.Section, country string) []sectionName {
	k := knownNamesKey{p, country}
	knownNames.mu.RLock()
	names, ok := knownNames.m[k]
	knownNames.mu.RUnlock()
	if ok {
		return names
	}
	var all []string
	for _, spec := range specs {
		all = append(all, spec.Names(country)...)
	}
	names = sectionNames(all)
	knownNames.mu.Lock()
	defer knownNames.mu.Unlock()
	if knownNames.m == nil {
		knownNames.m = map[knownNamesKey][]sectionName{}
	}
	if len(knownNames.m) < maxKnownNames {
		knownNames.m[k] = names
	}
	return names
}

// sectionName is a known section name, normalized once for every heading
// misspelt compares with it.
type sectionName struct {
	name, key string
	runes     int // in key
}

func sectionNames(names []string) []sectionName {
	out := make([]sectionName, 0, len(names))
	for _, n := range names {
		k := profile.NormalizeTitle(n)
		out = append(out, sectionName{name: n, key: k, runes: utf8.RuneCountInString(k)})
	}
	return out
}

// misspelt finds the known name a heading is one or two letters away from
// (one, for a name of fewer than 8 letters, where two letters make another
// word), compared as profiles compare headings.
func misspelt(title string, names []sectionName) (string, bool) {
	// The key is made on the stack: t does not outlive the call, and most
	// headings' keys fit the 32 bytes Go converts there.
	var buf [128]byte
	t := string(profile.AppendTitle(buf[:0], title))
	tLen := utf8.RuneCountInString(t)
	best, bestDist := "", 3
	for _, n := range names {
		limit := 2
		if n.runes < 8 {
			limit = 1
		}
		// Only a distance below the best so far counts: the banded
		// computation stops as soon as it cannot be.
		limit = min(limit, bestDist-1)
		// The distance is at least the difference in length, as an edit
		// changes the length by one at most: most pairs of a heading and
		// a name need no table of edits.
		if diff := max(tLen-n.runes, n.runes-tLen); diff > limit {
			continue
		}
		if d := suggest.DistanceAtMost(t, n.key, limit); d > 0 && d <= limit {
			best, bestDist = n.name, d
		}
	}
	return best, best != ""
}
