package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/watchdog"
)

// fuzzNames picks the format a fuzz input is read as: the file name says it.
var fuzzNames = []string{"f.txt", "f.md", "f.json", "f.yaml"}

// fuzzFormat is the fuzz byte that selects a file name for ext.
func fuzzFormat(ext string) uint8 {
	for i, n := range fuzzNames {
		if filepath.Ext(n) == ext {
			return uint8(i)
		}
	}
	return 0
}

// FuzzValidate parses any input as a text, Markdown, JSON or YAML report,
// validates it against the built-in schema of its profile and checks what
// validation promises: findings inside the text, in a stable sorted order;
// an instance that is the projection `reportlint parse` prints, minus
// positions; a slim instance that is that instance minus what the built-in
// schemas do not need, and gives the same findings (the bundled schema,
// used as a house schema, sees the full instance); every pointer resolves.
func FuzzValidate(f *testing.F) {
	for _, pattern := range []string{"../../testdata/schema/*", "../../testdata/reports/*"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if strings.HasSuffix(p, ".golden") {
				continue
			}
			if data, err := os.ReadFile(p); err == nil {
				f.Add(fuzzFormat(filepath.Ext(p)), string(data))
			}
		}
	}
	f.Add(uint8(0), "OSAC Country Security Report\n\nGhana\n\nPublished: February 30, 2025\n\nCrime\n\nThe U.S. Department of State has assessed Accra as being a **Severe**-threat location for crime.\n\nEmail: a@@b\n")
	f.Add(uint8(1), "---\nprofile: travel-advisory\ntitle: \" \"\n---\n# X\n\n### X - Level 9: Stay\n\nTelephone\n\n12 34\n")
	f.Add(uint8(2), `{"a/b": {"~c": [1, "x"]}, "ratings": [{"level": 1e400}], "sections": [{"title": "", "sections": [{}]}], "advisory": {"level": "4", "regions": [{"name": " "}]}}`)
	f.Add(uint8(3), "profile: generic\nsections:\n  - title: A\n    paragraphs: [x, {text: 1}]\npublished: 2024-1-1\ncontacts: [{kind: phone, value: +1 (2) 3}]\n? [k]\n: v\n")
	f.Add(uint8(3), "- a\n- b\n")
	f.Add(uint8(2), `{"title": "T", "advisory": {"level": 2, "a/b": 1, "a": 3, "~1": 0}, "sections": [{"title": "S", "x~y": 1}], "p/q": {}}`)

	v := validator(f, "")
	// The bundle of each profile's schema, used as a house schema: the
	// same rules, given the full instance rather than the slim one.
	dir := f.TempDir()
	houses := map[string]*Validator{}
	for profile := range ProfileSchemas() {
		b, err := Bundle(profile)
		if err != nil {
			f.Fatal(err)
		}
		path := filepath.Join(dir, profile+".json")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			f.Fatal(err)
		}
		houses[profile] = validator(f, path)
	}

	f.Fuzz(func(t *testing.T, format uint8, text string) {
		defer watchdog.Start(text)()
		src, err := source.New(fuzzNames[int(format)%len(fuzzNames)], []byte(text))
		if err != nil {
			return // refused before parsing
		}
		r, err := parse.Parse(src, parse.Options{})
		if err != nil {
			return
		}
		got := v.Validate(src, r)
		checkValidFindings(t, src, got)
		if again := v.Validate(src, r); !reflect.DeepEqual(got, again) {
			t.Fatalf("validating twice differs:\n%v\n%v", got, again)
		}
		if h, ok := houses[r.Profile]; ok {
			if full := h.Validate(src, r); !reflect.DeepEqual(got, full) {
				t.Fatalf("the built-in schema on the slim instance and its bundle on the full instance differ:\nslim: %v\nfull: %v", got, full)
			}
		}
		checkUnknownProperties(t, r, got)
		checkInstance(t, src, r)
	})
}

var unknownPropertyRE = regexp.MustCompile(`has an unknown property ("(?:[^"\\]|\\.)*")`)

// checkUnknownProperties: in a JSON or YAML report an unknown property is
// shown at its key, and named as written.
func checkUnknownProperties(t *testing.T, r *document.Report, fs []lint.Finding) {
	t.Helper()
	if r.Data == nil {
		return
	}
	names := map[document.Span][]string{}
	for ptr, span := range keySpans(r.Data) {
		names[span] = append(names[span], unescapeToken(ptr[strings.LastIndexByte(ptr, '/')+1:]))
	}
	for _, fd := range fs {
		m := unknownPropertyRE.FindStringSubmatch(fd.Message)
		if m == nil {
			continue
		}
		name, err := strconv.Unquote(m[1])
		if err != nil {
			t.Fatalf("finding %q: %v", fd.Message, err)
		}
		if !slices.Contains(names[fd.Span], name) {
			t.Fatalf("finding %q is at %v, not at the key %q (keys there: %q)", fd.Message, fd.Span, name, names[fd.Span])
		}
	}
}

// checkValidFindings checks each schema finding: inside the text, worded,
// and in the order findings are printed in.
func checkValidFindings(t *testing.T, src *source.File, fs []lint.Finding) {
	t.Helper()
	for i := range fs {
		fd := fs[i]
		if fd.Span.Start < 0 || fd.Span.End < fd.Span.Start || fd.Span.End > len(src.Text) {
			t.Fatalf("finding %q: span %v outside the text of %d bytes", fd.Message, fd.Span, len(src.Text))
		}
		if fd.Rule != RuleID || fd.Level != lint.Error {
			t.Fatalf("finding %q: rule %q level %v", fd.Message, fd.Rule, fd.Level)
		}
		if fd.Message == "" || !utf8.ValidString(fd.Message) || !utf8.ValidString(fd.Hint) {
			t.Fatalf("finding message %q hint %q", fd.Message, fd.Hint)
		}
		fd.Locate(src)
		if fd.Start.Line < 1 || fd.Start.Column < 1 || fd.End.Line < fd.Start.Line || fd.End.Line == fd.Start.Line && fd.End.Column < fd.Start.Column {
			t.Fatalf("finding %q: located %v-%v", fd.Message, fd.Start, fd.End)
		}
		if i > 0 && lint.Less(&fs[i], &fs[i-1]) {
			t.Fatalf("findings out of order: %q before %q", fs[i-1].Message, fs[i].Message)
		}
		for _, prev := range fs[:i] {
			if prev.Span == fd.Span && prev.Message == fd.Message {
				t.Fatalf("finding %q at %v twice", fd.Message, fd.Span)
			}
		}
	}
}

// checkInstance checks the values validation works on against the
// projection and the pointers that place its findings.
func checkInstance(t *testing.T, src *source.File, r *document.Report) {
	t.Helper()
	inst, ptrs := Instance(src, r)
	full := normalize(t, "instance", inst)
	for ptr, span := range ptrs {
		if span.Start < 0 || span.End < span.Start || span.End > len(src.Text) {
			t.Fatalf("pointer %q: span %v outside the text of %d bytes", ptr, span, len(src.Text))
		}
		if _, ok := resolve(full, ptr); !ok {
			t.Fatalf("pointer %q does not resolve in the instance", ptr)
		}
		// A value with no place would be shown at the top of the file.
		if ptr != "" && span.IsZero() && len(src.Text) > 0 {
			t.Fatalf("pointer %q has no span", ptr)
		}
	}
	if _, ok := ptrs.Lookup("/no/such/value"); !ok {
		t.Fatalf("the instance's root has no span")
	}

	// The projection `reportlint parse` prints survives a JSON round trip
	// (so every string in it is valid UTF-8) and places every item at a
	// real line and column.
	proj, pptrs := document.Project(r, src)
	data, err := json.Marshal(proj)
	if err != nil || !json.Valid(data) {
		t.Fatalf("projection does not marshal: %v\n%s", err, data)
	}
	var back document.ReportJSON
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*proj, back) {
		t.Fatalf("projection changes in a JSON round trip:\n%+v\n%+v", *proj, back)
	}
	projected := normalize(t, "projection", proj)
	checkPositions(t, src, "", projected)
	for ptr, span := range pptrs {
		if span.Start < 0 || span.End < span.Start || span.End > len(src.Text) {
			t.Fatalf("projection pointer %q: span %v outside the text", ptr, span)
		}
		if _, ok := resolve(projected, ptr); !ok {
			t.Fatalf("projection pointer %q does not resolve", ptr)
		}
	}

	if r.Data != nil {
		// Validated as written: the keys of its maps are where unknown
		// properties are shown.
		for ptr, span := range keySpans(r.Data) {
			if span.Start < 0 || span.End < span.Start || span.End > len(src.Text) {
				t.Fatalf("key %q: span %v outside the text", ptr, span)
			}
			if _, ok := resolve(full, ptr); !ok {
				t.Fatalf("key pointer %q does not resolve in the instance", ptr)
			}
		}
		return
	}
	// A heading is a line of the text, never an empty place.
	for _, sec := range r.AllSections() {
		if sec.Heading.End <= sec.Heading.Start || !sec.Span.Contains(sec.Heading) {
			t.Fatalf("section %q: heading %v, section %v", sec.Title.Value, sec.Heading, sec.Span)
		}
	}
	if !reflect.DeepEqual(pptrs, ptrs) {
		t.Fatalf("the instance's pointers are not the projection's")
	}
	// The instance is the projection without lines and columns.
	stripPositions(projected)
	if !reflect.DeepEqual(full, projected) {
		t.Fatalf("instance and projection differ:\ninstance:   %s\nprojection: %s", mustJSON(full), mustJSON(projected))
	}
	// The slim instance is the full one without what the built-in schemas
	// need not see.
	slim := normalize(t, "slim instance", slimValue(r, new(arena)))
	m := full.(map[string]any)
	for _, k := range []string{"dates", "links", "preamble", "furniture", "notes", "path", "format", "profile"} {
		delete(m, k)
	}
	contacts := m["contacts"].([]any)
	for i, c := range contacts {
		c := c.(map[string]any)
		delete(c, "label")
		// A contact that cannot fail (contactValid, held to the schema by
		// FuzzContactValid) stands as validContact.
		if contactValid(document.ContactKind(c["kind"].(string)), c["value"].(string)) {
			contacts[i] = map[string]any{"kind": "address", "value": "x"}
		}
	}
	if adv, ok := m["advisory"].(map[string]any); ok {
		for _, ind := range adv["indicators"].([]any) {
			delete(ind.(map[string]any), "source")
		}
	}
	slimSectionsOf(m["sections"].([]any))
	// Sections whose titles all match nonEmptyText's pattern stand as one.
	if ss := m["sections"].([]any); len(ss) > 0 && titlesMatch(ss) {
		m["sections"] = []any{map[string]any{"title": "x"}}
	}
	if !reflect.DeepEqual(slim, full) {
		t.Fatalf("slim instance is not the full one cut down:\nslim: %s\nfull: %s", mustJSON(slim), mustJSON(full))
	}
}

var nonSpaceRE = regexp.MustCompile(`\S`)

// titlesMatch reports whether every title in ss, at any depth, matches \S.
func titlesMatch(ss []any) bool {
	for _, s := range ss {
		m := s.(map[string]any)
		if !nonSpaceRE.MatchString(m["title"].(string)) {
			return false
		}
		if sub, ok := m["sections"].([]any); ok && !titlesMatch(sub) {
			return false
		}
	}
	return true
}

func slimSectionsOf(ss []any) {
	for _, s := range ss {
		m := s.(map[string]any)
		delete(m, "level")
		delete(m, "paragraphs")
		if sub := m["sections"].([]any); len(sub) == 0 {
			delete(m, "sections")
		} else {
			slimSectionsOf(sub)
		}
	}
}

// normalize turns a value into what JSON decoding gives, numbers as
// json.Number, failing if it is not JSON.
func normalize(t *testing.T, what string, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s is not JSON: %v", what, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("%s does not decode: %v\n%s", what, err, data)
	}
	return out
}

func mustJSON(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

// checkPositions fails on a line or column the schemas would refuse
// (they start at 1) or that lies past the text.
func checkPositions(t *testing.T, src *source.File, ptr string, v any) {
	t.Helper()
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if k == "line" || k == "column" {
				n, err := c.(json.Number).Int64()
				if err != nil || n < 1 || k == "line" && n > int64(src.Lines()) {
					t.Fatalf("%s/%s is %v", ptr, k, c)
				}
				continue
			}
			checkPositions(t, src, ptr+"/"+k, c)
		}
	case []any:
		for i, c := range x {
			checkPositions(t, src, ptr+"/"+strconv.Itoa(i), c)
		}
	}
}

func stripPositions(v any) {
	switch x := v.(type) {
	case map[string]any:
		delete(x, "line")
		delete(x, "column")
		for _, c := range x {
			stripPositions(c)
		}
	case []any:
		for _, c := range x {
			stripPositions(c)
		}
	}
}

// resolve finds the value at an RFC 6901 JSON pointer.
func resolve(v any, ptr string) (any, bool) {
	if ptr == "" {
		return v, true
	}
	if !strings.HasPrefix(ptr, "/") {
		return nil, false
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch x := v.(type) {
		case map[string]any:
			c, ok := x[tok]
			if !ok {
				return nil, false
			}
			v = c
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) || strconv.Itoa(i) != tok {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}
