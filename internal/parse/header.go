package parse

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/dates"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
)

// headerReader reads the header lines at the top of a report (title,
// country line, "Published: …", "Travel Advisory July 31, 2023") into the
// report's metadata, using the profile's header patterns.
type headerReader struct {
	prof      *profile.Profile
	countries *countries.Table
}

func newHeaderReader(prof *profile.Profile) *headerReader {
	return &headerReader{prof: prof, countries: countries.Default()}
}

// isHeaderLine reports whether line is one of the profile's header lines,
// which are never section headings in a plain-text report.
func (h *headerReader) isHeaderLine(line string) bool {
	_, ok := h.prof.MatchHeader(stripEmphasis(line))
	return ok
}

// maxCountryLine is the longest line looked up as a country's name. The
// longest name in the table is some 50 bytes; a longer line (a paragraph,
// or a 5 MB line of text) is not a country, and splitting it into words to
// look it up would cost time and memory for nothing.
const maxCountryLine = 200

// isCountryLine reports whether line is nothing but a country's name.
func (h *headerReader) isCountryLine(line string) bool {
	_, ok := h.lookupCountry(stripEmphasis(line))
	return ok
}

// lookupCountry finds the country a short line names.
func (h *headerReader) lookupCountry(name string) (countries.Country, bool) {
	if len(name) > maxCountryLine {
		return countries.Country{}, false
	}
	return h.countries.Lookup(name)
}

// readLine reads one header line, src[start:end], filling what the report
// does not have yet.
func (h *headerReader) readLine(r *document.Report, src string, start, end int) {
	if r.Published.Value != "" && r.Country.Value != "" {
		return // a line fills only what is missing: nothing is
	}
	raw := src[start:end]
	line := stripEmphasis(raw)
	if line == "" {
		return
	}
	// Offsets of the stripped line within src.
	base := start + strings.Index(raw, line)
	if m, ok := h.prof.MatchHeader(line); ok {
		if m.Date != "" && r.Published.Value == "" {
			s := base + m.DateStart
			span := document.Span{Start: s, End: s + len(strings.TrimSpace(m.Date))}
			if d, ok := dates.Parse(m.Date); ok && d.Precision == document.PrecisionDay {
				r.Published = document.Text{Value: d.Value, Span: span}
			} else if date := strings.TrimSpace(m.Date); date != "" {
				// Kept as written ("February 30, 2024"), as front matter
				// keeps it: the schema then says what is wrong with it,
				// on its line, rather than that there is no date.
				r.Published = document.Text{Value: date, Span: span}
			}
		}
		if m.Country != "" && r.Country.Value == "" {
			s := base + m.CountryStart
			span := document.Span{Start: s, End: s + len(m.Country)}
			if c, ok := h.lookupCountry(m.Country); ok {
				r.Country = document.Text{Value: c.Name, Span: span}
			} else if name := strings.TrimSpace(m.Country); nameShaped(name) {
				// The header's place for the country names one the table
				// does not know (a group of territories, a new name): it
				// is still the report's country, as written, and the
				// parse says why nothing is known of it.
				r.Country = document.Text{Value: name, Span: span}
				r.Notes = append(r.Notes, document.Note{
					Fact:    "country",
					Message: fmt.Sprintf("%q is not in the country table (rules/data/countries.yaml): read as written; its calling code is not known", name),
					Span:    span,
				})
			}
		}
		return
	}
	if r.Country.Value == "" {
		if c, ok := h.lookupCountry(line); ok {
			r.Country = document.Text{Value: c.Name, Span: document.Span{Start: base, End: base + len(line)}}
		}
	}
}

// maxCountryWords bounds a name taken as written: the longest names in the
// table have six words ("Saint Vincent and the Grenadines" five).
const maxCountryWords = 6

// nameShaped reports whether s reads as a place's name: a few words, the
// first capitalised, some lower case (an all-capitals word is an acronym,
// "OSAC Country Security Report" names no country), no digits and no
// clause marks. A header pattern's country group may catch more than a
// name in a line of another shape.
func nameShaped(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxCountryWords {
		return false
	}
	first := []rune(words[0])[0]
	if !unicode.IsUpper(first) || !strings.ContainsFunc(s, unicode.IsLower) {
		return false
	}
	return !strings.ContainsAny(s, "0123456789:;()[]*#|") && !strings.Contains(s, " - ")
}
