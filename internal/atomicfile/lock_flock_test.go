//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd

package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"syscall"
	"testing"
)

// stalledWriterEnv names, in the environment of the test binary run again
// as a child, the file it is to write; it then stops in the middle of the
// write until its standard input closes.
const stalledWriterEnv = "ATOMICFILE_TEST_STALLED_WRITER"

// writerEnv names, in the environment of the test binary run again as a
// child, the file it is to write at once: a later run of reportlint.
const writerEnv = "ATOMICFILE_TEST_WRITER"

func TestMain(m *testing.M) {
	if path := os.Getenv(writerEnv); path != "" {
		if err := Write(path, []byte("from a later run\n"), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if path := os.Getenv(stalledWriterEnv); path != "" {
		err := WriteFunc(path, 0o644, func(w io.Writer) error {
			// By now the temporary file exists and is locked.
			if _, err := w.Write([]byte("half a rep")); err != nil {
				return err
			}
			fmt.Println("writing")
			io.Copy(io.Discard, os.Stdin)
			_, err := w.Write([]byte("ort\n"))
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startStalledWriter starts a child that writes path and stops in the
// middle; it returns once the child's temporary file exists. Closing the
// returned pipe lets the child finish.
func startStalledWriter(t *testing.T, path string) (*exec.Cmd, io.Closer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), stalledWriterEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	if line, err := bufio.NewReader(stdout).ReadString('\n'); line != "writing\n" {
		t.Fatalf("the writer said %q (%v)", line, err)
	}
	return cmd, stdin
}

// runWriter runs a child that writes path and exits, as a later run would.
func runWriter(t *testing.T, path string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), writerEnv+"="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the writer failed: %v\n%s", err, out)
	}
}

// temporaryOf returns the one temporary file beside path, checking that
// its name carries the writer's process id.
func temporaryOf(t *testing.T, path string, pid int) string {
	t.Helper()
	dir := filepath.Dir(path)
	got := names(t, dir)
	if len(got) != 2 || got[1] != filepath.Base(path) {
		t.Fatalf("folder holds %q, want a temporary file and %s", got, filepath.Base(path))
	}
	pattern := `^\.` + regexp.QuoteMeta(filepath.Base(path)) + `\.reportlint-` + strconv.Itoa(pid) + `-[0-9]+\.tmp$`
	if !regexp.MustCompile(pattern).MatchString(got[0]) {
		t.Fatalf("temporary file %q does not match %s", got[0], pattern)
	}
	return filepath.Join(dir, got[0])
}

// A writer killed outright (SIGKILL: no chance to clean up) leaves its
// temporary file; while it lives, another run keeps that file, and once it
// is dead the next run removes it.
func TestKilledWritersTemporaryFileIsRemovedByTheNextWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd, _ := startStalledWriter(t, path)
	tmp := temporaryOf(t, path, cmd.Process.Pid)

	// The writer is alive and holds its lock: its file is not stale.
	runWriter(t, path)
	if _, err := os.Lstat(tmp); err != nil {
		t.Fatalf("a live writer's temporary file was removed: %v", err)
	}

	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if _, err := os.Lstat(tmp); err != nil {
		t.Fatalf("SIGKILL should leave the temporary file for this test to mean anything: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "from a later run\n" {
		t.Errorf("the killed writer changed the file: %q", data)
	}

	runWriter(t, path)
	if got, want := names(t, dir), []string{"out.json"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// SIGINT or SIGTERM in the middle of a write removes the temporary file,
// leaves the file as it was, and ends the process by that signal, as if
// reportlint had not caught it.
func TestInterruptedWriterRemovesItsTemporaryFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			if signal.Ignored(sig) {
				// Inherited by the child, which must then keep ignoring it.
				t.Skipf("%v is ignored in this test run", sig)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "out.json")
			if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd, _ := startStalledWriter(t, path)
			temporaryOf(t, path, cmd.Process.Pid)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("the writer ended with %v, want the signal", err)
			}
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != sig {
				t.Errorf("the writer ended with %v, want killed by %v", err, sig)
			}
			if got, want := names(t, dir), []string{"out.json"}; !slices.Equal(got, want) {
				t.Errorf("folder holds %q, want %q", got, want)
			}
			if data, _ := os.ReadFile(path); string(data) != "old\n" {
				t.Errorf("file is now %q", data)
			}
		})
	}
}

// A writer let go finishes: the lock and the signal handling do not get in
// the way of a write that is not interrupted.
func TestStalledWriterFinishes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	cmd, stdin := startStalledWriter(t, path)
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "half a report\n" {
		t.Errorf("file is %q", data)
	}
	if got, want := names(t, dir), []string{"out.json"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// A temporary-looking file locked by a live process (here, this one, through
// another open file) is kept.
func TestWriteKeepsALockedTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	live := filepath.Join(dir, ".out.json.reportlint-1-2.tmp")
	f, err := os.Create(live)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Skip("no flock here:", err)
	}
	if err := Write(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(live); err != nil {
		t.Errorf("a locked temporary file was removed: %v", err)
	}
}

// A temporary-looking file that belongs to neither this user nor the
// target's owner is not ours.
func TestWriteKeepsAnotherUsersTemporaryFile(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	theirs := filepath.Join(dir, ".out.json.reportlint-1-2.tmp")
	if err := os.WriteFile(theirs, []byte("theirs"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(theirs, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(theirs); err != nil {
		t.Errorf("another user's file was removed: %v", err)
	}
}

// Temporary files left by writers that died (nobody holds their lock) are
// removed by the next write into their folder.
func TestWriteRemovesADeadWritersTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	// Of this file, and of others in the same folder (a name may hold
	// ".reportlint-" itself: the last is the writer's).
	for _, name := range []string{".out.json.reportlint-99999-123456.tmp", ".other.md.reportlint-1-2.tmp", ".x.reportlint-3-4.tmp.reportlint-5-6.tmp"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("half a rep"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := names(t, dir), []string{"out.json"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// A writer running as root gives its temporary file the target's owner;
// killed, it leaves a file of that owner, which the next run removes.
func TestWriteRemovesADeadWritersTemporaryFileGivenToTheTargetsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	stale := filepath.Join(dir, ".out.json.reportlint-99999-1.tmp")
	for _, name := range []string{path, stale} {
		if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(name, 4242, 4242); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := names(t, dir), []string{"out.json"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}
