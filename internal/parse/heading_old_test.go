package parse

import (
	"testing"

	"github.com/reportlint/reportlint/internal/profile"
)

// oldTextHeading is textHeading before it asked about header lines last.
func oldTextHeading(line string, prof *profile.Profile, country string, hp *headerReader, inHeader bool) (*profile.Section, bool) {
	if line == "" || longerThan(line, maxHeadingRunes) {
		return nil, false
	}
	if hp.isHeaderLine(line) {
		return nil, false
	}
	if spec := prof.MatchSection(stripEmphasis(line), country); spec != nil && !continuesSentence(line) {
		return spec, true
	}
	return nil, headingShape(line) && !(inHeader && hp.isCountryLine(line))
}

// FuzzTextHeading holds textHeading to the old order of its questions,
// with every built-in profile, in and out of the header.
func FuzzTextHeading(f *testing.F) {
	for _, s := range []string{
		"Crime", "**Terrorism**", "Mali Country Security Report", "Published: March 3, 2024",
		"Mali Travel Advisory", "Mali", "kidnapping.", "3.1 Kidnapping Threat", "Travel Advisory July 31, 2023",
		"Embassy & Consulate Contact Information", "## Crime ##", "Political Violence and Civil Unrest",
	} {
		f.Add(s, "Mali", true)
		f.Add(s, "", false)
	}
	set := profile.Default()
	var profs []*profile.Profile
	for _, name := range profile.BuiltinNames() {
		if p, ok := set.Get(name); ok {
			profs = append(profs, p)
		}
	}
	if len(profs) == 0 {
		f.Fatal("no built-in profiles")
	}
	f.Fuzz(func(t *testing.T, line, country string, inHeader bool) {
		for _, prof := range profs {
			hp := newHeaderReader(prof)
			spec, ok := textHeading(line, prof, country, hp, inHeader)
			wantSpec, wantOK := oldTextHeading(line, prof, country, hp, inHeader)
			if spec != wantSpec || ok != wantOK {
				t.Errorf("%s: textHeading(%q, %q, %v) = %v, %v; want %v, %v", prof.Name, line, country, inHeader, spec, ok, wantSpec, wantOK)
			}
		}
	})
}
