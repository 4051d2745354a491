package contacts

import (
	"fmt"
	"slices"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/vocab"
)

var EmbassyContact = &lint.Rule{
	ID:      "embassy-contact",
	Level:   lint.Warning,
	Summary: "the report's contact block gives what its profile requires",
	Doc: `A reader in trouble looks for the embassy's contact block, and expects to find there how to
reach it. The profile names the section that holds the block and what it must give (key
"contacts" in rules/profiles/*.yaml): the OSAC Country Security Report an address, a phone
number and opening hours; the Travel Advisory an address, a phone number and an email; FCDO's
and Smartraveller's pages a phone number; Ireland's an address and a phone number; Canada's
"Need help?" page an address, a phone number and an email; the generic profile nothing. Each
missing kind is reported at the section's heading. A contact counts when it is recognisable: a
value after a label such as "Tel:", "Hours of Operation:" or "Email:" (or a label on its own
line, the value on the next), an address on the line after "U.S. Embassy <City>:" or on the
lines under a heading that names the post ("Embassy of Ireland, Kenya", "Australian High
Commission, Islamabad"), an email anywhere in the section. A report without the section at all
is the rule required-section's business, not this one's. A contact form linked under the Email
label counts as the email, and a report that says the post has suspended its operations
("operations suspended": post-closed in rules/data/vocabulary.yaml) is asked for nothing.`,
	Bad:  "Embassy & Consulate Contact Information\n\nU.S. Embassy Lome:\n\n14 Boulevard des Palmiers, Lome.\n\nTel: +228 2261 5400.",
	Good: "Embassy & Consulate Contact Information\n\nU.S. Embassy Lome:\n\n14 Boulevard des Palmiers, Lome.\n\nTel: +228 2261 5400.\n\nHours of Operation: Monday-Friday 0800-1700.",
	Run:  runEmbassyContact,
}

// contactHint says how to write a kind of contact so that it is recognised.
var contactHint = map[document.ContactKind]string{
	document.ContactAddress:   `give the street address on the lines after the post's name ("U.S. Embassy <City>:", "Embassy of <Country>, <City>"), or after "Address:"`,
	document.ContactPhone:     `add a line such as "Tel: %s"`,
	document.ContactEmergency: `add a line such as "Emergency: %s"`,
	document.ContactFax:       `add a line such as "Fax: %s"`,
	document.ContactEmail:     `add a line such as "Email: name@example.gov"`,
	document.ContactHours:     `add a line such as "Hours of Operation: Monday-Friday 0800-1700"`,
	document.ContactWebsite:   `add a line such as "Website: https://…"`,
}

func runEmbassyContact(pass *lint.Pass) {
	block := pass.Profile.Contacts
	if block == nil || len(block.Requires) == 0 {
		return
	}
	sections := sectionsFor(pass, block.Section)
	if len(sections) == 0 {
		return // the section is missing: required-section says so
	}
	have := map[document.ContactKind]bool{}
	for c := range contactsIn(pass, sections) {
		have[c.Kind] = true
		// "Telephone: … (emergencies only)": the post's phone number, which
		// it asks to be called in emergencies only, is still its phone.
		// A contact form linked under the Email label is how the post asks
		// to be written to.
		switch kind, _ := vocab.Default().ContactKindOf(c.Label); {
		case kind == string(document.ContactPhone):
			have[document.ContactPhone] = true
		case kind == string(document.ContactEmail) && c.Kind == document.ContactWebsite:
			have[document.ContactEmail] = true
		}
	}
	// Whether the post is closed is read only when something is missing:
	// a report that gives every contact (most) is not read for it.
	if !slices.ContainsFunc(block.Requires, func(k document.ContactKind) bool { return !have[k] }) || postClosed(pass) {
		return // nothing missing, or no address or number exists to give
	}
	number := "+<calling code> …"
	if home, ok := reportCountry(pass); ok {
		number = "+" + home.Calling + " …"
	}
	for _, kind := range block.Requires {
		if have[kind] {
			continue
		}
		hint := contactHint[kind]
		if kind == document.ContactPhone || kind == document.ContactEmergency || kind == document.ContactFax {
			hint = fmt.Sprintf(hint, number)
		}
		pass.Report(lint.Finding{
			Span:    sections[0].Heading,
			Message: fmt.Sprintf("the %q section gives no %s", sections[0].Title.Value, kindNoun[kind]),
			Hint:    hint,
		})
	}
}
