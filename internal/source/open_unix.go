//go:build unix

package source

import "syscall"

// openFlags keep an open from waiting: a named pipe opened without
// O_NONBLOCK waits for a writer that may never come. O_NOCTTY keeps a
// terminal device from becoming the process's controlling terminal.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOCTTY
