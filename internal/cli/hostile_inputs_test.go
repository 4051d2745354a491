package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/hostile"
)

var (
	hostileBig = flag.Int("hostile.big", 1<<20, "size in bytes of the hostile one-line and many-values inputs; .ci/run uses 10 MiB, the size limit")
	hostileDir = flag.String("hostile.dir", "", "write the hostile inputs to this folder and keep them (testdata/hostile, say), instead of a temporary one")
)

// Budgets of one run of reportlint on one hostile case. They are bounds on
// a hang or a blow-up, not measures of speed: a case within them may still
// be slow, and docs/performance.md says how slow.
const (
	hostileTime   = 3 * time.Minute
	hostileMemory = 1 << 30 // peak resident memory, bytes
	hostileOutput = 8 << 20 // standard output and error together, bytes
)

// TestHostile runs check and diff over the inputs of internal/hostile and
// holds every run to the same promises: the exit code the case allows, a
// clear message where it refuses, nothing outside the repository printed,
// no terminal escape and no forged annotation, bounded time, memory and
// output, and every input as it was.
func TestHostile(t *testing.T) {
	bin, err := exec.LookPath("reportlint") // TestMain puts it on PATH
	if err != nil {
		t.Fatal(err)
	}
	root := *hostileDir
	if root == "" {
		root = t.TempDir()
	} else if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	cases, err := hostile.Generate(root, hostile.Options{Big: *hostileBig})
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, root)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			t.Logf("%s: reportlint %q", c.What, c.Args)
			stdout, stderr, code, usage := runHostile(t, bin, c)
			if !slices.Contains(c.Exit, code) {
				t.Errorf("exit code %d, want one of %v\nstderr: %s", code, c.Exit, clip(stderr))
			}
			if c.Stderr != "" && !regexp.MustCompile(c.Stderr).Match(stderr) {
				t.Errorf("standard error does not match %q:\n%s", c.Stderr, clip(stderr))
			}
			if usage.Maxrss*1024 > hostileMemory {
				t.Errorf("peak memory %d MiB, over the budget of %d MiB", usage.Maxrss>>10, hostileMemory>>20)
			}
			for name, out := range map[string][]byte{"standard output": stdout, "standard error": stderr} {
				checkHostileOutput(t, c, name, out)
			}
		})
	}
	if diff := changed(before, snapshot(t, root)); len(diff) > 0 {
		t.Errorf("hostile inputs changed: %q", diff)
	}
}

func checkHostileOutput(t *testing.T, c hostile.Case, name string, out []byte) {
	t.Helper()
	if bytes.Contains(out, []byte(hostile.Secret)) {
		t.Errorf("%s shows the secret of a file outside the repository:\n%s", name, clip(out))
	}
	if problems := unprintable(string(out), slices.Contains(c.Args, "github")); len(problems) > 0 {
		t.Errorf("%s is not safe to print: %q", name, problems[:min(len(problems), 5)])
	}
	for _, f := range c.Forbidden {
		if i := bytes.Index(out, []byte(f)); i >= 0 {
			t.Errorf("%s holds %q: %q", name, f, out[max(i-60, 0):min(i+60, len(out))])
		}
	}
	for _, crash := range []string{"panic:", "goroutine ", "fatal error:"} {
		if bytes.Contains(out, []byte(crash)) {
			t.Errorf("%s shows a crash:\n%s", name, clip(out))
		}
	}
}

// runHostile runs reportlint on a case, killing it past the time budget,
// and returns what it printed (failing past the output budget), its exit
// code and its resource usage.
func runHostile(t *testing.T, bin string, c hostile.Case) (stdout, stderr []byte, code int, usage *syscall.Rusage) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileTime)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, c.Args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "GITHUB_ACTIONS=")
	var out, errOut cappedBuffer
	out.limit, errOut.limit = hostileOutput, hostileOutput
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("still running after %v: killed", hostileTime)
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatal(err)
	}
	if out.total+errOut.total > hostileOutput {
		t.Errorf("printed %d bytes, over the budget of %d", out.total+errOut.total, hostileOutput)
	}
	usage, _ = cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if usage == nil {
		usage = &syscall.Rusage{}
	}
	t.Logf("exit %d in %v, peak %d MiB, %d bytes out", code, time.Since(start).Round(time.Millisecond), usage.Maxrss>>10, out.total+errOut.total)
	return out.Bytes(), errOut.Bytes(), code, usage
}

// cappedBuffer keeps the first limit bytes written and counts them all, so
// that a run printing without end cannot fill the test's memory.
// It holds its buffer rather than embedding it, so that exec cannot
// bypass Write through bytes.Buffer's ReadFrom.
type cappedBuffer struct {
	buf          bytes.Buffer
	limit, total int
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	b.total += len(p)
	if room := b.limit - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func (b *cappedBuffer) Bytes() []byte { return b.buf.Bytes() }

// clip shortens output for a failure message.
func clip(b []byte) string {
	const keep = 2000
	if len(b) > keep {
		return string(b[:keep]) + "…"
	}
	return string(b)
}
