package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/atomicfile"
	"github.com/reportlint/reportlint/internal/config"
	"github.com/reportlint/reportlint/internal/registry"
)

func initCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:  "init",
		Usage: "write a commented starter " + config.FileName + " in the current folder",
		Description: "Writes a configuration that changes nothing yet, with every setting explained\n" +
			"and every rule listed at its default level, ready to edit and commit.",
		Flags: []ucli.Flag{
			&ucli.BoolFlag{Name: "force", Usage: "replace an existing " + config.FileName},
		},
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() > 0 {
				return usageErrorf("init takes no arguments; it writes %s in the current folder", config.FileName)
			}
			reg, err := registry.Builtin()
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			starter := []byte(config.StarterFile(reg))
			if cmd.Bool("force") {
				// Renamed over whatever is there, a link included: never
				// written through a link to the file it names, or makes.
				if err := atomicfile.Write(config.FileName, starter, 0o644); err != nil {
					return &exitError{code: ExitError, err: err}
				}
				fmt.Fprintf(e.stdout, "wrote %s; run reportlint check to use it\n", config.FileName)
				return nil
			}
			// O_EXCL fails on any name that is there, a link too.
			f, err := os.OpenFile(config.FileName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return &exitError{code: ExitError, err: fmt.Errorf("%s already exists; edit it, or run init --force to replace it", config.FileName)}
			}
			if err != nil {
				return &exitError{code: ExitError, err: err}
			}
			if _, err := f.Write(starter); err != nil {
				f.Close()
				return &exitError{code: ExitError, err: err}
			}
			if err := f.Close(); err != nil {
				return &exitError{code: ExitError, err: err}
			}
			fmt.Fprintf(e.stdout, "wrote %s; run reportlint check to use it\n", config.FileName)
			return nil
		},
	}
}
