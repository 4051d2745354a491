package contacts

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var EmailFormat = &lint.Rule{
	ID:      "email-format",
	Level:   lint.Warning,
	Summary: "email addresses are well formed, and from the allowed domains",
	Doc: `An email address in a report is copied by readers into their mail program, so a typo
loses the message. An address is checked against a pragmatic subset of RFC 5322: one "@"; a
name before it of letters, digits and the usual marks (. _ % + - ' and a few more), without a
dot at either end or two dots in a row; a domain after it of at least two labels separated by
dots, each of letters, digits and inner hyphens, ending in a top-level domain of two or more
letters (or an "xn--" name). With the option allowed-domains, an address at any other domain
is reported naming it; a listed domain allows its subdomains too ("state.gov" allows
"travel.state.gov").`,
	Bad:     "To reach the Country Council, email CountryCouncilLome@@state.gov.",
	Good:    "To reach the Country Council, email CountryCouncilLome@state.gov.",
	Options: func() any { return &emailOptions{AllowedDomains: []string{}} },
	Run:     runEmailFormat,
}

type emailOptions struct {
	AllowedDomains []string `yaml:"allowed-domains" doc:"domains an address may be at (a listed domain allows its subdomains); empty allows any"`
}

func (o *emailOptions) Validate() error {
	for i, d := range o.AllowedDomains {
		d = strings.ToLower(strings.TrimSpace(d))
		if strings.Contains(d, "@") {
			return fmt.Errorf("allowed-domains: %q should be a domain without @, such as \"state.gov\"", o.AllowedDomains[i])
		}
		if d == "" || domainProblem(d) != "" {
			return fmt.Errorf("allowed-domains: %q is not a domain such as \"state.gov\"", o.AllowedDomains[i])
		}
		o.AllowedDomains[i] = d
	}
	return nil
}

func runEmailFormat(pass *lint.Pass) {
	opts := pass.Options.(*emailOptions)
	for _, c := range pass.Doc.Contacts {
		if c.Kind != document.ContactEmail {
			continue
		}
		addr := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Value), "mailto:"))
		if msg, hint := emailProblem(addr); msg != "" {
			pass.Report(lint.Finding{Span: c.Span, Message: fmt.Sprintf("email %q %s", addr, msg), Hint: hint})
			continue
		}
		if len(opts.AllowedDomains) == 0 {
			continue
		}
		domain := strings.ToLower(addr[strings.LastIndexByte(addr, '@')+1:])
		if allowedDomain(domain, opts.AllowedDomains) {
			continue
		}
		pass.Report(lint.Finding{
			Span:    c.Span,
			Message: fmt.Sprintf("email %q is at %s, which is not an allowed domain (%s)", addr, domain, strings.Join(opts.AllowedDomains, ", ")),
			Hint:    "give an address at " + joinList(opts.AllowedDomains, "or") + ", or add the domain to the rule's allowed-domains",
		})
	}
}

func allowedDomain(domain string, allowed []string) bool {
	for _, a := range allowed {
		if domain == a || strings.HasSuffix(domain, "."+a) {
			return true
		}
	}
	return false
}

// Characters a local part may hold besides letters and digits (RFC 5322
// atext, and the dot between atoms).
const localMarks = "!#$%&'*+/=?^_`{|}~-."

// emailProblem says what is wrong with an address, or returns "".
func emailProblem(addr string) (msg, hint string) {
	switch n := strings.Count(addr, "@"); {
	case n == 0:
		return "has no @", "write the address as name@domain"
	case n > 1:
		return fmt.Sprintf("has %d @ signs", n), "keep one @ between the name and the domain"
	}
	local, domain, _ := strings.Cut(addr, "@")
	switch {
	case local == "":
		return "has nothing before the @", "write the name before the @"
	case len(local) > 64:
		return fmt.Sprintf("has a name of %d characters before the @; at most 64 are allowed", len(local)), ""
	case strings.HasPrefix(local, "."):
		return "starts with a dot", "remove the dot"
	case strings.HasSuffix(local, "."):
		return "has a dot just before the @", "remove the dot"
	case strings.Contains(local, ".."):
		return "has two dots in a row before the @", "remove one dot"
	}
	for _, r := range local {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(localMarks, r) {
			return fmt.Sprintf("has %q before the @, which an address cannot hold", string(r)), "remove it, or check that the address was copied whole"
		}
	}
	if domain == "" {
		return "has no domain after the @", "write the domain after the @, such as state.gov"
	}
	if utf8.RuneCountInString(addr) > 254 {
		return "is longer than 254 characters", ""
	}
	if p := domainProblem(domain); p != "" {
		return p, "check the domain; it is written like state.gov"
	}
	return "", ""
}

// domainProblem says what is wrong with a domain name, or returns "".
func domainProblem(domain string) string {
	switch {
	case strings.HasPrefix(domain, "."):
		return fmt.Sprintf("has a domain %q that starts with a dot", domain)
	case strings.HasSuffix(domain, "."):
		return fmt.Sprintf("has a domain %q that ends with a dot", domain)
	case strings.Contains(domain, ".."):
		return fmt.Sprintf("has two dots in a row in its domain %q", domain)
	case !strings.Contains(domain, "."):
		return fmt.Sprintf("has a domain %q without a dot", domain)
	}
	labels := strings.Split(domain, ".")
	for _, l := range labels {
		if err := labelProblem(l); err != nil {
			return fmt.Sprintf("has a domain %q whose part %q %v", domain, l, err)
		}
	}
	tld := labels[len(labels)-1]
	if strings.HasPrefix(strings.ToLower(tld), "xn--") {
		return ""
	}
	if utf8.RuneCountInString(tld) < 2 {
		return fmt.Sprintf("has a top-level domain %q of one letter", tld)
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return fmt.Sprintf("has a top-level domain %q that is not all letters", tld)
		}
	}
	return ""
}

func labelProblem(l string) error {
	if len(l) > 63 {
		return errors.New("is longer than 63 characters")
	}
	if strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
		return errors.New("starts or ends with a hyphen")
	}
	for _, r := range l {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' {
			return fmt.Errorf("has %q, which a domain cannot hold", string(r))
		}
	}
	return nil
}
