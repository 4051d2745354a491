package schema

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/schemas"
)

var update = flag.Bool("update", false, "rewrite golden files")

func validator(t testing.TB, house string) *Validator {
	t.Helper()
	v, err := New(house)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func check(t testing.TB, v *Validator, path string) []string {
	t.Helper()
	f, err := source.ReadFile(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, fd := range v.Validate(f, r) {
		fd.Locate(f)
		line := fmt.Sprintf("%d:%d-%d:%d %s", fd.Start.Line, fd.Start.Column, fd.End.Line, fd.End.Column, fd.Message)
		if fd.Hint != "" {
			line += " (hint: " + fd.Hint + ")"
		}
		if fd.Rule != RuleID || fd.Level != lint.Error {
			t.Errorf("finding %q has rule %s level %s", fd.Message, fd.Rule, fd.Level)
		}
		out = append(out, line)
	}
	return out
}

// TestGoldenFindings validates each fixture under testdata/schema and
// compares every finding, with its exact span, to <fixture>.golden.
func TestGoldenFindings(t *testing.T) {
	v := validator(t, "")
	fixtures, _ := filepath.Glob("../../testdata/schema/*")
	ran := 0
	for _, path := range fixtures {
		if strings.HasSuffix(path, ".golden") {
			continue
		}
		ran++
		t.Run(filepath.Base(path), func(t *testing.T) {
			got := strings.Join(check(t, v, path), "\n") + "\n"
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("findings differ from %s (run with -update if right):\ngot:\n%swant:\n%s", golden, got, want)
			}
		})
	}
	if ran < 6 {
		t.Fatalf("only %d fixtures", ran)
	}
}

// The model reports written by us validate cleanly against their profiles.
func TestFixturesValidate(t *testing.T) {
	v := validator(t, "")
	for _, name := range []string{"niger-csr.txt", "kenya-advisory.md"} {
		if got := check(t, v, filepath.Join("../../testdata/reports", name)); len(got) != 0 {
			t.Errorf("%s: %q", name, got)
		}
	}
}

// The real reports beside the project validate cleanly too.
func TestSamplesValidate(t *testing.T) {
	paths, _ := filepath.Glob("../../../shared/samples/*.txt")
	if len(paths) == 0 {
		t.Skip("samples not available")
	}
	v := validator(t, "")
	for _, path := range paths {
		if got := check(t, v, path); len(got) != 0 {
			t.Errorf("%s: %q", filepath.Base(path), got)
		}
	}
}

// Every built-in profile's schema compiles, and is the one its reports
// are validated against; every embedded schema but the shared
// definitions is some profile's.
func TestEmbeddedSchemasCompile(t *testing.T) {
	v := validator(t, "")
	used := map[string]bool{"common.schema.json": true}
	for profile, file := range ProfileSchemas() {
		used[file] = true
		if _, err := validator(t, "").compileEmbedded(file); err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if got, want := v.For(profile), v.embedded(file); got != want {
			t.Errorf("profile %s is not validated against %s", profile, file)
		}
	}
	if got, want := slices.Sorted(maps.Keys(ProfileSchemas())), profile.BuiltinNames(); !slices.Equal(got, want) {
		t.Errorf("profiles with a schema %v, built-in profiles %v: help says each has one", got, want)
	}
	if len(ProfileSchemas()) < 7 {
		t.Errorf("only %d profiles have a schema: %v", len(ProfileSchemas()), ProfileSchemas())
	}
	names, _ := fs.Glob(schemas.FS, "*.schema.json")
	for _, n := range names {
		if !used[n] {
			t.Errorf("schemas/%s is no profile's schema", n)
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestHouseSchemaRelativeRef(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"house/house.schema.json": `{"$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object", "required": ["owner"],
  "properties": {"country": {"$ref": "defs/country.json"}}}`,
		"house/defs/country.json": `{"enum": ["Ghana", "Kenya"]}`,
	})
	v := validator(t, filepath.Join(dir, "house/house.schema.json"))
	got := check(t, v, "../../testdata/reports/niger-csr.txt")
	want := []string{
		`2:1-2:29 the report has no "owner"`,
		`4:1-4:6 the country "Niger" is not one of Ghana, Kenya`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A remote $ref is refused by name, at its line, and no connection is made.
func TestRemoteRefRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var connections atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connections.Add(1)
			c.Close()
		}
	}()
	remote := "http://" + ln.Addr().String() + "/defs.json"
	dir := writeFiles(t, map[string]string{
		"s.json": `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "properties": {
    "country": {"$ref": "` + remote + `#/$defs/country"}
  }
}`,
	})
	_, err = New(filepath.Join(dir, "s.json"))
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if !strings.Contains(se.Reason, "remote $ref") || !strings.Contains(se.Reason, remote) || se.Pos.Line != 4 {
		t.Errorf("error = %v (line %d), want the remote $ref named at line 4", se, se.Pos.Line)
	}
	if n := connections.Load(); n != 0 {
		t.Errorf("%d connections reached the listener", n)
	}
}

func TestBrokenHouseSchema(t *testing.T) {
	tests := []struct {
		name, body, want string
		line, col        int
	}{
		{"not json", "{\n  \"type\": \"object\",\n  \"required\": [\"a\",]\n}", "not valid JSON", 3, 19},
		{"not a schema", "{\n  \"type\": \"objekt\"\n}", "not a valid JSON Schema at /type", 2, 11},
		{"bad minimum", "{\n  \"properties\": {\n    \"n\": {\"minimum\": \"one\"}\n  }\n}", "not a valid JSON Schema at /properties/n/minimum: the value should be a number, not a string", 3, 22},
	}
	for _, tt := range tests {
		dir := writeFiles(t, map[string]string{"s.json": tt.body})
		_, err := New(filepath.Join(dir, "s.json"))
		var se *Error
		if !errors.As(err, &se) || !strings.Contains(se.Reason, tt.want) || se.Pos.Line != tt.line || se.Pos.Column != tt.col {
			t.Errorf("%s: err = %v at %v, want %q at %d:%d", tt.name, err, se.Pos, tt.want, tt.line, tt.col)
		}
	}
	if _, err := New("/no/such/schema.json"); err == nil || !strings.Contains(err.Error(), "schema /no/such/schema.json: no such file or directory; check the path") {
		t.Errorf("missing schema: %v", err)
	}
}

// The bundle printed by `reportlint schema` is a working schema on its own.
func TestBundleIsSelfContained(t *testing.T) {
	for profile := range ProfileSchemas() {
		out, err := Bundle(profile)
		if err != nil {
			t.Fatal(err)
		}
		dir := writeFiles(t, map[string]string{"b.json": string(out)})
		v := validator(t, filepath.Join(dir, "b.json"))
		got := check(t, v, "../../testdata/schema/rating-word.txt")
		if len(got) == 0 && profile != "generic" {
			t.Errorf("%s bundle finds nothing wrong with rating-word.txt", profile)
		}
	}
}

func BenchmarkValidate(b *testing.B) { benchValidate(b, "../../testdata/reports/niger-csr.txt") }

// BenchmarkValidateSample is the Mali report (21 KB), when available.
func BenchmarkValidateSample(b *testing.B) {
	benchValidate(b, "../../../shared/samples/osac-mali-2024.txt")
}

func benchValidate(b *testing.B, path string) {
	if _, err := os.Stat(path); err != nil {
		b.Skip(err)
	}
	f, err := source.ReadFile(path, 0)
	if err != nil {
		b.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	v := validator(b, "")
	b.SetBytes(int64(len(f.Raw)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if fs := v.Validate(f, r); len(fs) != 0 {
			b.Fatal(fs)
		}
	}
}

// BenchmarkValidateOnly separates the library's validation from building
// the projection.
func BenchmarkValidateOnly(b *testing.B) {
	f, _ := source.ReadFile("../../testdata/reports/niger-csr.txt", 0)
	r, _ := parse.Parse(f, parse.Options{})
	v := validator(b, "")
	inst, _ := instance(f, r, false)
	sch := v.For(r.Profile)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := sch.Validate(inst); err != nil {
			b.Fatal(err)
		}
	}
}

// Hints follow the schema in use: a house schema that allows fewer rating
// levels is quoted as it is, and a pattern on an email is not explained
// as a phone number's.
func TestHintsFollowHouseSchema(t *testing.T) {
	dir := t.TempDir()
	house := filepath.Join(dir, "house.schema.json")
	err := os.WriteFile(house, []byte(`{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "properties": {
    "ratings": {"items": {"properties": {"level": {"enum": ["LOW", "MEDIUM", "HIGH"]}}}},
    "contacts": {"items": {"properties": {"value": {"pattern": "^[^@]+@state\\.gov$|^[^@]*$"}}}}
  }
}`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "r.json")
	err = os.WriteFile(report, []byte(`{"ratings": [{"category": "crime", "location": "Accra", "level": "CRITICAL"}],
 "contacts": [{"kind": "email", "value": "info@example.org"}]}`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(check(t, validator(t, house), report), "\n")
	for _, want := range []string{`is not one of LOW, MEDIUM, HIGH (hint: use LOW, MEDIUM or HIGH)`, `"info@example.org"`} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "phone") || strings.Contains(got, "CRITICAL)") {
		t.Errorf("a hint speaks of the built-in schema:\n%s", got)
	}
}

// A $ref reads only files under the folder of the schema it starts from
// (links resolved), or the built-in schemas: not an absolute file: address
// elsewhere, a ../ out, a link out, a $id that moves the base out, or a
// file in .git. The refusal names the $ref at its line and never shows a
// word of the file refused. --allow-outside lets files under it be read.
func TestRefConfinedToSchemaFolder(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(top, "secret.json")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/bash\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(top, "schemas")
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".git", "config.json"), []byte("[core]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "link.json")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	// A link to a folder outside, and a ".." after it that the URL keeps
	// (encoded, it is no dot segment) and the file path has: the system
	// takes the ".." from where the link leads.
	if err := os.MkdirAll(filepath.Join(top, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(top, "sub"), filepath.Join(dir, "R")); err != nil {
		t.Fatal(err)
	}
	fileURL := "file://" + filepath.ToSlash(secret)
	for name, ref := range map[string]string{
		"absolute URL":          `"$ref": "` + fileURL + `"`,
		"../ out":               `"$ref": "../secret.json"`,
		"link out":              `"$ref": "link.json"`,
		"into .git":             `"$ref": ".git/config.json"`,
		"missing outside":       `"$ref": "../nothing.json"`,
		"$id moves out":         `"$id": "file://` + filepath.ToSlash(top) + `/x.json", "$ref": "secret.json"`,
		"encoded .. after link": `"$ref": "R/%2e%2e/secret.json"`,
		"encoded .. in a URL":   `"$ref": "file://` + filepath.ToSlash(dir) + `/R/%2E%2E/secret.json#/obj"`,
	} {
		house := filepath.Join(dir, "house.json")
		if err := os.WriteFile(house, []byte("{\n  "+ref+"\n}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := New(house)
		var se *Error
		if !errors.As(err, &se) || !strings.Contains(se.Reason, "refused: it leads outside the schema's folder") || strings.Contains(err.Error(), "root") {
			t.Errorf("%s: err = %v, want the $ref refused without the file's words", name, err)
			continue
		}
		// A $ref made absolute by a $id is not traced back to its line.
		if se.Pos.Line != 2 && name != "$id moves out" {
			t.Errorf("%s: err at line %d, want 2 (the $ref)", name, se.Pos.Line)
		}
	}
	// Where a $ref leads cannot be told: it is refused, not read, and
	// the message says why.
	if err := os.Symlink("loop.json", filepath.Join(dir, "loop.json")); err != nil {
		t.Fatal(err)
	}
	for ref, why := range map[string]string{
		"loop.json":                        "too many levels of symbolic links",
		strings.Repeat("a", 300) + ".json": "file name too long",
	} {
		house := filepath.Join(dir, "house.json")
		if err := os.WriteFile(house, []byte("{\n  \"$ref\": \""+ref+"\"\n}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := New(house)
		var se *Error
		if !errors.As(err, &se) || se.Pos.Line != 2 || !strings.Contains(se.Reason, "refused: where it leads cannot be told ("+why+")") {
			t.Errorf("%.20s: err = %v, want the $ref refused at line 2: where it leads cannot be told (%s)", ref, err, why)
		}
	}
	house := filepath.Join(dir, "house.json")
	if err := os.WriteFile(house, []byte(`{"$ref": "../secret.json"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	// Allowed, the file is read: it is no JSON, and the message says so.
	_, err = New(house, top)
	if err == nil || strings.Contains(err.Error(), "refused") || !strings.Contains(err.Error(), "not valid JSON") {
		t.Errorf("--allow-outside: err = %v, want the file read", err)
	}
	// A built-in schema by name still needs no copy beside the house one.
	if err := os.WriteFile(house, []byte(`{"$ref": "common.schema.json#/$defs/isoDate"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(house); err != nil {
		t.Errorf("a built-in schema by name: %v", err)
	}
}

// A house schema is the file the system opens by the path given, ".."
// after a link included, and its relative $refs resolve beside that file:
// one reading of the name, not one to judge and another to read.
func TestHouseSchemaReadAsTheSystemOpensIt(t *testing.T) {
	top, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{
		"a/house.json":   `{"$ref": "defs.json"}`,
		"a/defs.json":    `{"required": ["owner"]}`,
		"a/b/.keep":      "",
		"schemas/x.json": `{"required": ["nothing-like-this"]}`,
	} {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(top, "a", "b"), filepath.Join(top, "schemas", "L")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	// Cleaned as text, schemas/L/../house.json is schemas/house.json,
	// which does not exist; the system opens a/house.json.
	v := validator(t, strings.Join([]string{top, "schemas", "L", "..", "house.json"}, string(filepath.Separator)))
	got := check(t, v, "../../testdata/reports/niger-csr.txt")
	if len(got) != 1 || !strings.Contains(got[0], `the report has no "owner"`) {
		t.Errorf("got %q, want the finding of a/defs.json", got)
	}
}

// The embedded schemas are compiled without their meta-schema at run time
// (TrustResources); here they are checked against it, flattened and as
// written. And trust reaches only the embedded schemas' URLs.
func TestEmbeddedSchemasAreValid(t *testing.T) {
	trustEmbedded = false
	defer func() { trustEmbedded = true }()
	for _, flat := range []bool{true, false} {
		if _, err := newValidator("", flat); err != nil {
			t.Errorf("flat %v: %v", flat, err)
		}
	}
	bad := map[string]any{"type": 12}
	for _, c := range []struct {
		url     string
		trusted bool
	}{{embeddedBase + "bad.json", false}, {"https://example.org/bad.json", true}} {
		comp := newCompiler(localLoader{})
		if c.trusted {
			comp.TrustResources(embeddedBase)
		}
		if err := comp.AddResource(c.url, bad); err != nil {
			t.Fatal(err)
		}
		if _, err := comp.Compile(c.url); err == nil {
			t.Errorf("%s (trust set: %v): a schema of type 12 compiled", c.url, c.trusted)
		}
	}
}

// TestBundlesAgreeOnRealReports: on every report we have, written by us
// or real, the bundle of its profile's schema used as a house schema (it
// sees the full instance, indicator sources and all) finds what the
// built-in schema finds on the slim instance. A value the parser writes
// that the schema's vocabulary does not list would fail every house
// schema built from the bundle.
func TestBundlesAgreeOnRealReports(t *testing.T) {
	var paths []string
	for _, pattern := range []string{
		"../../testdata/reports/*",
		"../../../shared/samples/*.txt",
		"../../../shared/corpus/*/*.txt",
		"../../../shared/corpus/*/*.md",
	} {
		found, _ := filepath.Glob(pattern)
		paths = append(paths, found...)
	}
	v := validator(t, "")
	dir := t.TempDir()
	houses := map[string]*Validator{}
	for profile := range ProfileSchemas() {
		b, err := Bundle(profile)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, profile+".json")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		houses[profile] = validator(t, path)
	}
	sources := map[string]bool{}
	for _, path := range paths {
		f, err := source.ReadFile(path, 0)
		if err != nil {
			t.Fatal(err)
		}
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Advisory != nil {
			for _, ind := range r.Advisory.Indicators {
				sources[ind.Source] = true
			}
		}
		h, ok := houses[r.Profile]
		if !ok {
			continue
		}
		if slim, full := fmt.Sprint(v.Validate(f, r)), fmt.Sprint(h.Validate(f, r)); slim != full {
			t.Errorf("%s: the built-in schema and its bundle differ:\nslim: %s\nfull: %s", path, slim, full)
		}
	}
	// The real reports exercise every kind of indicator source.
	if _, err := os.Stat("../../../shared/corpus"); err == nil {
		for _, s := range []string{"statement", "reason", "area", "update"} {
			if !sources[s] {
				t.Errorf("no report has an indicator from %q: the test no longer covers it", s)
			}
		}
	}
}

// Prepare starts one compilation of a profile's schema, however often it
// is called, and the schema validation then uses is the one it compiled.
func TestPrepareCompilesOnce(t *testing.T) {
	v := validator(t, "")
	for range 50 {
		v.Prepare("fcdo")
	}
	v.mu.Lock()
	started := len(v.preparing)
	v.mu.Unlock()
	if started != 1 {
		t.Fatalf("Prepare started %d compilations for one profile", started)
	}
	sch := v.For("fcdo")
	if sch != v.embedded("fcdo.schema.json") || sch == v.For("generic") {
		t.Errorf("fcdo's reports are not validated against fcdo.schema.json")
	}
}

func TestSharedPatternsCompileEachOnce(t *testing.T) {
	engine := sharedPatterns()
	a, err := engine(`^\S+$`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := engine(`^\S+$`)
	c, _ := engine(`^\s+$`)
	if a != b || a == c || !a.MatchString("x") || c.MatchString("x") {
		t.Errorf("same pattern gave %p and %p; another gave %p", a, b, c)
	}
	if _, err := engine(`(`); err == nil {
		t.Error("a pattern that does not compile gave no error")
	}
}

// BenchmarkValidateCorpus validates every report of the real corpus
// (../shared/corpus), as a check of it does once a report.
func BenchmarkValidateCorpus(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/corpus/*/*")
	if len(paths) == 0 {
		b.Skip("no shared corpus")
	}
	type report struct {
		f *source.File
		r *document.Report
	}
	var reports []report
	total := 0
	for _, p := range paths {
		f, err := source.ReadFile(p, 0)
		if err != nil {
			b.Fatal(err)
		}
		r, err := parse.Parse(f, parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		reports = append(reports, report{f, r})
		total += len(f.Raw)
	}
	v := validator(b, "")
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for _, rp := range reports {
			v.Validate(rp.f, rp.r)
		}
	}
}
