// Package contacts holds the rules about a report's contact details: phone
// numbers, emails, opening hours, the embassy block and the emergency number.
// They read the contacts extraction found (document.Report.Contacts); what a
// report's contact block must give is data in its profile (keys "contacts"
// and "emergency" in rules/profiles/*.yaml).
package contacts

import (
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/outline"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/vocab"
)

// Rules returns the rules of this package.
func Rules() []*lint.Rule {
	return []*lint.Rule{
		PhoneFormat,
		EmailFormat,
		HoursFormat,
		EmbassyContact,
		EmergencyNumber,
	}
}

// reportCountry is the table's entry for the country the report is about.
func reportCountry(pass *lint.Pass) (countries.Country, bool) {
	if pass.Doc.Country.Value == "" {
		return countries.Country{}, false
	}
	return countries.Default().Lookup(pass.Doc.Country.Value)
}

// sectionsFor lists the report's sections that name one of specs, in
// document order.
func sectionsFor(pass *lint.Pass, specs ...*profile.Section) []*document.Section {
	heads := outline.ProfileHeadings(pass)
	named := func(h outline.Heading) bool {
		return slices.Contains(specs, h.Spec)
	}
	// Counted first, and the list made at its size: grown a section at a
	// time, it was a few allocations a rule, for every report.
	n := 0
	for _, h := range heads {
		if named(h) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]*document.Section, 0, n)
	for _, h := range heads {
		if named(h) {
			out = append(out, h.Section)
		}
	}
	return out
}

// contactsIn yields, in order, the contacts that lie within one of the
// sections. A JSON or YAML report lists its contacts apart from its
// sections, so there every contact of the report counts. They are yielded,
// not listed: the lists were a copy of most contacts of every report, made
// twice a check (embassy-contact, emergency-number).
func contactsIn(pass *lint.Pass, sections []*document.Section) iter.Seq[*document.Contact] {
	return func(yield func(*document.Contact) bool) {
		for i := range pass.Doc.Contacts {
			c := &pass.Doc.Contacts[i]
			if pass.Doc.Data == nil && !slices.ContainsFunc(sections, func(s *document.Section) bool { return s.Span.Contains(c.Span) }) {
				continue
			}
			if !yield(c) {
				return
			}
		}
	}
}

// valueSource maps a byte range of a contact's value to a source span: the
// value itself where the source holds it as written, else the whole contact.
func valueSource(pass *lint.Pass, c document.Contact, start, end int) document.Span {
	text := pass.File.Text
	if c.Span.Start >= 0 && c.Span.End <= len(text) && c.Span.Start <= c.Span.End &&
		text[c.Span.Start:c.Span.End] == c.Value && end <= len(c.Value) {
		return document.Span{Start: c.Span.Start + start, End: c.Span.Start + end}
	}
	return c.Span
}

// countryName is a country's name as it reads mid-sentence: "Mali", "the
// United States", "the Bahamas".
func countryName(name string) string {
	if rest, ok := strings.CutPrefix(name, "The "); ok {
		return "the " + rest
	}
	switch {
	case strings.HasPrefix(name, "United "), strings.HasPrefix(name, "U.S. "),
		strings.Contains(name, "Republic"), strings.HasSuffix(name, " Islands"):
		return "the " + name
	}
	switch name {
	case "Netherlands", "Philippines", "Maldives", "Comoros", "Holy See", "Seychelles":
		return "the " + name
	}
	return name
}

// possessive is "France's", "the United States'".
func possessive(name string) string {
	name = countryName(name)
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// quoteList is `"A"`, `"A" or "B"`, `"A", "B" or "C"` with the given
// conjunction, each quoted as %q quotes it: a title holding a quote mark
// cannot end its quotation early.
func quoteList(items []string, conj string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = strconv.Quote(s)
	}
	return joinList(q, conj)
}

func joinList(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// kindNoun names what a contact kind is, for messages.
var kindNoun = map[document.ContactKind]string{
	document.ContactPhone:     "phone number",
	document.ContactEmergency: "emergency number",
	document.ContactFax:       "fax number",
	document.ContactEmail:     "email address",
	document.ContactAddress:   "postal address",
	document.ContactHours:     "opening hours",
	document.ContactWebsite:   "website",
}

// postClosed: a paragraph of the report says that the post has suspended its
// operations (post-closed in rules/data/vocabulary.yaml), so that its contact
// block has no address or number to give. Two rules ask; the report is read
// once.
func postClosed(pass *lint.Pass) bool {
	return pass.Shared("contacts.postClosed", func() any { return readPostClosed(pass) }).(bool)
}

func readPostClosed(pass *lint.Pass) bool {
	v := vocab.Default()
	var closed func([]*document.Section) bool
	closed = func(ss []*document.Section) bool {
		for _, s := range ss {
			for _, p := range s.Paragraphs {
				if v.PostIsClosed(p.Text) {
					return true
				}
			}
			if closed(s.Sections) {
				return true
			}
		}
		return false
	}
	return closed(pass.Doc.Sections)
}
