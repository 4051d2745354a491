// Package cli is reportlint's command line: it turns flags into options,
// runs the commands, and decides the exit code. It is the only package that
// imports urfave/cli.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/suggest"
)

// Exit codes, decided here and nowhere else.
const (
	ExitOK       = 0 // nothing at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitError    = 2 // usage, configuration, schema or input error
)

// exitError carries an exit code with the message to print.
type exitError struct {
	code int
	err  error
	// help is a line of reportlint's own printed after the message, which
	// is printed as one line (see stderrf).
	help string
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageErrorf is a mistake on the command line: exit 2.
func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}

// usageHelpf is usageErrorf with a line saying where to read more.
func usageHelpf(help, format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...), help: help}
}

// silentExit ends the run with a code; its messages were already printed.
type silentExit int

func (s silentExit) Error() string { return fmt.Sprintf("exit %d", int(s)) }

// env is what a command may touch of the outside world; tests replace it.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// beforeWrite, if set, runs just before fix --write replaces a file;
	// tests use it to change the file meanwhile.
	beforeWrite func(path string)
}

// Main runs reportlint with args (args[0] is the program name) and returns
// the exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Files are checked one after another and dropped, so the live heap
	// stays near 20 MB; collecting at 4x rather than 2x of it saves about
	// a tenth of the CPU on a large run for some 15 MB more. GOGC still
	// wins when set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	// A hostile file (a 10 MB line of brackets) can still make the live
	// heap some hundreds of megabytes, and at 4x that the process would
	// take gigabytes; past 512 MiB the collector runs as often as it needs
	// to instead. GOMEMLIMIT still wins when set.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
	return run(ctx, args, &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv})
}

func run(ctx context.Context, args []string, e *env) int {
	root := newRoot(e)
	err := root.Run(ctx, args)
	return exitCode(e, err)
}

func exitCode(e *env, err error) int {
	if err == nil {
		return ExitOK
	}
	var s silentExit
	if errors.As(err, &s) {
		return int(s)
	}
	var x *exitError
	if errors.As(err, &x) {
		e.stderrf("reportlint: %v", x.err)
		if x.help != "" {
			fmt.Fprintln(e.stderr, x.help)
		}
		return x.code
	}
	// Anything urfave/cli returns itself is a usage mistake (an unknown flag,
	// a missing value).
	e.stderrf("reportlint: %v", err)
	fmt.Fprintln(e.stderr, "Run 'reportlint --help' for usage.")
	return ExitError
}

// stderrf prints one line on standard error, made printable whole
// (source.PrintableLine): its paths come from the disk, and the values it
// quotes from reports, configurations, packs, profiles and baselines, any
// of which a pull request can write. Made printable here, where every
// message passes, none can act on the terminal or print a line that a CI
// runner reads as a command, whoever built the message; reportlint's own
// line breaks are printed apart (exitError.help).
func (e *env) stderrf(format string, args ...any) {
	fmt.Fprintln(e.stderr, source.PrintableLine(fmt.Sprintf(format, args...)))
}

func newRoot(e *env) *ucli.Command {
	root := &ucli.Command{
		Name:    "reportlint",
		Usage:   "check security reports before they are published",
		Version: versionLine(),
		Description: "reportlint reads country security reports and travel advisories (plain text,\n" +
			"Markdown, or JSON/YAML in its own document shape), checks them against a\n" +
			"JSON Schema and a set of rules, and prints every problem with its line and column.\n\n" +
			"Start with:  reportlint check report.txt\n" +
			"See what it read:  reportlint parse report.txt",
		Reader:                e.stdin,
		Writer:                e.stdout,
		ErrWriter:             e.stderr,
		HideHelpCommand:       true,
		Suggest:               true,
		ExitErrHandler:        func(context.Context, *ucli.Command, error) {},
		OnUsageError:          onUsageError,
		Commands:              []*ucli.Command{checkCommand(e), fixCommand(e), diffCommand(e), parseCommand(e), rulesCommand(e), explainCommand(e), configCommand(e), schemaCommand(e), profileCommand(e), initCommand(e), lspCommand(e)},
		EnableShellCompletion: false,
		Action:                rootAction,
	}
	// Without this, a command's usage mistake prints its whole help to
	// standard output and the error twice.
	for _, c := range root.Commands {
		c.OnUsageError = onUsageError
	}
	return root
}

// rootAction: reportlint alone shows help; a word that is no command is a
// usage mistake, with the nearest command suggested.
func rootAction(ctx context.Context, cmd *ucli.Command) error {
	if cmd.NArg() == 0 {
		return ucli.ShowAppHelp(cmd)
	}
	name := cmd.Args().First()
	var names []string
	for _, c := range cmd.Commands {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	if near, ok := suggest.Closest(name, names); ok {
		return usageHelpf("Run 'reportlint --help' for the commands.", "%q is not a command; did you mean %q?", name, near)
	}
	return usageHelpf("Run 'reportlint --help' for usage.", "%q is not a command; the commands are %s.", name, strings.Join(names, ", "))
}

// undefinedFlag is how the flag package words an unknown flag.
const undefinedFlag = "flag provided but not defined: -"

func onUsageError(_ context.Context, cmd *ucli.Command, err error, _ bool) error {
	help := "reportlint --help"
	if cmd.Name != "reportlint" {
		help = "reportlint " + cmd.Name + " --help"
	}
	if name, ok := strings.CutPrefix(err.Error(), undefinedFlag); ok {
		return usageHelpf("Run '"+help+"' for its flags.", "%s: unknown flag --%s", cmd.Name, strings.TrimLeft(name, "-"))
	}
	return usageHelpf("Run '"+help+"' for usage.", "%v", err)
}

// version is the module version from the build info: a tag for
// `go install …@v1.2.3`, a pseudo-version or "(devel)" for a local build.
// SARIF records it as the tool's version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v, _ := versionOf(info)
	return v
}

// versionLine is what --version prints: the module version, then the VCS
// revision the binary was built from (with "+dirty" when the work tree had
// changes) and the Go that built it, so that a bug report names the exact
// code.
func versionLine() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v, rev := versionOf(info)
	if rev != "" {
		v += ", revision " + rev
	}
	return v + ", built with " + info.GoVersion
}

// versionOf is the module version and the revision ("" when not known) of
// given build info.
func versionOf(info *debug.BuildInfo) (version, revision string) {
	version = info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if revision != "" {
		revision += modified
	}
	return version, revision
}
