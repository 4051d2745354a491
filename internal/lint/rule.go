package lint

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// Rule is a check, as a value: what it is called, how serious its findings
// are by default, what it is for, and the function that runs it. Run reports
// through the Pass and never prints.
type Rule struct {
	ID      string // kebab-case, stable; a pack's rules are PACK/NAME
	Level   Level  // default level
	Summary string // one line
	Doc     string // what it checks and why, in a paragraph or two
	Bad     string // an example the rule flags
	Good    string // the same example written so that it does not
	// Profiles the rule runs for; empty means every profile.
	Profiles []string
	// Options returns the rule's options with their defaults, as a pointer
	// to a struct whose fields carry `yaml:"name"` and `doc:"…"` tags; nil
	// for a rule without options.
	Options func() any
	// Fixable says the rule offers safe fixes.
	Fixable bool
	// Source names where a pack rule was defined ("rules/packs/style.yaml:12").
	Source string
	// TextOnly says the rule reads the report's text, sections, links and
	// country, and none of the facts extraction reads from its paragraphs
	// (dates, contacts, levels, ratings, notes): a check whose rules are all
	// TextOnly, and that does not validate, leaves those unread.
	// TestTextOnlyRules holds each such rule to it.
	TextOnly bool
	Run      func(*Pass)
}

// AppliesTo reports whether the rule runs for a profile.
func (r *Rule) AppliesTo(profile string) bool {
	if len(r.Profiles) == 0 {
		return true
	}
	for _, p := range r.Profiles {
		if p == profile {
			return true
		}
	}
	return false
}

// Edit replaces the source text in Span with New.
type Edit struct {
	Span document.Span
	New  string
}

// Fix is a set of edits that together correct one finding.
type Fix struct {
	Message string
	Edits   []Edit
}

// Pass is one rule's run over one report.
type Pass struct {
	Rule    *Rule
	File    *source.File
	Doc     *document.Report
	Profile *profile.Profile
	// AsOf is the date checks about staleness measure against.
	AsOf time.Time
	// Options is the rule's options (the type its Options func returns),
	// defaults overridden by the configuration.
	Options any
	// Level is the level the configuration gives the rule for this file.
	Level Level
	// Memo holds what rules compute about the report and share: the engine
	// gives every rule of one file the same map. Nil: nothing is shared.
	Memo map[string]any

	report func(Finding)
}

// Shared returns the value stored under key in the file's memo, computing
// it first if need be: several rules reading the same analysis (the dated
// rules' tokens, say) then pay for it once per report. Shared values must
// not be changed by the rules that read them.
func (p *Pass) Shared(key string, compute func() any) any {
	if p.Memo == nil {
		return compute()
	}
	if v, ok := p.Memo[key]; ok {
		return v
	}
	v := compute()
	p.Memo[key] = v
	return v
}

// Releaser is a shared value (Shared) holding memory that the next
// report's analysis may reuse: the engine calls Release once every rule of
// the report has run, after which nothing reads the value.
type Releaser interface{ Release() }

// ReleaseShared releases the values of a report's memo that are Releasers.
func ReleaseShared(memo map[string]any) {
	for _, v := range memo {
		if r, ok := v.(Releaser); ok {
			r.Release()
		}
	}
}

// NewPass prepares a rule's run; report receives each finding.
func NewPass(rule *Rule, f *source.File, r *document.Report, p *profile.Profile, asOf time.Time, options any, level Level, report func(Finding)) *Pass {
	pass := new(Pass)
	pass.Init(rule, f, r, p, asOf, options, level, report)
	return pass
}

// Init makes pass what NewPass returns, in memory the caller holds: the
// engine cuts a report's passes from one array, where a pass each was
// 36 allocations a report.
func (pass *Pass) Init(rule *Rule, f *source.File, r *document.Report, p *profile.Profile, asOf time.Time, options any, level Level, report func(Finding)) {
	*pass = Pass{Rule: rule, File: f, Doc: r, Profile: p, AsOf: asOf, Options: options, Level: level, report: report}
}

// Reportf reports a finding at span.
func (p *Pass) Reportf(span document.Span, format string, args ...any) {
	p.Report(Finding{Span: span, Message: fmt.Sprintf(format, args...)})
}

// Report reports a finding; rule id, path and level are filled in.
func (p *Pass) Report(f Finding) {
	f.Rule = p.Rule.ID
	f.Path = p.File.Path
	if f.Level == 0 {
		f.Level = p.Level
	}
	p.report(f)
}

// Registry is the set of rules known to a run, built-in and from packs.
type Registry struct {
	rules []*Rule // sorted by id, kept so as they are added: every check lists them
	byID  map[string]*Rule
	// defaults is SharedDefaults' map, made on first use; Add clears it.
	defaults atomic.Pointer[map[string]Setting]
}

// NewRegistry checks that every rule has an id, a summary and a run
// function, and that no id is used twice.
func NewRegistry(rules ...*Rule) (*Registry, error) {
	reg := &Registry{rules: make([]*Rule, 0, len(rules)), byID: make(map[string]*Rule, len(rules))}
	for _, r := range rules {
		if err := reg.admit(r); err != nil {
			return nil, err
		}
		reg.rules = append(reg.rules, r)
	}
	// Sorted once: Add's insertion in place moves half the list for each
	// rule, quadratic in a pack's rules (a hostile pack of 100,000 took
	// 0.7 s to register).
	slices.SortFunc(reg.rules, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) })
	return reg, nil
}

// Add registers one more rule.
func (reg *Registry) Add(r *Rule) error {
	if err := reg.admit(r); err != nil {
		return err
	}
	i, _ := slices.BinarySearchFunc(reg.rules, r.ID, func(q *Rule, id string) int { return strings.Compare(q.ID, id) })
	reg.rules = slices.Insert(reg.rules, i, r)
	reg.defaults.Store(nil)
	return nil
}

// admit checks r and takes it by its id; the caller places it in rules.
func (reg *Registry) admit(r *Rule) error {
	switch {
	case r.ID == "" || strings.ToLower(r.ID) != r.ID || strings.ContainsAny(r.ID, " _"):
		return fmt.Errorf("rule id %q is not kebab-case", r.ID)
	case r.Summary == "":
		return fmt.Errorf("rule %s has no summary", r.ID)
	case r.Run == nil:
		return fmt.Errorf("rule %s has no run function", r.ID)
	case r.Level == 0:
		return fmt.Errorf("rule %s has no level", r.ID)
	}
	if other, dup := reg.byID[r.ID]; dup {
		where := other.Source
		if where == "" {
			where = "a built-in rule"
		}
		return fmt.Errorf("rule %s is defined twice (also %s)", r.ID, where)
	}
	reg.byID[r.ID] = r
	return nil
}

// Get returns the rule with an id.
func (reg *Registry) Get(id string) (*Rule, bool) {
	r, ok := reg.byID[id]
	return r, ok
}

// All returns every rule, sorted by id.
func (reg *Registry) All() []*Rule {
	return slices.Clone(reg.rules)
}

// IDs returns every rule id, sorted.
func (reg *Registry) IDs() []string {
	var out []string
	for _, r := range reg.All() {
		out = append(out, r.ID)
	}
	return out
}

// Setting is how a run uses one rule for one file: whether it runs, at
// which level, with which options (already decoded).
type Setting struct {
	Enabled bool
	Level   Level
	Options any
}

// SharedDefaults is Defaults made once for the registry and shared by every
// report checked without settings, rather than a map and each rule's
// default options made again per report. Its readers must not change the
// map or the options (a configuration's settings share their decoded
// options across reports the same way).
func (reg *Registry) SharedDefaults() map[string]Setting {
	if m := reg.defaults.Load(); m != nil {
		return *m
	}
	m := reg.Defaults()
	// Two first calls at once may both make it; either map is right.
	reg.defaults.Store(&m)
	return m
}

// Defaults returns every rule enabled at its own level with its default
// options, in a map that is the caller's to change.
func (reg *Registry) Defaults() map[string]Setting {
	out := make(map[string]Setting, len(reg.rules))
	for _, r := range reg.rules {
		var opts any
		if r.Options != nil {
			opts = r.Options()
		}
		out[r.ID] = Setting{Enabled: true, Level: r.Level, Options: opts}
	}
	return out
}
