package contacts

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// TestRules runs every rule of the package over its fixtures under
// testdata/<rule-id>/, and fails for a rule without documentation or
// without test data.
func TestRules(t *testing.T) { linttest.RunRules(t, "testdata", Rules()) }

// findings runs every rule of the package with default options over a
// report and returns "rule:line" for each finding.
func findings(t *testing.T, name, text string) []string {
	t.Helper()
	f, err := source.New(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prof, ok := profile.Default().Get(r.Profile)
	if !ok {
		t.Fatalf("no profile %s", r.Profile)
	}
	var out []string
	for _, rule := range Rules() {
		if !rule.AppliesTo(r.Profile) {
			continue
		}
		var opts any
		if rule.Options != nil {
			opts = rule.Options()
		}
		rule.Run(lint.NewPass(rule, f, r, prof, linttest.DefaultAsOf, opts, rule.Level, func(fd lint.Finding) {
			fd.Locate(f)
			out = append(out, fmt.Sprintf("%s:%d: %s", fd.Rule, fd.Start.Line, fd.Message))
		}))
	}
	sort.Strings(out)
	return out
}

const samples = "../../../../shared/samples"

func readSample(t *testing.T, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(samples, name))
	if err != nil {
		t.Skip("sample not available")
	}
	return string(raw)
}

// The four real reports give their contacts correctly: numbers in
// international form with their country's code (+223, "+(20)"), a local
// police number in Law Enforcement, consistent 24-hour opening hours, an
// embassy block with what each profile requires. None of the rules has
// anything to say about them.
func TestSamples(t *testing.T) {
	for _, name := range []string{"osac-mali-2024.txt", "advisory-mali-2023.txt", "advisory-egypt-2024.txt", "advisory-egypt-2025.txt"} {
		t.Run(name, func(t *testing.T) {
			if got := findings(t, name, readSample(t, name)); len(got) != 0 {
				t.Errorf("findings:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}

// Copies of the samples with one contact detail broken get exactly one
// finding, where an editor would look. old is the text to replace, or a
// regular expression when it starts with (?s).
func TestSampleEdits(t *testing.T) {
	tests := []struct {
		sample, old, new string
		want             string
	}{
		{"osac-mali-2024.txt", "Tel: +223-2070-2300.", "Tel: +33-2070-2300.",
			`phone-format:19: calling code +33 in "+33-2070-2300" is France's, but this report is about Mali`},
		{"osac-mali-2024.txt", "Tel: +223-2070-2300.", "Tel: 2070-2300.",
			`phone-format:19: phone number "2070-2300" is not in international form`},
		{"osac-mali-2024.txt", "\nTel: +223-2070-2300.\n", "\n\n",
			`embassy-contact:13: the "Embassy & Consulate Contact Information" section gives no phone number`},
		{"osac-mali-2024.txt", "Friday 0730 – 1130", "Friday 7:30 a.m. – 11:30 a.m.",
			`hours-format:21: time "7:30 a.m." is 12-hour, but the report's other opening hours are 24-hour, like "0730" (2 to 2)`},
		{"osac-mali-2024.txt", "email OSACBamako@state.gov", "email OSACBamako@state..gov",
			`email-format:27: email "OSACBamako@state..gov" has two dots in a row in its domain "state..gov"`},
		{"osac-mali-2024.txt", "The general number for Police (Emergency) services is **8000-1115**.", "Police services are stretched.",
			`emergency-number:123: neither the "Law Enforcement" nor the "Police Response" section gives an emergency number`},
		{"advisory-egypt-2025.txt", "Emergency\n\n+(20) 2-2797-3300\n\n", "",
			`emergency-number:108: the "Assistance for U.S. Citizens" section gives no emergency number`},
		{"advisory-mali-2023.txt", `(?s)\nEmail\n.*?\n\nWebsite\n`, "\nWebsite\n",
			`embassy-contact:59: the "Assistance for U.S. Citizens" section gives no email address`},
	}
	for _, tt := range tests {
		text := readSample(t, tt.sample)
		re := regexp.MustCompile(regexp.QuoteMeta(tt.old))
		if strings.HasPrefix(tt.old, "(?s)") {
			re = regexp.MustCompile(tt.old)
		}
		loc := re.FindStringIndex(text)
		if loc == nil {
			t.Fatalf("%s no longer contains %q", tt.sample, tt.old)
		}
		got := findings(t, tt.sample, text[:loc[0]]+tt.new+text[loc[1]:])
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s with %q for %q:\n got %q\nwant %q", tt.sample, tt.new, tt.old, got, tt.want)
		}
	}
}

// Options with a value no rule can use are refused, naming the option.
func TestBadOptions(t *testing.T) {
	tests := []struct {
		rule *lint.Rule
		yaml string
		want string
	}{
		{PhoneFormat, "allowed-codes: [\"+1\", \"US\"]", `allowed-codes: "US" is not a calling code`},
		{PhoneFormat, "allowed-codes: [\"1234\"]", `allowed-codes: "1234" is not a calling code`},
		{EmailFormat, "allowed-domains: [\"@state.gov\"]", `allowed-domains: "@state.gov" should be a domain without @`},
		{EmailFormat, "allowed-domains: [\"state\"]", `allowed-domains: "state" is not a domain`},
		{HoursFormat, "form: 24-hour", `form: "24-hour" is not any-consistent, 24h or 12h`},
		{HoursFormat, "days: short", `days: "short" is not any-consistent, full or abbreviated`},
	}
	for _, tt := range tests {
		var node yaml.Node
		if err := yaml.Unmarshal([]byte(tt.yaml), &node); err != nil {
			t.Fatal(err)
		}
		_, err := lint.DecodeOptions(tt.rule, node.Content[0])
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %s: error = %v, want %q", tt.rule.ID, tt.yaml, err, tt.want)
		}
	}
	// Good values are normalised: "+1" is "1", "State.gov" is "state.gov".
	var node yaml.Node
	_ = yaml.Unmarshal([]byte(`allowed-codes: ["+1", " 44 "]`), &node)
	opts, err := lint.DecodeOptions(PhoneFormat, node.Content[0])
	if err != nil || fmt.Sprint(opts.(*phoneOptions).AllowedCodes) != "[1 44]" {
		t.Errorf("allowed-codes = %v, %v", opts, err)
	}
}

func TestParsePhone(t *testing.T) {
	tests := []struct {
		in      string
		intl    bool
		code    string
		problem string // the problem, or the first problem of style
	}{
		{"+223-2044-5100", true, "223", ""},
		{"+(20) 2-1234-5678", true, "20", ""},
		{"(+20) 2 1234 5678", true, "20", ""},
		{"+1 (202) 555-0100", true, "1", ""},
		{"+44.20.7946.0000", true, "44", ""},
		{"+12025550100", true, "1", ""},
		{"8200-1717", false, "", ""},
		{"+44 (0)20 7946 0000", true, "44", "has a trunk prefix (0)"},
		{"+44 20 (7946) 0000", true, "44", `has parentheses around "7946"`},
		{"+223 - 2044", true, "223", `separates digits with " - "`},
		{"+223 2044 5100)", true, "", "has a closing parenthesis without an opening one"},
		{"+(223 2044", true, "", "has an opening parenthesis that is not closed"},
		{"+(223 2044) 5100", true, "", "has parentheses around more or less than one group"},
		{"+223 2044 +5100", true, "", "has a plus sign inside the number"},
		{"+223 2044 5100 ext. 5", true, "", `has "e", which is not a digit`},
	}
	for _, tt := range tests {
		p := parsePhone(tt.in)
		problem := p.problem
		if problem == "" && len(p.styleProblems) > 0 {
			problem = p.styleProblems[0].msg
		}
		if p.international != tt.intl || !strings.HasPrefix(problem, tt.problem) || (tt.problem == "" && problem != "") {
			t.Errorf("parsePhone(%q): international %v, problem %q; want %v, %q", tt.in, p.international, problem, tt.intl, tt.problem)
		}
		if tt.code != "" {
			if c, ok := callingCode(p); !ok || c.code != tt.code {
				t.Errorf("callingCode(%q) = %v, %v; want %s", tt.in, c, ok, tt.code)
			}
		}
	}
}

func TestEmailProblem(t *testing.T) {
	for _, ok := range []string{"a@state.gov", "first.last+tag@sub.state.gov", "O'Brien@example.ie", "josé@correo.es", "x@xn--bcher-kva.example"} {
		if msg, _ := emailProblem(ok); msg != "" {
			t.Errorf("emailProblem(%q) = %q, want none", ok, msg)
		}
	}
	for in, want := range map[string]string{
		"a b@state.gov":    `has " " before the @`,
		"@state.gov":       "has nothing before the @",
		"a@":               "has no domain after the @",
		"a@state.gov.":     `has a domain "state.gov." that ends with a dot`,
		"a@.state.gov":     `has a domain ".state.gov" that starts with a dot`,
		"a@st_ate.gov":     `whose part "st_ate" has "_"`,
		".a@state.gov":     "starts with a dot",
		"nobody.state.gov": "has no @",
	} {
		if msg, _ := emailProblem(in); msg != want && !strings.Contains(msg, want) {
			t.Errorf("emailProblem(%q) = %q, want %q", in, msg, want)
		}
	}
}

// A time in another form is converted for the hint.
func TestConvertTime(t *testing.T) {
	items := func(v string) []hoursItem {
		var out []hoursItem
		for _, it := range hoursItems(0, v) {
			if it.dim == "clock" {
				out = append(out, it)
			}
		}
		return out
	}
	tests := []struct{ time, example, want string }{
		{"7:30 a.m.", "0800", "0730"},
		{"12 p.m.", "0800", "1200"},
		{"12:15 a.m.", "08:00", "00:15"},
		{"5 p.m.", "8:00", "17:00"},
		{"1700", "9 a.m.", "5 p.m."},
		{"1730", "9:00 AM", "5:30 PM"},
		{"0000", "9 a.m.", "12 a.m."},
		{"07h30", "0800", "0730"},
	}
	for _, tt := range tests {
		a, b := items(tt.time), items(tt.example)
		if len(a) != 1 || len(b) != 1 {
			t.Errorf("%q, %q: read %d and %d times", tt.time, tt.example, len(a), len(b))
			continue
		}
		if got := convertTime(a[0], b[0]); got != tt.want {
			t.Errorf("convertTime(%q like %q) = %q, want %q", tt.time, tt.example, got, tt.want)
		}
	}
}

// Section titles are quoted as %q quotes them, in lists of three or more
// as in the messages that name one or two: a quote mark in a title cannot
// close its quotation early.
func TestQuoteList(t *testing.T) {
	got := quoteList([]string{`Police`, `Say "help"`, `Fire`}, "and")
	if want := `"Police", "Say \"help\"" and "Fire"`; got != want {
		t.Errorf("quoteList = %s, want %s", got, want)
	}
}

// TestPostClosedReadLast: embassy-contact and emergency-number read the
// report for a closed post only when a contact or number is missing; the
// Mali sample gives every one and is not read for it, and a report without
// a number is.
func TestPostClosedReadLast(t *testing.T) {
	for _, c := range []struct {
		name, text string
		read       bool
	}{
		{"osac-mali-2024.txt", readSample(t, "osac-mali-2024.txt"), false},
		{"no-phone.txt", strings.Replace(readSample(t, "osac-mali-2024.txt"), "Tel: +223-2070-2300.", "", 1), true},
	} {
		f, err := source.New(c.name, []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		prof, ok := profile.Default().Get(r.Profile)
		if !ok {
			t.Fatalf("no profile %s", r.Profile)
		}
		memo := map[string]any{}
		for _, rule := range []*lint.Rule{EmbassyContact, EmergencyNumber} {
			if !rule.AppliesTo(r.Profile) {
				continue
			}
			p := lint.NewPass(rule, f, r, prof, linttest.DefaultAsOf, nil, rule.Level, func(lint.Finding) {})
			p.Memo = memo
			rule.Run(p)
		}
		if _, read := memo["contacts.postClosed"]; read != c.read {
			t.Errorf("%s: read for a closed post %v, want %v", c.name, read, c.read)
		}
	}
}
