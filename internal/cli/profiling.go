package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"runtime/pprof"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/atomicfile"
)

// profileFlags are check's --cpuprofile and --memprofile: a user whose run
// is slow can send the profile of it, read with `go tool pprof`.
func profileFlags() []ucli.Flag {
	return []ucli.Flag{
		&ucli.StringFlag{Name: "cpuprofile", Usage: "write a CPU profile of the run to `FILE`, for go tool pprof"},
		&ucli.StringFlag{Name: "memprofile", Usage: "write a profile of the memory the run allocated to `FILE`, for go tool pprof"},
	}
}

// withProfiles runs fn under the profiles check's flags ask for. Both
// files are written atomically: an interrupted run leaves no half profile.
// A profile that cannot be written makes the run fail (exit 2), as the
// user asked for it, but only after the findings are out.
func withProfiles(cmd *ucli.Command, e *env, fn func() error) error {
	cpuPath, memPath := cmd.String("cpuprofile"), cmd.String("memprofile")
	if cpuPath != "" && cpuPath == memPath {
		return usageErrorf("--cpuprofile and --memprofile name the same file %s; give each its own", cpuPath)
	}
	var cpu *atomicfile.File
	if cpuPath != "" {
		var err error
		if cpu, err = atomicfile.Create(cpuPath); err != nil {
			return profileError("--cpuprofile", fmt.Errorf("%s: %w", cpuPath, atomicfile.Cause(err)))
		}
		defer cpu.Discard()
		if err := cpu.SetMode(0o644); err != nil {
			return profileError("--cpuprofile", fmt.Errorf("%s: %w", cpuPath, atomicfile.Cause(err)))
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("--cpuprofile: %v", err)}
		}
	}
	runErr := fn()
	var profErr error
	if cpu != nil {
		pprof.StopCPUProfile()
		if err := cpu.Commit(); err != nil {
			profErr = profileError("--cpuprofile", fmt.Errorf("%s: %w", cpuPath, atomicfile.Cause(err)))
		}
	}
	if memPath != "" {
		// The allocs profile: what the run allocated in all, which is what
		// costs time; what is still live at the end is next to nothing as
		// check streams. It carries the in-use figures too.
		runtime.GC()
		err := atomicfile.WriteFunc(memPath, 0o644, func(w io.Writer) error {
			return pprof.Lookup("allocs").WriteTo(w, 0)
		})
		if err != nil && profErr == nil {
			profErr = profileError("--memprofile", err)
		}
	}
	if runErr != nil {
		if profErr != nil {
			e.stderrf("reportlint: %v", profErr)
		}
		return runErr
	}
	return profErr
}

// profileError is a profile that could not be written; err names the file.
func profileError(flag string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return &exitError{code: ExitError, err: fmt.Errorf("%s: %v; create the folder first, or write elsewhere", flag, err)}
	}
	return &exitError{code: ExitError, err: fmt.Errorf("%s: %v", flag, err)}
}
