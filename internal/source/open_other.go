//go:build !unix

package source

// openFlags: elsewhere an open does not wait on a named pipe.
const openFlags = 0
