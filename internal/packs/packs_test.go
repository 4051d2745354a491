package packs

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// Each folder under testdata is one kind: pack.yaml holds its rules, and a
// fixture named RULE.txt or RULE.SOMETHING.md runs the rule test/RULE.
func TestKinds(t *testing.T) {
	for _, kind := range kindNames {
		t.Run(kind, func(t *testing.T) {
			dir := filepath.Join("testdata", kind)
			rs, err := Load(os.DirFS(dir), "pack.yaml")
			if err != nil {
				t.Fatal(err)
			}
			byName := map[string]*lint.Rule{}
			for _, r := range rs {
				byName[strings.TrimPrefix(r.ID, "test/")] = r
			}
			fixtures := linttest.Fixtures(t, dir)
			if len(fixtures) == 0 {
				t.Fatal("no fixtures")
			}
			tested := map[string]bool{}
			for _, fx := range fixtures {
				name, _, _ := strings.Cut(filepath.Base(fx), ".")
				r, ok := byName[name]
				if !ok {
					t.Errorf("%s: no rule test/%s in pack.yaml", fx, name)
					continue
				}
				tested[name] = true
				t.Run(filepath.Base(fx), func(t *testing.T) { linttest.Run(t, r, fx) })
			}
			for name := range byName {
				if !tested[name] {
					t.Errorf("rule test/%s has no fixture", name)
				}
			}
		})
	}
}

func TestBuiltin(t *testing.T) {
	rs := Builtin()
	if len(rs) == 0 {
		t.Fatal("no built-in rules")
	}
	if _, err := lint.NewRegistry(rs...); err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if !strings.HasPrefix(r.ID, "style/") {
			t.Errorf("%s: built-in packs are style only for now", r.ID)
		}
		if r.Summary == "" || r.Doc == "" {
			t.Errorf("%s: summary %q, doc %q", r.ID, r.Summary, r.Doc)
		}
		if strings.Contains(r.Summary, "\n") || strings.HasSuffix(r.Summary, ".") {
			t.Errorf("%s: summary %q should be one line with no final period", r.ID, r.Summary)
		}
		if !strings.HasPrefix(r.Source, "rules/packs/") {
			t.Errorf("%s: source %q", r.ID, r.Source)
		}
	}
	// Each rule's examples show what it does.
	for _, r := range rs {
		if r.Bad == "" || r.Good == "" {
			t.Errorf("%s: no bad and good examples", r.ID)
			continue
		}
		report := func(body string) []byte { return []byte("Style Check\n\nOverview\n\n" + body + "\n") }
		if got := runAll(t, []*lint.Rule{r}, "bad.txt", report(r.Bad)); len(got) == 0 {
			t.Errorf("%s: its bad example %q is not flagged", r.ID, r.Bad)
		}
		if got := runAll(t, []*lint.Rule{r}, "good.txt", report(r.Good)); len(got) != 0 {
			t.Errorf("%s: its good example %q is flagged: %s", r.ID, r.Good, got[0].Message)
		}
	}
	// Loading again gives the same rules in the same order.
	again, err := loadDir(os.DirFS("../../rules"), "packs", "rules/")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(again), ids(rs); !reflect.DeepEqual(got, want) {
		t.Errorf("second load gives %v, want %v", got, want)
	}
	for i := range rs {
		if rs[i].Doc != again[i].Doc || rs[i].Summary != again[i].Summary {
			t.Errorf("%s: docs differ between loads", rs[i].ID)
		}
	}
}

func ids(rs []*lint.Rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// The built-in packs on the real reports beside the project: every finding
// listed here was read and judged right; anything new must be judged too.
func TestBuiltinOnSamples(t *testing.T) {
	const samples = "../../../shared/samples"
	want := map[string][]string{
		"osac-mali-2024.txt":      nil, // line 65's "in order to" is the indicator's official wording
		"advisory-mali-2023.txt":  nil,
		"advisory-egypt-2024.txt": nil,
		"advisory-egypt-2025.txt": nil,
	}
	for name, wantFindings := range want {
		path := filepath.Join(samples, name)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("samples not available: %v", err)
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range runAll(t, Builtin(), path, raw) {
			got = append(got, f.Rule+" "+f.Start.String()+" "+f.Message)
		}
		if !reflect.DeepEqual(got, wantFindings) {
			t.Errorf("%s: got findings\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(wantFindings, "\n"))
		}
	}
}

// runAll runs rules over a report as the engine would, with the built-in
// profiles and the as-of date fixtures use.
func runAll(t *testing.T, rules []*lint.Rule, path string, raw []byte) []lint.Finding {
	t.Helper()
	f, err := source.New(path, raw)
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := profile.Default().Get(r.Profile)
	var out []lint.Finding
	for _, rule := range rules {
		if !rule.AppliesTo(r.Profile) {
			continue
		}
		rule.Run(lint.NewPass(rule, f, r, prof, linttest.DefaultAsOf, nil, rule.Level, func(fd lint.Finding) {
			fd.Locate(f)
			out = append(out, fd)
		}))
	}
	sort.SliceStable(out, func(i, j int) bool { return lint.Less(&out[i], &out[j]) })
	return out
}

func TestLoadAndLoadFile(t *testing.T) {
	const pack = "pack: house\nrules:\n  - name: wordy\n    kind: existence\n    message: wordy\n    tokens: [in order to]\n"
	fsys := fstest.MapFS{"packs/house.yaml": {Data: []byte(pack)}}
	rs, err := Load(fsys, "packs/house.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 || rs[0].ID != "house/wordy" || rs[0].Source != "packs/house.yaml:3" || rs[0].Level != lint.Warning {
		t.Errorf("got %+v", rs[0])
	}
	file := filepath.Join(t.TempDir(), "house.yaml")
	if err := os.WriteFile(file, []byte(pack), 0o644); err != nil {
		t.Fatal(err)
	}
	if rs, err = LoadFile(file); err != nil || len(rs) != 1 || rs[0].Source != file+":3" {
		t.Errorf("LoadFile: %v, %v", rs, err)
	}
	if _, err := LoadFile(filepath.Join(t.TempDir(), "absent.yaml")); err == nil {
		t.Error("LoadFile of a missing file: no error")
	}
	// Two files may not define one pack.
	fsys["packs/more.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(pack, "wordy", "other", 1))}
	if _, err := loadDir(fsys, "packs", ""); err == nil || !strings.Contains(err.Error(), `pack "house" is also defined in packs/house.yaml`) {
		t.Errorf("duplicate pack: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	const head = "pack: house\nrules:\n"
	for _, tt := range []struct {
		name, yaml, want string
	}{
		{"yaml syntax", "pack: house\nrules: [\n", `house.yaml:2: did not find expected node content`},
		{"empty file", "", `house.yaml: empty pack; it needs ` + "`pack:` and `rules:`"},
		{"not a mapping", "- a\n", `house.yaml:1: a pack is a mapping with the keys pack and rules`},
		{"missing pack", "rules: []\n", "house.yaml:1: missing `pack:` (the pack's name, which prefixes its rule ids)"},
		{"pack not kebab", "pack: House_Style\nrules: []\n", `house.yaml:1: pack name "House_Style" is not kebab-case (lower-case words and digits joined by hyphens)`},
		{"unknown top key", "pack: house\nrule: []\n", `house.yaml:2: unknown key "rule"; did you mean "rules"?`},
		{"missing rules", "pack: house\n", "house.yaml:1: missing `rules:` (the list of rules)"},
		{"rules not a list", "pack: house\nrules: {a: b}\n", "house.yaml:2: rules should be a list of rules, each starting with `- name:`"},
		{"no rules", "pack: house\nrules: []\n", `house.yaml:2: the pack has no rules`},
		{"rule not a mapping", head + "  - wordy\n", "house.yaml:3: each rule is a mapping that starts with `- name:`"},
		{"missing name", head + "  - kind: existence\n    message: m\n    tokens: [a]\n", `house.yaml:3: a rule needs a name`},
		{"name not kebab", head + "  - name: In_Order\n", `house.yaml:3: rule name "In_Order" is not kebab-case (lower-case words and digits joined by hyphens, such as "in-order")`},
		{"missing kind", head + "  - name: x\n    message: m\n", `house.yaml:3: rule "x": missing kind (one of existence, substitution, required-sections, watchlist)`},
		{"unknown kind", head + "  - name: x\n    kind: existance\n", `house.yaml:4: rule "x": unknown kind "existance"; did you mean "existence"?`},
		{"unknown kind far off", head + "  - name: x\n    kind: spelling\n", `house.yaml:4: rule "x": unknown kind "spelling" (kinds: existence, substitution, required-sections, watchlist)`},
		{"unknown key", head + "  - name: x\n    kind: existence\n    message: m\n    tokns: [a]\n", `house.yaml:6: rule "x": unknown key "tokns"; did you mean "tokens"?`},
		{"key of another kind", head + "  - name: x\n    kind: existence\n    message: m\n    swap: {a: b}\n", `house.yaml:6: rule "x": key "swap" does not apply to kind existence (its keys: tokens, patterns, ignore-case, sections, unless)`},
		{"duplicate key", head + "  - name: x\n    kind: existence\n    message: m\n    tokens: [a]\n    tokens: [b]\n", `house.yaml:7: rule "x": key "tokens" is given twice (first at line 6)`},
		{"missing message", head + "  - name: x\n    kind: existence\n    tokens: [a]\n", `house.yaml:3: rule "x": missing message (what a finding says; it may use {{match}}, {{section}})`},
		{"unknown placeholder", head + "  - name: x\n    kind: existence\n    message: 'bad {{mach}}'\n    tokens: [a]\n", `house.yaml:5: rule "x": message: unknown placeholder {{mach}}; did you mean {{match}}?`},
		{"placeholder of another kind", head + "  - name: x\n    kind: existence\n    message: m\n    hint: 'write {{replacement}}'\n    tokens: [a]\n", `house.yaml:6: rule "x": hint: unknown placeholder {{replacement}} (this kind fills {{match}}, {{section}})`},
		{"unclosed placeholder", head + "  - name: x\n    kind: existence\n    message: 'bad {{match}'\n    tokens: [a]\n", `house.yaml:5: rule "x": message: a placeholder is not closed; write it as {{name}}`},
		{"bad level", head + "  - name: x\n    kind: existence\n    level: severe\n    message: m\n    tokens: [a]\n", `house.yaml:5: rule "x": unknown level "severe"; use error, warning or info`},
		{"duplicate rule", head + "  - name: x\n    kind: existence\n    message: m\n    tokens: [a]\n  - name: x\n", `house.yaml:7: rule "x": defined twice in this pack (first at line 3)`},
		{"no tokens or patterns", head + "  - name: x\n    kind: existence\n    message: m\n", `house.yaml:3: rule "x": an existence rule needs tokens (words and phrases), patterns (regular expressions) or both`},
		{"empty tokens", head + "  - name: x\n    kind: existence\n    message: m\n    tokens: []\n", `house.yaml:6: rule "x": tokens is empty`},
		{"tokens not a list", head + "  - name: x\n    kind: existence\n    message: m\n    tokens: in order to\n", `house.yaml:6: rule "x": tokens should be a list, such as [a, b] or one ` + "`- item`" + ` a line`},
		{"token twice", head + "  - name: x\n    kind: existence\n    message: m\n    tokens:\n      - in order to\n      - In  order to\n", `house.yaml:8: rule "x": "In  order to" is listed twice in tokens`},
		{"empty patterns", head + "  - name: x\n    kind: existence\n    message: m\n    patterns: []\n", `house.yaml:6: rule "x": patterns is empty`},
		{"bad regexp", head + "  - name: x\n    kind: existence\n    message: m\n    patterns:\n      - 'fine'\n      - '(unclosed'\n", "house.yaml:8: rule \"x\": bad pattern \"(unclosed\": missing closing ): `(unclosed`"},
		{"empty-matching regexp", head + "  - name: x\n    kind: existence\n    message: m\n    patterns: ['a*']\n", `house.yaml:6: rule "x": pattern "a*" matches empty text; it should match at least one character`},
		{"bad ignore-case", head + "  - name: x\n    kind: existence\n    message: m\n    ignore-case: sometimes\n    tokens: [a]\n", `house.yaml:6: rule "x": ignore-case should be true or false`},
		{"empty profiles", head + "  - name: x\n    kind: existence\n    message: m\n    profiles: []\n    tokens: [a]\n", `house.yaml:6: rule "x": profiles is empty; leave it out to run for every profile`},
		{"message a list", head + "  - name: x\n    kind: existence\n    message: [a, b]\n    tokens: [a]\n", `house.yaml:5: rule "x": message should be a single value, not a list or mapping`},
		{"empty scope", head + "  - name: x\n    kind: existence\n    message: m\n    sections: []\n    tokens: [a]\n", `house.yaml:6: rule "x": sections is empty; leave it out to check the whole report`},
		{"missing swap", head + "  - name: x\n    kind: substitution\n    message: m\n", `house.yaml:3: rule "x": a substitution rule needs swap, a mapping of each wrong phrase to the right one (swap: {e-mail: email})`},
		{"empty swap", head + "  - name: x\n    kind: substitution\n    message: m\n    swap: {}\n", `house.yaml:6: rule "x": swap is empty`},
		{"swap a list", head + "  - name: x\n    kind: substitution\n    message: m\n    swap: [a, b]\n", `house.yaml:6: rule "x": swap should be a mapping of each wrong phrase to the right one (swap: {e-mail: email})`},
		{"swap empty replacement", head + "  - name: x\n    kind: substitution\n    message: m\n    swap:\n      very: ''\n", `house.yaml:7: rule "x": the replacement for "very" is empty; an existence rule flags a phrase without replacing it`},
		{"swap only case", head + "  - name: x\n    kind: substitution\n    message: m\n    swap:\n      Internet: internet\n", `house.yaml:7: rule "x": "Internet" and "internet" differ only in case, which this rule ignores; set ignore-case: false`},
		{"swap twice", head + "  - name: x\n    kind: substitution\n    message: m\n    swap:\n      e-mail: email\n      E-mail: email\n", `house.yaml:8: rule "x": "E-mail" is swapped twice (first at line 7)`},
		{"swap never settles", head + "  - name: x\n    kind: substitution\n    message: m\n    swap:\n      Qaeda: al-Qaeda\n", `house.yaml:7: rule "x": the replacement "al-Qaeda" contains "Qaeda", which this rule flags, so a fix would never settle`},
		{"swap chain", head + "  - name: x\n    kind: substitution\n    message: m\n    swap:\n      a: b\n      b: c\n", `house.yaml:7: rule "x": the replacement "b" contains "b", which this rule flags, so a fix would never settle`},
		{"missing sections", head + "  - name: x\n    kind: required-sections\n    message: m\n", `house.yaml:3: rule "x": a required-sections rule needs sections, the list of sections in canonical order`},
		{"empty sections", head + "  - name: x\n    kind: required-sections\n    message: m\n    sections: []\n", `house.yaml:6: rule "x": sections is empty`},
		{"section without name", head + "  - name: x\n    kind: required-sections\n    message: m\n    sections:\n      - aliases: [A]\n", `house.yaml:7: rule "x": a section needs a name`},
		{"section unknown key", head + "  - name: x\n    kind: required-sections\n    message: m\n    sections:\n      - name: A\n        requird: false\n", `house.yaml:8: rule "x": unknown key "requird"; did you mean "required"?`},
		{"section claimed twice", head + "  - name: x\n    kind: required-sections\n    message: m\n    sections:\n      - Crime\n      - name: Crime Threats\n        aliases: [CRIME]\n", `house.yaml:8: rule "x": the heading "CRIME" is already claimed at line 7`},
		{"checks nothing", head + "  - name: x\n    kind: required-sections\n    message: m\n    sections:\n      - {name: A, required: false}\n", `house.yaml:3: rule "x": every section is optional and order is not true, so the rule checks nothing`},
		{"order message without order", head + "  - name: x\n    kind: required-sections\n    message: m\n    order-message: o\n    sections: [A]\n", `house.yaml:6: rule "x": order-message is set but order is not true`},
		{"order message placeholder", head + "  - name: x\n    kind: required-sections\n    message: m\n    order: true\n    order-message: '{{section}} after {{after}}'\n    sections: [A]\n", `house.yaml:7: rule "x": order-message: unknown placeholder {{after}} (this kind fills {{section}}, {{before}})`},
		{"missing terms", head + "  - name: x\n    kind: watchlist\n    message: m\n", `house.yaml:3: rule "x": a watchlist rule needs terms, a list of {term, since, note}`},
		{"empty terms", head + "  - name: x\n    kind: watchlist\n    message: m\n    terms: []\n", `house.yaml:6: rule "x": terms is empty`},
		{"term without since", head + "  - name: x\n    kind: watchlist\n    message: m\n    terms:\n      - term: MINUSMA\n", `house.yaml:7: rule "x": term "MINUSMA" needs ` + "`since:`" + `, the date (YYYY-MM-DD) after which it is stale`},
		{"bad date", head + "  - name: x\n    kind: watchlist\n    message: m\n    terms:\n      - term: MINUSMA\n        since: 2023-13-01\n", `house.yaml:8: rule "x": bad date "2023-13-01" for since; write it as YYYY-MM-DD`},
		{"month only date", head + "  - name: x\n    kind: watchlist\n    message: m\n    terms:\n      - {term: MINUSMA, since: December 2023}\n", `house.yaml:7: rule "x": bad date "December 2023" for since; write it as YYYY-MM-DD`},
		{"term unknown key", head + "  - name: x\n    kind: watchlist\n    message: m\n    terms:\n      - term: MINUSMA\n        sinse: 2023-12-31\n", `house.yaml:8: rule "x": unknown key "sinse"; did you mean "since"?`},
		{"term twice", head + "  - name: x\n    kind: watchlist\n    message: m\n    terms:\n      - {term: MINUSMA, since: 2023-12-31}\n      - {term: G5 Sahel, aliases: [minusma], since: 2023-12-31}\n", `house.yaml:8: rule "x": "minusma" is watched twice (first at line 7)`},
		{"empty cue list", head + "  - name: x\n    kind: watchlist\n    message: m\n    current-words: []\n    terms:\n      - {term: MINUSMA, since: 2023-12-31}\n", `house.yaml:6: rule "x": current-words is empty`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("house.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error; want %s", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("got  %s\nwant %s", err, tt.want)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	rs, err := Parse("house.yaml", []byte(`pack: house
rules:
  - name: spelling
    kind: substitution
    message: 'write "{{replacement}}"'
    swap: {e-mail: email, on-line: online, web site: website}
  - name: filler
    kind: existence
    level: info
    message: filler
    sections: [Crime]
    tokens: [at this point in time]
  - name: own-words
    kind: existence
    summary: flags filler.
    doc: Filler wastes the reader's time.
    bad: at this point in time
    good: now
    profiles: [osac-csr]
    sections: [Crime]
    message: filler
    tokens: [at this point in time]
`))
	if err != nil {
		t.Fatal(err)
	}
	spelling, filler, own := rs[0], rs[1], rs[2]
	if spelling.Level != lint.Warning || !spelling.Fixable || spelling.Bad != "e-mail" || spelling.Good != "email" {
		t.Errorf("spelling: %+v", spelling)
	}
	if want := `suggests "email" for "e-mail", "online" for "on-line" and 1 more`; spelling.Summary != want {
		t.Errorf("summary %q, want %q", spelling.Summary, want)
	}
	// The swaps are documented in file order.
	if i, j := strings.Index(spelling.Doc, `"e-mail" → "email"`), strings.Index(spelling.Doc, `"web site" → "website"`); i < 0 || j < i {
		t.Errorf("doc does not list the swaps in order:\n%s", spelling.Doc)
	}
	if filler.Level != lint.Info || filler.Fixable || filler.Summary != `flags "at this point in time"` ||
		!strings.Contains(filler.Doc, `It reads only the sections "Crime" and the sections under them.`) ||
		!strings.HasPrefix(filler.Doc, "An existence rule of the house pack.") || filler.Source != "house.yaml:7" {
		t.Errorf("filler: %+v", filler)
	}
	if own.Summary != "flags filler" || !strings.HasPrefix(own.Doc, "Filler wastes the reader's time.") ||
		!strings.Contains(own.Doc, "It reads only the sections") || own.Bad != "at this point in time" ||
		own.Good != "now" || !reflect.DeepEqual(own.Profiles, []string{"osac-csr"}) || own.AppliesTo("travel-advisory") {
		t.Errorf("own words: %+v", own)
	}
}

func TestCapitalizeLike(t *testing.T) {
	for _, tt := range []struct{ matched, repl, want string }{
		{"e-mail", "email", "email"},
		{"E-mail", "email", "Email"},
		{"E-MAIL", "email", "EMAIL"},
		{"atm machine", "ATM", "ATM"},
		{"ATM machine", "ATM", "ATM"},
		{"Due to the fact that", "because", "Because"},
		{"éte", "summer", "summer"},
	} {
		if got := capitalizeLike(tt.matched, tt.repl); got != tt.want {
			t.Errorf("capitalizeLike(%q, %q) = %q, want %q", tt.matched, tt.repl, got, tt.want)
		}
	}
}

func TestExpand(t *testing.T) {
	vars := map[string]string{"match": "e-mail", "replacement": "email"}
	if got := expand(`write "{{replacement}}", not "{{ match }}"`, vars); got != `write "email", not "e-mail"` {
		t.Errorf("expand: %q", got)
	}
	// A value is never read as a template itself.
	if got := expand("{{match}}", map[string]string{"match": "{{replacement}}"}); got != "{{replacement}}" {
		t.Errorf("expand: %q", got)
	}
}

func TestFindWords(t *testing.T) {
	for _, tt := range []struct {
		tokens []string
		text   string
		want   []string
	}{
		{[]string{"alot"}, "Alotau has alot of ALOT.", []string{"alot", "ALOT"}},
		// Word boundaries know letters beyond ASCII: "caf" is not in "café".
		{[]string{"caf", "Go"}, "café Goïta Go", []string{"Go"}},
		// The longest phrase at a place wins; any space between words.
		{[]string{"at this point", "at this point in time"}, "at this point\nin  time, at this point", []string{"at this point\nin  time", "at this point"}},
		// Either apostrophe matches either.
		{[]string{"don't"}, "don’t don't dont", []string{"don’t", "don't"}},
		// A refused match does not hide one starting inside it.
		{[]string{"aa"}, "aaa aa", []string{"aa"}},
	} {
		re := phraseRegexp(tt.tokens, true)
		var got []string
		for _, m := range findWords(re, tt.text) {
			got = append(got, tt.text[m.start:m.end])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("findWords(%q, %q) = %q, want %q", tt.tokens, tt.text, got, tt.want)
		}
	}
}

// TestLoadRefusesPhrasesTooLarge: a house pack whose phrases make a regexp
// over the size limit (phrase.Check) is refused when loaded, at the key,
// in a short message. The Matcher compiles its regexp on first use, so
// the error came in every report checked, as an internal error with the
// whole expression (megabytes) in it; before that, the load panicked.
func TestLoadRefusesPhrasesTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("parsing an expression over the limit takes seconds")
	}
	yaml := "pack: house\nrules:\n  - name: huge\n    kind: existence\n    message: m\n    tokens: [\"" + strings.Repeat("a ", 1_150_000) + "\"]\n"
	_, err := Parse("house.yaml", []byte(yaml))
	want := `house.yaml:6: rule "huge": tokens: the words and phrases cannot be searched for: expression too large; split them among several rules`
	if err == nil || err.Error() != want {
		t.Errorf("Parse = %v, want %s", err, want)
	}
}
