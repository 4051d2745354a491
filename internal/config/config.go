// Package config reads .reportlint.yaml: where it is (Find), what it says
// (Load, keeping the YAML line of every setting so that mistakes point at
// the file), and what it means for one report (Resolve, then For).
//
// Loading checks everything that does not depend on which rules exist;
// Resolve checks rule ids and options, because pack rules are only known
// once the packs the config names have been read.
//
// A rule's setting is a level word (error, warning, info; this turns the
// rule on), off or false, on or true (back on at the level it had), or a
// mapping of level and options. Layers apply in order: the rule's
// defaults, `rules`, then each matching override. A layer changes only what
// it names, and options it gives replace the earlier options whole.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/suggest"
)

// FileName is the name Find looks for.
const FileName = ".reportlint.yaml"

// Config is one configuration file, decoded but not yet checked against the
// rules that exist.
type Config struct {
	Path    string    // the file read ("" for the defaults)
	Dir     string    // its folder, absolute: the base for relative paths and override globs
	Profile string    // "" = detect each report's profile
	AsOf    time.Time // zero if not set; a date at midnight UTC
	// Schema, Packs and Profiles are absolute paths, joined to Dir as
	// the system joins them (see source.Join); CheckFiles makes those it
	// passes resolved, the files then read.
	Schema string   // "" for none
	Packs  []string // rule packs
	// Profiles are house profile files, added to the built-in profiles
	// and tried first when detecting a report's.
	Profiles []string
	Ignore   []string // globs of files and folders a walk skips (see Ignored)
	// Include, when set, are globs of the files that are reports: a walk
	// takes only those, and takes a JSON or YAML one whatever its shape
	// (see Included).
	Include []string
	// AllowOutside are folders and files outside the repository that the
	// files the configuration names may still be (--allow-outside).
	AllowOutside []string

	profileNode *yaml.Node
	fileNodes   []fileNode // the schema, pack and profile paths as written
	ignore      []glob     // Ignore, compiled
	include     []glob     // Include, compiled
	// ignoreFindings are the findings suppressed without touching the
	// report's text (see FindingIgnored).
	ignoreFindings []findingIgnore
	rules          []ruleSetting
	overrides      []override
}

// ruleSetting is one rule's entry in `rules`, as written. Zero fields leave
// what an earlier layer (the defaults, the base rules) said.
type ruleSetting struct {
	id      string
	key     *yaml.Node // the id as written, for errors found in Resolve
	toggle  toggle
	level   lint.Level
	options *yaml.Node // a mapping; replaces earlier options whole
}

type toggle int

const (
	unchanged toggle = iota
	enable
	disable
)

// fileNode is a path the configuration names, under its key: node as
// written, path the field that holds it (Schema, or an item of Packs or
// Profiles), which CheckFiles resolves.
type fileNode struct {
	key  string
	node *yaml.Node
	path *string
}

// override is one entry of `overrides`.
type override struct {
	globs       []glob
	profile     string
	profileNode *yaml.Node
	// published is the published date (YYYY-MM-DD) of the files that
	// state none; line is where it is written.
	published     string
	publishedLine int
	rules         []ruleSetting
}

// Error is a problem with a configuration file, at a position when one is
// known (Line and Column are 1-based; 0 means unknown).
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.Path + ": " + e.Msg
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Find walks up from startDir to the filesystem root and returns the first
// FileName found, as an absolute path. Not finding one is not an error; a
// folder that cannot be read is, since silently skipping a team's config
// would change what gets reported.
func Find(startDir string) (string, bool, error) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", false, err
	}
	for {
		p := filepath.Join(dir, FileName)
		info, err := os.Stat(p)
		switch {
		case err == nil && !info.IsDir():
			return p, true, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", false, &Error{Path: p, Msg: source.PathErrorReason(err)}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false, nil
		}
		dir = parent
	}
}

// Default is the configuration used when there is no file: detect the
// profile, measure staleness against today, run every rule at its default
// level with its default options.
func Default() *Config { return &Config{} }

// Load reads and decodes a configuration file. Every error is an *Error.
func Load(path string) (*Config, error) {
	data, err := source.ReadAll(path, source.Configuration)
	if err != nil {
		return nil, &Error{Path: path, Msg: source.PathErrorReason(err)}
	}
	return Parse(path, data)
}

// Parse decodes configuration text; path names it in errors and its folder
// is the base for relative paths. Every error is an *Error.
func Parse(path string, data []byte) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, &Error{Path: path, Msg: err.Error()}
	}
	l := &loader{path: path, data: data, cfg: &Config{Path: path, Dir: dir}}
	if err := l.load(); err != nil {
		return nil, err
	}
	return l.cfg, nil
}

// CheckProfiles reports a profile name (at the top or in an override) that
// is not among known, with a "did you mean". The profiles are not known to
// this package, so the caller, who has loaded them, asks.
func (c *Config) CheckProfiles(known []string) error {
	check := func(name string, n *yaml.Node) error {
		if name == "" {
			return nil
		}
		for _, k := range known {
			if k == name {
				return nil
			}
		}
		return c.errorAt(n, suggest.Unknown("profile", name, known))
	}
	if err := check(c.Profile, c.profileNode); err != nil {
		return err
	}
	for _, o := range c.overrides {
		if err := check(o.profile, o.profileNode); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) errorAt(n *yaml.Node, msg string) *Error {
	e := &Error{Path: c.Path, Msg: msg}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

var (
	topKeys      = []string{"profile", "profiles", "as-of", "schema", "packs", "ignore", "include", "ignore-findings", "rules", "overrides"}
	overrideKeys = []string{"files", "profile", "published", "rules"}
	ruleKeys     = []string{"level", "options"}
	levelWords   = []string{"error", "warning", "info", "off"}
)

type loader struct {
	path string
	data []byte
	cfg  *Config
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) *Error {
	return l.cfg.errorAt(n, fmt.Sprintf(format, args...))
}

func (l *loader) load() error {
	root, err := l.parseYAML()
	if err != nil {
		return err
	}
	if root == nil {
		return nil // an empty file, or only comments: the defaults
	}
	if root.Kind != yaml.MappingNode {
		// Not a word of it is quoted: a path or a link may have made it
		// any file of the machine.
		what := "a single value"
		if root.Kind == yaml.SequenceNode {
			what = "a list"
		}
		return l.errorf(root, "the configuration should be a mapping of keys to values (key: value lines), not %s; is this a reportlint configuration?", what)
	}
	pairs, err := l.mapping(root, "the configuration", topKeys)
	if err != nil {
		return err
	}
	c := l.cfg
	for _, kv := range pairs {
		key, val := kv[0], kv[1]
		switch key.Value {
		case "profile":
			c.Profile, err = l.scalar(val, "profile")
			c.profileNode = val
		case "as-of":
			c.AsOf, err = l.date(val)
		case "schema":
			c.Schema, err = l.scalar(val, "schema")
			c.Schema = l.abs(c.Schema)
			if c.Schema != "" {
				c.fileNodes = append(c.fileNodes, fileNode{"schema", val, &c.Schema})
			}
		case "packs":
			c.Packs, err = l.files(val, "packs", "rules/house-style.yaml")
		case "profiles":
			c.Profiles, err = l.files(val, "profiles", "profiles/house-csr.yaml")
		case "ignore":
			c.Ignore, err = l.list(val, "ignore", "drafts/**", true)
			for _, p := range c.Ignore {
				g, _ := compileGlob(p) // checked by list
				c.ignore = append(c.ignore, g)
			}
		case "include":
			c.Include, err = l.list(val, "include", "reports/**", true)
			for _, p := range c.Include {
				g, _ := compileGlob(p) // checked by list
				c.include = append(c.include, g)
			}
		case "ignore-findings":
			c.ignoreFindings, err = l.findingIgnores(val)
		case "rules":
			c.rules, err = l.ruleSettings(val)
		case "overrides":
			c.overrides, err = l.overrides(val)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// parseYAML returns the document's top node, or nil for an empty document.
func (l *loader) parseYAML() (*yaml.Node, error) {
	dec := yaml.NewDecoder(strings.NewReader(string(l.data)))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, nil
		}
		return nil, l.syntaxError(err)
	}
	// Decode reads only the first document; a second would be silently
	// ignored, and whoever wrote it meant something by it.
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil && emptyDocument(&next):
	case err == nil:
		return nil, l.errorf(&next, "a configuration is one YAML document; remove the second \"---\"")
	case err != io.EOF:
		return nil, l.syntaxError(err)
	}
	if emptyDocument(&doc) {
		return nil, nil
	}
	return deref(doc.Content[0]), nil
}

// emptyDocument is true for a document of only comments or a bare "---".
func emptyDocument(doc *yaml.Node) bool {
	return len(doc.Content) == 0 || isNull(doc.Content[0])
}

var anchorMessage = lazyregexp.New(`anchor '([^']*)'`)

// syntaxError turns a yaml.v3 error into an *Error with a line, and
// without the text's words (see datanode.UnquotedYAMLError). yaml.v3
// leaves the line out for problems on the first line, and for a bad alias
// it gives none at all, so the alias is looked for in the text.
func (l *loader) syntaxError(err error) *Error {
	line, msg := datanode.UnquotedYAMLError(err)
	e := &Error{Path: l.path, Line: line, Msg: msg}
	if line > 0 {
		return e
	}
	if m := anchorMessage.FindStringSubmatch(err.Error()); m != nil {
		for i, line := range strings.Split(string(l.data), "\n") {
			if col := strings.Index(line, "*"+m[1]); col >= 0 {
				e.Line, e.Column = i+1, col+1
				return e
			}
		}
		return e
	}
	e.Line = 1
	return e
}

// deref follows YAML aliases to the node they name.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// mapping returns n's key/value pairs, refusing keys not in known (with a
// "did you mean") and keys given twice.
func (l *loader) mapping(n *yaml.Node, what string, known []string) ([][2]*yaml.Node, error) {
	if n.Kind != yaml.MappingNode {
		return nil, l.errorf(n, "%s should be a mapping of keys to values, not %s", what, describe(n))
	}
	var pairs [][2]*yaml.Node
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := deref(n.Content[i]), deref(n.Content[i+1])
		if key.Kind != yaml.ScalarNode {
			return nil, l.errorf(key, "a key in %s should be a name, not %s", what, describe(key))
		}
		if known != nil && !contains(known, key.Value) {
			return nil, l.errorf(key, "%s", suggest.Unknown("key", key.Value, known))
		}
		if first, dup := seen[key.Value]; dup {
			return nil, l.errorf(key, "%q is set twice in %s (first on line %d)", key.Value, what, first.Line)
		}
		seen[key.Value] = key
		pairs = append(pairs, [2]*yaml.Node{key, val})
	}
	return pairs, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	if isNull(n) {
		return "empty"
	}
	return fmt.Sprintf("%q", n.Value)
}

// scalar reads a single value; empty means unset.
func (l *loader) scalar(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", l.errorf(n, "%s should be a single value, not %s", what, describe(n))
	}
	if isNull(n) {
		return "", nil
	}
	return strings.TrimSpace(n.Value), nil
}

// published reads an override's published date: a YYYY-MM-DD day, kept
// as written.
func (l *loader) published(n *yaml.Node) (string, error) {
	s, err := l.scalar(n, "published")
	if err != nil {
		return "", err
	}
	if _, perr := time.Parse(time.DateOnly, s); perr != nil {
		return "", l.errorf(n, "published %q is not a date; write it as YYYY-MM-DD, like 2025-06-01", s)
	}
	return s, nil
}

func (l *loader) date(n *yaml.Node) (time.Time, error) {
	s, err := l.scalar(n, "as-of")
	if err != nil || s == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, l.errorf(n, "as-of %q is not a date; write it as YYYY-MM-DD, like 2025-06-01", s)
	}
	return t, nil
}

// list reads a list of non-empty strings. A single value where a list
// belongs is refused rather than taken as a list of one, so that the
// shape of the file stays the one the documentation shows.
func (l *loader) list(n *yaml.Node, what, example string, globs bool) ([]string, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		if n.Kind == yaml.ScalarNode {
			example = n.Value
		}
		return nil, l.errorf(n, "%s should be a list, not %s; write [%q]", what, describe(n), example)
	}
	var out []string
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode || isNull(item) || strings.TrimSpace(item.Value) == "" {
			return nil, l.errorf(item, "each item of %s should be a non-empty value, not %s", what, describe(item))
		}
		if globs {
			if _, err := compileGlob(item.Value); err != nil {
				return nil, l.errorf(item, "bad glob %q in %s: %v", item.Value, what, err)
			}
			v := filepath.ToSlash(item.Value)
			if strings.Contains("/"+v+"/", "/../") {
				return nil, l.errorf(item, "glob %q in %s reaches outside the configuration's folder, where it can never match; globs are relative to that folder", item.Value, what)
			}
			if dir := filepath.ToSlash(l.cfg.Dir) + "/"; strings.HasPrefix(v, dir) {
				return nil, l.errorf(item, "glob %q in %s is an absolute path; globs are relative to the configuration's folder: write %q", item.Value, what, strings.TrimPrefix(v, dir))
			}
		}
		out = append(out, item.Value)
	}
	return out, nil
}

// files reads a list of file paths, made absolute. The list returned is
// the one the fileNodes point into: it must be kept, not copied.
func (l *loader) files(n *yaml.Node, what, example string) ([]string, error) {
	list, err := l.list(n, what, example, false)
	if err != nil {
		return nil, err
	}
	for i, p := range list {
		list[i] = l.abs(p)
		l.cfg.fileNodes = append(l.cfg.fileNodes, fileNode{what, deref(n.Content[i]), &list[i]})
	}
	return list, nil
}

// CheckFiles refuses a schema, pack or profile path that is not a file
// that may and can be read (see Confine), at its line in the
// configuration; keys ("schema", "packs", "profiles") limit it to those a
// command reads, and none means all. Each path it passes is left resolved
// in Schema, Packs or Profiles, so that the file read is the file judged,
// with no second reading of the name. It is separate from Load so that a
// configuration can be read on another machine.
func (c *Config) CheckFiles(keys ...string) error {
	for _, fn := range c.fileNodes {
		if len(keys) > 0 && !slices.Contains(keys, fn.key) {
			continue
		}
		n := fn.node
		resolved, reason := c.Confine(*fn.path)
		if reason != "" {
			return c.errorAt(n, n.Value+" "+reason)
		}
		info, err := os.Stat(resolved)
		if err != nil {
			return c.errorAt(n, fmt.Sprintf("%s: %s", n.Value, source.PathErrorReason(err)))
		}
		if reason := source.NotRegular(info); reason != "" {
			return c.errorAt(n, n.Value+" "+reason)
		}
		*fn.path = resolved
	}
	return nil
}

// Confine says why a file the configuration names (a schema, pack or
// house profile, or a schema a house profile names) may not be read, or
// "" when it may. Such a file must lie, links resolved, inside the
// repository that holds the configuration (inside its folder, when it is
// in none) and outside .git, or under a folder of AllowOutside: a pull
// request can change the configuration, and would otherwise have any file
// of the machine that checks it read, and its words printed in errors.
// Where the file lies is judged before whether it exists, so that a
// refusal never tells whether a file outside exists; a file whose place
// cannot be told (a name too long, a folder that may not be searched, a
// link loop) is refused too. The file may then be read only by resolved,
// the path judged: its name may be read otherwise by the system only if
// nothing changes in between, which Confine cannot know.
func (c *Config) Confine(path string) (resolved, reason string) {
	resolved, place, scope, err := confine(c.Dir, path, c.AllowOutside)
	switch {
	case err != nil:
		return "", "is not read: where it leads cannot be told (" + source.PathErrorReason(err) + "); name a file inside " + scope + " by a path the system can follow"
	case place == source.Outside:
		return "", "is outside " + scope + "; name a file inside it, or pass --allow-outside PATH to read files under PATH"
	case place == source.InGit:
		return "", "is inside .git, which reportlint does not read; name a file outside it"
	}
	return resolved, ""
}

// confine resolves path and says where it lies for a configuration in
// dir, and what bounds it there: the repository, or the configuration's
// folder. An error is why where it lies cannot be told.
func confine(dir, path string, allow []string) (resolved string, place source.Place, scope string, err error) {
	root, scope := source.RealPath(dir), "the configuration's folder"
	if repo, ok := source.RepoRoot(dir); ok {
		root, scope = repo, "the repository"
	}
	resolved, err = source.Resolve(path)
	if err != nil {
		return "", source.Outside, scope, err
	}
	return resolved, source.Locate(resolved, []string{root}, source.ResolveAll(allow)), scope, nil
}

// LoadFound loads a configuration file found by Find, but refuses one
// that is a link leading outside its repository (or its folder, when it
// is in none) or into .git, unless allow holds where it leads, and one
// whose end cannot be told: the file is the repository's say, as the
// files it names are. It reads the file judged, and names it path, whose
// folder relative paths start from. A file named with --config is the
// user's choice: Load reads it unchecked.
func LoadFound(path string, allow []string) (*Config, error) {
	resolved, place, scope, err := confine(filepath.Dir(path), path, allow)
	switch {
	case err != nil:
		return nil, &Error{Path: path, Msg: "is not read: where it leads cannot be told (" + source.PathErrorReason(err) + "); put the file itself there, or name it with --config"}
	case place == source.Outside:
		return nil, &Error{Path: path, Msg: "is a symbolic link that leads outside " + scope + "; put the file itself there, name it with --config, or pass --allow-outside PATH to read files under PATH"}
	case place == source.InGit:
		return nil, &Error{Path: path, Msg: "is a symbolic link into .git, which reportlint does not read; put the file itself there, or name it with --config"}
	}
	data, err := source.ReadAll(resolved, source.Configuration)
	if err != nil {
		return nil, &Error{Path: path, Msg: source.PathErrorReason(err)}
	}
	return Parse(path, data)
}

// abs makes a path written in the config absolute from the config's
// folder, as the system would (a ".." after a link is kept: see
// source.Join).
func (l *loader) abs(p string) string {
	if p == "" {
		return p
	}
	return source.Join(l.cfg.Dir, filepath.FromSlash(p))
}

// ruleSettings reads a `rules` mapping. Rule ids are checked in Resolve.
func (l *loader) ruleSettings(n *yaml.Node) ([]ruleSetting, error) {
	if isNull(n) {
		return nil, nil
	}
	pairs, err := l.mapping(n, "rules", nil)
	if err != nil {
		return nil, err
	}
	var out []ruleSetting
	for _, kv := range pairs {
		key, val := kv[0], kv[1]
		s := ruleSetting{id: key.Value, key: key}
		switch val.Kind {
		case yaml.ScalarNode:
			if s.toggle, s.level, err = l.level(val, s.id); err != nil {
				return nil, err
			}
		case yaml.MappingNode:
			fields, err := l.mapping(val, "rule "+s.id, ruleKeys)
			if err != nil {
				return nil, err
			}
			for _, f := range fields {
				switch f[0].Value {
				case "level":
					if s.toggle, s.level, err = l.level(f[1], s.id); err != nil {
						return nil, err
					}
				case "options":
					switch {
					case isNull(f[1]):
					case f[1].Kind != yaml.MappingNode:
						return nil, l.errorf(f[1], "options of rule %s should be a mapping of option names to values, not %s", s.id, describe(f[1]))
					default:
						s.options = f[1]
					}
				}
			}
		default:
			return nil, l.errorf(val, "rule %s should be a level (error, warning, info), off, or a mapping with level and options; not %s", s.id, describe(val))
		}
		out = append(out, s)
	}
	return out, nil
}

// level reads a rule's level word: error, warning, info (and the aliases
// lint.ParseLevel takes), off or false to disable, on or true to enable at
// the level an earlier layer gave.
func (l *loader) level(n *yaml.Node, id string) (toggle, lint.Level, error) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return unchanged, 0, l.errorf(n, "rule %s needs a level (error, warning, info) or off, not %s", id, describe(n))
	}
	word := strings.ToLower(strings.TrimSpace(n.Value))
	switch word {
	case "off", "false":
		return disable, 0, nil
	case "on", "true":
		return enable, 0, nil
	}
	lv, err := lint.ParseLevel(word)
	if err != nil {
		msg := fmt.Sprintf("unknown level %q for rule %s", n.Value, id)
		if s, ok := suggest.Closest(word, levelWords); ok {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			msg += "; use error, warning, info or off"
		}
		return unchanged, 0, l.errorf(n, "%s", msg)
	}
	return enable, lv, nil
}

func (l *loader) overrides(n *yaml.Node) ([]override, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, l.errorf(n, "overrides should be a list of entries, each starting with \"- files:\", not %s", describe(n))
	}
	var out []override
	for _, item := range n.Content {
		item = deref(item)
		pairs, err := l.mapping(item, "an override", overrideKeys)
		if err != nil {
			return nil, err
		}
		var o override
		var files *yaml.Node
		for _, kv := range pairs {
			key, val := kv[0], kv[1]
			switch key.Value {
			case "files":
				files = val
				var patterns []string
				if patterns, err = l.list(val, "files", "archive/**", true); err != nil {
					return nil, err
				}
				for _, p := range patterns {
					g, _ := compileGlob(p) // checked by list
					o.globs = append(o.globs, g)
				}
			case "profile":
				o.profile, err = l.scalar(val, "profile")
				o.profileNode = val
			case "published":
				o.published, err = l.published(val)
				o.publishedLine = val.Line
			case "rules":
				o.rules, err = l.ruleSettings(val)
			}
			if err != nil {
				return nil, err
			}
		}
		if len(o.globs) == 0 {
			at := item
			if files != nil {
				at = files
			}
			return nil, l.errorf(at, "an override needs files: a list of globs it applies to, like [\"archive/**\"]")
		}
		out = append(out, o)
	}
	return out, nil
}

// PublishedFor is the published date the overrides give the report at
// path ("" for none), for when its text and front matter state none, and
// where it is written (file:line). The last override that matches and gives
// one wins, as for profile. Paths are matched as For matches them, so
// standard input and files outside the config's folder get none.
func (c *Config) PublishedFor(path string) (date, by string) {
	if path == "-" {
		return "", ""
	}
	var rel string
	for _, o := range c.overrides {
		if o.published == "" {
			continue
		}
		if rel == "" {
			var ok bool
			if rel, ok = relSlash(c.Dir, path); !ok {
				return "", ""
			}
		}
		for _, g := range o.globs {
			if g.match(rel) {
				date, by = o.published, fmt.Sprintf("%s:%d", c.Path, o.publishedLine)
				break
			}
		}
	}
	return date, by
}

// Included tells whether path is a report by the include globs, and
// whether there are any: with none, every file a walk finds by its
// extension may be one.
func (c *Config) Included(p string) (included, set bool) {
	if len(c.include) == 0 {
		return false, false
	}
	rel, ok := relSlash(c.Dir, p)
	if !ok {
		return false, true
	}
	for _, g := range c.include {
		if g.match(rel) {
			return true, true
		}
	}
	return false, true
}

// Ignored reports whether a walk skips path, a file or folder, by the
// ignore globs: they are matched as overrides' are, against the path
// relative to the configuration's folder, so that "drafts", "drafts/" and
// "drafts/**" all skip that folder. Paths outside the folder are never
// ignored.
func (c *Config) Ignored(p string) bool {
	if len(c.ignore) == 0 {
		return false
	}
	rel, ok := relSlash(c.Dir, p)
	if !ok || rel == "." {
		return false
	}
	for _, g := range c.ignore {
		if g.match(rel) {
			return true
		}
	}
	return false
}

func relSlash(dir, p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return path.Clean(rel), true
}
