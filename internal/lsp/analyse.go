package lsp

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/fixes"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/pipeline"
	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/source"
)

// run is the check run for the reports under one configuration: what
// `reportlint check` builds from the same .reportlint.yaml
// (pipeline.Configure), so that the editor shows the same findings.
type run struct {
	configPath string // "" for the defaults
	opt        engine.Options
	cfg        *config.Config
	rules      *lint.Registry
	err        error // the configuration could not be used
	// deps are the files the run was built from, and stamp how they
	// looked then.
	deps  []string
	stamp string
}

// runs builds and keeps a run for each configuration in use, found from a
// report's folder as check finds it from the current one.
type runs struct {
	mu      sync.Mutex
	maxSize int64
	config  string            // the configuration every report is checked under (--config), or ""
	byPath  map[string]*run   // a configuration file ("" for none) -> its run
	byDir   map[string]string // a report's folder -> its configuration file
}

func newRuns(maxSize int64, config string) *runs {
	return &runs{maxSize: maxSize, config: config, byPath: map[string]*run{}, byDir: map[string]string{}}
}

// forget drops every run, so that the next check reads the configuration
// again.
func (rs *runs) forget() {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	rs.byPath, rs.byDir = map[string]*run{}, map[string]string{}
}

// forPath is the run for a report. The configuration is looked for, and
// the files the run was built from looked at, on every check: not every
// client tells the server that a file changed on disk, and a few stats
// cost microseconds. changed says the run differs from the one the last
// check of a report in this folder used (a file changed, one appeared),
// so that the other open reports are to be checked again.
func (rs *runs) forPath(path string) (r *run, changed bool) {
	dir := filepath.Dir(path)
	found, ok, err := rs.config, true, error(nil)
	if rs.config == "" {
		found, ok, err = config.Find(dir)
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if err != nil {
		r = &run{err: err}
		var ce *config.Error
		if errors.As(err, &ce) {
			r.configPath = ce.Path
		}
		return r, false
	}
	if !ok {
		found = ""
	}
	last, seen := rs.byDir[dir]
	rs.byDir[dir] = found
	changed = seen && last != found
	if r = rs.byPath[found]; r != nil && r.stamp == stamp(r.deps) {
		return r, changed
	}
	changed = changed || r != nil
	if found == "" {
		r = rs.build("", config.Default(), nil)
	} else {
		load := config.LoadFound
		if rs.config != "" {
			// Named, as check's --config: read as named.
			load = func(p string, _ []string) (*config.Config, error) { return config.Load(p) }
		}
		cfg, err := load(found, nil)
		r = rs.build(found, cfg, err)
	}
	rs.byPath[found] = r
	return r, changed
}

// stamp is what the files a run was built from look like on disk.
func stamp(paths []string) string {
	var b strings.Builder
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil {
			fmt.Fprintf(&b, "%d %d;", fi.ModTime().UnixNano(), fi.Size())
		} else {
			b.WriteString("-;")
		}
	}
	return b.String()
}

func (rs *runs) build(path string, cfg *config.Config, err error) *run {
	r := &run{configPath: path, cfg: cfg, err: err}
	if path != "" {
		r.deps = []string{path}
	}
	defer func() { r.stamp = stamp(r.deps) }()
	if err != nil {
		return r
	}
	r.deps = append(append(r.deps, cfg.Packs...), cfg.Profiles...)
	if cfg.Schema != "" {
		r.deps = append(r.deps, cfg.Schema)
	}
	house, err := pipeline.HouseProfiles(cfg)
	if err != nil {
		r.err = err
		return r
	}
	for _, p := range house {
		if p.Schema != "" {
			r.deps = append(r.deps, p.Schema)
		}
	}
	r.opt = engine.Options{MaxSize: rs.maxSize}
	r.opt.Parse.Profiles = profile.Default().With(house...)
	r.rules, r.err = pipeline.Configure(&r.opt, cfg, house, "")
	return r
}

// analysis is one version of a report, checked.
type analysis struct {
	version  int
	index    *lineIndex // the text as the client holds it
	file     *source.File
	report   *document.Report
	findings []lint.Finding
	run      *run
	// failure is why the report could not be checked (refused text, a
	// broken configuration); it is shown as one diagnostic.
	failure *failure
}

type failure struct {
	offset  int // in the client's text
	message string
}

// analyse checks text as `reportlint check` checks the file at path.
func analyse(rn *run, path, text string, version int, encoding string) *analysis {
	a := &analysis{version: version, index: newLineIndex(text, encoding), run: rn}
	if rn.err != nil {
		a.failure = &failure{message: fmt.Sprintf("not checked: the configuration cannot be used: %v", rn.err)}
		return a
	}
	opt := rn.opt
	if max := opt.MaxSize; max > 0 && int64(len(text)) > max {
		a.failure = &failure{message: fmt.Sprintf("not checked: the report is %d bytes, over the size limit of %d", len(text), max)}
		return a
	}
	f, err := source.New(path, []byte(text))
	if err != nil {
		a.failure = &failure{message: "not checked: " + err.Error()}
		var se *source.Error
		if errors.As(err, &se) && se.Offset > 0 {
			a.failure.offset = se.Offset
		}
		return a
	}
	a.file = f
	findings, report, err := lintFile(rn, f)
	if errors.Is(err, engine.ErrNotReport) {
		return a // another JSON or YAML file: nothing to say about it
	}
	if err != nil {
		a.failure = &failure{message: "not checked: " + err.Error()}
		return a
	}
	a.report, a.findings = report, findings
	return a
}

// lintFile parses and checks a file of the run, as the engine checks an
// input, and drops the findings the configuration's ignore-findings
// suppresses.
func lintFile(rn *run, f *source.File) ([]lint.Finding, *document.Report, error) {
	opt := rn.opt
	var settings map[string]lint.Setting
	if opt.Settings != nil {
		var name string
		name, settings = opt.Settings(f.Path)
		if name != "" && opt.Parse.Profile == "" {
			opt.Parse.Profile = name
		}
	}
	if opt.Parse.Published == "" && opt.Published != nil {
		opt.Parse.Published, opt.Parse.PublishedBy = opt.Published(f.Path)
	}
	format, ok := parse.FormatOf(f.Path)
	switch {
	case !ok && opt.Parse.Format == "":
		// An unsaved buffer or an unknown extension: read as plain text,
		// as standard input is.
		opt.Parse.Format = document.FormatText
	case (format == document.FormatJSON || format == document.FormatYAML) && opt.Parse.Format == "" && !engine.ReportShape(f.Text, format):
		// An editor attaches the server to every JSON or YAML file it
		// opens, the configuration among them; as in a folder walk, only
		// those in a report's shape are reports.
		return nil, nil, engine.ErrNotReport
	}
	report, err := parse.Parse(f, opt.Parse)
	if err != nil {
		return nil, nil, err
	}
	findings, err := engine.Lint(f, report, opt, settings)
	if err != nil {
		return nil, nil, err
	}
	if rn.cfg != nil && rn.cfg.IgnoresFindings() {
		kept := findings[:0]
		for _, fd := range findings {
			if !rn.cfg.FindingIgnored(f.Path, fd.Rule, f.Line(fd.Start.Line)) {
				kept = append(kept, fd)
			}
		}
		findings = kept
	}
	return findings, report, nil
}

// fixAll is the text with every safe fix applied, checked again after each
// round as `reportlint fix` does, and how many fixes that took.
func fixAll(rn *run, f *source.File, findings []lint.Finding) ([]byte, int, error) {
	const rounds = 5 // as engine.Fix: overlapping fixes wait a round
	data, applied := f.Raw, 0
	current := f
	for round := 0; round < rounds; round++ {
		if round > 0 {
			var err error
			if findings, _, err = lintFile(rn, current); err != nil {
				return nil, 0, err
			}
		}
		next, n, err := fixes.Plan(current, fixes.FixesOf(findings))
		if err != nil {
			return nil, 0, err
		}
		if n == 0 || string(next) == string(data) {
			break
		}
		data, applied = next, applied+n
		if current, err = source.New(f.Path, data); err != nil {
			return nil, 0, err
		}
	}
	return data, applied, nil
}
