// Package corpuseval measures reportlint on real documents it was not
// built with: the shared corpus of U.S. Travel Advisories and other
// governments' travel advice (../shared/corpus, beside the repository).
//
// Run checks every corpus document in-process with the pipeline `reportlint
// check` runs with no configuration (internal/pipeline), each as of its own
// published date, and parses it as `reportlint parse` does. The tests then
// compare what was read with the corpus's meta.json and with facts read by
// hand, and every finding with a reviewed ledger; docs/accuracy.md says how
// to run them and how to review.
package corpuseval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/pipeline"
)

// Folders are the corpus folders checked, each walked as `reportlint check`
// walks a folder. The corpus's own README.md and meta.json, beside them,
// are not reports.
var Folders = []string{"us", "other"}

// Meta is one document's entry in the corpus's meta.json: the ground truth
// for the facts an editor most needs read right.
type Meta struct {
	File      string `json:"file"` // relative to the corpus, with slashes
	Country   string `json:"country"`
	Published string `json:"published"` // YYYY-MM-DD
	// Level is the advisory's overall level; nil for other governments'
	// documents, and for an advisory that gives one level per region.
	Level *int `json:"level"`
}

// ReadMeta reads dir/meta.json. Every entry must name a file and give a
// published date, since the run is pinned to it.
func ReadMeta(dir string) ([]Meta, error) {
	data, err := os.ReadFile(filepath.Join(dir, "meta.json"))
	if err != nil {
		return nil, err
	}
	var metas []Meta
	if err := json.Unmarshal(data, &metas); err != nil {
		return nil, fmt.Errorf("meta.json: %v", err)
	}
	seen := map[string]bool{}
	for i, m := range metas {
		if m.File == "" || seen[m.File] {
			return nil, fmt.Errorf("meta.json: entry %d: file %q is empty or listed twice", i+1, m.File)
		}
		seen[m.File] = true
		if _, err := time.Parse(time.DateOnly, m.Published); err != nil {
			return nil, fmt.Errorf("meta.json: %s: published %q is not a YYYY-MM-DD date", m.File, m.Published)
		}
	}
	return metas, nil
}

// Doc is what reportlint made of one corpus document.
type Doc struct {
	Meta Meta
	// Report is what `reportlint parse` prints for it; nil when it could
	// not be read (Err says why).
	Report   *document.ReportJSON
	Findings []Finding
	Err      error
}

// Key names a finding in the ledger: the document (relative to the
// corpus), the line and column where the finding starts, and the rule.
// When a rule reports twice at one place (two things wrong with one phone
// number), the second is "rule#2", the third "rule#3", in the order the
// engine sorts them (by span, then message).
type Key struct {
	File      string
	Line, Col int
	Rule      string
}

func (k Key) String() string { return fmt.Sprintf("%s:%d:%d %s", k.File, k.Line, k.Col, k.Rule) }

// less orders keys by file, position and rule: the ledger's order.
func (k Key) less(o Key) bool {
	if k.File != o.File {
		return k.File < o.File
	}
	if k.Line != o.Line {
		return k.Line < o.Line
	}
	if k.Col != o.Col {
		return k.Col < o.Col
	}
	return k.Rule < o.Rule
}

// BaseRule is the rule id of a key's rule, without a "#2" suffix.
func (k Key) BaseRule() string {
	for i := len(k.Rule) - 1; i > 0; i-- {
		if k.Rule[i] == '#' {
			return k.Rule[:i]
		}
	}
	return k.Rule
}

// Finding is one finding of the run.
type Finding struct {
	Key
	Level   lint.Level
	Message string
}

// Run checks and parses every document under dir's Folders, each with the
// options `reportlint check` has with no configuration, except that the
// as-of date is the document's own published date from meta.json: an
// editor checks a report when it is published, and measuring a 2024
// advisory against today would only add stale-report findings that say
// nothing about the rules. Documents are run in parallel; the result is in
// the order a folder walk gives, whatever the timing.
func Run(ctx context.Context, dir string) ([]Doc, error) {
	metas, err := ReadMeta(dir)
	if err != nil {
		return nil, err
	}
	byFile := map[string]Meta{}
	for _, m := range metas {
		byFile[m.File] = m
	}
	var paths []string
	for _, f := range Folders {
		paths = append(paths, filepath.Join(dir, f))
	}
	inputs, errs := discover.Expand(paths, discover.Options{})
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	docs := make([]Doc, len(inputs))
	listed := map[string]bool{}
	for i, in := range inputs {
		rel, err := filepath.Rel(dir, in.Path)
		if err != nil {
			return nil, err
		}
		rel = filepath.ToSlash(rel)
		m, ok := byFile[rel]
		if !ok {
			return nil, fmt.Errorf("%s has no entry in meta.json, so its published date (the run's as-of) is unknown", rel)
		}
		listed[rel] = true
		docs[i].Meta = m
	}
	for _, m := range metas {
		if !listed[m.File] {
			return nil, fmt.Errorf("meta.json lists %s, which is not in the corpus", m.File)
		}
	}
	base, err := pipeline.Default()
	if err != nil {
		return nil, err
	}
	// One document per worker at a time: each needs its own as-of, which
	// engine.Options holds per run.
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i] = runOne(ctx, inputs[i], docs[i].Meta, base)
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	return docs, nil
}

func runOne(ctx context.Context, in discover.Input, m Meta, opt engine.Options) Doc {
	doc := Doc{Meta: m}
	// ReadMeta checked the date.
	opt.AsOf, _ = time.Parse(time.DateOnly, m.Published)
	opt.Jobs = 1
	res := engine.Check(ctx, []discover.Input{in}, opt)[0]
	if res.Err != nil {
		doc.Err = res.Err
		return doc
	}
	doc.Findings = keyed(m.File, res.Findings)
	f, r, err := engine.Parse(in, opt)
	if err != nil {
		doc.Err = err
		return doc
	}
	doc.Report, _ = document.Project(r, f)
	return doc
}

// keyed gives each of one file's findings, in the engine's order, its
// ledger key.
func keyed(file string, findings []lint.Finding) []Finding {
	out := make([]Finding, 0, len(findings))
	seen := map[Key]int{}
	for _, fd := range findings {
		k := Key{File: file, Line: fd.Start.Line, Col: fd.Start.Column, Rule: fd.Rule}
		seen[k]++
		if n := seen[k]; n > 1 {
			k.Rule += "#" + strconv.Itoa(n)
		}
		out = append(out, Finding{Key: k, Level: fd.Level, Message: fd.Message})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].less(out[j].Key) })
	return out
}
