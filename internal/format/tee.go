package format

import (
	"io"
	"sync"
)

// Tee has second write the run to w as well, from the same pass: each file
// the returned run's formatter reads is handed on to second as it comes,
// so the reports are checked once and one file's findings are held at a
// time, whatever the two formats. Call wait once the first formatter has
// returned; it gives second's error.
func Tee(r *Run, second Formatter, w io.Writer) (first *Run, wait func() error) {
	files := make(chan File)
	done := make(chan error, 1)
	var once sync.Once
	closeFiles := func() { once.Do(func() { close(files) }) }

	other := *r
	other.Files = func(yield func(File) bool) {
		for f := range files {
			if !yield(f) {
				break
			}
		}
	}
	go func() {
		err := second(w, &other)
		// A formatter that stopped early must not block the first.
		for range files {
		}
		done <- err
	}()

	mine := *r
	mine.Files = func(yield func(File) bool) {
		defer closeFiles()
		if r.Files == nil {
			return
		}
		for f := range r.Files {
			files <- f
			if !yield(f) {
				return
			}
		}
	}
	return &mine, func() error {
		// The first formatter may never have read the files (an error
		// before it began): second then sees a run of none.
		closeFiles()
		return <-done
	}
}
