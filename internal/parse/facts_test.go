package parse

import (
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

// The facts of a converted web page are read as the page shows them. Each
// case is one class of conversion damage met on real advisories.

func reasonsOf(r *document.Report) []string {
	if r.Advisory == nil {
		return nil
	}
	var out []string
	for _, t := range r.Advisory.Reasons {
		out = append(out, t.Value)
	}
	return out
}

const advisoryHead = "# Mali Travel Advisory\n\n### Travel Advisory July 31, 2023\n\n### Mali - Level 4: Do Not Travel\n\n"

func TestReasonsAcrossConversionDamage(t *testing.T) {
	for _, tc := range []struct {
		name, path, line string
	}{
		// A no-break space (U+00A0) or a narrow one (U+202F) is a space:
		// otherwise "crime and kidnapping" is one reason no code names.
		{"no-break space", "a.txt", "Do not travel to Mali due to crime,\u00a0terrorism and\u00a0kidnapping."},
		{"narrow no-break space", "a.txt", "Do not travel to Mali due to crime, terrorism and\u202fkidnapping."},
		// The page lost the spaces around bold words.
		{"bold glued, text", "a.txt", "Do not travel to Mali due to**crime**,**terrorism**and**kidnapping**."},
		{"bold glued, markdown", "a.md", "Do not travel to Mali due to**crime**, **terrorism**and **kidnapping**."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseString(t, tc.path, advisoryHead+tc.line+"\n")
			want := []string{"crime", "terrorism", "kidnapping"}
			if got := reasonsOf(r); !slices.Equal(got, want) {
				t.Errorf("reasons = %q, want %q", got, want)
			}
		})
	}
}

// A glued space is added only between two words: punctuation after the
// bold keeps its place ("**crime**." is not "crime .").
func TestNoSpaceAddedBeforePunctuation(t *testing.T) {
	r := parseString(t, "a.txt", advisoryHead+"Do not travel to Mali due to **crime**.\n")
	if got := reasonsOf(r); !slices.Equal(got, []string{"crime"}) {
		t.Errorf("reasons = %q", got)
	}
	for _, s := range r.Sections {
		for _, p := range s.Paragraphs {
			if strings.Contains(p.Text, "crime .") {
				t.Errorf("space added before a full stop: %q", p.Text)
			}
		}
	}
}

// Other governments' pages put the date under its label, as a definition
// list ("Updated:" over ":   30 July 2026") or on the next line.
func TestGenericDateBelowItsLabel(t *testing.T) {
	for name, head := range map[string]string{
		"definition": "Updated:\n:   30 July 2026\n",
		"next line":  "Updated\n30 July 2026\n",
		"same line":  "Updated: 30 July 2026\n",
	} {
		t.Run(name, func(t *testing.T) {
			r := parseString(t, "a.md", "# Foreign travel advice\n\n"+head+"\n## Safety\n\nText.\n")
			if r.Published.Value != "2026-07-30" {
				t.Errorf("published = %q", r.Published.Value)
			}
		})
	}
}

// A title naming a place the country table does not know (a group of
// territories) still names the report's country: it is kept as written,
// the parse says why its calling code is unknown, and the level line that
// names the same place is the advisory's own.
func TestCountryNotInTable(t *testing.T) {
	r := parseString(t, "a.txt", "# Outer Testia Islands Travel Advisory\n\n### Travel Advisory August 22, 2024\n\n### Outer Testia Islands - Level 1: Exercise Normal Precautions\n\nExercise normal precautions in the Outer Testia Islands.\n")
	if r.Country.Value != "Outer Testia Islands" {
		t.Errorf("country = %q", r.Country.Value)
	}
	if r.Advisory == nil || r.Advisory.Level != 1 {
		t.Fatalf("advisory = %+v, want level 1", r.Advisory)
	}
	if len(r.Notes) != 1 || r.Notes[0].Fact != "country" {
		t.Errorf("notes = %+v, want one on the country", r.Notes)
	}
	// An all-capitals acronym title names no country.
	r = parseString(t, "b.txt", "OSAC Country Security Report\n\nText.\n")
	if r.Country.Value != "" || len(r.Notes) != 0 {
		t.Errorf("country = %q, notes = %+v", r.Country.Value, r.Notes)
	}
}
