// Package engine runs the check pipeline on every input: read, parse,
// validate, run the rules, and collect findings in a stable order, with
// files checked in parallel.
package engine

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/fixes"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// Options configure a run.
type Options struct {
	Parse   parse.Options
	MaxSize int64
	Jobs    int // 0: one per CPU
	// StdinName names standard input in messages ("-" becomes it).
	StdinName string
	Stdin     io.Reader
	// Validate, if set, checks a parsed report against the schema; its
	// findings carry the "schema" rule id.
	Validate func(*source.File, *document.Report) []lint.Finding
	// PrepareSchema, if set, readies the schema of a profile that Validate
	// will need, without blocking. It is called as soon as a report's
	// profile is known, so that compiling the schema overlaps reading the
	// rest of the report.
	PrepareSchema func(profile string)
	// Rules are the rules to run (nil: none).
	Rules *lint.Registry
	// Settings gives, for a report's path, the profile to read it as (""
	// to detect) and how to use each rule; nil uses every rule's defaults.
	Settings func(path string) (string, map[string]lint.Setting)
	// Published gives, for a report's path, the published date the
	// configuration gives it and where (an override's published:), for a
	// report that states none; Parse.Published (--published) wins over it.
	// nil gives none.
	Published func(path string) (date, by string)
	// AsOf is the date staleness is measured against.
	AsOf time.Time
	// MaxFindings is how many findings a file shows at most; the rest are
	// counted in one too-many-findings finding. 0: lint.DefaultMaxFindings;
	// below 0: no limit.
	MaxFindings int
	// Filter, if set, is asked once for each input that parses (i is its
	// index in the inputs), in the worker checking it, and gives the test
	// each of its findings must pass to be shown; nil shows them all. The
	// test sees every finding the inline directives leave, located and at
	// the level it would be shown at, before MaxFindings: what it hides is
	// neither held nor counted as left out, so the limit counts only
	// findings that would be shown (a baseline's, --changed-since's), and a
	// file of a million hidden findings costs no more than one of none.
	// Fix asks it for each round's text, with i 0: a finding it hides is
	// not fixed.
	Filter func(i int, f *source.File) func(lint.Finding) bool

	// show is Filter's test for the file being checked.
	show func(lint.Finding) bool
}

// maxFindings is the limit MaxFindings sets, 0 for none.
func (opt *Options) maxFindings() int {
	switch {
	case opt.MaxFindings == 0:
		return lint.DefaultMaxFindings
	case opt.MaxFindings < 0:
		return 0
	}
	return opt.MaxFindings
}

// settingsFor returns the profile and rule settings for one path.
func (opt *Options) settingsFor(path string) (string, map[string]lint.Setting) {
	if opt.Settings != nil {
		return opt.Settings(path)
	}
	if opt.Rules == nil {
		return "", nil
	}
	return "", opt.Rules.SharedDefaults() // the engine only reads settings
}

// Result is what one input gave: findings, or the error that stopped it.
type Result struct {
	Path string
	// Source holds the lines the findings and their fixes touch, for
	// excerpts and fingerprints; the rest of the file and its model are
	// dropped once the findings are out, so memory does not grow with the
	// number of files.
	Source   source.View
	Findings []lint.Finding
	Err      error
	// Undated says the report's kind never states its date and none was
	// given, so the date rules could not judge it (the parse note
	// "published" says so in parse and diff; check says it once a run).
	Undated bool
}

// Check runs the pipeline on every input, in parallel, and returns one
// result per input in input order, so the output never depends on timing.
func Check(ctx context.Context, inputs []discover.Input, opt Options) []Result {
	results := make([]Result, 0, len(inputs))
	Each(ctx, inputs, opt, func(r Result) bool {
		results = append(results, r)
		return true
	})
	return results
}

// aheadPerJob is how many inputs a run may have started and not yet
// emitted, per worker: enough that a worker seldom waits for the caller to
// take results, few enough that the results held stay a handful. Eight
// was no faster on 200 or 10,000 reports, and raised the peak memory of
// the 10,000 by a fifth (48 to 58 MB).
const aheadPerJob = 4

// Each runs the pipeline on every input, in parallel, and hands each
// result to emit in input order, as soon as it and every one before it are
// done. Workers run at most aheadPerJob inputs each ahead of the one emit
// waits for, so the results held at once do not grow with the number of
// inputs. When emit returns false, no further input is started.
//
// Workers take inputs by a counter and never wait to hand over a result:
// the caller's goroutine, woken by a result, waits for a core that the
// workers hold, and when workers had to wait for it too (to be given the
// next input, or to hand a result over), traces showed both cores idle in
// turn for about 8% of a run over many files.
func Each(ctx context.Context, inputs []discover.Input, opt Options, emit func(Result) bool) {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	jobs = max(min(jobs, len(inputs)), 1)
	type done struct {
		i   int
		res Result
	}
	window := aheadPerJob * jobs
	slots := make(chan struct{}, window) // inputs started and not yet emitted
	// Every result in out holds a slot until it is emitted, so out is
	// never full and a worker never waits to send.
	out := make(chan done, window)
	stop := make(chan struct{})
	var taken atomic.Int64 // inputs handed out
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case slots <- struct{}{}:
				case <-stop:
					return
				}
				select {
				case <-stop:
					return
				default:
				}
				i := int(taken.Add(1) - 1)
				if i >= len(inputs) {
					return
				}
				if err := ctx.Err(); err != nil {
					out <- done{i, Result{Path: inputs[i].Path, Err: err}}
					continue
				}
				out <- done{i, checkOne(i, inputs[i], opt)}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	waiting := map[int]Result{}
	want, stopped := 0, false
	for d := range out {
		waiting[d.i] = d.res
		for {
			r, ok := waiting[want]
			if !ok {
				break
			}
			delete(waiting, want)
			want++
			<-slots
			if !stopped && !emit(r) {
				stopped = true
				close(stop)
			}
		}
	}
}

// Read reads one input as a checked source file.
func Read(in discover.Input, opt Options) (*source.File, error) {
	if in.Stdin {
		name := opt.StdinName
		if name == "" {
			name = "<stdin>"
		}
		return source.Read(name, opt.Stdin, opt.MaxSize)
	}
	if in.Target != "" {
		return source.ReadFileAt(in.Path, in.Target, opt.MaxSize)
	}
	return source.ReadFile(in.Path, opt.MaxSize)
}

// Parse reads and parses one input.
func Parse(in discover.Input, opt Options) (*source.File, *document.Report, error) {
	f, err := Read(in, opt)
	if err != nil {
		return nil, nil, err
	}
	popt := opt.Parse
	if in.Sniff && popt.Format == "" {
		if format, ok := parse.FormatOf(f.Path); ok && (format == document.FormatJSON || format == document.FormatYAML) && !reportShape(f.Text, format) {
			return f, nil, ErrNotReport
		}
	}
	if in.Stdin && popt.Format == "" {
		if _, ok := parse.FormatOf(f.Path); !ok {
			popt.Format = document.FormatText
		}
	}
	if opt.PrepareSchema != nil {
		popt.ProfileChosen = opt.PrepareSchema
	}
	r, err := parse.Parse(f, popt)
	if err != nil {
		return f, nil, err
	}
	return f, r, nil
}

// forInput is the name an input is known by (standard input takes
// --stdin-filename), the options with the profile its settings give, and
// those settings.
func forInput(in discover.Input, opt Options) (string, Options, map[string]lint.Setting) {
	path := in.Path
	if in.Stdin && opt.StdinName != "" {
		path = opt.StdinName
	}
	profileName, settings := opt.settingsFor(path)
	if profileName != "" && opt.Parse.Profile == "" {
		opt.Parse.Profile = profileName
	}
	if opt.Parse.Published == "" && opt.Published != nil {
		opt.Parse.Published, opt.Parse.PublishedBy = opt.Published(path)
	}
	return path, opt, settings
}

func checkOne(i int, in discover.Input, opt Options) (res Result) {
	_, opt, settings := forInput(in, opt)
	opt.Parse.CountryOnly = !readsFacts(opt, settings)
	if s, ok := settings["schema"]; settings != nil && !(ok && s.Enabled) {
		opt.PrepareSchema = nil // not validated: nothing to compile
	}
	f, r, err := Parse(in, opt)
	res = Result{Path: in.Path}
	if f != nil {
		res.Path = f.Path
	}
	if err != nil {
		res.Err = err
		return res
	}
	if opt.Filter != nil {
		opt.show = opt.Filter(i, f)
	}
	findings, err := Lint(f, r, opt, settings)
	if err != nil {
		res.Err = err
		return res
	}
	res.Findings = findings
	res.Source = f.Keep(quoted(findings))
	res.Undated = r.Published.Value == "" && slices.ContainsFunc(r.Notes, func(n document.Note) bool { return n.Fact == "published" })
	return res
}

// readsFacts reports whether a check with these settings reads the facts
// extraction finds in a report's paragraphs: the schema validates them, and
// any rule not marked TextOnly may read them. Without settings, every rule
// runs (see Lint), so they are read.
func readsFacts(opt Options, settings map[string]lint.Setting) bool {
	if settings == nil || opt.Rules == nil {
		return true
	}
	if s := settings["schema"]; s.Enabled && opt.Validate != nil {
		return true
	}
	for _, rule := range opt.Rules.All() {
		if s := settings[rule.ID]; s.Enabled && !rule.TextOnly && rule.ID != "schema" {
			return true
		}
	}
	return false
}

// quoted lists the byte ranges output may quote: each finding's span and
// the spans its fix edits.
func quoted(findings []lint.Finding) [][2]int {
	var out [][2]int
	for _, fd := range findings {
		out = append(out, [2]int{fd.Span.Start, fd.Span.End})
		if fd.Fix != nil {
			for _, e := range fd.Fix.Edits {
				out = append(out, [2]int{e.Span.Start, e.Span.End})
			}
		}
	}
	return out
}

// Lint runs schema validation and every enabled rule on a parsed report,
// applies the report's inline directives, and returns the findings located
// and sorted: at most opt.MaxFindings of them, and one more standing for
// those left out. A rule that panics is an error for this file, not a
// crash.
func Lint(f *source.File, r *document.Report, opt Options, settings map[string]lint.Setting) (findings []lint.Finding, err error) {
	if settings == nil && opt.Rules != nil {
		settings = opt.Rules.SharedDefaults()
	}
	enabled := func(id string) (lint.Setting, bool) {
		s, ok := settings[id]
		if settings == nil {
			return lint.Setting{Enabled: true}, true
		}
		return s, ok && s.Enabled
	}
	var known []string
	if opt.Rules != nil && lint.HoldsDirectives(f.Text) {
		// Only directives are checked against the rule ids.
		for _, rule := range opt.Rules.All() {
			known = append(known, rule.ID)
		}
	}
	// Inline directives first: what they silence is gone before anything
	// else is decided, and is not counted as left out.
	sup, bad := lint.NewSuppressor(f, known)
	// Its maps are made when first written: a report without schema
	// findings, or without findings, needs none of them.
	c := collector{file: f, sup: sup, show: opt.show, limit: opt.maxFindings()}
	// A rule that reports the very value the schema rejects (a rating word
	// outside the vocabulary, a malformed email) says more about it, with a
	// hint; the schema's finding at the same span is then dropped, and the
	// rule's finding keeps the schema's level if that is higher, so that
	// explaining a problem better never makes it pass. Silencing the rule
	// there brings the schema's finding back, for the same reason. A schema
	// finding about something absent ("no published date", at the title)
	// is not about the text there, so it stays next to a rule's finding on
	// it. The schema's findings wait for the rules', so that each finding
	// is complete (explained or not, at its final level) when the filter
	// and the limit see it, once, as it comes.
	//
	// The rules run before the schema all the same, their findings held
	// (up to maxHeld) until the schema's levels are known: in a run's first
	// report the schema may still be compiling on another goroutine, and
	// the rules need not wait for it.
	var schemaFindings []lint.Finding
	if s, ok := enabled("schema"); ok && opt.Validate != nil {
		c.holding = true
		c.held = make([]lint.Finding, 0, 32) // a report's findings, most often
		c.validate = func() {
			// It may run inside a rule's report (see settle): its panic is
			// its own, not the rule's.
			defer func() {
				if p := recover(); p != nil {
					c.err = fmt.Errorf("%s: internal error in the schema's validation: %v; please report this with the file", f.Path, p)
				}
			}()
			for _, fd := range opt.Validate(f, r) {
				if s.Level != 0 {
					fd.Level = s.Level
				}
				if fd, ok := c.locate(fd); ok {
					schemaFindings = append(schemaFindings, fd)
					if !fd.Absent {
						if c.schemaLevel == nil {
							c.schemaLevel = map[document.Span]lint.Level{}
						}
						c.schemaLevel[fd.Span] = max(c.schemaLevel[fd.Span], fd.Level)
					}
				}
			}
		}
	}
	if opt.Rules != nil {
		profiles := opt.Parse.Profiles
		if profiles == nil {
			profiles = profile.Default()
		}
		prof, ok := profiles.Get(r.Profile)
		if !ok {
			return nil, fmt.Errorf("%s: no profile %q", f.Path, r.Profile)
		}
		memo := map[string]any{} // analyses the rules of this file share
		defer lint.ReleaseShared(memo)
		rules := opt.Rules.All()
		passes := make([]lint.Pass, len(rules)) // one allocation, not one a rule
		add := c.add                            // made once: the method value, passed to each rule, was an allocation a rule
		for i, rule := range rules {
			s, ok := enabled(rule.ID)
			if !ok || !rule.AppliesTo(r.Profile) || rule.ID == "schema" || rule.ID == "bad-directive" {
				continue
			}
			if err := runRule(&passes[i], rule, f, r, prof, opt.AsOf, s, memo, add); err != nil {
				return nil, err
			}
		}
	}
	c.settle()
	if c.err != nil {
		return nil, c.err
	}
	if s, ok := enabled("bad-directive"); ok && opt.Rules != nil {
		for _, fd := range bad {
			fd.Level = s.Level
			c.add(fd)
		}
	}
	for _, fd := range schemaFindings {
		if !fd.Absent && c.explained[fd.Span] {
			continue
		}
		c.keep(fd)
	}
	out := c.findings
	sort.SliceStable(out, func(i, j int) bool { return lint.Less(&out[i], &out[j]) })
	out = lint.Limit(out, c.limit, &c.left)
	if c.left.Count > 0 {
		out = append(out, c.left.Finding("a file", c.limit, "--max-findings"))
		sort.SliceStable(out, func(i, j int) bool { return lint.Less(&out[i], &out[j]) })
	}
	return out, nil
}

// collector takes a file's findings as the rules report them. It drops
// those inline directives silence and those its show test hides, and
// keeps at most limit of each rule: no more can be shown, and a rule that
// finds a million problems in a hostile file must not hold a million
// findings. Those past the limit are counted in left.
type collector struct {
	file     *source.File
	sup      *lint.Suppressor
	show     func(lint.Finding) bool // nil: show all
	limit    int                     // 0: keep all
	kept     map[string]int          // by rule
	findings []lint.Finding
	left     lint.LeftOut
	// The schema's levels by the spans of its findings, and the spans a
	// rule's finding explains (see Lint).
	schemaLevel map[document.Span]lint.Level
	explained   map[document.Span]bool
	// While holding, rules' findings wait in held for validate, which
	// fills schemaLevel (see Lint).
	holding  bool
	held     []lint.Finding
	validate func()
	err      error // the schema's validation panicked
}

// maxHeld bounds the rules' findings held for the schema: past it, the
// rules wait for the schema instead, so that a rule finding a million
// problems in a hostile file does not hold a million findings.
const maxHeld = 4096

// settle runs the schema, if it has not run, and takes the findings held
// for it, in the order they came.
func (c *collector) settle() {
	if !c.holding {
		return
	}
	c.holding = false
	c.validate()
	if c.findings == nil {
		if cap(c.held) >= len(c.held)+len(c.schemaLevel) {
			// The findings are written over held as it is read, never
			// ahead of it: one list for the report, not two.
			c.findings = c.held[:0]
		} else {
			c.findings = make([]lint.Finding, 0, len(c.held)+len(c.schemaLevel))
		}
	}
	for _, fd := range c.held {
		c.explain(fd)
	}
	c.held = nil
}

// locate drops a finding inline directives silence, and places the rest.
func (c *collector) locate(fd lint.Finding) (lint.Finding, bool) {
	if fd.Rule != "bad-directive" && c.sup.Suppressed(fd) {
		return fd, false
	}
	fd.Path = c.file.Path
	fd.Locate(c.file)
	return fd, true
}

// add takes a rule's finding.
func (c *collector) add(fd lint.Finding) {
	fd, ok := c.locate(fd)
	if !ok {
		return
	}
	if c.holding {
		if len(c.held) < maxHeld {
			c.held = append(c.held, fd)
			return
		}
		c.settle()
	}
	c.explain(fd)
}

// explain raises a located rule finding to the level of the schema's
// finding at its span, if there is one, and keeps it.
func (c *collector) explain(fd lint.Finding) {
	if level, ok := c.schemaLevel[fd.Span]; ok {
		fd.Level = max(fd.Level, level)
		if c.explained == nil {
			c.explained = map[document.Span]bool{}
		}
		c.explained[fd.Span] = true
	}
	c.keep(fd)
}

// keep holds a located finding, if it is to be shown and within the limit,
// or counts it as left out.
func (c *collector) keep(fd lint.Finding) {
	if c.show != nil && !c.show(fd) {
		return
	}
	if c.limit > 0 && c.kept[fd.Rule] >= c.limit {
		c.left.Add(fd)
		return
	}
	if c.kept == nil {
		c.kept = map[string]int{}
	}
	c.kept[fd.Rule]++
	c.findings = append(c.findings, fd)
}

func runRule(pass *lint.Pass, rule *lint.Rule, f *source.File, r *document.Report, prof *profile.Profile, asOf time.Time, s lint.Setting, memo map[string]any, report func(lint.Finding)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%s: internal error in rule %s: %v; please report this with the file", f.Path, rule.ID, p)
		}
	}()
	pass.Init(rule, f, r, prof, asOf, s.Options, s.Level, report)
	pass.Memo = memo
	rule.Run(pass)
	return nil
}

// maxFixRounds bounds how often fixes are re-planned: fixes that overlap
// one applied in a round wait for the next, after the report is checked again.
const maxFixRounds = 5

// FixResult is what Fix did to one input.
type FixResult struct {
	Path     string
	Original *source.File // as read
	Fixed    []byte       // the new content (equal to Original.Raw if nothing applied)
	Applied  int          // fixes applied
	Err      error
}

// Fix checks one input, applies the safe fixes its findings offer, checks
// the result again and applies what is left, until nothing changes. It
// writes nothing.
func Fix(in discover.Input, opt Options) FixResult {
	path, opt, settings := forInput(in, opt)
	opt.Parse.CountryOnly = !readsFacts(opt, settings)
	f, r, err := Parse(in, opt)
	res := FixResult{Path: path, Original: f, Err: err}
	if err != nil {
		return res
	}
	res.Path = f.Path
	current, report := f, r
	res.Fixed = f.Raw
	for round := 0; round < maxFixRounds; round++ {
		roundOpt := opt
		if opt.Filter != nil {
			roundOpt.show = opt.Filter(0, current)
		}
		findings, err := Lint(current, report, roundOpt, settings)
		if err != nil {
			res.Err = err
			return res
		}
		data, n, err := fixes.Plan(current, fixes.FixesOf(findings))
		if err != nil {
			res.Err = fmt.Errorf("%s: %v", f.Path, err)
			return res
		}
		if n == 0 || string(data) == string(res.Fixed) {
			break
		}
		res.Fixed, res.Applied = data, res.Applied+n
		if current, err = source.New(f.Path, data); err != nil {
			res.Err = err
			return res
		}
		if report, err = parse.Parse(current, opt.Parse); err != nil {
			res.Err = err
			return res
		}
	}
	return res
}
