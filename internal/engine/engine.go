// Package engine runs the check pipeline on every input: read, parse,
// validate, run the rules, and collect findings in a stable order, with
// files checked in parallel.
package engine

import (
	"context"
	"io"
	"runtime"
	"sort"
	"sync"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/parse"
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
	// Validate, if set, checks a parsed report against the schema.
	Validate func(*source.File, *document.Report) []lint.Finding
}

// Result is what one input gave: findings, or the error that stopped it.
type Result struct {
	Path     string
	File     *source.File
	Findings []lint.Finding
	Err      error
}

// Check runs the pipeline on every input, in parallel, and returns one
// result per input in input order, so the output never depends on timing.
func Check(ctx context.Context, inputs []discover.Input, opt Options) []Result {
	results := make([]Result, len(inputs))
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(jobs, len(inputs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = checkOne(inputs[i], opt)
			}
		}()
	}
	for i := range inputs {
		if ctx.Err() != nil {
			results[i] = Result{Path: inputs[i].Path, Err: ctx.Err()}
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return results
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
	return source.ReadFile(in.Path, opt.MaxSize)
}

// Parse reads and parses one input.
func Parse(in discover.Input, opt Options) (*source.File, *document.Report, error) {
	f, err := Read(in, opt)
	if err != nil {
		return nil, nil, err
	}
	popt := opt.Parse
	if in.Stdin && popt.Format == "" {
		if _, ok := parse.FormatOf(f.Path); !ok {
			popt.Format = document.FormatText
		}
	}
	r, err := parse.Parse(f, popt)
	if err != nil {
		return f, nil, err
	}
	return f, r, nil
}

func checkOne(in discover.Input, opt Options) Result {
	f, r, err := Parse(in, opt)
	res := Result{Path: in.Path, File: f}
	if f != nil {
		res.Path = f.Path
	}
	if err != nil {
		res.Err = err
		return res
	}
	var findings []lint.Finding
	if opt.Validate != nil {
		findings = append(findings, opt.Validate(f, r)...)
	}
	for i := range findings {
		findings[i].Path = f.Path
		findings[i].Locate(f)
	}
	sort.SliceStable(findings, func(i, j int) bool { return lint.Less(&findings[i], &findings[j]) })
	res.Findings = findings
	return res
}
