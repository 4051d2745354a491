// Package packs reads declarative rule packs: YAML files of rules that a
// house writes without Go. Each file names its pack (`pack: style`) and lists
// rules of four kinds: existence (a word, phrase or pattern is flagged),
// substitution ("use X, not Y", with a safe fix), required-sections (a list
// of sections in canonical order) and watchlist (terms that went stale on a
// date, flagged where the text still speaks of them as current). A rule's id
// is PACK/NAME.
//
// The packs under rules/packs/ are built in (Builtin); a configuration names
// more (LoadFile). Every error names the file and line, with a "did you mean"
// for a near miss, because the people who write packs are editors, not
// programmers.
//
// The cue words the watchlist kind reads (present-tense verbs, past markers)
// are data in this package (watchlist.go), not in each pack: they are English
// grammar rather than house style, and a pack that needs more adds them with
// the rule's `current-words` and `past-words` keys.
package packs

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/suggest"
	"github.com/reportlint/reportlint/rules"
)

// Error is a problem in a pack file, at a line.
type Error struct {
	File string
	Line int    // 0 when the problem is the file as a whole
	Rule string // the rule's name, when the problem is inside one
	Msg  string
}

func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	if e.Rule != "" {
		return fmt.Sprintf("%s: rule %q: %s", where, e.Rule, e.Msg)
	}
	return where + ": " + e.Msg
}

// Load reads one pack file from fsys.
func Load(fsys fs.FS, name string) ([]*lint.Rule, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// LoadFile reads a pack from disk, as a configuration names it.
func LoadFile(name string) ([]*lint.Rule, error) {
	data, err := source.ReadAll(name, source.Pack)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// builtinDir is where the embedded packs live in rules.FS, and builtinPrefix
// how their file names read in messages and rule sources: as the editor sees
// them in the repository.
const (
	builtinDir    = "packs"
	builtinPrefix = "rules/"
)

var builtinOnce = sync.OnceValues(func() ([]*lint.Rule, error) { return loadDir(rules.FS, builtinDir, builtinPrefix) })

// Builtin returns the rules of every pack embedded under rules/packs/, in
// file name order and then in the order each file lists them.
func Builtin() []*lint.Rule {
	rs, err := builtinOnce()
	if err != nil {
		panic("embedded rule packs are broken: " + err.Error()) // a test guards this
	}
	return rs
}

// loadDir reads every *.yaml pack in dir, sorted by file name; prefix is put
// before file names in messages.
func loadDir(fsys fs.FS, dir, prefix string) ([]*lint.Rule, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*lint.Rule
	packs := map[string]string{} // pack name -> file that defined it
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		rs, err := Parse(prefix+name, data)
		if err != nil {
			return nil, err
		}
		if len(rs) > 0 {
			pack, _, _ := strings.Cut(rs[0].ID, "/")
			if other, dup := packs[pack]; dup {
				return nil, &Error{File: prefix + name, Msg: fmt.Sprintf("pack %q is also defined in %s", pack, other)}
			}
			packs[pack] = prefix + name
		}
		out = append(out, rs...)
	}
	return out, nil
}

// Top-level keys of a pack file.
var packKeys = []string{"pack", "description", "rules"}

// Parse reads the text of one pack file; file names it in errors and in
// each rule's Source.
func Parse(file string, data []byte) ([]*lint.Rule, error) {
	var doc yaml.Node
	if err := rules.UnmarshalNode(data, &doc); err != nil {
		return nil, yamlError(file, err)
	}
	if len(doc.Content) == 0 {
		return nil, &Error{File: file, Msg: "empty pack; it needs `pack:` and `rules:`"}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: root.Line, Msg: "a pack is a mapping with the keys pack and rules"}
	}
	keys, err := mappingKeys(file, "", root, packKeys, nil)
	if err != nil {
		return nil, err
	}
	packNode := keys["pack"]
	if packNode == nil || isNull(packNode) {
		return nil, &Error{File: file, Line: root.Line, Msg: "missing `pack:` (the pack's name, which prefixes its rule ids)"}
	}
	pack, err := scalar(file, "", "pack", packNode)
	if err != nil {
		return nil, err
	}
	if !isKebab(pack) {
		return nil, &Error{File: file, Line: packNode.Line, Msg: fmt.Sprintf("pack name %q is not kebab-case (lower-case words and digits joined by hyphens)", pack)}
	}
	if d := keys["description"]; d != nil {
		if _, err := scalar(file, "", "description", d); err != nil {
			return nil, err
		}
	}
	rulesNode := keys["rules"]
	if rulesNode == nil || isNull(rulesNode) {
		return nil, &Error{File: file, Line: root.Line, Msg: "missing `rules:` (the list of rules)"}
	}
	if rulesNode.Kind != yaml.SequenceNode {
		return nil, &Error{File: file, Line: rulesNode.Line, Msg: "rules should be a list of rules, each starting with `- name:`"}
	}
	if len(rulesNode.Content) == 0 {
		return nil, &Error{File: file, Line: rulesNode.Line, Msg: "the pack has no rules"}
	}
	var out []*lint.Rule
	seen := map[string]int{} // rule name -> line
	scan := newPackScan()
	for _, n := range rulesNode.Content {
		r, err := parseRule(file, pack, n, seen, scan)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	scan.compile()
	return out, nil
}

// yamlError turns a YAML syntax error into file:line form, without the
// text's words: a path or a link may have made it any file.
func yamlError(file string, err error) error {
	line, msg := datanode.UnquotedYAMLError(err)
	return &Error{File: file, Line: line, Msg: msg}
}

// Keys every rule may have; each kind adds its own.
var commonKeys = []string{"name", "kind", "level", "message", "hint", "summary", "doc", "bad", "good", "profiles"}

// kindSpec is what a kind adds to the common keys, and how it builds a rule.
type kindSpec struct {
	keys []string
	// placeholders the message and hint may use.
	placeholders []string
	build        func(d *ruleDef) error
}

var kinds = map[string]*kindSpec{
	"existence":         {keys: []string{"tokens", "patterns", "ignore-case", "sections", "unless"}, placeholders: []string{"match", "section"}, build: buildExistence},
	"substitution":      {keys: []string{"swap", "ignore-case", "sections"}, placeholders: []string{"match", "replacement", "section"}, build: buildSubstitution},
	"required-sections": {keys: []string{"sections", "order", "order-message"}, placeholders: []string{"section"}, build: buildRequiredSections},
	"watchlist":         {keys: []string{"terms", "ignore-case", "sections", "current-words", "past-words"}, placeholders: []string{"match", "note", "since", "section"}, build: buildWatchlist},
}

// kindNames in the order documentation lists them.
var kindNames = []string{"existence", "substitution", "required-sections", "watchlist"}

// allRuleKeys lists every key any kind knows, for "did you mean".
func allRuleKeys() []string {
	out := append([]string(nil), commonKeys...)
	for _, k := range kindNames {
		for _, key := range kinds[k].keys {
			if !contains(out, key) {
				out = append(out, key)
			}
		}
	}
	return out
}

// ruleDef is a rule being read: its keys by name, and the rule it becomes.
type ruleDef struct {
	file, pack, name, kind string
	line                   int
	keys                   map[string]*yaml.Node
	rule                   *lint.Rule
	message, hint          string
	// scope is the rule's `sections`, for the kinds that read running text.
	scope scope
	// scan is the pack's one reading of a text for all its rules' phrases.
	scan *packScan
}

func (d *ruleDef) errorf(line int, format string, args ...any) error {
	if line == 0 {
		line = d.line
	}
	return &Error{File: d.file, Line: line, Rule: d.name, Msg: fmt.Sprintf(format, args...)}
}

func parseRule(file, pack string, n *yaml.Node, seen map[string]int, scan *packScan) (*lint.Rule, error) {
	if n.Kind != yaml.MappingNode {
		return nil, &Error{File: file, Line: n.Line, Msg: "each rule is a mapping that starts with `- name:`"}
	}
	d := &ruleDef{file: file, pack: pack, line: n.Line, scan: scan}
	nameNode := mapValue(n, "name")
	if nameNode == nil || isNull(nameNode) {
		return nil, &Error{File: file, Line: n.Line, Msg: "a rule needs a name"}
	}
	var err error
	if d.name, err = scalar(file, "", "name", nameNode); err != nil {
		return nil, err
	}
	if !isKebab(d.name) {
		return nil, &Error{File: file, Line: nameNode.Line, Msg: fmt.Sprintf("rule name %q is not kebab-case (lower-case words and digits joined by hyphens, such as %q)", d.name, kebabOf(d.name))}
	}
	if first, dup := seen[d.name]; dup {
		return nil, d.errorf(nameNode.Line, "defined twice in this pack (first at line %d)", first)
	}
	seen[d.name] = nameNode.Line

	kindNode := mapValue(n, "kind")
	if kindNode == nil || isNull(kindNode) {
		return nil, d.errorf(0, "missing kind (one of %s)", strings.Join(kindNames, ", "))
	}
	if d.kind, err = scalar(file, d.name, "kind", kindNode); err != nil {
		return nil, err
	}
	spec, ok := kinds[d.kind]
	if !ok {
		msg := fmt.Sprintf("unknown kind %q", d.kind)
		if s, ok := suggest.Closest(d.kind, kindNames); ok {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			msg += " (kinds: " + strings.Join(kindNames, ", ") + ")"
		}
		return nil, d.errorf(kindNode.Line, "%s", msg)
	}
	allowed := append(append([]string(nil), commonKeys...), spec.keys...)
	if d.keys, err = mappingKeys(file, d.name, n, allowed, func(key string) string {
		if contains(allRuleKeys(), key) {
			return fmt.Sprintf("key %q does not apply to kind %s (its keys: %s)", key, d.kind, strings.Join(spec.keys, ", "))
		}
		return ""
	}); err != nil {
		return nil, err
	}

	d.rule = &lint.Rule{
		ID: pack + "/" + d.name,
		// A pack's rules read the text, its sections and the country.
		TextOnly: true,
		Level:    lint.Warning,
		Source:   fmt.Sprintf("%s:%d", file, n.Line),
	}
	if v := d.keys["level"]; v != nil {
		s, err := scalar(file, d.name, "level", v)
		if err != nil {
			return nil, err
		}
		if d.rule.Level, err = lint.ParseLevel(s); err != nil {
			return nil, d.errorf(v.Line, "%v", err)
		}
	}
	msgNode := d.keys["message"]
	if msgNode == nil || isNull(msgNode) {
		return nil, d.errorf(0, "missing message (what a finding says; it may use %s)", placeholderList(spec.placeholders))
	}
	if d.message, err = d.template("message", spec.placeholders); err != nil {
		return nil, err
	}
	if d.hint, err = d.template("hint", spec.placeholders); err != nil {
		return nil, err
	}
	for _, key := range []string{"summary", "doc", "bad", "good"} {
		if v := d.keys[key]; v != nil {
			s, err := scalar(file, d.name, key, v)
			if err != nil {
				return nil, err
			}
			s = strings.TrimSpace(s)
			switch key {
			case "summary":
				// One line, with no final period: listings add their own.
				d.rule.Summary = strings.TrimSuffix(oneLine(s), ".")
			case "doc":
				d.rule.Doc = s
			case "bad":
				d.rule.Bad = s
			case "good":
				d.rule.Good = s
			}
		}
	}
	if v := d.keys["profiles"]; v != nil {
		if d.rule.Profiles, err = d.stringList("profiles", v); err != nil {
			return nil, err
		}
		if len(d.rule.Profiles) == 0 {
			return nil, d.errorf(v.Line, "profiles is empty; leave it out to run for every profile")
		}
	}
	if contains(spec.keys, "sections") && d.kind != "required-sections" {
		if v := d.keys["sections"]; v != nil {
			names, err := d.stringList("sections", v)
			if err != nil {
				return nil, err
			}
			if len(names) == 0 {
				return nil, d.errorf(v.Line, "sections is empty; leave it out to check the whole report")
			}
			d.scope = newScope(names)
		}
	}
	handWritten := d.rule.Doc != ""
	if err := spec.build(d); err != nil {
		return nil, err
	}
	if handWritten && d.scope.names != nil {
		// A hand-written doc may not say where the rule looks; say it once here.
		d.rule.Doc += "\n\n" + d.scope.describe()
	}
	return d.rule, nil
}

// describeKind is the opening of every generated doc: what the rule is.
// Where it is defined is Rule.Source, which listings print themselves.
func (d *ruleDef) describeKind() string {
	article := "A"
	if strings.ContainsRune("aeiou", rune(d.kind[0])) {
		article = "An"
	}
	return fmt.Sprintf("%s %s rule of the %s pack.", article, d.kind, d.pack)
}

// template reads a message or hint and checks its placeholders.
func (d *ruleDef) template(key string, allowed []string) (string, error) {
	v := d.keys[key]
	if v == nil || isNull(v) {
		return "", nil
	}
	s, err := scalar(d.file, d.name, key, v)
	if err != nil {
		return "", err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", d.errorf(v.Line, "%s is empty", key)
	}
	if err := checkPlaceholders(s, allowed); err != nil {
		return "", d.errorf(v.Line, "%s: %v", key, err)
	}
	return s, nil
}

// stringList reads a list of non-empty strings.
func (d *ruleDef) stringList(key string, v *yaml.Node) ([]string, error) {
	if v.Kind != yaml.SequenceNode {
		return nil, d.errorf(v.Line, "%s should be a list, such as [a, b] or one `- item` a line", key)
	}
	var out []string
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || isNull(item) {
			return nil, d.errorf(item.Line, "each item of %s should be a string", key)
		}
		s := strings.TrimSpace(item.Value)
		if s == "" {
			return nil, d.errorf(item.Line, "an item of %s is empty", key)
		}
		out = append(out, s)
	}
	return out, nil
}

// boolKey reads an optional true/false key.
func (d *ruleDef) boolKey(key string, def bool) (bool, error) {
	v := d.keys[key]
	if v == nil {
		return def, nil
	}
	var b bool
	if v.Kind != yaml.ScalarNode || v.Decode(&b) != nil {
		return false, d.errorf(v.Line, "%s should be true or false", key)
	}
	return b, nil
}

// mappingKeys indexes a mapping's keys, refusing unknown and repeated ones.
// explain, if set, may give a better message for a key that is known
// elsewhere.
func mappingKeys(file, rule string, n *yaml.Node, allowed []string, explain func(string) string) (map[string]*yaml.Node, error) {
	out := map[string]*yaml.Node{}
	lines := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !contains(allowed, k.Value) {
			msg := ""
			if explain != nil {
				msg = explain(k.Value)
			}
			if msg == "" {
				msg = suggest.Unknown("key", k.Value, allowed)
			}
			return nil, &Error{File: file, Line: k.Line, Rule: rule, Msg: msg}
		}
		if first, dup := lines[k.Value]; dup {
			return nil, &Error{File: file, Line: k.Line, Rule: rule, Msg: fmt.Sprintf("key %q is given twice (first at line %d)", k.Value, first)}
		}
		lines[k.Value] = k.Line
		out[k.Value] = n.Content[i+1]
	}
	return out, nil
}

// scalar reads a string value.
func scalar(file, rule, key string, v *yaml.Node) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", &Error{File: file, Line: v.Line, Rule: rule, Msg: fmt.Sprintf("%s should be a single value, not a list or mapping", key)}
	}
	return v.Value, nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func mapValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var kebabRE = lazyregexp.New(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

func isKebab(s string) bool { return kebabRE.MatchString(s) }

// kebabOf suggests the kebab-case form of a name.
func kebabOf(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		} else {
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "my-rule"
	}
	return b.String()
}
