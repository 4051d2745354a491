package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prose"
	"github.com/reportlint/reportlint/internal/vocab"
)

var (
	// International form: "+223-2070-2300", "+(20) 2-2797-3300", "+1 202 501 4444",
	// "+( 261) 20 …" with a stray space in the parentheses.
	intlPhone = lazyRE(`\+\s?\(?\s?\d{1,4}\s?\)?(?:[ .\-–]?\(?\d{1,5}\)?){1,6}`)
	// A calling code in parentheses, the plus inside: "+267) …" of "(+267) 373-2222".
	parenCode = lazyRE(`^\+\s?\d{1,4}\s?\)`)
	// After a number: a time of day ("8:15 a.m.", "0800h") is no phone number.
	clockAfter = lazyRE(`(?i)^\s?(?:a\.m\.|p\.m\.|am\b|pm\b|h\b|hrs\b)`)
	// Before a number: an extension ("ext. 2306", "x 12") belongs to the
	// number before it. endsInExtension reads it by hand; the regexp is
	// FuzzEndsInExtension's reference.
	extensionBefore = lazyRE(`(?i)(?:\bext\.?|\bextension|\bx)\s*$`)
	// In a parenthesis: hours of opening, whose digits are times.
	timeWords = lazyRE(`(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:M-F|a\.m\.|p\.m\.|hours)`)
	// "U.S. Embassy Bamako:", "U.S. Consulate General Lagos", "U.S Consular
	// Services in …", "The American Institute in Taiwan": the line an address follows.
	// The 60 characters after the post are counted by isPostLine: written
	// [^.]{0,60}?, they made a pattern of sixty copies, the costliest of
	// the package to compile (FuzzIsPostLine holds it to that pattern).
	postLine = lazyRE(`^(?:The\s+)?(?:U\.S\.?|US|United States|American)\s+(?:Embassy|Consulate(?:\s+General)?|Consular\s+(?:Agency|Section|Services)|Mission|Institute)\b([^.]*)$`)
	// "Tel: …", "Hours of Operation: …" at the start of a paragraph.
)

// findContacts reads contact details: labelled values ("Tel: …", or a
// "Telephone" line followed by the number), the address that follows a
// post line ("U.S. Embassy Bamako:"), emails, numbers in international form
// anywhere, and local numbers that a sentence calls a number to call.
func (x *extractor) findContacts() {
	consumed := map[int]bool{} // units already read as a label's value
	for i, u := range x.units {
		if consumed[i] {
			continue
		}
		text := strings.TrimSpace(u.text.Text)
		next := -1
		if i+1 < len(x.units) && !x.units[i+1].heading {
			next = i + 1
		}
		if next >= 0 && x.isPostName(u, text) {
			// The paragraph after the post's name is read for its labels
			// and numbers too: only its address is taken here.
			x.postAddress(x.units[next])
		}
		if u.heading {
			continue
		}
		if kind, ok := x.vocab.ContactKindOf(text); ok && len(text) <= 40 {
			// A label with no value, such as "Telephone" above "Emergency";
			// "Telephone:" above a list of "Police: 17" and "Ambulance: 15"
			// leaves each item to its own label.
			if next >= 0 && !x.isLabel(x.units[next]) && !x.opensWithLabel(x.units[next].text.Text) {
				x.labelled(document.ContactKind(kind), strings.TrimSuffix(text, ":"), x.units[next], 0)
				consumed[next] = true
			}
			continue
		}
		if isPostLine(text) && next >= 0 {
			if value, start, ok := x.addressIn(x.units[next]); ok {
				nu := x.units[next]
				x.add(nu, document.Contact{Kind: document.ContactAddress, Value: value, Span: nu.source(start, start+len(value))})
				consumed[next] = true
				continue
			}
		}
		if end, colon, ok := inlineLabel(u.text.Text); ok {
			label := u.text.Text[:colon]
			if kind, ok := x.vocab.ContactKindOf(label); ok {
				x.labelled(document.ContactKind(kind), label, u, end)
				continue
			}
		}
		if label, from, ok := x.serviceLabel(u.text.Text); ok {
			x.labelled(document.ContactEmergency, label, u, from)
			continue
		}
		x.scanEmails(u, 0)
		x.scanPhones(u, 0, "", "")
	}
	sort.SliceStable(x.r.Contacts, func(i, j int) bool { return x.r.Contacts[i].Span.Start < x.r.Contacts[j].Span.Start })
}

// nextLabel finds a label after a value on its line, " Facebook: ", " X: ":
// the start of what \s+\p{Lu}[\p{L}]*:\s finds, or -1. By hand, as are
// endsInAbbreviation and findEmails, because compiling the Unicode classes
// cost more than a report's reading (FuzzContactMatchers holds both to
// their regexps). A run of spaces is the only start to try: from any space
// in it the run reads on to the same capital.
func nextLabel(s string) int {
	for a := 0; a < len(s); a++ {
		if !isSpaceRE(s[a]) {
			continue
		}
		b := a + 1
		for b < len(s) && isSpaceRE(s[b]) {
			b++
		}
		if end, ok := capitalizedLabelAt(s, b); ok && end < len(s) && isSpaceRE(s[end]) {
			return a
		}
		a = b - 1 // the words between runs hold no space
	}
	return -1
}

// capitalizedLabelAt reads \p{Lu}[\p{L}]*: at i and returns the end of its
// colon.
func capitalizedLabelAt(s string, i int) (int, bool) {
	r, size := utf8.DecodeRuneInString(s[i:]) // RuneError at the end
	if !unicode.IsUpper(r) {
		return 0, false
	}
	i += size
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += size
	}
	if i < len(s) && s[i] == ':' {
		return i + 1, true
	}
	return 0, false
}

// isSpaceRE is the regexp's \s: ASCII spaces only.
func isSpaceRE(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// endsInAbbreviation: a value ending "p.m." or "U.S." keeps its last
// period. It is (?:^|[^\pL])\pL\.\pL\.$ read from the end.
func endsInAbbreviation(s string) bool {
	for range 2 {
		rest, ok := strings.CutSuffix(s, ".")
		if !ok {
			return false
		}
		r, size := utf8.DecodeLastRuneInString(rest)
		if !unicode.IsLetter(r) {
			return false
		}
		s = rest[:len(rest)-size]
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return s == "" || !unicode.IsLetter(r)
}

// isPostLine and findInlineLabel run their regexps only on text that can
// match: both are tried on every paragraph of a report.
func isPostLine(text string) bool {
	if len(text) > 80 || !(strings.HasPrefix(text, "U") || strings.HasPrefix(text, "The ") || strings.HasPrefix(text, "American")) {
		return false
	}
	m := postLine.FindStringSubmatchIndex(text)
	if m == nil {
		return false
	}
	// What follows the post: at most 60 characters, and a colon. The
	// pattern takes "Consulate General" whole where it can, which leaves
	// the fewest.
	rest := text[m[2]:m[3]]
	n := utf8.RuneCountInString(rest)
	return n <= 60 || n == 61 && strings.HasSuffix(rest, ":")
}

// maxServiceLabel is the longest label serviceLabel reads, "Natural gas
// and fire emergency service" and a parenthesis.
const maxServiceLabel = 64

// maxServiceWords is the most words of a service's label.
const maxServiceWords = 6

// serviceLabel reads a label that names an emergency service before the
// number it gives, on one line: "Police: 15", "Ambulance (capital city):
// 907", "Police and emergency: 911". The value must open with the number,
// so that "Police: officers patrol …" is prose, not a contact. It gives the
// label and the offset of the value.
func (x *extractor) serviceLabel(text string) (label string, from int, ok bool) {
	colon := strings.IndexByte(text, ':')
	if colon <= 0 || colon > maxServiceLabel {
		return "", 0, false
	}
	// A number after the colon is asked first: most labels of a page
	// ("Note:", "Address:") have none, and the tests of the label are
	// longer.
	from = colon + 1
	for from < len(text) && text[from] == ' ' {
		from++
	}
	if from == len(text) || !isDigit(text[from]) && text[from] != '+' && text[from] != '(' {
		return "", 0, false
	}
	// A sentence before a colon ("In an emergency, call the embassy on: …")
	// is no label: its sentence gives the number's kind.
	if strings.ContainsAny(text[:colon], ".,;!?") || moreFieldsThan(text[:colon], maxServiceWords) {
		return "", 0, false
	}
	label = strings.TrimSpace(text[:colon])
	if !numbersOnly(text[from:]) || !x.vocab.NamesEmergencyService(label) {
		return "", 0, false
	}
	return label, from, true
}

// numbersOnly: a service label's value is numbers and nothing else but
// "or", "and", commas and parentheses ("115 and 1122", "+52 55 4891 1166
// (messages), or +52 55 5207 4155."), not a sentence that opens with a
// count ("12 of them are …"). The next label may follow, where the page
// broke its lines with hard breaks and the text runs them together
// ("Police: 110 Ambulance and fire: 119"): its numbers are read with the
// first's, as emergency numbers too.
var numbersOnly = lazyRE(`^(?:[\d+.\-–/ ,]|\([^()\n]{0,40}\)|\bor\b|\band\b)+\.?\s*(?:$|\p{Lu}[^:.]{0,60}:)`).MatchString

// opensWithLabel: text starts with a contact label and its value ("Tel:
// …") or an emergency service's ("Police: 17").
func (x *extractor) opensWithLabel(text string) bool {
	if _, colon, ok := inlineLabel(text); ok {
		if _, ok := x.vocab.ContactKindOf(text[:colon]); ok {
			return true
		}
	}
	_, _, ok := x.serviceLabel(text)
	return ok
}

// maxPostName is the longest post's name read: "Honorary Consul of
// Ireland, Cancún" and more.
const maxPostName = 80

// isPostName: the unit names a post, the address to follow: a heading
// that names one ("Embassy of Ireland, Kenya", "Department of Foreign
// Affairs and Trade"), or a line of its own that names one and its city
// ("Australian Embassy, Cairo", bold on the page). A sentence ("The
// Embassy in Cairo is open.") names no post of this kind.
func (x *extractor) isPostName(u unit, text string) bool {
	if len(text) > maxPostName || strings.HasSuffix(text, ".") || !x.vocab.NamesPost(text) {
		return false
	}
	if u.heading {
		return true
	}
	comma := strings.LastIndex(text, ", ")
	if comma < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[comma+2:])
	return unicode.IsUpper(r) && !strings.ContainsAny(text, ".;!?")
}

// postAddress reads the address that opens the paragraph after a post's
// name: the whole paragraph, or what comes before its first label (the
// page's lines run together: "11 Main Road Cairo Phone: +20 …"). An
// address has a digit (a street number, a floor, a post code) or is
// written on lines of its own with no sentence among them, which a
// sentence after a heading is not.
func (x *extractor) postAddress(u unit) {
	text := u.text.Text
	end := len(text)
	if at := nextLabel(text); at >= 0 {
		end = at
	}
	value := strings.TrimSpace(text[:end])
	lines := strings.Contains(x.src[u.span.Start:u.span.End], "\n") && !strings.Contains(value, ". ") && !strings.HasSuffix(value, ".")
	if !strings.ContainsAny(value, "0123456789") && !lines || isPostLine(value) || !x.looksLikeAddress(value) {
		return
	}
	value = strings.TrimSuffix(value, ",")
	start := strings.Index(text, value)
	x.add(u, document.Contact{Kind: document.ContactAddress, Value: value, Span: u.source(start, start+len(value))})
}

// isLabel: the unit is a contact label on its own ("Emergency").
func (x *extractor) isLabel(u unit) bool {
	t := strings.TrimSpace(u.text.Text)
	_, ok := x.vocab.ContactKindOf(t)
	return ok && !u.heading
}

// inlineLabel reads "Tel: " at the start of text, as
// ^([A-Z][A-Za-z .\-]{1,30}?):\s* with FindStringSubmatchIndex would give
// [0, end, 0, colon]: by hand, as the colon ends the label wherever it is,
// which the pattern spelt as thirty copies of its class (FuzzIsPostLine
// holds it to that pattern). Two ints, not the pattern's slice of four:
// that was an allocation for every contact line.
func inlineLabel(text string) (end, colon int, ok bool) {
	if text == "" || text[0] < 'A' || text[0] > 'Z' {
		return 0, 0, false
	}
	colon = 1
	for colon < len(text) && colon <= 31 && isLabelByte(text[colon]) {
		colon++
	}
	if colon < 2 || colon > 31 || colon == len(text) || text[colon] != ':' {
		return 0, 0, false
	}
	end = colon + 1
	for end < len(text) && isSpaceRE(text[end]) {
		end++
	}
	return end, colon, true
}

// isLabelByte is [A-Za-z .\-], a character of an inline label after its
// capital.
func isLabelByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == ' ' || c == '.' || c == '-'
}

// labelled reads the value a label introduces, from offset from in u's text.
func (x *extractor) labelled(kind document.ContactKind, label string, u unit, from int) {
	text := u.text.Text
	switch kind {
	case document.ContactPhone, document.ContactEmergency, document.ContactFax:
		x.scanPhones(u, from, kind, label)
	case document.ContactEmail:
		if !x.scanEmails(u, from) && !x.mailtoTarget(u, from) {
			x.contactForm(u, label, from)
		}
	default:
		value := strings.TrimSpace(text[from:])
		if kind == document.ContactWebsite {
			// "Website: x.gov.au Facebook: … X: @…", lines the page
			// broke with hard breaks, which the text runs together: the
			// next label ends the address.
			if at := nextLabel(value); at >= 0 {
				value = value[:at]
			}
		}
		if !endsInAbbreviation(value) {
			value = strings.TrimSuffix(value, ".") // the sentence's, not "p.m."'s
		}
		if value == "" {
			return
		}
		start := from + strings.Index(text[from:], value)
		x.add(u, document.Contact{Kind: kind, Value: value, Label: label, Span: u.source(start, start+len(value))})
	}
}

// contactForm reads an Email label's value that is no address but a link
// or a web address: the post asks to be written to through a form. It is
// recorded as a website under the Email label.
func (x *extractor) contactForm(u unit, label string, from int) {
	for _, l := range x.linksStartingIn(u) {
		if linkIn(u, l, from) && isWebAddress(l.Target) {
			x.add(u, document.Contact{Kind: document.ContactWebsite, Value: l.Target, Label: label, Span: l.Span})
			return
		}
	}
	text := u.text.Text
	for _, f := range strings.Fields(text[from:]) {
		if isWebAddress(f) {
			start := from + strings.Index(text[from:], f)
			x.add(u, document.Contact{Kind: document.ContactWebsite, Value: f, Label: label, Span: u.source(start, start+len(f))})
			return
		}
	}
}

// mailtoTarget reads the address of a mailto: link in an Email label's
// value whose text gives none that reads whole: the page broke the address
// over two lines ("name<br>@state.gov"), and the link's text holds it in
// two pieces. The tags are the page's, not the address's.
func (x *extractor) mailtoTarget(u unit, from int) bool {
	for _, l := range x.linksStartingIn(u) {
		target, ok := strings.CutPrefix(l.Target, "mailto:")
		if !ok || !linkIn(u, l, from) {
			continue
		}
		target = htmlTag.ReplaceAllString(target, "")
		if m := findEmails(target); len(m) > 0 && m[0][0] == 0 && m[0][1] == len(target) && strings.Count(target, "@") == 1 {
			x.add(u, document.Contact{Kind: document.ContactEmail, Value: target, Span: l.Span})
			return true
		}
	}
	return false
}

// linksStartingIn lists the report's links that start in u, found by a
// binary search so that a report of many labels and links stays linear.
func (x *extractor) linksStartingIn(u unit) []document.Link {
	if x.links == nil {
		x.links = slices.Clone(x.r.Links)
		slices.SortStableFunc(x.links, func(a, b document.Link) int { return a.Span.Start - b.Span.Start })
	}
	i := sort.Search(len(x.links), func(i int) bool { return x.links[i].Span.Start >= u.span.Start })
	j := sort.Search(len(x.links), func(i int) bool { return x.links[i].Span.Start >= u.span.End })
	return x.links[i:max(i, j)]
}

// linkIn: the link starts in u and ends after offset from of u's text.
// (The unit's text starts after a link's "[" and may end before its target.)
func linkIn(u unit, l document.Link, from int) bool {
	return u.span.Start <= l.Span.Start && l.Span.Start < u.span.End && l.Span.End > u.source(from, from).Start
}

// htmlTag is a tag such as "<br>" left in a link target.
var htmlTag = lazyRE(`</?[a-zA-Z]+\s*/?>`)

func isWebAddress(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// addressIn reads the address in the paragraph after a post line: the
// paragraph itself, or what follows an introductory sentence ending in a
// colon ("The Embassy is located … at the following address: …").
func (x *extractor) addressIn(u unit) (value string, start int, ok bool) {
	text := u.text.Text
	from := 0
	if !x.looksLikeAddress(text) {
		colon := strings.Index(text, ": ")
		if colon < 0 || len(strings.Fields(text[:colon])) < 4 || !x.looksLikeAddress(text[colon+1:]) {
			return "", 0, false
		}
		from = colon + 1
	}
	value = strings.TrimSuffix(strings.TrimSpace(text[from:]), ".")
	return value, from + strings.Index(text[from:], value), value != ""
}

// looksLikeAddress: the paragraph after a post line is its address unless it
// is a label, a number or an email.
func (x *extractor) looksLikeAddress(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > 200 {
		return false
	}
	if _, ok := x.vocab.ContactKindOf(t); ok {
		return false
	}
	if _, colon, ok := inlineLabel(t); ok {
		if _, ok := x.vocab.ContactKindOf(t[:colon]); ok {
			return false
		}
	}
	return !intlPhone.MatchString(t) && !strings.Contains(t, "@")
}

// findEmails finds what is shaped like an address, a malformed one too
// ("name@@state.gov"), so that the schema can say what is wrong with it:
// the spans the regexp [\p{L}\p{N}._%+\-']+@+[\p{L}\p{N}.\-@]*[\p{L}\p{N}]
// finds with FindAllStringIndex (FuzzFindEmails holds them equal). By hand
// because compiling that regexp's Unicode classes was about 1.5% of a
// one-report run, and the text of most reports has an address.
//
// How the regexp matches: from the start of a run of name characters, the
// run must be followed by "@", and the run of domain characters after that
// "@" must hold a letter or digit; the match ends after the last one. No
// other start inside the run can do better, so a failed run is skipped
// whole. The domain run last read is kept, so that text such as "a@.@.@."
// (every name run ending at an "@" of the same domain run) is read once.
func findEmails(s string) [][]int {
	var out [][]int
	// [dFrom, dEnd) is the domain run last read and dLast the end of its
	// last letter or digit, -1 without one.
	dFrom, dEnd, dLast := -1, -1, -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isEmailName(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isEmailName(r) {
				break
			}
			j += size
		}
		if j == len(s) || s[j] != '@' {
			i = j
			continue
		}
		p := j + 1
		if p < dFrom || p > dEnd {
			// A new domain run: no domain run read before holds p.
			dFrom, dLast = p, -1
			k := p
			for k < len(s) {
				r, size := utf8.DecodeRuneInString(s[k:])
				if !isEmailDomain(r) {
					break
				}
				k += size
				if unicode.IsLetter(r) || unicode.IsNumber(r) {
					dLast = k
				}
			}
			dEnd = k
		}
		if dLast > p {
			out = append(out, []int{i, dLast})
			i = dLast
			continue
		}
		i = j // s[j] is the "@", no name character
	}
	return out
}

// isEmailName is [\p{L}\p{N}._%+\-'], a character of an address's name.
func isEmailName(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune("._%+-'", r)
}

// isEmailDomain is [\p{L}\p{N}.\-@], a character of what follows the "@".
func isEmailDomain(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '.' || r == '-' || r == '@'
}

// scanEmails reads the addresses in u from offset from, and says whether
// it found one.
func (x *extractor) scanEmails(u unit, from int) bool {
	text := u.text.Text
	if !strings.Contains(text[from:], "@") {
		return false
	}
	found := false
	for _, m := range findEmails(text[from:]) {
		s, e := from+m[0], from+m[1]
		for e > s && strings.ContainsRune(".-'", rune(text[e-1])) {
			e--
		}
		if u.text.InCode(s, e) {
			continue // code, such as a module path "name@version"
		}
		if !strings.Contains(text[s:e], "@") || strings.HasSuffix(text[s:e], "@") || strings.HasPrefix(text[s:e], "@") {
			continue
		}
		if at := s + strings.IndexByte(text[s:e], '@'); u.source(at-1, at).End != u.source(at, at+1).Start {
			// Markup between the name and the "@": "X" and a link
			// "[@handle](…)", a social media account, not an address.
			continue
		}
		found = true
		x.add(u, document.Contact{Kind: document.ContactEmail, Value: text[s:e], Span: u.source(s, e)})
	}
	return found
}

// scanPhones reads numbers from offset from. With a kind (a labelled value)
// every number is taken; otherwise numbers in international form are taken
// anywhere, and local ones only where the sentence asks to call them.
func (x *extractor) scanPhones(u unit, from int, kind document.ContactKind, label string) {
	u, from = x.withListPlus(u, from)
	text := u.text.Text
	if !phrase.HasDigit(text[from:]) {
		return
	}
	plus := strings.IndexByte(text[from:], '+') >= 0
	if kind == "" && !plus && (!x.mayHoldLocalNumber(text[from:]) || !x.mentionsPhoneWord(text[from:])) {
		return // neither an international number nor a number the text asks to call
	}
	// An international number starts with a plus: a labelled value without
	// one, most of them, is not searched for one.
	if plus {
		for _, m := range intlPhone.FindAllStringIndex(text[from:], -1) {
			s, e := ownParens(text, from+m[0], from+m[1])
			if digits(text[s:e]) < 6 || u.text.InCode(s, e) {
				continue
			}
			x.add(u, document.Contact{Kind: x.numberKind(u, s, e, kind), Value: text[s:e], Label: label, Span: u.source(s, e)})
		}
	}
	local := localPhone
	if kind != "" {
		local = labelledPhone
	}
	for _, m := range local.find(text[from:]) {
		s, e := from+m[0], from+m[1]
		if s > 0 && (text[s-1] == '+' || text[s-1] == '(' || text[s-1] == ')') || digits(text[s:e]) < 2 || isYear(text[s:e]) ||
			x.vocab.IsCountWord(text[e:]) || notAPhone(text, s, e) || u.text.InCode(s, e) {
			continue
		}
		if kind == "" && !x.calledNumber(text, s) {
			continue
		}
		x.add(u, document.Contact{Kind: x.numberKind(u, s, e, kind), Value: text[s:e], Label: label, Span: u.source(s, e)})
	}
}

// numberKind is the kind of the number u.text.Text[s:e]: the label's,
// unless a parenthesis right after a phone number names an emergency
// service ("Telephone: 999 (ambulance, fire, police)", "(emergencies
// only)"); for a number without a label, the kind its sentence gives, or
// for a short one its heading.
func (x *extractor) numberKind(u unit, s, e int, kind document.ContactKind) document.ContactKind {
	text := u.text.Text
	switch kind {
	case "":
		k := x.phoneKind(text, s)
		if k == document.ContactPhone && x.followsEmergency(text, s) {
			return document.ContactEmergency
		}
		// "Call 991." under a heading "Medical emergencies" or "Police":
		// a service number takes the kind its heading gives.
		if k == document.ContactPhone && digits(text[s:e]) <= maxServiceDigits && u.section != nil && x.namesEmergency(u.section.Title.Value) {
			return document.ContactEmergency
		}
		return k
	case document.ContactPhone:
		if p := parenAfter(text, e); p != "" && x.namesEmergency(p) {
			return document.ContactEmergency
		}
	}
	return kind
}

// maxServiceDigits is the most digits of a service number ("991", "1122").
const maxServiceDigits = 4

// parenAfter is the parenthesis that follows offset e, after spaces and a
// comma, or "".
func parenAfter(text string, e int) string {
	rest := strings.TrimLeft(text[e:min(len(text), e+maxParen)], " ,")
	if !strings.HasPrefix(rest, "(") {
		return ""
	}
	if close := strings.IndexByte(rest, ')'); close > 0 {
		return rest[:close+1]
	}
	return ""
}

func (x *extractor) namesEmergency(s string) bool {
	s = strings.ToLower(s)
	for _, w := range x.vocab.EmergencyWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// ownParens trims from the number text[s:e] a closing parenthesis it does
// not own (a link's, or the prose's: "(phone: +251 11 617 0100)"), and
// takes in the opening one of a calling code written "(+267) 373-2222".
func ownParens(text string, s, e int) (int, int) {
	if strings.Count(text[s:e], ")") <= strings.Count(text[s:e], "(") {
		return s, e
	}
	if s > 0 && text[s-1] == '(' && parenCode.MatchString(text[s:e]) {
		return s - 1, e
	}
	if text[e-1] == ')' {
		e--
	}
	return s, e
}

// notAPhone: the digits text[s:e] are a time ("8:15", "5 p.m.", digits in
// a parenthesis of opening hours), a fraction or a house number beside a
// slash ("24/7", "91/1"), or an extension ("ext. 2306").
func notAPhone(text string, s, e int) bool {
	switch {
	case s >= 2 && text[s-1] == ':' && isDigit(text[s-2]),
		e+1 < len(text) && text[e] == ':' && isDigit(text[e+1]),
		s >= 2 && text[s-1] == '/' && isDigit(text[s-2]),
		e+1 < len(text) && text[e] == '/' && isDigit(text[e+1]),
		alternativeEnding(text, s, e),
		clockAfter.MatchString(text[e:min(len(text), e+clockReach)]),
		endsInExtension(text[max(0, s-12):s]):
		return true
	}
	// Inside a parenthesis that gives hours: "(Monday - Thursday, 7:30 a.m. – 5:00 p.m.)".
	// Read no further than a parenthesis can be, so that a line of numbers
	// stays linear.
	lo, hi := max(0, s-maxParen), min(len(text), e+maxParen)
	open := strings.LastIndexByte(text[lo:s], '(')
	if open < 0 || strings.IndexByte(text[lo+open:s], ')') >= 0 {
		return false
	}
	close := strings.IndexByte(text[e:hi], ')')
	return close >= 0 && timeWords.MatchString(text[lo+open:e+close])
}

// clockReach is as far after a number as clockAfter can read: "\s?" and
// "hrſ" (a long s is two bytes) take five bytes, and its \b one more.
// Given the rest of a paragraph, the regexp cleared its state for all of it.
const clockReach = 6

// endsInExtension is extensionBefore.MatchString(s), by hand: the regexp
// tried every byte of s, as "$" does not anchor its start. After trailing
// spaces (\s), s ends in "ext", "ext.", "extension" or "x" in any case (a
// long s, U+017F, is an "s" to the regexp), at a word's start (\b, ASCII).
func endsInExtension(s string) bool {
	s = strings.TrimRight(s, " \t\n\f\r")
	for _, w := range [...]string{"x", "ext", "ext.", "extension"} {
		if start, ok := suffixFold(s, w); ok && (start == 0 || !isWordByte(s[start-1])) {
			return true
		}
	}
	return false
}

// suffixFold reports whether s ends in the lower-case ASCII word w, in any
// case, an "s" of w also matched by a long s (U+017F), and where in s
// the word starts.
func suffixFold(s, w string) (int, bool) {
	i := len(s)
	for k := len(w) - 1; k >= 0; k-- {
		switch c := w[k]; {
		case i > 0 && (s[i-1] == c || 'a' <= c && c <= 'z' && s[i-1] == c-('a'-'A')):
			i--
		case c == 's' && i > 1 && s[i-2] == 0xC5 && s[i-1] == 0xBF:
			i -= 2
		default:
			return 0, false
		}
	}
	return i, true
}

// maxParen is the longest parenthesis notAPhone reads around a number.
const maxParen = 160

// alternativeEnding: the short run text[s:e] follows a number after a
// spaced dash or slash, giving other last digits of it: "35891181 - 82 - 83"
// is 35891181, 35891182 and 35891183.
func alternativeEnding(text string, s, e int) bool {
	if e-s > 3 || s < 4 || !isDigit(text[s-4]) {
		return false
	}
	gap := text[s-3 : s]
	return gap == " - " || gap == " / "
}

// withListPlus gives back the plus sign a Markdown list took as its marker:
// "+ (34) 932-802-227" on a line of its own is a list item "(34) 932-802-227"
// to CommonMark, but a number to its writer. The unit's text then starts
// with the plus, mapped to the source; from moves with the text.
func (x *extractor) withListPlus(u unit, from int) (unit, int) {
	if u.para == nil || u.para.Kind != document.KindListItem || len(u.text.Segments) == 0 || u.text.Segments[0].TextStart != 0 {
		return u, from
	}
	first := u.text.Segments[0].SourceStart
	lineStart := strings.LastIndexByte(x.src[:first], '\n') + 1
	marker := x.src[lineStart:first]
	plus := strings.IndexByte(marker, '+')
	if plus < 0 || strings.TrimSpace(marker) != "+" {
		return u, from
	}
	prefix := marker[plus:]
	text := prefix + u.text.Text
	if m := intlPhone.FindStringIndex(text); m == nil || m[0] != 0 {
		return u, from
	}
	in := document.Inline{Text: text, Anchor: u.text.Anchor}
	in.Segments = append(in.Segments, document.Segment{TextStart: 0, SourceStart: lineStart + plus, Len: len(prefix)})
	for _, sg := range u.text.Segments {
		sg.TextStart += len(prefix)
		in.Segments = append(in.Segments, sg)
	}
	for _, c := range u.text.Code {
		in.Code = append(in.Code, document.Span{Start: c.Start + len(prefix), End: c.End + len(prefix)})
	}
	// u.keys still holds: the prefix ("+" and spaces) adds none of the
	// words it records.
	u.text = &in
	if from == 0 {
		return u, 0 // the scan starts at the number, plus included
	}
	return u, from + len(prefix)
}

// mentionsPhoneWord is a cheap test before the number scans.
//
// The ASCII words' rarest letters are found once a vocabulary
// (phrase.Literals), not at every unit with a number in it, nor for every
// report: every report reads the one default vocabulary.
func (x *extractor) mentionsPhoneWord(text string) bool {
	if x.phoneWords == nil {
		pw := phoneWordsOf(x.vocab)
		x.phoneWords, x.otherPhoneWords = pw.ascii, pw.other
	}
	if x.phoneWords.ContainsAnyFold(text) {
		return true
	}
	for _, w := range x.otherPhoneWords {
		if strings.Contains(strings.ToLower(text), w) { // an editor's word with accents
			return true
		}
	}
	return false
}

// phoneWords are a vocabulary's phone words as mentionsPhoneWord reads
// them: the ASCII ones as Literals, the others as they are.
type phoneWords struct {
	ascii *phrase.Literals
	other []string
}

// phoneWordSets holds the phoneWords of each vocabulary read (the default,
// in practice), by pointer: a vocabulary is not changed once loaded.
var phoneWordSets sync.Map

func phoneWordsOf(v *vocab.Vocabulary) *phoneWords {
	if pw, ok := phoneWordSets.Load(v); ok {
		return pw.(*phoneWords)
	}
	var ascii []string
	pw := &phoneWords{}
	for _, w := range v.PhoneWords {
		if phrase.IsASCII(w) {
			ascii = append(ascii, w)
		} else {
			pw.other = append(pw.other, w)
		}
	}
	pw.ascii = phrase.NewLiterals(ascii)
	got, _ := phoneWordSets.LoadOrStore(v, pw)
	return got.(*phoneWords)
}

// calledNumber: the number at off follows a phone word ("number", "call",
// "dial") within its sentence, with at most eight words and no other number
// between them, and "number" is not "the number of".
func (x *extractor) calledNumber(text string, off int) bool {
	p := x.proseOf(text)
	if called, ok := p.called[off]; ok {
		return called
	}
	called := x.calledNumberUncached(text, off)
	if p.called == nil {
		p.called = map[int]bool{}
	}
	p.called[off] = called
	return called
}

// calledBefore is how far before a number calledNumber reads: eight words
// and the number before them take far less, and reading no further keeps
// a paragraph of numbers linear.
const calledBefore = 512

func (x *extractor) calledNumberUncached(text string, off int) bool {
	sent := x.proseOf(text).sentence(off)
	from := max(sent.Start, off-calledBefore)
	if from > sent.Start {
		// Cut at a word boundary, so no word is read from its middle.
		if i := strings.IndexAny(text[from:off], " (),:"); i >= 0 {
			from += i
		} else {
			from = off
		}
	}
	// Nine words are read, and the one before the first of them.
	words := lastWords(text[from:off], 10)
	for i := len(words) - 1; i >= 0 && i >= len(words)-9; i-- {
		w := strings.Trim(words[i], "*\"'")
		if digits(w) > 0 {
			// "Dial 191 for the police or 112 in an emergency": a number
			// joined by "or" or "and" to a called one is called too.
			between := words[i+1:]
			if slices.Contains(between, "or") || slices.Contains(between, "and") {
				if prev := numberStart(text[from:off]); prev >= 0 {
					return x.calledNumber(text, from+prev)
				}
			}
			return false
		}
		for _, pw := range x.vocab.PhoneWords {
			if w == pw && !(strings.HasPrefix(w, "number") && x.thingsNumber(words, i)) {
				return true
			}
		}
		// "reach the embassy on 2044 5100", not "can reach over 40 degrees".
		if slices.Contains(x.vocab.ReachWords, w) && (slices.Contains(words[i+1:], "on") || slices.Contains(words[i+1:], "at")) {
			return true
		}
	}
	return false
}

// lastWords is the last n words of s, lower-cased, as splitting all of s
// at spaces, parentheses, commas and colons would give them: only they
// are lowered and split, where calledNumber did so for up to 512 bytes
// of the sentence before each number. The marks are ASCII, never part of
// a longer character, so s can be cut at them as bytes.
func lastWords(s string, n int) []string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		for i > 0 && isWordMark(s[i-1]) {
			i--
		}
		for i > 0 && !isWordMark(s[i-1]) {
			i--
		}
	}
	return strings.FieldsFunc(strings.ToLower(s[i:]), func(r rune) bool { return r < utf8.RuneSelf && isWordMark(byte(r)) })
}

// isWordMark: c ends a word for calledNumber.
func isWordMark(c byte) bool { return c == ' ' || c == '(' || c == ')' || c == ',' || c == ':' }

// thingsNumber: the word "number" at words[i] is "the number of" or the
// number of a thing ("road number", "house number"), not a phone number.
func (x *extractor) thingsNumber(words []string, i int) bool {
	return i+1 < len(words) && words[i+1] == "of" ||
		i > 0 && slices.Contains(x.vocab.NumberNouns, strings.Trim(words[i-1], "*\"'"))
}

// numberStart is the offset where the last number in s begins, a number
// written in groups ("+227 2072 2661") taken whole; -1 if s has none.
func numberStart(s string) int {
	end := len(s)
	for end > 0 && !isDigit(s[end-1]) {
		end--
	}
	if end == 0 {
		return -1
	}
	start := end
	for start > 0 && (isDigit(s[start-1]) || strings.IndexByte(" +-.()", s[start-1]) >= 0) {
		start--
	}
	for start < end && !isDigit(s[start]) && s[start] != '+' && s[start] != '(' {
		start++ // the spaces and dots before it are not part of it
	}
	return start
}

// phoneKind: a number in a sentence about emergencies or the police is an
// emergency number.
func (x *extractor) phoneKind(text string, off int) document.ContactKind {
	p := x.proseOf(text)
	sent := p.sentence(off)
	if kind, ok := p.kind[sent.Start]; ok {
		return kind
	}
	kind := document.ContactPhone
	s := strings.ToLower(text[sent.Start:sent.End])
	for _, w := range x.vocab.EmergencyWords {
		if strings.Contains(s, w) {
			kind = document.ContactEmergency
			break
		}
	}
	if p.kind == nil {
		p.kind = map[int]document.ContactKind{}
	}
	p.kind[sent.Start] = kind
	return kind
}

// followOnWords is the most words a sentence may have before its number
// to be read as the answer to the sentence before it: "Our telephone
// number is:" has four.
const followOnWords = 5

// followOnBytes bounds the followOnWords words before the number.
const followOnBytes = 80

// followsEmergency: the number at off is given in a short sentence that
// answers the one before it, which speaks of an emergency and gives no
// number of its own: "If you need emergency help, contact us at once. Our
// number is +353 …". The emergency is the earlier sentence's.
func (x *extractor) followsEmergency(text string, off int) bool {
	p := x.proseOf(text)
	sent := p.sentence(off)
	// Five words take far fewer bytes: reading no further keeps a
	// sentence of many numbers linear, and so does reading the sentence
	// before only for the few numbers this near its start.
	if sent.Start == 0 || off-sent.Start > followOnBytes || len(strings.Fields(text[sent.Start:off])) > followOnWords {
		return false
	}
	i := sort.Search(len(p.sentences), func(i int) bool { return p.sentences[i].Start >= sent.Start })
	if i == 0 || i > len(p.sentences) {
		return false
	}
	prev := p.sentences[i-1]
	if ps := text[prev.Start:prev.End]; prev.End > sent.Start || strings.Contains(ps, "+") || x.mayHoldLocalNumber(ps) {
		return false
	}
	return x.namesEmergency(text[prev.Start:prev.End])
}

// unitProse is what the contact scans learn of one unit's text, kept while
// they read it: its sentences, the kind of number each sentence gives, and
// whether the number at an offset is one to call. Without it each number
// of a long paragraph cut and read the whole paragraph again.
type unitProse struct {
	text      string
	sentences []prose.Range
	kind      map[int]document.ContactKind // by sentence start
	called    map[int]bool                 // by number start
}

func (p *unitProse) sentence(off int) prose.Range { return prose.In(p.sentences, p.text, off) }

// proseOf is the unitProse of text, made when text is not the one kept.
func (x *extractor) proseOf(text string) *unitProse {
	if x.prose == nil || x.prose.text != text {
		// The maps are made when first written: most texts ask one of them.
		x.prose = &unitProse{text: text, sentences: prose.Sentences(text)}
	}
	return x.prose
}

// add records a contact of unit u unless one was already read at that
// place, or the same value of the same kind was read in the same paragraph
// (a link's text repeating its target).
func (x *extractor) add(u unit, c document.Contact) {
	if x.seen.span != u.span || x.seen.values == nil {
		// The map is emptied for the next unit, not made again: most units
		// hold a contact or two, and a map a unit was most of the bytes
		// contacts made. One a unit left large is not kept, as emptying
		// costs its size.
		values := x.seen.values
		if values == nil || len(values) > maxSeenKept {
			values = map[contactValue]bool{}
		} else {
			clear(values)
		}
		// The bits too are kept for the next unit, emptied by mark when
		// it is sized, unless a long unit left them large.
		taken := x.seen.taken[:0]
		if cap(taken) > maxTakenKept {
			taken = nil
		}
		x.seen = seenContacts{span: u.span, taken: taken, values: values}
	}
	key := contactValue{c.Kind, c.Value}
	inside := c.Span.Start < c.Span.End && u.span.Contains(c.Span)
	if inside && !x.oddContact {
		if x.seen.values[key] || x.seen.takes(c.Span) {
			return
		}
	} else {
		for _, o := range x.r.Contacts {
			if o.Span.Overlaps(c.Span) {
				return
			}
			if o.Kind == c.Kind && o.Value == c.Value && x.sameUnit(o.Span, c.Span) {
				return
			}
		}
		x.oddContact = x.oddContact || !inside
	}
	if inside {
		x.seen.mark(c.Span)
		x.seen.values[key] = true
	}
	x.r.Contacts = append(x.r.Contacts, c)
}

// seenContacts is what add knows of the contacts of the unit being read,
// so that a paragraph of a hundred thousand numbers is not read again for
// each. Units do not overlap, so a contact within its unit can neither
// overlap nor repeat one of another unit; once a contact lies outside its
// unit, or takes no bytes, add compares each with every contact, as it
// once did for all.
type seenContacts struct {
	span   document.Span // the unit's
	taken  []uint64      // a bit for each byte of the unit a contact takes
	values map[contactValue]bool
}

// maxSeenKept bounds the contacts of a unit whose map add empties for the
// next unit.
const maxSeenKept = 64

// maxTakenKept bounds the words of bits add keeps for the next unit (a
// unit of 16 KiB).
const maxTakenKept = 256

type contactValue struct {
	kind  document.ContactKind
	value string
}

func (s *seenContacts) takes(sp document.Span) bool {
	for i := sp.Start; i < sp.End; i++ {
		b := i - s.span.Start
		if b/64 < len(s.taken) && s.taken[b/64]&(1<<(b%64)) != 0 {
			return true
		}
	}
	return false
}

func (s *seenContacts) mark(sp document.Span) {
	if len(s.taken) == 0 {
		n := (s.span.End-s.span.Start)/64 + 1
		if cap(s.taken) >= n {
			s.taken = s.taken[:n]
			clear(s.taken)
		} else {
			s.taken = make([]uint64, n)
		}
	}
	for i := sp.Start; i < sp.End; i++ {
		b := i - s.span.Start
		s.taken[b/64] |= 1 << (b % 64)
	}
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// mayHoldLocalNumber is a cheap test that text has a number the local
// phone scan could take: a run of two or more digits that is neither a
// year on its own nor a count ("412 incidents"). It may say yes wrongly,
// never no wrongly.
func (x *extractor) mayHoldLocalNumber(text string) bool {
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			k := phrase.IndexDigit(text[i:])
			if k < 0 {
				break
			}
			i += k
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		run := text[i:j]
		grouped := j+1 < len(text) && strings.IndexByte(" .-", text[j]) >= 0 && isDigit(text[j+1])
		if len(run) >= 2 && (grouped || !isYear(run) && !x.vocab.IsCountWord(text[j:])) {
			return true
		}
		i = j
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	y, err := strconv.Atoi(s)
	return err == nil && y >= 1900 && y <= 2099
}

func (x *extractor) sameUnit(a, b document.Span) bool {
	for _, u := range x.units {
		if u.span.Contains(a) {
			return u.span.Contains(b)
		}
	}
	return false
}
