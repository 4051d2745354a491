package contacts

import (
	"fmt"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var EmergencyNumber = &lint.Rule{
	ID:      "emergency-number",
	Level:   lint.Warning,
	Summary: "the report gives an emergency number where its profile expects one",
	Doc: `A reader in danger needs the number to call. The profile names the sections, any of which
must give an emergency number (key "emergency" in rules/profiles/*.yaml): "Law Enforcement" or
"Police Response" in the OSAC Country Security Report, "Assistance for U.S. Citizens" in the
Travel Advisory. A number counts as an emergency number when a label says so ("Emergency",
"After-Hours Emergency", "Hotline") or when the sentence that gives it speaks of emergencies or
the police ("The emergency number for the police is 17."). The finding is at the heading of
the first of those sections the report has; a report with none of them is left to the rule
required-section, and one that says the post has suspended its operations is asked for nothing.`,
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
	if postClosed(pass) {
		return // a closed post has no number to give
	}
	for _, c := range contactsIn(pass, sections) {
		if c.Kind == document.ContactEmergency {
			return
		}
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
	pass.Report(lint.Finding{
		Span:    sections[0].Heading,
		Message: msg,
		Hint:    fmt.Sprintf(`give the number to call, in a line such as "Emergency: %s" or a sentence such as "The police emergency number is 17."`, number),
	})
}
