package schema

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/reportlint/reportlint/internal/suggest"
	"github.com/reportlint/reportlint/schemas"
)

// leaves are the errors to report: those with no causes, and anyOf/oneOf
// failures as a whole (their branches' failures say nothing useful alone).
func leaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch ve.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		return []*jsonschema.ValidationError{ve}
	}
	if len(ve.Causes) == 0 {
		return []*jsonschema.ValidationError{ve}
	}
	var out []*jsonschema.ValidationError
	for _, c := range ve.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// message is one thing wrong, where to show it, and how to fix it.
type message struct {
	text, hint string
	at         string // the pointer of the value, or of the key when atKey
	atKey      bool
	// clip shows only the first line of a multi-line value: a missing
	// property is reported at the object that should hold it.
	clip bool
}

// messages says in plain words what is wrong with the value at ptr. A
// missing-properties or unknown-properties error gives one message per property.
func messages(e *jsonschema.ValidationError, ptr string, instance any, hints map[string]string) []message {
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		var out []message
		for _, m := range k.Missing {
			// At the top the child's name says most ("no published date");
			// deeper, the parent's name already says what it is ("the crime
			// threat rating has no level").
			missing := m
			if ptr == "" {
				missing = strings.TrimPrefix(noun("/"+m, instance), "the ")
			}
			owner := noun(ptr, instance)
			if ptr == "/advisory" {
				owner = "the travel advisory" // not "the travel advisory level has no level"
			}
			text := fmt.Sprintf("%s has no %s", owner, missing)
			out = append(out, message{text: text, at: ptr, hint: missingHint(ptr, m, hints), clip: true})
		}
		return out
	case *kind.AdditionalProperties:
		var out []message
		for _, p := range k.Properties {
			// A name is a pointer token only escaped: "a/b" is one property.
			out = append(out, unknownProperty(ptr+"/"+escapeToken(p), instance))
		}
		return out
	case *kind.FalseSchema:
		// unevaluatedProperties: false reports each unknown property this way.
		if i := strings.LastIndexByte(ptr, '/'); i >= 0 {
			if _, isMap := lookup(instance, ptr[:i]).(map[string]any); isMap {
				return []message{unknownProperty(ptr, instance)}
			}
		}
	}
	m := describeKind(e, instance)
	if _, ok := e.ErrorKind.(*kind.AnyOf); ok && strings.HasPrefix(ptr, "/contacts/") {
		if v, ok := lookup(instance, ptr).(string); ok {
			m.text = fmt.Sprintf("%s %q is neither in international form nor a short local number", noun(ptr, instance), v)
		}
	}
	m.hint = hint(e, ptr, instance)
	return []message{m}
}

func unknownProperty(ptr string, instance any) message {
	i := strings.LastIndexByte(ptr, '/')
	name := unescapeToken(ptr[i+1:])
	text := fmt.Sprintf("%s has an unknown property %q", noun(ptr[:i], instance), name)
	m := message{text: text, at: ptr, atKey: true}
	if s, ok := suggest.Closest(name, knownProperties()); ok {
		m.text += fmt.Sprintf("; did you mean %q?", s)
	}
	return m
}

// knownProperties are the property names the embedded schemas define.
var knownProperties = sync.OnceValue(func() []string {
	seen := map[string]bool{}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if props, ok := x["properties"].(map[string]any); ok {
				for k := range props {
					if !seen[k] {
						seen[k] = true
						out = append(out, k)
					}
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	names, _ := fs.Glob(schemas.FS, "*.schema.json")
	for _, n := range names {
		data, _ := fs.ReadFile(schemas.FS, n)
		var v any
		if json.Unmarshal(data, &v) == nil {
			walk(v)
		}
	}
	sort.Strings(out)
	return out
})

// describeKind words one error from its typed kind.
func describeKind(e *jsonschema.ValidationError, instance any) message {
	ptr := pointer(e.InstanceLocation)
	return message{text: describe(e.ErrorKind, noun(ptr, instance)), at: ptr}
}

// describeUnquoted is describe without the value found, for a mistake in
// a schema file: its words are not shown, since a path or a $ref may have
// made it any file of the machine.
func describeUnquoted(ek jsonschema.ErrorKind, what string) string {
	switch k := ek.(type) {
	case *kind.Enum:
		return fmt.Sprintf("%s is not one of %s", what, joinAny(k.Want))
	case *kind.Const:
		return fmt.Sprintf("%s should be %s", what, show(k.Want))
	case *kind.Format:
		return fmt.Sprintf("%s is not a valid %s", what, formatName(k.Want))
	case *kind.Pattern:
		return what + " is not in the expected form"
	}
	return describe(ek, what)
}

func describe(ek jsonschema.ErrorKind, what string) string {
	switch k := ek.(type) {
	case *kind.Type:
		return fmt.Sprintf("%s should be %s, not %s", what, orList(article(k.Want)), article([]string{k.Got})[0])
	case *kind.Enum:
		return fmt.Sprintf("%s %s is not one of %s", what, show(k.Got), joinAny(k.Want))
	case *kind.Const:
		return fmt.Sprintf("%s should be %s, not %s", what, show(k.Want), show(k.Got))
	case *kind.Format:
		if v, ok := k.Got.(string); ok && k.Want == "date" && !isoShaped(v) {
			// Written as the report has it ("February 30, 2024"): the
			// YYYY-MM-DD form is the model's, not the editor's business.
			return fmt.Sprintf("%s %s is not a valid calendar date", what, show(k.Got))
		}
		return fmt.Sprintf("%s %s is not a valid %s", what, show(k.Got), formatName(k.Want))
	case *kind.Pattern:
		if k.Want == `\S` {
			return what + " is blank"
		}
		return fmt.Sprintf("%s %s is not in the expected form", what, strconv.Quote(k.Got))
	case *kind.Minimum:
		return fmt.Sprintf("%s %s is below the minimum %s", what, rat(k.Got), rat(k.Want))
	case *kind.Maximum:
		return fmt.Sprintf("%s %s is above the maximum %s", what, rat(k.Got), rat(k.Want))
	case *kind.ExclusiveMinimum:
		return fmt.Sprintf("%s %s must be more than %s", what, rat(k.Got), rat(k.Want))
	case *kind.ExclusiveMaximum:
		return fmt.Sprintf("%s %s must be less than %s", what, rat(k.Got), rat(k.Want))
	case *kind.MultipleOf:
		return fmt.Sprintf("%s %s is not a multiple of %s", what, rat(k.Got), rat(k.Want))
	case *kind.MinLength:
		if k.Got == 0 {
			return what + " is empty"
		}
		return fmt.Sprintf("%s is %d characters long, shorter than %d", what, k.Got, k.Want)
	case *kind.MaxLength:
		return fmt.Sprintf("%s is %d characters long, longer than %d", what, k.Got, k.Want)
	case *kind.MinItems:
		if k.Got == 0 {
			return what + " are missing: the list is empty"
		}
		return fmt.Sprintf("%s has %d items, fewer than %d", what, k.Got, k.Want)
	case *kind.MaxItems:
		return fmt.Sprintf("%s has %d items, more than %d", what, k.Got, k.Want)
	case *kind.MinProperties:
		return fmt.Sprintf("%s has %d properties, fewer than %d", what, k.Got, k.Want)
	case *kind.MaxProperties:
		return fmt.Sprintf("%s has %d properties, more than %d", what, k.Got, k.Want)
	case *kind.AdditionalProperties:
		return fmt.Sprintf("%s has unknown %s %s", what, pluralWord(len(k.Properties), "property", "properties"), quoteAll(k.Properties))
	case *kind.UniqueItems:
		return fmt.Sprintf("%s repeats an item (items %d and %d are the same)", what, k.Duplicates[0]+1, k.Duplicates[1]+1)
	case *kind.Dependency:
		return fmt.Sprintf("%s has %q but not %s", what, k.Prop, quoteAll(k.Missing))
	case *kind.DependentRequired:
		return fmt.Sprintf("%s has %q but not %s", what, k.Prop, quoteAll(k.Missing))
	case *kind.PropertyNames:
		return fmt.Sprintf("%s has a property with a name the schema does not allow: %q", what, k.Property)
	case *kind.AnyOf:
		return what + " matches none of the forms the schema allows"
	case *kind.OneOf:
		if len(k.Subschemas) > 1 {
			return fmt.Sprintf("%s matches more than one of the forms the schema allows", what)
		}
		return fmt.Sprintf("%s matches none of the forms the schema allows", what)
	case *kind.FalseSchema:
		return what + " is not allowed here"
	case *kind.Not:
		return what + " is of a form the schema forbids"
	case *kind.Contains, *kind.MinContains, *kind.MaxContains:
		return what + " does not contain the items the schema requires"
	case *kind.AdditionalItems:
		return fmt.Sprintf("%s has %d items more than the schema allows", what, k.Count)
	case *kind.InvalidJsonValue:
		return fmt.Sprintf("%s holds a value JSON cannot represent", what)
	}
	return fmt.Sprintf("%s does not satisfy the schema (%s)", what, strings.Join(ek.KeywordPath(), "/"))
}

// missingHint suggests how to add a missing property: as the report's
// profile says its kind of report writes it, or as the State
// Department's reports do.
func missingHint(ptr, prop string, hints map[string]string) string {
	if ptr != "" {
		return ""
	}
	if h, ok := hints[prop]; ok {
		return h
	}
	switch prop {
	case "published":
		return `add a line such as "Published: November 29, 2024" under the title`
	case "country":
		return "name the country on its own line under the title, or in the title"
	case "advisory":
		return `state the level, as in "assesses Mali at Level 4" or "Mali - Level 4: Do Not Travel"`
	}
	return ""
}

// hint suggests the fix for the common cases.
// The hints read the error and the instance, never the built-in schema's
// content: a house schema may allow other levels or forms.
func hint(e *jsonschema.ValidationError, ptr string, instance any) string {
	switch k := e.ErrorKind.(type) {
	case *kind.Enum:
		if strings.HasSuffix(ptr, "/level") && strings.HasPrefix(ptr, "/ratings/") {
			words := make([]string, len(k.Want))
			for i, w := range k.Want {
				words[i] = joinAny([]any{w})
			}
			return "use " + orList(words)
		}
	case *kind.Pattern:
		if k.Want != `\S` && isPhoneContact(ptr, instance) {
			return "write phone numbers in international form, such as +223 2070 2300"
		}
	case *kind.AnyOf:
		if isPhoneContact(ptr, instance) {
			return "write phone numbers in international form, such as +223 2070 2300"
		}
	case *kind.Format:
		if ptr == "/published" {
			if v, _ := k.Got.(string); isoShaped(v) {
				return "check the month and day"
			}
			return "check the month and day, and write the date in full, such as November 29, 2024 (2024-11-29 in a JSON or YAML report)"
		}
	case *kind.Type:
		if strings.Contains(ptr, "/paragraphs/") {
			return `write each paragraph as an object: {"text": "…"}`
		}
	}
	return ""
}

// noun names the value at a pointer the way an editor would.
func noun(ptr string, instance any) string {
	toks := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	if ptr == "" {
		return "the report"
	}
	last := toks[len(toks)-1]
	switch {
	case len(toks) == 1:
		switch last {
		case "published":
			return "the published date"
		case "advisory":
			return "the travel advisory level"
		case "ratings":
			return "the threat ratings"
		case "contacts":
			return "the contact details"
		case "sections":
			return "the sections"
		case "title", "country", "profile", "format", "path", "dates", "links":
			return "the " + last
		}
		return strconv.Quote(unescapeToken(last))
	case toks[0] == "advisory":
		switch {
		case len(toks) == 2 && last == "level":
			return "the advisory level"
		case len(toks) == 2 && last == "wording":
			return "the advisory wording"
		case len(toks) == 2 && last == "reasons":
			return "the advisory's reasons"
		case len(toks) >= 3 && toks[1] == "indicators":
			if last == "code" {
				return "the indicator letter"
			}
			return "indicator " + ordinal(toks[2])
		case len(toks) >= 3 && toks[1] == "regions":
			name, _ := lookup(instance, "/advisory/regions/"+toks[2]+"/name").(string)
			region := "region " + ordinal(toks[2])
			if name != "" {
				region = "region " + strconv.Quote(name)
			}
			if len(toks) == 4 {
				return "the " + last + " of " + region
			}
			return region
		}
	case toks[0] == "ratings" && len(toks) >= 2:
		rating := "threat rating " + ordinal(toks[1])
		if cat, _ := lookup(instance, "/ratings/"+toks[1]+"/category").(string); cat != "" {
			rating = "the " + cat + " threat rating"
		}
		if len(toks) == 3 {
			if last == "level" {
				return rating + " level"
			}
			return rating + "'s " + last
		}
		return rating
	case toks[0] == "contacts" && len(toks) >= 2:
		kindName, _ := lookup(instance, "/contacts/"+toks[1]+"/kind").(string)
		switch kindName {
		case "email":
			return "the email address"
		case "phone":
			return "the phone number"
		case "fax":
			return "the fax number"
		case "emergency":
			return "the emergency number"
		case "address":
			return "the address"
		case "hours":
			return "the opening hours"
		case "website":
			return "the website"
		}
		return "contact " + ordinal(toks[1])
	case toks[0] == "sections" || toks[0] == "preamble":
		return sectionNoun(toks, instance)
	case toks[0] == "dates" && len(toks) >= 2:
		return "date mention " + ordinal(toks[1])
	case toks[0] == "links" && len(toks) >= 2:
		return "link " + ordinal(toks[1])
	}
	return strconv.Quote(ptr)
}

// lookup returns the instance value at a JSON pointer, or nil.
func lookup(v any, ptr string) any {
	if ptr == "" {
		return v
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		switch x := v.(type) {
		case map[string]any:
			v = x[unescapeToken(tok)]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func ordinal(tok string) string {
	i, err := strconv.Atoi(tok)
	if err != nil {
		return tok
	}
	return strconv.Itoa(i + 1)
}

func show(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

func joinAny(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		if s, ok := v.(string); ok {
			parts[i] = s
		} else {
			parts[i] = show(v)
		}
	}
	return strings.Join(parts, ", ")
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func orList(ss []string) string {
	if len(ss) <= 1 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " or " + ss[len(ss)-1]
}

// article words JSON type names: "a string", "an integer".
func article(types []string) []string {
	out := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "null":
			out[i] = "null"
		case "integer", "object", "array":
			out[i] = "an " + t
		default:
			out[i] = "a " + t
		}
	}
	return out
}

func formatName(f string) string {
	switch f {
	case "email":
		return "email address"
	case "date":
		return "calendar date (YYYY-MM-DD)"
	}
	return f
}

func rat(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(3)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sectionNoun names a section, a section's title or a paragraph by the
// section's own title where it has one.
func sectionNoun(toks []string, instance any) string {
	// Find the innermost section: the longest prefix ending in sections/N.
	sec := ""
	n := 0
	for i := 1; i < len(toks); i++ {
		if toks[i-1] == "sections" {
			if _, err := strconv.Atoi(toks[i]); err == nil {
				sec, n = "/"+strings.Join(toks[:i+1], "/"), i+1
			}
		}
	}
	name := "the preamble"
	if sec != "" {
		title, _ := lookup(instance, sec+"/title").(string)
		name = "section " + ordinal(toks[n-1])
		if title != "" {
			name = "section " + strconv.Quote(title)
		}
	}
	rest := toks[max(n, 1):]
	switch {
	case len(rest) == 0:
		return name
	case len(rest) == 1 && rest[0] == "title":
		return "the title of " + name
	case len(rest) >= 2 && rest[0] == "paragraphs":
		return "paragraph " + ordinal(rest[1]) + " of " + name
	case len(rest) == 1:
		return "the " + rest[0] + " of " + name
	}
	return name
}

// isoShaped: s is written YYYY-MM-DD, whether or not it is a real date.
func isoShaped(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// isPhoneContact: ptr is the value of a contact of a kind that is a
// number (phone, fax, emergency).
func isPhoneContact(ptr string, instance any) bool {
	parent, ok := strings.CutSuffix(ptr, "/value")
	if !ok || !strings.HasPrefix(ptr, "/contacts/") {
		return false
	}
	c, _ := lookup(instance, parent).(map[string]any)
	switch c["kind"] {
	case "phone", "fax", "emergency":
		return true
	}
	return false
}
