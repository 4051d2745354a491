package atomicfile

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// live holds the temporary files that exist now, so that SIGINT or SIGTERM
// can remove them before the process ends. The signals are caught only
// while there is one: otherwise they end the process as they always do.
// The files are created, renamed and removed under the lock, so that once
// the handler has it, none can appear or be left.
var live struct {
	sync.Mutex
	files   map[string]bool
	signals chan os.Signal
	stop    chan struct{}
}

// caught are the signals cleaned up after. One ignored when the process
// started (SIGINT for a job run in the background by a shell) stays
// ignored: catching it would let it end a process that was meant to
// outlive it.
var caught = func() []os.Signal {
	var out []os.Signal
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		if !signal.Ignored(sig) {
			out = append(out, sig)
		}
	}
	return out
}()

// createTracked creates name, new and locked, and tracks it.
func createTracked(name string) (*os.File, error) {
	live.Lock()
	defer live.Unlock()
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockWhileWriting(f, name); err != nil {
		f.Close()
		return nil, err
	}
	if len(live.files) == 0 {
		startCatching()
	}
	if live.files == nil {
		live.files = map[string]bool{}
	}
	live.files[name] = true
	return f, nil
}

// renameTracked renames a tracked file over target and stops tracking it.
func renameTracked(name, target string) error {
	live.Lock()
	defer live.Unlock()
	if err := os.Rename(name, target); err != nil {
		return err
	}
	untrack(name)
	return nil
}

// removeTracked removes a tracked file and stops tracking it.
func removeTracked(name string) {
	live.Lock()
	defer live.Unlock()
	os.Remove(name)
	untrack(name)
}

func untrack(name string) {
	delete(live.files, name)
	if len(live.files) == 0 && live.signals != nil {
		signal.Stop(live.signals)
		close(live.stop)
		live.signals, live.stop = nil, nil
	}
}

func startCatching() {
	if len(caught) == 0 {
		return
	}
	signals, stop := make(chan os.Signal, 1), make(chan struct{})
	signal.Notify(signals, caught...)
	live.signals, live.stop = signals, stop
	go func() {
		select {
		case sig := <-signals:
			cleanUpAndDie(sig)
		case <-stop:
			// A signal that came just before Stop is still honoured.
			select {
			case sig := <-signals:
				cleanUpAndDie(sig)
			default:
			}
		}
	}()
}

// cleanUpAndDie removes the temporary files and ends the process by sig,
// as it would have ended had the signal not been caught, so that a shell
// or CI runner sees the interruption for what it is.
func cleanUpAndDie(sig os.Signal) {
	live.Lock() // kept: no temporary file may be made from now on
	for name := range live.files {
		os.Remove(name)
	}
	if live.signals != nil {
		signal.Stop(live.signals)
	}
	if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(sig) == nil {
		// Delivery is asynchronous; this wait is not expected to end.
		time.Sleep(5 * time.Second)
	}
	os.Exit(2) // where a process cannot signal itself
}
