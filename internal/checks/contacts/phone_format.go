package contacts

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/countries"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/vocab"
)

var PhoneFormat = &lint.Rule{
	ID:      "phone-format",
	Level:   lint.Warning,
	Summary: "phone and fax numbers are in international form, plausible, and of the report's country",
	Doc: `A reader abroad dials a number as written, so phone and fax numbers are given in
international form: a plus sign, the country calling code, then the number in groups separated
by spaces, hyphens or dots ("+223 2044 5100", "+223-2044-5100"). Parentheses may enclose the
calling code ("+(20) 2-1234-5678") or the group after it ("+1 (202) 555-0100"), but a trunk
prefix "(0)" has no place in an international number. A number is plausible when it has at
most 15 digits (E.164) and its calling code is in the country table (rules/data/countries.yaml).
A number whose calling code belongs to another country than the report's is reported naming
both; for +1 the area code tells the countries of the North American Numbering Plan apart
(+1 876 is Jamaica). Emergency numbers may be short local numbers ("17", "8200-1717": at most
eight digits), and so may service numbers of two to four digits ("Call 991.") whatever the text
calls them, unless the option local-emergency is off. A number in the country of the post's
address is accepted (an embassy serving the country from a neighbouring capital), or in the
country its section names as a post's ("the Embassy of Ireland in Senegal"), or at a post its
sentence names by a city ("contact FCDO in Jeddah on …"); so is a number of the government's
own country in a profile that names it (home: the FCDO in London, the Consular Emergency
Centre in Canberra), and a
local number the text gives to callers in one place ("from a Ukrainian mobile", "Callers within
the U.S. … toll free", a heading "Help in the UK"; the words are local-callers in
rules/data/vocabulary.yaml); with international off, local phone and fax numbers are
accepted too. Calling codes listed in allowed-codes are accepted in any report, for a house
that prints numbers in the United States (+1) in reports about other countries.`,
	Bad:     "Mali\n\nTel: 2044 5100.\n\nFax: +33 1 23 45 67 89.",
	Good:    "Mali\n\nTel: +223 2044 5100.\n\nFax: +223 2044 5101.",
	Options: func() any { return &phoneOptions{International: true, LocalEmergency: true, AllowedCodes: []string{}} },
	Run:     runPhoneFormat,
}

type phoneOptions struct {
	International  bool     `yaml:"international" doc:"phone and fax numbers must be in international form (+CC …); off accepts local numbers"`
	LocalEmergency bool     `yaml:"local-emergency" doc:"emergency numbers may be local numbers without a calling code (17, 112, 8200-1717)"`
	AllowedCodes   []string `yaml:"allowed-codes" doc:"calling codes accepted in a report about any country, such as \"1\" for numbers in the United States"`
}

func (o *phoneOptions) Validate() error {
	for i, c := range o.AllowedCodes {
		c = strings.TrimPrefix(strings.TrimSpace(c), "+")
		if c == "" || len(c) > 3 || strings.Trim(c, "0123456789") != "" {
			return fmt.Errorf("allowed-codes: %q is not a calling code (one to three digits, such as \"1\")", o.AllowedCodes[i])
		}
		o.AllowedCodes[i] = c
	}
	return nil
}

// maxDigits is E.164's limit on an international number, calling code
// included; minDigits the fewest a real one has (+683 and a four-digit number).
const (
	maxDigits = 15
	minDigits = 7
)

// maxLocalEmergency is the most digits of an emergency number that may be
// local ("17", "8200-1717"): a longer one is a post's number, which a
// reader abroad dials too ("90-312-294-0000 (emergencies only)").
const maxLocalEmergency = 8

// maxServiceDigits is the most digits of a service number ("Call 991.",
// "Ambulance: 15", the hotline 1598): nobody dials one from abroad, so it
// has no international form, whatever word the text gives it.
const maxServiceDigits = 4

func runPhoneFormat(pass *lint.Pass) {
	opts := pass.Options.(*phoneOptions)
	home, haveHome := reportCountry(pass)
	ctx := newPhoneContext(pass)
	for i, c := range ctx.numbers {
		noun := kindNoun[c.Kind]
		value := strings.TrimSpace(c.Value)
		p := parsePhone(value)
		if !p.international {
			if opts.LocalEmergency && (c.Kind == document.ContactEmergency && len(p.digits) <= maxLocalEmergency || len(p.digits) <= maxServiceDigits) {
				continue
			}
			if !opts.International && c.Kind != document.ContactEmergency {
				continue
			}
			if p.problem == "" && (forLocalCallers(pass, c) || ctx.sharesCallingCode(i)) {
				continue // written for callers in one place, or under a calling code given once
			}
			if p.problem != "" {
				pass.Report(lint.Finding{Span: c.Span, Message: fmt.Sprintf("%s %q %s", noun, value, p.problem)})
				continue
			}
			pass.Report(lint.Finding{
				Span:    c.Span,
				Message: fmt.Sprintf("%s %q is not in international form", noun, value),
				Hint:    localHint(p, home, haveHome),
			})
			continue
		}
		if p.problem != "" {
			pass.Report(lint.Finding{Span: c.Span, Message: fmt.Sprintf("%s %q %s", noun, value, p.problem),
				Hint: "write it as a plus sign, the calling code and groups of digits, such as +223 2044 5100"})
			continue
		}
		for _, pr := range p.styleProblems {
			pass.Report(lint.Finding{Span: c.Span, Message: fmt.Sprintf("%s %q %s", noun, value, pr.msg), Hint: pr.hint})
		}
		if place, ok := nanpAreaFirst(ctx, c, p, home, haveHome); ok {
			pass.Report(lint.Finding{
				Span:    c.Span,
				Message: fmt.Sprintf("%s %q leaves out the calling code +1: %s is %s area code", noun, value, p.groups[0].digits, possessive(place.Name)),
				Hint:    fmt.Sprintf("write the calling code +1 before the area code: +1 %s %s", p.groups[0].digits, strings.Join(groupDigits(p.groups[1:]), " ")),
			})
			continue
		}
		code, ok := callingCode(p)
		if !ok {
			shown := p.groups[0].digits
			msg := fmt.Sprintf("%s %q has calling code +%s, which belongs to no country in the country table", noun, value, shown)
			if len(shown) > 3 {
				msg = fmt.Sprintf("%s %q starts with no calling code of the country table", noun, value)
			}
			pass.Report(lint.Finding{Span: c.Span, Message: msg,
				Hint: "check the number; if the code is right, add its country to rules/data/countries.yaml"})
			continue
		}
		if code.runIn {
			pass.Report(lint.Finding{
				Span:    c.Span,
				Message: fmt.Sprintf("%s %q runs the calling code +%s into the number", noun, value, code.code),
				Hint:    "set the calling code apart: " + setApart(value, code.code),
			})
		}
		if n := len(p.digits); n > maxDigits {
			pass.Report(lint.Finding{Span: c.Span,
				Message: fmt.Sprintf("%s %q has %d digits; an international number has at most %d (E.164)", noun, value, n, maxDigits),
				Hint:    "check the number for a digit too many or a trunk prefix"})
			continue
		} else if n < minDigits {
			pass.Report(lint.Finding{Span: c.Span,
				Message: fmt.Sprintf("%s %q has only %d digits, too few for an international number", noun, value, n),
				Hint:    "check the number for missing digits"})
			continue
		}
		if !haveHome || slices.Contains(opts.AllowedCodes, code.code) {
			continue
		}
		owners := ownersOf(code.code, p.digits[len(code.code):])
		if slices.ContainsFunc(owners, func(o countries.Country) bool { return o.Code == home.Code }) {
			continue
		}
		// A government's own numbers (its ministry's consular line in
		// London, Canberra or Dublin) stand in its advice for any country.
		if pass.Profile != nil && pass.Profile.Home != "" && slices.ContainsFunc(owners, func(o countries.Country) bool { return o.Code == pass.Profile.Home }) {
			continue
		}
		// A post that serves the country from a neighbouring capital gives
		// the numbers of the country its address is in, or that the
		// section names as the post's ("the Embassy of Ireland in Senegal").
		if at, ok := ctx.addressCountry(c); ok && slices.ContainsFunc(owners, func(o countries.Country) bool { return o.Code == at.Code }) {
			continue
		}
		if postNamed(pass, c, owners) {
			continue
		}
		// The text says whose number it is ("U.S. Embassy, Suva, Fiji: +679
		// …") or where it is dialled from ("+1 888 … (from the U.S.)").
		if namedOnLine(pass, c, owners) || vocab.Default().DialledFrom(after(pass, c)) || ctx.codeNamedInBlock(c, owners) {
			continue
		}
		var names []string
		for _, o := range owners {
			names = append(names, possessive(o.Name))
		}
		what := "calling code +" + code.code
		if code.code == "1" && len(p.digits) >= 4 {
			what += " with area code " + p.digits[1:4]
		}
		pass.Report(lint.Finding{
			Span:    c.Span,
			Message: fmt.Sprintf("%s in %q is %s, but this report is about %s", what, value, joinList(names, "or"), countryName(home.Name)),
			Hint:    fmt.Sprintf("check the %s; %s calling code is +%s", noun, possessive(home.Name), home.Calling),
		})
	}
}

// localHint says how to write a local number in international form.
func localHint(p phone, home countries.Country, haveHome bool) string {
	if p.exitPrefix {
		return "write a plus sign for the international prefix 00: +" + strings.TrimPrefix(p.written, "00")
	}
	if !haveHome {
		return "write it with a plus sign and the country calling code, such as +223 2044 5100"
	}
	if strings.HasPrefix(p.digits, "0") {
		return fmt.Sprintf("write it in international form: for a number in %s, +%s and the number without its trunk prefix 0", countryName(home.Name), home.Calling)
	}
	return fmt.Sprintf("write it in international form: +%s %s if it is a number in %s", home.Calling, p.written, countryName(home.Name))
}

// setApart puts a space after the calling code in a number that runs it in:
// "+2232044 5100" is "+223 2044 5100".
func setApart(written, code string) string {
	n := 0
	for i, r := range written {
		if r >= '0' && r <= '9' {
			n++
			if n == len(code) {
				return written[:i+1] + " " + written[i+1:]
			}
		}
	}
	return written
}

// ownersOf lists the countries a calling code belongs to; for +1, those of
// the area code that follows (the United States and Canada hold every +1
// area code that no other entry lists).
func ownersOf(code, rest string) []countries.Country {
	all := countries.Default().ByCalling(code)
	if code != "1" || len(rest) < 3 {
		return all
	}
	area := rest[:3]
	var listed, open []countries.Country
	for _, c := range all {
		switch {
		case slices.Contains(c.AreaCodes, area):
			listed = append(listed, c)
		case len(c.AreaCodes) == 0:
			open = append(open, c)
		}
	}
	if len(listed) > 0 {
		return listed
	}
	return open
}

// phone is a number as written, taken apart.
type phone struct {
	written       string // the value as given, trimmed
	international bool   // starts with a plus sign (or "(+")
	exitPrefix    bool   // a local-looking number that starts with 00
	digits        string // every digit, in order
	groups        []digitGroup
	// problem makes the number unreadable: it is reported alone.
	problem       string
	styleProblems []problem
}

type problem struct{ msg, hint string }

// addStyle records a problem of style once.
func (p *phone) addStyle(msg, hint string) {
	for _, q := range p.styleProblems {
		if q.msg == msg {
			return
		}
	}
	p.styleProblems = append(p.styleProblems, problem{msg, hint})
}

type digitGroup struct {
	digits string
	parens bool // written inside parentheses
}

// parsePhone reads "+(20) 2-1234-5678", "+223-2044-5100", "8200-1717".
// It reads the bytes, decoding a rune where one is not ASCII, and its
// groups of digits are pieces of s: a rune slice and a copy a group (and
// the digits' string grown a group at a time) were most of the
// allocations of phone-format, which parses each number more than once.
func parsePhone(s string) phone {
	p := phone{written: s}
	if n := digitRuns(s); n > 0 {
		p.groups = make([]digitGroup, 0, n)
	}
	i := 0
	open := false // inside parentheses
	openAt := -1  // group index at the opening parenthesis
	plusAt := -1  // index of the plus sign (rune and byte agree: see below)
	groupsInParens := 0
	for i < len(s) {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			p.groups = append(p.groups, digitGroup{digits: s[i:j], parens: open})
			if open {
				groupsInParens++
			}
			i = j
			continue
		case r == '+':
			if plusAt >= 0 || len(p.groups) > 0 {
				p.problem = "has a plus sign inside the number"
				return p.withDigits()
			}
			plusAt = i
			p.international = true
			if i+1 < len(s) && s[i+1] == ' ' {
				p.addStyle("has a space after the plus sign", "write the calling code right after the plus sign")
				i++
			}
		case r == '(':
			if open {
				p.problem = "has nested parentheses"
				return p.withDigits()
			}
			open, openAt, groupsInParens = true, len(p.groups), 0
		case r == ')':
			if !open {
				p.problem = "has a closing parenthesis without an opening one"
				return p.withDigits()
			}
			open = false
			if groupsInParens != 1 {
				p.problem = "has parentheses around more or less than one group of digits"
				return p.withDigits()
			}
			g := &p.groups[len(p.groups)-1]
			if g.digits == "0" && openAt > 0 && p.international {
				p.addStyle("has a trunk prefix (0), which is not dialled from abroad", "drop the (0)")
			} else if openAt > 1 {
				p.addStyle(fmt.Sprintf("has parentheses around %q, a group deep in the number", g.digits), "keep parentheses for the calling code or the area code only")
			}
		case r == ' ' || r == '-' || r == '.':
			j := i + 1
			for j < len(s) {
				c, n := rune(s[j]), 1
				if c >= utf8.RuneSelf {
					c, n = utf8.DecodeRuneInString(s[j:])
				}
				if c != ' ' && c != '-' && c != '.' && c != '–' && c != '/' {
					break
				}
				j += n
			}
			// More than one byte is more than one rune here: the run
			// starts with an ASCII byte.
			if sep := s[i:j]; j-i > 1 && strings.TrimSpace(sep) != "" && len(p.groups) > 0 {
				p.addStyle(fmt.Sprintf("separates digits with %q", sep), "separate groups of digits with one space, hyphen or dot")
			}
			i = j
			continue
		case r == '–' || r == '—' || r == '/' || r == '‑':
			p.addStyle(fmt.Sprintf("separates digits with %q", string(r)), "separate groups of digits with a space, hyphen or dot")
		default:
			// An invalid byte decodes as utf8.RuneError, as []rune made it.
			p.problem = fmt.Sprintf("has %q, which is not a digit, separator or parenthesis", string(r))
			return p.withDigits()
		}
		i += size
	}
	p = p.withDigits()
	if open {
		p.problem = "has an opening parenthesis that is not closed"
		return p
	}
	if len(p.groups) == 0 {
		p.problem = "has no digits"
		return p
	}
	if !p.international && strings.HasPrefix(p.digits, "00") && len(p.digits) > 8 {
		p.exitPrefix = true
	}
	// The plus sign at byte 1 is at rune 1 too, the first byte being one
	// rune; and s[0] == '(' is rune 0 being '('.
	if p.international && plusAt > 0 && !(plusAt == 1 && s[0] == '(') {
		p.problem = "has a plus sign inside the number"
	}
	return p
}

// withDigits sets p.digits, the groups' digits in order: the one group's
// string when there is one, else a single copy.
func (p phone) withDigits() phone {
	switch len(p.groups) {
	case 0:
	case 1:
		p.digits = p.groups[0].digits
	default:
		n := 0
		for _, g := range p.groups {
			n += len(g.digits)
		}
		var b strings.Builder
		b.Grow(n)
		for _, g := range p.groups {
			b.WriteString(g.digits)
		}
		p.digits = b.String()
	}
	return p
}

// digitRuns counts the runs of ASCII digits in s: parsePhone's groups.
func digitRuns(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		d := s[i] >= '0' && s[i] <= '9'
		if d && !in {
			n++
		}
		in = d
	}
	return n
}

type code struct {
	code  string
	runIn bool // the first group runs on past the calling code, and the number has other groups
}

// callingCode finds the calling code at the start of an international
// number: the first group of digits if it is a code of the table, or else
// the code it starts with (calling codes are prefix-free).
func callingCode(p phone) (code, bool) {
	t := countries.Default()
	first := p.groups[0].digits
	if len(first) <= 3 && t.HasCalling(first) {
		return code{code: first}, true
	}
	for n := 1; n <= 3 && n < len(first); n++ {
		if t.HasCalling(first[:n]) {
			return code{code: first[:n], runIn: len(p.groups) > 1}, true
		}
	}
	// "+38 (044) 521-5000": a code split by a parenthesis, +38 and the 0
	// after it make +380; the number dials right as written.
	if len(p.groups) > 1 && len(first) < 3 {
		next := p.groups[1].digits
		for n := 1; len(first)+n <= 3 && n < len(next); n++ {
			if t.HasCalling(first + next[:n]) {
				return code{code: first + next[:n]}, true
			}
		}
	}
	return code{}, false
}

// innermostSection is the deepest section whose span holds sp, or nil.
// Sections are in source order, so the one that can hold sp is found by a
// binary search: a report of many sections and numbers stays linear.
func innermostSection(sections []*document.Section, sp document.Span) *document.Section {
	i := sort.Search(len(sections), func(i int) bool { return sections[i].Span.Start > sp.Start }) - 1
	if i < 0 || !sections[i].Span.Contains(sp) {
		return nil
	}
	if inner := innermostSection(sections[i].Sections, sp); inner != nil {
		return inner
	}
	return sections[i]
}

// forLocalCallers: the text says who dials the number c, a caller inside a
// country ("from a Ukrainian mobile", "Callers within the U.S. … toll
// free", "(from the U.S.)", a heading "Help in the UK"), so that it is
// written as they dial it. The words are local-callers in
// rules/data/vocabulary.yaml; they are read in the number's line, in what
// follows the number, and in the title of its section.
func forLocalCallers(pass *lint.Pass, c document.Contact) bool {
	v := vocab.Default()
	if v.LocalCaller(lineAround(pass.File.Text, c.Span)) || v.LocalCaller(after(pass, c)) {
		return true
	}
	sec := innermostSection(pass.Doc.Sections, c.Span)
	return sec != nil && v.LocalCaller(sec.Title.Value)
}

// maxCallerContext is how far around a number forLocalCallers reads.
const maxCallerContext = 300

// nanpAreaFirst: the international number p starts with the area code of a
// place of the North American Numbering Plan where the report or the post
// is ("+(441) 295-1342" in a report about Bermuda), its +1 left out. Read
// as a calling code, those digits name another country (+44) or none.
func nanpAreaFirst(ctx *phoneContext, c document.Contact, p phone, home countries.Country, haveHome bool) (countries.Country, bool) {
	if len(p.groups) < 2 || len(p.groups[0].digits) != 3 || len(p.digits) != 10 {
		return countries.Country{}, false
	}
	area := p.groups[0].digits
	var places []countries.Country
	if haveHome {
		places = append(places, home)
	}
	if at, ok := ctx.addressCountry(c); ok {
		places = append(places, at)
	}
	for _, pl := range places {
		if pl.Calling == "1" && slices.Contains(pl.AreaCodes, area) {
			return pl, true
		}
	}
	return countries.Country{}, false
}

func groupDigits(gs []digitGroup) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.digits
	}
	return out
}

// namedOnLine: the line of the number c names one of the countries its
// calling code belongs to.
func namedOnLine(pass *lint.Pass, c document.Contact, owners []countries.Country) bool {
	line := lineWithin(pass.File.Text, c.Span, maxNameContext)
	for line != "" {
		country, _, end, ok := countries.Default().FindIn(line)
		if !ok {
			return false
		}
		if slices.ContainsFunc(owners, func(o countries.Country) bool { return o.Code == country.Code }) {
			return true
		}
		line = line[end:]
	}
	return false
}

// lineAround is the source line of sp, at most maxCallerContext bytes on
// either side of it.
func lineAround(text string, sp document.Span) string {
	return lineWithin(text, sp, maxCallerContext)
}

// maxNameContext is how far from a number namedOnLine looks for the name
// of its country: a label just before it ("U.S. Embassy, Suva, Fiji:") or
// a note just after.
const maxNameContext = 80

// lineWithin is the source line of sp, at most n bytes on either side of it.
func lineWithin(text string, sp document.Span, n int) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
		return ""
	}
	from, to := max(0, sp.Start-n), min(len(text), sp.End+n)
	if i := strings.LastIndexByte(text[from:sp.Start], '\n'); i >= 0 {
		from += i + 1
	}
	if i := strings.IndexByte(text[sp.End:to], '\n'); i >= 0 {
		to = sp.End + i
	}
	return text[from:to]
}

// after is the rest of c's line after it, at most maxCallerContext bytes.
func after(pass *lint.Pass, c document.Contact) string {
	text := pass.File.Text
	if c.Span.End < 0 || c.Span.End > len(text) {
		return ""
	}
	rest := text[c.Span.End:min(len(text), c.Span.End+maxCallerContext)]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// phoneContext is what runPhoneFormat learns of the report's numbers and
// addresses once, so that a report of many numbers is not read again for
// each (a line of a hundred thousand numbers stays linear).
type phoneContext struct {
	pass      *lint.Pass
	numbers   []document.Contact // phone, fax and emergency numbers, in source order
	addresses []document.Contact // postal addresses, in source order
	// Made on first use: many reports never ask, and two empty maps were
	// made for each check of every report.
	shares   map[int]bool // by index in numbers: sharesCallingCode
	addrLand map[int]countries.Country
	named    map[namedKey]bool // the countries a section's lines name beside their numbers
}

type namedKey struct {
	section *document.Section
	country string // ISO code
}

func newPhoneContext(pass *lint.Pass) *phoneContext {
	ctx := &phoneContext{pass: pass}
	// Counted first, so that each list is made once at its size, not grown
	// a contact at a time (a US page lists a few dozen).
	nums, addrs := 0, 0
	for i := range pass.Doc.Contacts {
		switch pass.Doc.Contacts[i].Kind {
		case document.ContactPhone, document.ContactFax, document.ContactEmergency:
			nums++
		case document.ContactAddress:
			addrs++
		}
	}
	ctx.numbers = make([]document.Contact, 0, nums)
	ctx.addresses = make([]document.Contact, 0, addrs)
	for _, c := range pass.Doc.Contacts {
		switch c.Kind {
		case document.ContactPhone, document.ContactFax, document.ContactEmergency:
			ctx.numbers = append(ctx.numbers, c)
		case document.ContactAddress:
			ctx.addresses = append(ctx.addresses, c)
		}
	}
	bySpan := func(a, b document.Contact) int { return a.Span.Start - b.Span.Start }
	slices.SortStableFunc(ctx.numbers, bySpan)
	slices.SortStableFunc(ctx.addresses, bySpan)
	return ctx
}

// addressCountry is the country named in the postal address that heads the
// contact block of c: the last address read before c in c's own section
// ("Suva, Fiji", "08034 Barcelona Spain"), the country named last in it.
func (ctx *phoneContext) addressCountry(c document.Contact) (countries.Country, bool) {
	i := sort.Search(len(ctx.addresses), func(i int) bool { return ctx.addresses[i].Span.Start >= c.Span.Start }) - 1
	if i < 0 {
		return countries.Country{}, false
	}
	sec := innermostSection(ctx.pass.Doc.Sections, c.Span)
	if sec == nil || !sec.Span.Contains(ctx.addresses[i].Span) {
		return countries.Country{}, false
	}
	if land, ok := ctx.addrLand[i]; ok {
		return land, land.Code != ""
	}
	var land countries.Country
	for text := ctx.addresses[i].Value; ; {
		country, _, end, hit := countries.Default().FindIn(text)
		if !hit {
			break
		}
		land, text = country, text[end:]
	}
	if ctx.addrLand == nil {
		ctx.addrLand = map[int]countries.Country{}
	}
	ctx.addrLand[i] = land
	return land, land.Code != ""
}

// sharesCallingCode: the local number numbers[i] follows a number in
// international form in a list on its line ("+685 21436 / 21631 or
// 22696", "+(973) 1727-2594; 1725-6242"), whose calling code it shares.
func (ctx *phoneContext) sharesCallingCode(i int) bool {
	if v, ok := ctx.shares[i]; ok {
		return v
	}
	if ctx.shares == nil {
		ctx.shares = map[int]bool{}
	}
	ctx.shares[i] = false // a cycle cannot happen; this only bounds the recursion
	text := ctx.pass.File.Text
	c := ctx.numbers[i]
	v := false
	if i > 0 {
		prev := ctx.numbers[i-1]
		if prev.Span.End <= c.Span.Start && c.Span.Start <= len(text) && c.Span.Start-prev.Span.End <= maxListGap &&
			listGap.MatchString(text[prev.Span.End:c.Span.Start]) {
			v = parsePhone(strings.TrimSpace(prev.Value)).international || ctx.sharesCallingCode(i-1)
		}
	}
	ctx.shares[i] = v
	return v
}

// listGap is what separates the numbers of a list on one line, and
// maxListGap the longest it can be.
var listGap = lazyregexp.New(`^(?:[ \t]*(?:[,;/]|\band\b|\bor\b)[ \t]*)+$`)

const maxListGap = 40

// codeNamedInBlock: a number of c's section with a calling code of one of
// owners is on a line that names that country ("U.S. Embassy, Suva, Fiji:
// +679 …"), so the block says whose numbers those are.
func (ctx *phoneContext) codeNamedInBlock(c document.Contact, owners []countries.Country) bool {
	sec := innermostSection(ctx.pass.Doc.Sections, c.Span)
	if sec == nil {
		return false
	}
	if ctx.named == nil {
		ctx.named = map[namedKey]bool{}
		for _, o := range ctx.numbers {
			p := parsePhone(strings.TrimSpace(o.Value))
			if !p.international || p.problem != "" {
				continue
			}
			code, ok := callingCode(p)
			if !ok {
				continue
			}
			own := ownersOf(code.code, p.digits[len(code.code):])
			if s := innermostSection(ctx.pass.Doc.Sections, o.Span); s != nil && namedOnLine(ctx.pass, o, own) {
				for _, w := range own {
					ctx.named[namedKey{s, w.Code}] = true
				}
			}
		}
	}
	for _, w := range owners {
		if ctx.named[namedKey{sec, w.Code}] {
			return true
		}
	}
	return false
}

// maxPostContext is how much of the section before a number postNamed
// reads, and postWords how close before the country's name a post's word
// stands.
const (
	maxPostContext = 2000
	postWords      = 60
)

// postInPlace is a post named by its place in a sentence: "the British
// Embassy in Amman", "the Embassy of Ireland in Yaoundé", "FCDO in Jeddah".
var postInPlace = lazyregexp.New(`\b(?:[Ee]mbassy|[Cc]onsulate|[Hh]igh [Cc]ommission|FCDO)(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}-]+)?\s+in\s+(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)`)

// postRe is a word that names a diplomatic post.
var postRe = lazyregexp.New(`(?i)\b(?:embassy|consulate|high commission)\b`)

// postNamed reports whether the section of a number, before it, names one
// of owners as the place of a post: "consular assistance is provided via
// the Embassy of Ireland in Pakistan. … Our telephone number is: +92 …", or
// a heading "Embassy of Ireland, Senegal" over the number, or one sentence
// naming the country and a post before the number.
func postNamed(pass *lint.Pass, c document.Contact, owners []countries.Country) bool {
	sec := innermostSection(pass.Doc.Sections, c.Span)
	if sec == nil || c.Span.Start < sec.Span.Start {
		return false
	}
	// From the start of the top-level section holding it: a post's own heading ("Australian
	// High Commission, Abuja") may follow the sentence that names its
	// country ("… from the Australian High Commission in Nigeria").
	from := sec.Span.Start
	if p := parentSection(pass.Doc.Sections, sec); p != nil {
		from = p.Span.Start
	}
	start := max(from, c.Span.Start-maxPostContext)
	text := pass.File.Text[start:c.Span.Start]
	// "contact FCDO in Jeddah on +966 …": the sentence names the post by a
	// city the country table does not know; the number is the post's.
	sentence := text[max(strings.LastIndex(text, ". "), strings.LastIndex(text, ".\n"), strings.LastIndex(text, "\n\n"))+1:]
	for _, m := range postInPlace.FindAllStringSubmatch(sentence, 8) {
		if _, known := countries.Default().Lookup(m[1]); !known {
			return true
		}
	}
	for _, m := range countries.Default().FindAllIn(text, 64) {
		if !slices.ContainsFunc(owners, func(o countries.Country) bool { return o.Code == m.Code }) {
			continue
		}
		// "the Embassy of Ireland in Pakistan", a post's heading over its
		// address ("Australian Embassy, Cairo" over "…, Egypt"), or one
		// sentence naming both ("If you've arrived in Saudi Arabia …,
		// contact the Australian Embassy on +966 …").
		if postRe.MatchString(text[max(0, m.Start-postWords):m.Start]) || postRe.MatchString(sec.Title.Value) {
			return true
		}
		if rest := text[m.End:]; !strings.Contains(rest, ". ") && !strings.Contains(rest, "\n\n") && postRe.MatchString(rest) {
			return true
		}
	}
	return false
}

// parentSection is the section that holds sec, or nil at the top.
func parentSection(sections []*document.Section, sec *document.Section) *document.Section {
	var parent *document.Section
	for _, s := range sections {
		if s != sec && s.Span.Contains(sec.Span) && (parent == nil || parent.Span.Contains(s.Span)) {
			parent = s
		}
	}
	return parent
}
