package contacts

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/vocab"
)

var EmergencyNumber = &lint.Rule{
	ID:      "emergency-number",
	Level:   lint.Warning,
	Summary: "the report gives an emergency number where its profile expects one",
	Doc: `A reader in danger needs the number to call. The profile names the sections, any of which
must give an emergency number (key "emergency" in rules/profiles/*.yaml): "Law Enforcement" or
"Police Response" in the OSAC Country Security Report, "Assistance for U.S. Citizens" in the
Travel Advisory, "Getting help" in FCDO's pages, the local emergency services under "Local
contacts" in Smartraveller's, the overview, "Safety and security" or "Embassy contact" in
Ireland's, "Need help?" in Canada's. A number counts as an emergency number when a label says
so ("Emergency", "After-Hours Emergency", "Hotline"), when a label names an emergency service
("Police: 15", "Ambulance (capital city): 907"), or when the sentence that gives it, or the
one it answers, speaks of emergencies or the police ("The emergency number for the police is
17."; "If you need emergency help, contact us. Our number is …"). The finding is at the
heading of the first of those sections the report has, with the profile's hint (key "hint"
under "emergency") where it gives one; a report with none of them is left to
the rule required-section, and one that says the post has suspended its operations, or that
the country has no emergency number (no-emergency-number in rules/data/vocabulary.yaml), is
asked for nothing.`,
	Bad:  "Law Enforcement\n\nPolice officers patrol the capital; the gendarmerie covers the countryside.",
	Good: "Law Enforcement\n\nThe emergency number for the police is 17.\n\nPolice officers patrol the capital; the gendarmerie covers the countryside.",
	Run:  runEmergencyNumber,
}

func runEmergencyNumber(pass *lint.Pass) {
	spec := pass.Profile.Emergency
	if spec == nil {
		return
	}
	sections := sectionsFor(pass, spec.Sections...)
	if len(sections) == 0 {
		return // no such section: required-section says so if one is required
	}
	for c := range contactsIn(pass, sections) {
		if c.Kind == document.ContactEmergency {
			return
		}
	}
	// Whether the post is closed, the report's whole text, is read last:
	// only for a section without a number.
	if saysNoNumber(sections) {
		return // the country has none to give, and the section says so
	}
	if postClosed(pass) {
		return // a closed post has no number to give
	}
	var names []string
	seen := map[string]bool{}
	for _, s := range sections {
		if !seen[s.Title.Value] {
			seen[s.Title.Value] = true
			names = append(names, s.Title.Value)
		}
	}
	msg := fmt.Sprintf("the %q section gives no emergency number", names[0])
	switch len(names) {
	case 1:
	case 2:
		msg = fmt.Sprintf("neither the %q nor the %q section gives an emergency number", names[0], names[1])
	default:
		msg = fmt.Sprintf("none of the sections %s gives an emergency number", quoteList(names, "and"))
	}
	number := "+<calling code> …"
	if home, ok := reportCountry(pass); ok {
		number = "+" + home.Calling + " …"
	}
	hint := fmt.Sprintf(`give the number to call, in a line such as "Emergency: %s" or a sentence such as "The police emergency number is 17."`, number)
	if spec.Hint != "" {
		hint = spec.Hint // how this government's pages give it
	}
	pass.Report(lint.Finding{
		Span:    sections[0].Heading,
		Message: msg,
		Hint:    hint,
	})
}

// saysNoNumber: a paragraph of the sections says that the country has no
// emergency number to give ("there is no centralised number to call").
func saysNoNumber(sections []*document.Section) bool {
	v := vocab.Default()
	for _, s := range sections {
		for _, p := range s.Paragraphs {
			if v.SaysNoEmergencyNumber(p.Text) {
				return true
			}
		}
	}
	return false
}
