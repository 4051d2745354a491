package cli

import (
	"bytes"
	"context"
	"encoding/json"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/discover"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/engine"
	"github.com/reportlint/reportlint/internal/source"
)

func parseCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:      "parse",
		Usage:     "print what reportlint understood of a report, as JSON",
		ArgsUsage: "REPORT",
		Description: "Prints the document model of one report: title, country, published date,\n" +
			"advisory level and indicators, threat ratings, contacts, every date and\n" +
			"relative time phrase, links, and the sections with their paragraphs.\n" +
			"Every item has its line and column. Use - to read standard input.",
		Flags: append(inputFlags(), configFileFlags()...),
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() != 1 {
				return usageErrorf("parse needs exactly one report (a file, or - for standard input); got %d", cmd.NArg())
			}
			opt, h, err := engineOptions(cmd, e)
			if err != nil {
				return err
			}
			arg := cmd.Args().First()
			in := discover.Input{Path: arg, Stdin: arg == discover.Stdin}
			if opt.Parse.Published == "" {
				// An override's published:, as check would give it.
				name := arg
				if in.Stdin && opt.StdinName != "" {
					name = opt.StdinName
				}
				opt.Parse.Published, opt.Parse.PublishedBy = h.cfg.PublishedFor(name)
			}
			f, r, err := engine.Parse(in, opt)
			if err != nil {
				return &exitError{code: ExitError, err: errString(describe(err))}
			}
			out, _ := document.Project(r, f)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(out); err != nil {
				return err
			}
			// The report's text, with what encoding/json leaves raw escaped.
			_, err = e.stdout.Write(source.PrintableJSON(buf.Bytes()))
			return err
		},
	}
}

type errString string

func (s errString) Error() string { return string(s) }
