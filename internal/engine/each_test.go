package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// Each gives every input one result, in input order, whatever the number
// of workers and however long each input takes; once the run's context is
// cancelled, the inputs not yet started come back with its error, still in
// order, and none is lost or given twice. No input at all is no result.
func TestEachOrderAndCancel(t *testing.T) {
	dir := t.TempDir()
	var inputs []discover.Input
	for i := 0; i < 60; i++ {
		p := filepath.Join(dir, fmt.Sprintf("r%03d.txt", i))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("Report %d\n\nText.\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, discover.Input{Path: p})
	}
	Each(context.Background(), nil, Options{}, func(r Result) bool {
		t.Errorf("a result for no input: %+v", r)
		return true
	})
	for _, jobs := range []int{1, 2, 3, 8, 100} {
		for _, cancelAt := range []int{-1, 0, 17} {
			ctx, cancel := context.WithCancel(context.Background())
			var checked atomic.Int64
			opt := Options{Jobs: jobs, Validate: func(f *source.File, _ *document.Report) []lint.Finding {
				checked.Add(1)
				// Uneven durations, so that results come out of order.
				var n int
				fmt.Sscanf(strings.TrimSuffix(filepath.Base(f.Path), ".txt"), "r%d", &n)
				time.Sleep(time.Duration(n*7%5) * time.Millisecond)
				return nil
			}}
			if cancelAt == 0 {
				cancel()
			}
			n, cancelled := 0, 0
			Each(ctx, inputs, opt, func(r Result) bool {
				if want := filepath.Base(inputs[n].Path); filepath.Base(r.Path) != want {
					t.Fatalf("jobs %d: result %d is %s, want %s", jobs, n, filepath.Base(r.Path), want)
				}
				switch {
				case errors.Is(r.Err, context.Canceled):
					cancelled++
				case r.Err != nil:
					t.Fatalf("jobs %d: %s: %v", jobs, r.Path, r.Err)
				case cancelled > 0 && jobs == 1:
					t.Fatalf("jobs 1: %s checked after an input was cancelled", r.Path)
				}
				if n++; n == cancelAt {
					cancel()
				}
				return true
			})
			cancel()
			if n != len(inputs) {
				t.Fatalf("jobs %d, cancel at %d: %d results for %d inputs", jobs, cancelAt, n, len(inputs))
			}
			switch {
			case cancelAt < 0 && cancelled != 0:
				t.Errorf("jobs %d: %d results cancelled without a cancel", jobs, cancelled)
			case cancelAt == 0 && (cancelled != len(inputs) || checked.Load() != 0):
				t.Errorf("jobs %d, cancelled first: %d cancelled, %d checked", jobs, cancelled, checked.Load())
			case cancelAt > 0 && int(checked.Load())+cancelled != len(inputs),
				// At most aheadPerJob inputs a worker are under way when the
				// cancel comes: those after them are cancelled.
				cancelAt > 0 && cancelAt+aheadPerJob*min(jobs, len(inputs)) < len(inputs) && cancelled == 0:
				t.Errorf("jobs %d, cancelled at %d: %d cancelled, %d checked", jobs, cancelAt, cancelled, checked.Load())
			}
		}
	}
}
