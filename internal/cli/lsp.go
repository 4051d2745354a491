package cli

import (
	"context"
	"fmt"
	"path/filepath"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/lsp"
)

func lspCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:  "lsp",
		Usage: "run the language server on standard input and output, for editors",
		Description: "Speaks the Language Server Protocol on standard input and output:\n" +
			"diagnostics as you type (the findings of check, with the configuration\n" +
			"found from each report's folder), quick fixes, the rule's explanation on\n" +
			"hover, and the report's outline. It never writes a file. See docs/editors.md.",
		Flags: []ucli.Flag{
			// VS Code's generic clients pass --stdio; it is the only transport.
			&ucli.BoolFlag{Name: "stdio", Usage: "talk over standard input and output (the default and only transport)"},
			&ucli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "check every report under the configuration in `FILE` instead of the .reportlint.yaml found from its folder"},
			&ucli.StringFlag{Name: "max-size", Value: "10MiB", Usage: "check reports up to `SIZE`; a larger one gets one diagnostic saying so"},
		},
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() != 0 {
				return usageErrorf("lsp takes no arguments: an editor starts it and talks to it on standard input and output")
			}
			maxSize, err := parseSize(cmd.String("max-size"))
			if err != nil {
				return usageErrorf("--max-size: %v", err)
			}
			cfg := cmd.String("config")
			if cfg != "" {
				if cfg, err = filepath.Abs(cfg); err != nil {
					return usageErrorf("--config: %v", err)
				}
			}
			code := lsp.Serve(ctx, e.stdin, e.stdout, lsp.Options{Version: version(), MaxSize: maxSize, Config: cfg,
				Log: func(format string, args ...any) { e.stderrf("%s", fmt.Sprintf(format, args...)) }})
			if code != 0 {
				// Exit without shutdown: the protocol's exit code 1.
				return silentExit(code)
			}
			return nil
		},
	}
}
