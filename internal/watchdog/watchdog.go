// Package watchdog lets a fuzz target catch an input that hangs: the fuzz
// engine saves an input whose run panics, but waits on one that never ends.
package watchdog

import (
	"fmt"
	"runtime"
	"time"
)

// Limit is how long one fuzz input may take before it counts as a hang.
const Limit = 10 * time.Second

// Start panics, naming the input and showing every goroutine's stack, if
// the returned stop is not called within Limit.
func Start(input string) (stop func()) {
	timer := time.AfterFunc(Limit, func() {
		buf := make([]byte, 1<<20)
		n := runtime.Stack(buf, true)
		panic(fmt.Sprintf("hung for %s on %q\n%s", Limit, input, buf[:n]))
	})
	return func() { timer.Stop() }
}
