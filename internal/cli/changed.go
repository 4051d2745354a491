package cli

import (
	"bytes"
	"context"
	"sync/atomic"

	"github.com/reportlint/reportlint/internal/baseline"
	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/gitrepo"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// documentRules are the rules whose findings are about the whole report,
// not about the line they are shown at: a section removed is reported at
// the title, which the change did not touch. --changed-since keeps them in
// every file that changed, so that deleting the "Terrorism" section cannot
// pass because its finding lands on an unchanged line.
var documentRules = map[string]bool{
	"schema":             true,
	"required-section":   true,
	"section-order":      true,
	"metadata-mismatch":  true,
	"stale-report":       true,
	"indicator-mismatch": true,
	"embassy-contact":    true,
	"emergency-number":   true,
}

// sinceFilter is what --changed-since shows of each file. In a file that
// changed it keeps the findings on changed lines, the whole-document ones,
// and those the revision did not have (found by checking the file as it
// was there, and matching findings as a baseline does, by rule and the
// words around them, not by line): a finding a deleted line caused, on a
// line that did not change, is new and shown. In a file that did not
// change it shows nothing. With --whole-files it keeps every finding of a
// file that changed.
type sinceFilter struct {
	changes    *gitrepo.Changes
	wholeFiles bool
	// old is the run's options for checking a file as it was at the
	// revision: the same rules, settings and limits on size, with no
	// filter and no findings limit.
	old    engine.Options
	hidden atomic.Int64
}

func newSinceFilter(changes *gitrepo.Changes, wholeFiles bool, opt engine.Options) *sinceFilter {
	old := opt
	old.Filter, old.Jobs, old.MaxFindings = nil, 1, -1
	return &sinceFilter{changes: changes, wholeFiles: wholeFiles, old: old}
}

// file gives the test for the findings of f. It is called in the worker
// checking f, so the old version is checked in parallel with the others.
func (s *sinceFilter) file(ctx context.Context, f *source.File) func(lint.Finding) bool {
	if !s.changes.Touched(f.Path) {
		return s.hide
	}
	if s.wholeFiles {
		return func(lint.Finding) bool { return true }
	}
	changed := s.changes.In(f.Path)
	before := s.before(ctx, f)
	return func(fd lint.Finding) bool {
		if documentRules[fd.Rule] || changedSpan(changed, fd) {
			return true
		}
		key := fd.Rule + "\x00" + baseline.Fingerprint(f, fd, f.Path)
		if before[key] > 0 {
			before[key]--
			return s.hide(fd)
		}
		return true
	}
}

func (s *sinceFilter) hide(lint.Finding) bool {
	s.hidden.Add(1)
	return false
}

// before counts the findings of f as it was at the revision, by rule and
// fingerprint. A file the revision did not have, or whose old version
// cannot be read or checked, has none: all its findings are new.
func (s *sinceFilter) before(ctx context.Context, f *source.File) map[string]int {
	data, ok, err := s.changes.Old(f.Path, s.old.MaxSize)
	if err != nil || !ok || int64(len(data)) > s.old.MaxSize {
		return nil
	}
	opt := s.old
	opt.Stdin, opt.StdinName = bytes.NewReader(data), f.Path
	res := engine.Check(ctx, []discover.Input{{Path: discover.Stdin, Stdin: true}}, opt)
	if len(res) != 1 || res[0].Err != nil {
		return nil
	}
	counts := map[string]int{}
	for _, fd := range res[0].Findings {
		counts[fd.Rule+"\x00"+baseline.Fingerprint(res[0].Source, fd, f.Path)]++
	}
	return counts
}

// fixIgnoring makes fix leave alone what ignore-findings suppresses, as
// check does not show it: a suppressed finding is one the editor chose to
// keep.
func fixIgnoring(cfg *config.Config, opt *engine.Options) {
	if cfg.IgnoresFindings() {
		opt.Filter = func(_ int, f *source.File) func(lint.Finding) bool {
			return ignoreFindings(cfg, f, func(lint.Finding) bool { return true })
		}
	}
}

// ignoreFindings puts the configuration's ignore-findings before next:
// a finding it names is hidden, whatever next would say.
func ignoreFindings(cfg *config.Config, f *source.File, next func(lint.Finding) bool) func(lint.Finding) bool {
	if !cfg.IgnoresFindings() {
		return next
	}
	return func(fd lint.Finding) bool {
		if cfg.FindingIgnored(f.Path, fd.Rule, f.Line(fd.Start.Line)) {
			return false
		}
		return next(fd)
	}
}
