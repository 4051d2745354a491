package config

import (
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/suggest"
)

// Setting is what the configuration says about one rule for one report:
// the engine's own type, so settings pass through without conversion. Its
// Options are shared by every report the setting applies to, so a rule must
// only read them.
type Setting = lint.Setting

// Resolved is a configuration checked against the rules of a run, ready to
// answer For for each report. It does not change after Resolve, so For may
// be called from many goroutines at once.
type Resolved struct {
	cfg       *Config
	base      map[string]Setting // every rule, with the config's top-level rules applied
	overrides []resolvedOverride
}

type resolvedOverride struct {
	globs   []glob
	profile string
	changes []change
}

// change is a ruleSetting with its options decoded.
type change struct {
	id         string
	toggle     toggle
	level      lint.Level
	hasOptions bool
	options    any
}

// Resolve checks every rule id and option in the configuration against reg
// (built-in and pack rules) and decodes each options mapping once. Errors are
// *Error; when there are several, the first in the file is returned.
func (c *Config) Resolve(reg *lint.Registry) (*Resolved, error) {
	if err := c.checkFindingRules(reg); err != nil {
		return nil, err
	}
	r := &Resolved{cfg: c, base: map[string]Setting{}}
	for _, rule := range reg.All() {
		// Defaults cannot fail to decode: there is no node to be wrong.
		opts, _ := lint.DecodeOptions(rule, nil)
		r.base[rule.ID] = Setting{Enabled: true, Level: rule.Level, Options: opts}
	}
	res := resolver{cfg: c, reg: reg, decoded: map[optionsKey]any{}}
	apply(r.base, res.changes(c.rules))
	for _, o := range c.overrides {
		r.overrides = append(r.overrides, resolvedOverride{globs: o.globs, profile: o.profile, changes: res.changes(o.rules)})
	}
	if res.first != nil {
		return nil, res.first
	}
	return r, nil
}

// Config is the configuration this was resolved from.
func (r *Resolved) Config() *Config { return r.cfg }

// For returns the profile to read a report as ("" = detect it) and the
// setting of every rule in the registry for it. path is absolute or relative
// to the working directory; override globs are matched against it relative
// to the config's folder, so a report outside that folder, or standard input
// ("-"; pass the --stdin-filename instead if there is one), gets the
// top-level settings only. The map is the caller's to keep or change.
func (r *Resolved) For(path string) (profile string, settings map[string]Setting) {
	profile = r.cfg.Profile
	settings = maps.Clone(r.base)
	if len(r.overrides) == 0 || path == "-" {
		return profile, settings
	}
	rel, ok := relSlash(r.cfg.Dir, path)
	if !ok {
		return profile, settings
	}
	for _, o := range r.overrides {
		if !o.matches(rel) {
			continue
		}
		if o.profile != "" {
			profile = o.profile
		}
		apply(settings, o.changes)
	}
	return profile, settings
}

func (o *resolvedOverride) matches(rel string) bool {
	for _, g := range o.globs {
		if g.match(rel) {
			return true
		}
	}
	return false
}

// apply lays changes over settings. A level turns the rule on; options
// replace the earlier options whole rather than merging field by field, so
// that what a file gets is always one options mapping as written (and
// checked) in the config.
func apply(settings map[string]Setting, changes []change) {
	for _, ch := range changes {
		s := settings[ch.id]
		switch ch.toggle {
		case enable:
			s.Enabled = true
		case disable:
			s.Enabled = false
		}
		if ch.level != 0 {
			s.Level = ch.level
		}
		if ch.hasOptions {
			s.Options = ch.options
		}
		settings[ch.id] = s
	}
}

// optionsKey identifies one options mapping for one rule; a YAML alias
// reuses the anchor's node, so it is decoded only once too.
type optionsKey struct {
	rule string
	node *yaml.Node
}

type resolver struct {
	cfg     *Config
	reg     *lint.Registry
	decoded map[optionsKey]any
	first   *Error // the earliest error in the file
}

func (res *resolver) fail(e *Error) {
	if res.first == nil || e.Line < res.first.Line || e.Line == res.first.Line && e.Column < res.first.Column {
		res.first = e
	}
}

func (res *resolver) changes(settings []ruleSetting) []change {
	var out []change
	for _, s := range settings {
		rule, ok := res.reg.Get(s.id)
		if !ok {
			res.fail(res.cfg.errorAt(s.key, unknownRule(s.id, res.reg.IDs())))
			continue
		}
		ch := change{id: s.id, toggle: s.toggle, level: s.level}
		if s.options != nil {
			key := optionsKey{s.id, s.options}
			opts, done := res.decoded[key]
			if !done {
				var err error
				if opts, err = lint.DecodeOptions(rule, s.options); err != nil {
					res.fail(res.optionError(s.options, err))
					continue
				}
				res.decoded[key] = opts
			}
			ch.hasOptions, ch.options = true, opts
		}
		out = append(out, ch)
	}
	return out
}

// optionError places a lint.OptionError, which knows only its line, at the
// column of the option it names, or else the first option on that line. A value of
// the wrong type comes back from yaml.v3 as "unmarshal errors:" and an
// indented "line N: …"; that line is the better one, and the message reads
// better on one line.
func (res *resolver) optionError(node *yaml.Node, err error) *Error {
	var oe *lint.OptionError
	if !errors.As(err, &oe) {
		return res.cfg.errorAt(node, err.Error())
	}
	e := &Error{Path: res.cfg.Path, Line: oe.Line, Msg: oe.Msg}
	if m := unmarshalErrors.FindStringSubmatch(oe.Msg); m != nil {
		e.Line, _ = strconv.Atoi(m[2])
		e.Msg = m[1] + m[3]
	}
	if e.Line == node.Line {
		e.Column = node.Column
	}
	// In a flow mapping several options share a line; the one the message
	// names is the one to point at.
	named := false
	for i := 0; i < len(node.Content); i += 2 {
		k := node.Content[i]
		if k.Line != e.Line || named {
			continue
		}
		if strings.Contains(e.Msg, strconv.Quote(k.Value)) {
			e.Column, named = k.Column, true
		} else if e.Column == 0 || e.Column == node.Column {
			e.Column = k.Column
		}
	}
	return e
}

var unmarshalErrors = lazyregexp.New(`^(.*?)unmarshal errors:\n\s*line (\d+): ([^\n]*)`)

// unknownRule suggests the nearest rule id, and failing that a pack rule
// whose name after the slash is near (for "house-style" when the rule is
// "house/house-style" and the pack prefix was left out).
func unknownRule(id string, ids []string) string {
	msg := fmt.Sprintf("unknown rule %q", id)
	if s, ok := suggest.Closest(id, ids); ok {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	if strings.Contains(id, "/") {
		return msg
	}
	var names, full []string
	for _, known := range ids {
		if _, name, ok := strings.Cut(known, "/"); ok {
			names, full = append(names, name), append(full, known)
		}
	}
	if s, ok := suggest.Closest(id, names); ok {
		for i, n := range names {
			if n == s {
				return msg + fmt.Sprintf("; did you mean %q?", full[i])
			}
		}
	}
	return msg
}
