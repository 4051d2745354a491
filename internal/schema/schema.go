// Package schema validates reports against JSON Schemas (draft 2020-12) and
// reports every error at the source line of the value it is about.
//
// A text or Markdown report is validated through its JSON projection (the
// shape `reportlint parse` prints), whose every value remembers the source
// span it came from; a JSON or YAML report is validated as written, with the
// position of every value in that file. Schemas are compiled once per run
// and shared by all files. Nothing is ever fetched: a $ref to an http(s)
// address is refused. A $ref reads only files under the folder of the
// schema it starts from (links resolved), or the built-in schemas, or
// files under a folder allowed with --allow-outside.
package schema

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/schemas"
)

// RuleID is the rule every schema finding carries.
const RuleID = "schema"

// embeddedBase is the base URL under which the embedded schemas are added to
// the compiler. They are resources in memory; nothing is fetched from it.
const embeddedBase = "https://reportlint.dev/schemas/"

// Validator holds the schemas of a run. The built-in ones are compiled
// when a report of their profile first needs one: compiling all of them
// took half of what checking one report on save cost.
type Validator struct {
	byProfile map[string]*jsonschema.Schema // house profiles' own schemas
	alias     map[string]string             // house profile -> built-in schema file
	house     *jsonschema.Schema            // --schema: used for every profile
	houseName string
	// full holds the profiles validated against a house schema of their
	// own, which sees the whole instance as the built-in ones do not.
	full map[string]bool
	// allowOutside are folders a house schema's $refs may read outside
	// its own folder (--allow-outside), resolved.
	allowOutside []string

	profiles *profile.Set // for hints; nil: the built-in ones

	flat     bool
	mu       sync.Mutex                    // guards what follows: workers validate at once
	compiler *jsonschema.Compiler          // the embedded schemas, added on first use
	docs     map[string]any                // the embedded schemas, decoded
	builtin  map[string]*jsonschema.Schema // by schema file name
	// preparing holds the schema files Prepare has started compiling.
	preparing map[string]bool
}

// Error is a schema file that cannot be used: not JSON, not a valid schema,
// or a remote reference. Path and Pos name where.
type Error struct {
	Path   string
	Pos    source.Position
	Reason string
}

func (e *Error) Error() string {
	if e.Pos.Line > 0 {
		return fmt.Sprintf("schema %s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Column, e.Reason)
	}
	return fmt.Sprintf("schema %s: %s", e.Path, e.Reason)
}

// ProfileSchemas maps each built-in profile to its schema file, as the
// profile's `schema:` key names it.
func ProfileSchemas() map[string]string { return profileSchemas() }

var profileSchemas = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	set := profile.Default()
	for _, name := range set.Names() {
		file, _ := set.SchemaOf(name)
		if _, err := fs.Stat(schemas.FS, file); err == nil && file != "" {
			out[name] = file
		}
	}
	return out
})

// New prepares the embedded schemas, and compiles the house schema at
// housePath if it is not empty (it then applies to every report). The
// $refs of a house schema may read files under allowOutside too.
func New(housePath string, allowOutside ...string) (*Validator, error) {
	return newValidator(housePath, true, allowOutside...)
}

// newValidator prepares the built-in schemas, flattened (see flatten) or
// as written, and compiles the house schema if one is given.
func newValidator(housePath string, flat bool, allowOutside ...string) (*Validator, error) {
	v := &Validator{byProfile: map[string]*jsonschema.Schema{}, alias: map[string]string{}, allowOutside: source.ResolveAll(allowOutside), flat: flat}
	if housePath != "" {
		sch, err := v.compileHouse(housePath)
		if err != nil {
			return nil, err
		}
		v.house, v.houseName = sch, housePath
	}
	return v, nil
}

// embedded returns the compiled built-in schema in the file name,
// compiling it on first use. The embedded schemas are tested to compile
// (TestEmbeddedSchemasCompile): failing here is a broken build.
func (v *Validator) embedded(name string) *jsonschema.Schema {
	v.mu.Lock()
	defer v.mu.Unlock()
	if sch, ok := v.builtin[name]; ok {
		return sch
	}
	sch, err := v.compileEmbedded(name)
	if err != nil {
		panic("embedded schema " + name + " does not compile: " + err.Error())
	}
	if v.builtin == nil {
		v.builtin = map[string]*jsonschema.Schema{}
	}
	v.builtin[name] = sch
	return sch
}

func (v *Validator) compileEmbedded(name string) (*jsonschema.Schema, error) {
	if v.compiler == nil {
		c := newCompiler(localLoader{})
		// The embedded schemas are valid: TestEmbeddedSchemasAreValid checks
		// them against their meta-schema, so that no run need.
		if trustEmbedded {
			c.TrustResources(embeddedBase)
		}
		v.compiler, v.docs = c, map[string]any{}
	}
	if v.flat && useFlatSnapshot {
		// The flattened schema as generated from the embedded files
		// (flatsnapshot.go, checked against them by
		// TestFlatSnapshotIsCurrent): decoding and flattening them was a
		// fifth of compiling a report's schema, and it needs no other.
		if doc, ok := flatSnapshot(name); ok {
			return v.compileAt(name, embeddedBase+"flat/"+name, doc)
		}
	}
	if err := v.loadEmbedded(name); err != nil {
		return nil, err
	}
	if !v.flat {
		return v.compileAt(name, embeddedBase+name, nil)
	}
	doc, err := flatten(v.docs, name)
	if err != nil {
		return nil, &Error{Path: "schemas/" + name, Reason: err.Error()}
	}
	return v.compileAt(name, embeddedBase+"flat/"+name, doc)
}

// compileAt compiles the embedded schema name from url, adding doc there
// first unless it is nil (the compiler has it already).
func (v *Validator) compileAt(name, url string, doc any) (*jsonschema.Schema, error) {
	if doc != nil {
		if err := v.compiler.AddResource(url, doc); err != nil {
			return nil, &Error{Path: "schemas/" + name, Reason: err.Error()}
		}
	}
	sch, err := v.compiler.Compile(url)
	if err != nil {
		return nil, &Error{Path: "schemas/" + name, Reason: err.Error()}
	}
	return sch, nil
}

// loadEmbedded decodes the embedded schema name and those it refers to,
// and gives them to the compiler, each once: decoding all nine for the one
// a run needs was a tenth of compiling it.
func (v *Validator) loadEmbedded(name string) error {
	if _, ok := v.docs[name]; ok {
		return nil
	}
	data, err := fs.ReadFile(schemas.FS, name)
	if err != nil {
		return &Error{Path: "schemas/" + name, Reason: "no such built-in schema"}
	}
	doc, err := decodeSchema("schemas/"+name, data)
	if err != nil {
		return err
	}
	if err := v.compiler.AddResource(embeddedBase+name, doc); err != nil {
		return &Error{Path: "schemas/" + name, Reason: err.Error()}
	}
	v.docs[name] = doc
	for _, ref := range refFiles(doc) {
		if _, err := fs.Stat(schemas.FS, ref); err != nil {
			continue // not an embedded schema: the compiler's loader decides
		}
		if err := v.loadEmbedded(ref); err != nil {
			return err
		}
	}
	return nil
}

// refFiles lists the files the $refs in a schema name ("common.schema.json"
// in "common.schema.json#/$defs/x"), in the order met.
func refFiles(node any) []string {
	var out []string
	var walk func(any)
	walk = func(n any) {
		switch n := n.(type) {
		case map[string]any:
			if ref, ok := n["$ref"].(string); ok {
				if file, _, _ := strings.Cut(ref, "#"); file != "" && !slices.Contains(out, file) {
					out = append(out, file)
				}
			}
			for _, k := range slices.Sorted(maps.Keys(n)) {
				walk(n[k])
			}
		case []any:
			for _, it := range n {
				walk(it)
			}
		}
	}
	walk(node)
	return out
}

// useFlatSnapshot is false only in the tests that compile the flattened
// schemas from the embedded files, as a run did before the snapshot.
var useFlatSnapshot = true

//go:generate go test -run TestFlatSnapshotIsCurrent -update

// trustEmbedded is false only in the test that validates the embedded
// schemas against their meta-schema.
var trustEmbedded = true

func newCompiler(loader localLoader) *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(loader)
	c.UseRegexpEngine(sharedPatterns())
	return c
}

// sharedPatterns compiles each "pattern" once per compiler: a flattened
// schema holds a copy of a shared definition at every place that refers
// to it, and jsonschema compiles the pattern of each copy anew (16
// compilations of the built-in schemas' 4 patterns for a report's schema,
// and as many again for each other profile's). The cache holds what the
// schemas compiled hold anyway.
func sharedPatterns() jsonschema.RegexpEngine {
	var mu sync.Mutex
	compiled := map[string]*regexp.Regexp{}
	return func(pattern string) (jsonschema.Regexp, error) {
		mu.Lock()
		defer mu.Unlock()
		if pattern == nonSpacePattern.String() {
			return nonSpacePattern, nil
		}
		if re, ok := compiled[pattern]; ok {
			return re, nil
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return nil, err
		}
		compiled[pattern] = re
		return re, nil
	}
}

// nonSpacePattern is the pattern \S (nonEmptyText's, which every text of
// a built-in schema's instance meets) matched by holdsNonSpace: a regexp
// call costs several times the loop on these short strings, about 25 a
// report. FuzzHoldsNonSpace holds the loop to the regexp; String keeps the
// pattern's text, which the findings quote.
var nonSpacePattern nonSpace

type nonSpace struct{}

func (nonSpace) MatchString(s string) bool { return holdsNonSpace(s) }
func (nonSpace) String() string            { return `\S` }

// localLoader reads file: URLs and refuses everything else, so that a
// schema can never make reportlint reach the network. It reads only files
// under root (the folder of the schema compiled, links resolved) and
// under allow, and never in .git, so that a schema in a pull request
// cannot have any file of the machine read and its words printed in an
// error; a file it may not read is refused before it is looked for, so
// that the refusal does not tell whether it exists.
type localLoader struct {
	root  string
	allow []string
}

func (l localLoader) Load(u string) (any, error) {
	parsed, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	if parsed.Scheme != "file" {
		return nil, &refusedRefError{url: u}
	}
	path, err := jsonschema.FileLoader{}.ToFile(u)
	if err != nil {
		return nil, err
	}
	if l.root == "" {
		return nil, &refusedRefError{url: u, outside: "the built-in schemas"}
	}
	// The file judged is the file read: path as the system resolves it,
	// so that a ".." after a link (which the URL kept, encoded) cannot
	// lead elsewhere than where it was judged to.
	target, err := source.Resolve(path)
	if err != nil {
		return nil, &refusedRefError{url: u, unresolved: err}
	}
	switch source.Locate(target, []string{l.root}, l.allow) {
	case source.Outside, source.InGit:
		return nil, &refusedRefError{url: u, outside: "the schema's folder"}
	}
	data, err := source.ReadAll(target, source.Schema)
	if errors.Is(err, fs.ErrNotExist) && strings.HasSuffix(path, ".schema.json") {
		// A house schema may $ref the built-in ones by name
		// ("common.schema.json#/$defs/isoDate") without a copy beside it.
		if embedded, rerr := fs.ReadFile(schemas.FS, filepath.Base(path)); rerr == nil {
			return decodeSchema("schemas/"+filepath.Base(path), embedded)
		}
	}
	if err != nil {
		return nil, err
	}
	return decodeSchema(path, data)
}

// refusedRefError is a $ref (or $schema) that is not read: a remote one,
// or a file outside what the schema may read.
type refusedRefError struct {
	url        string
	outside    string // what the file is outside of; "" for a remote address
	unresolved error  // why where the file lies cannot be told, if it cannot
	key        string // "$ref", or "$schema" when the dialect is what is refused
}

func (e *refusedRefError) Error() string {
	key := e.key
	if key == "" {
		key = "$ref"
	}
	switch {
	case e.unresolved != nil:
		return fmt.Sprintf("%s %q refused: where it leads cannot be told (%s), so it is not read; $ref a file under the schema's folder by a path the system can follow", key, e.url, source.PathErrorReason(e.unresolved))
	case e.outside != "":
		return fmt.Sprintf("%s %q refused: it leads outside %s, and a schema reads only files under its own folder or the built-in schemas; copy that schema beside yours, or pass --allow-outside PATH to read files under PATH", key, e.url, e.outside)
	case key == "$schema":
		return fmt.Sprintf("remote $schema %q refused: reportlint never reaches the network and knows draft 2020-12 built in; write \"https://json-schema.org/draft/2020-12/schema\", or leave $schema out", e.url)
	}
	return fmt.Sprintf("remote %s %q refused: reportlint never reaches the network; save that schema beside yours and $ref it by relative path", key, e.url)
}

// decodeSchema reads a schema file as JSON, naming the line and column of a
// syntax error, and not the words there: a path or a $ref may have made it
// any file of the machine.
func decodeSchema(path string, data []byte) (any, error) {
	f, err := source.New(path, data)
	if err != nil {
		return nil, &Error{Path: path, Reason: err.(*source.Error).Reason}
	}
	n, err := datanode.FromJSON(f.Text)
	if err != nil {
		var se *datanode.SyntaxError
		if errors.As(err, &se) {
			return nil, &Error{Path: path, Pos: f.Position(se.Offset), Reason: "not valid JSON: " + se.Unquoted()}
		}
		return nil, &Error{Path: path, Reason: err.Error()}
	}
	return datanode.ToAny(n), nil
}

// compileHouse compiles a schema file: the one the system opens by path,
// links and ".." resolved as it resolves them, whose folder is where its
// relative $refs resolve and the only one they may read (with
// allowOutside).
func (v *Validator) compileHouse(path string) (*jsonschema.Schema, error) {
	file, err := source.Resolve(path)
	if err != nil {
		return nil, &Error{Path: path, Reason: source.PathErrorReason(err)}
	}
	data, err := source.ReadAll(file, source.Schema)
	if err != nil {
		return nil, &Error{Path: path, Reason: source.PathErrorReason(err)}
	}
	doc, err := decodeSchema(path, data)
	if err != nil {
		return nil, err
	}
	c := newCompiler(localLoader{root: filepath.Dir(file), allow: v.allowOutside})
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()
	if err := c.AddResource(u, doc); err != nil {
		return nil, &Error{Path: path, Reason: err.Error()}
	}
	sch, err := c.Compile(u)
	if err != nil {
		return nil, houseError(path, u, data, err)
	}
	return sch, nil
}

// houseError explains why a house schema did not compile, at the line of the
// offending value when it can be found.
func houseError(path, schemaURL string, data []byte, err error) error {
	f, ferr := source.New(path, data)
	var root *document.Node
	if ferr == nil {
		root, _ = datanode.FromJSON(f.Text)
	}
	at := func(ptr string) source.Position {
		if root == nil {
			return source.Position{}
		}
		var found *document.Node
		datanode.Walk(root, func(p string, n *document.Node) {
			if p == ptr {
				found = n
			}
		})
		if found == nil {
			return source.Position{}
		}
		return f.Position(found.Span.Start)
	}
	var refused *refusedRefError
	if le := (*jsonschema.LoadURLError)(nil); errors.As(err, &le) {
		if r, ok := le.Err.(*refusedRefError); ok {
			refused = r
		} else {
			return &Error{Path: path, Reason: fmt.Sprintf("cannot load $ref %s: %s", le.URL, source.PathErrorReason(le.Err))}
		}
	}
	if refused != nil || errors.As(err, &refused) {
		// Point at the $ref (or $schema) that names it.
		var pos source.Position
		if root != nil {
			want := withoutFragment(refused.url)
			base, _ := url.Parse(schemaURL)
			datanode.Walk(root, func(p string, n *document.Node) {
				if pos.Line != 0 || n.Kind != document.NodeString {
					return
				}
				ref, err := url.Parse(n.Scalar)
				if err != nil || base == nil || withoutFragment(base.ResolveReference(ref).String()) != want {
					return
				}
				for _, key := range []string{"$ref", "$dynamicRef", "$schema"} {
					if strings.HasSuffix(p, "/"+key) {
						pos, refused.key = f.Position(n.Span.Start), key
						if refused.outside != "" || refused.unresolved != nil {
							refused.url = n.Scalar // as written, as the reader will look for it
						}
						return
					}
				}
			})
		}
		return &Error{Path: path, Pos: pos, Reason: refused.Error()}
	}
	var sve *jsonschema.SchemaValidationError
	if errors.As(err, &sve) {
		var ve *jsonschema.ValidationError
		msg := sve.Err.Error()
		ptr := ""
		if errors.As(sve.Err, &ve) {
			leaf := deepest(ve)
			ptr = pointer(leaf.InstanceLocation)
			msg = fmt.Sprintf("not a valid JSON Schema at %s: %s", displayPointer(ptr), describeUnquoted(leaf.ErrorKind, "the value"))
		}
		return &Error{Path: path, Pos: at(ptr), Reason: msg}
	}
	return &Error{Path: path, Reason: err.Error()}
}

func withoutFragment(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

func deepest(ve *jsonschema.ValidationError) *jsonschema.ValidationError {
	for len(ve.Causes) > 0 {
		ve = ve.Causes[0]
	}
	return ve
}

func displayPointer(p string) string {
	if p == "" {
		return "the top level"
	}
	return p
}

// AddProfile gives a house profile its schema: the file at path, whose
// relative $refs resolve beside it, or the generic report schema when path
// is "". A path that names no file but has the name of a built-in schema
// ("osac-csr.schema.json") is that schema.
func (v *Validator) AddProfile(name, path string) error {
	if path == "" {
		v.alias[name] = ProfileSchemas()["generic"]
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		for _, file := range ProfileSchemas() {
			if filepath.Base(path) == file {
				v.alias[name] = file
				return nil
			}
		}
	}
	sch, err := v.compileHouse(path)
	if err != nil {
		return err
	}
	v.byProfile[name] = sch
	if v.full == nil {
		v.full = map[string]bool{}
	}
	v.full[name] = true
	return nil
}

// UseProfiles gives the profiles of the run, whose hints say how their
// kind of report writes a missing fact. Without it, the built-in ones.
func (v *Validator) UseProfiles(set *profile.Set) { v.profiles = set }

func (v *Validator) hints(name string) map[string]string {
	set := v.profiles
	if set == nil {
		set = profile.Default()
	}
	if p, ok := set.Get(name); ok {
		return p.Hints
	}
	return nil
}

// Prepare starts compiling, on its own goroutine, the built-in schema of a
// profile's reports if no one has yet, so that validating the first of
// them waits less; it never blocks, and starts nothing for a schema
// compiled or being compiled, so a run calls it for every report at no
// cost. A schema that does not compile is left for Validate to fail on,
// where the run sees it.
func (v *Validator) Prepare(profile string) {
	file, ok := v.builtinFor(profile)
	if !ok {
		return
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, done := v.builtin[file]; done || v.preparing[file] {
		return
	}
	if v.preparing == nil {
		v.preparing = map[string]bool{}
	}
	v.preparing[file] = true
	go func() {
		defer func() { _ = recover() }()
		v.embedded(file)
	}()
}

// For returns the schema for a profile: the house schema if one was given,
// the profile's own, or the generic report schema.
func (v *Validator) For(profile string) *jsonschema.Schema {
	if file, ok := v.builtinFor(profile); ok {
		return v.embedded(file)
	}
	if v.house != nil {
		return v.house
	}
	return v.byProfile[profile]
}

// builtinFor names the built-in schema file a profile's reports are
// validated against, or says they are validated against a schema of the
// house's (--schema, or the house profile's own).
func (v *Validator) builtinFor(profile string) (string, bool) {
	if v.house != nil {
		return "", false
	}
	if _, ok := v.byProfile[profile]; ok {
		return "", false
	}
	if file, ok := v.alias[profile]; ok {
		return file, true
	}
	if file, ok := ProfileSchemas()[profile]; ok {
		return file, true
	}
	return ProfileSchemas()["generic"], true
}

// Validate checks one report and returns a finding per schema error, at the
// source span of the value concerned, in source order.
func (v *Validator) Validate(f *source.File, r *document.Report) []lint.Finding {
	a := arenas.Get().(*arena)
	defer func() { a.reset(); arenas.Put(a) }()
	instance := instanceValue(r, v.house != nil || v.full[r.Profile], a)
	err := v.For(r.Profile).Validate(instance)
	if err == nil {
		return nil
	}
	ptrs := pointers(r)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []lint.Finding{{Rule: RuleID, Level: lint.Error, Message: "cannot be validated: " + err.Error()}}
	}
	keys := keySpans(r.Data)
	var out []lint.Finding
	seen := map[string]bool{}
	for _, e := range leaves(ve) {
		ptr := pointer(e.InstanceLocation)
		for _, m := range messages(e, ptr, instance, v.hints(r.Profile)) {
			key := m.at + "\x00" + m.text
			if seen[key] {
				continue
			}
			seen[key] = true
			span, ok := keys[m.at]
			if !ok || !m.atKey {
				span, _ = ptrs.Lookup(m.at)
			}
			if m.clip {
				if line := f.Position(span.Start).Line; span.End > f.LineEnd(line) {
					span.End = f.LineEnd(line)
				}
			}
			out = append(out, lint.Finding{Rule: RuleID, Level: lint.Error, Message: m.text, Span: span, Hint: m.hint, Absent: m.clip})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return lint.Less(&out[i], &out[j]) })
	return out
}

// keySpans maps the pointer of every map entry of a JSON or YAML report to
// the span of its key, where an unknown property is best shown.
func keySpans(root *document.Node) map[string]document.Span {
	out := map[string]document.Span{}
	var walk func(string, *document.Node)
	walk = func(ptr string, n *document.Node) {
		if n == nil {
			return
		}
		for _, f := range n.Fields {
			p := ptr + "/" + escapeToken(f.Key)
			out[p] = f.KeySpan
			walk(p, f.Value)
		}
		for i, it := range n.Items {
			walk(ptr+"/"+strconv.Itoa(i), it)
		}
	}
	walk("", root)
	return out
}

// pointer turns an instance location into an RFC 6901 JSON pointer.
func pointer(loc []string) string {
	var b strings.Builder
	for _, tok := range loc {
		b.WriteByte('/')
		b.WriteString(escapeToken(tok))
	}
	return b.String()
}

var (
	tokenEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	tokenUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// escapeToken writes a property name as one token of a JSON pointer.
func escapeToken(name string) string { return tokenEscaper.Replace(name) }

// unescapeToken reads one token of a JSON pointer back as a property name.
func unescapeToken(tok string) string { return tokenUnescaper.Replace(tok) }
