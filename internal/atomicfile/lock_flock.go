//go:build darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd

package atomicfile

import (
	"errors"
	"os"
	"syscall"
)

// lockWhileWriting takes f's lock, which the system releases when the
// writer closes the file or dies however it dies. A file system without
// flock leaves f unlocked: it then can never be taken for a dead writer's,
// and is only ever removed by its own writer.
func lockWhileWriting(f *os.File, name string) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLostRace
	}
	if err != nil {
		return nil
	}
	// Between creating and locking, another run may have taken the file
	// for stale and removed it; then name is no longer this file.
	mine, err := f.Stat()
	if err != nil {
		return err
	}
	if now, err := os.Lstat(name); err != nil || !os.SameFile(mine, now) {
		return errLostRace
	}
	return nil
}

// removeIfDead removes path, a temporary file by its name, if it is ours
// and its writer is dead: it is a plain file, it belongs to this process's
// user or to the owner of target (whom a writer running as root gives it),
// and its lock can be taken. The lock is held while it is removed, so that
// no writer can be using it.
func removeIfDead(path, target string) {
	// O_NONBLOCK: should path have become a FIFO meanwhile, opening it
	// must not wait for a writer.
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return
	}
	f := os.NewFile(uintptr(fd), path)
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || !ownedByUs(info, target) {
		return
	}
	if syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return // a live writer holds it, or there is no flock to prove anything
	}
	if now, err := os.Lstat(path); err != nil || !os.SameFile(info, now) {
		return
	}
	os.Remove(path)
}
