//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives f the owner and group info has, or at least the group,
// as far as this process may; it is best effort.
func keepOwner(f *os.File, info fs.FileInfo) {
	want, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	mine, err := f.Stat()
	if err != nil {
		return
	}
	have, ok := mine.Sys().(*syscall.Stat_t)
	if !ok || have.Uid == want.Uid && have.Gid == want.Gid {
		return
	}
	if f.Chown(int(want.Uid), int(want.Gid)) != nil {
		f.Chown(-1, int(want.Gid))
	}
}

// ownedByUs reports whether info belongs to this process's user, or to
// the owner of target.
func ownedByUs(info fs.FileInfo, target string) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	if int(st.Uid) == os.Geteuid() {
		return true
	}
	t, err := os.Stat(target)
	if err != nil {
		return false
	}
	tst, ok := t.Sys().(*syscall.Stat_t)
	return ok && tst.Uid == st.Uid
}
