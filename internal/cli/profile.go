package cli

import (
	"context"
	"fmt"
	"io/fs"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/suggest"
	"github.com/reportlint/reportlint/rules"
)

func profileCommand(e *env) *ucli.Command {
	known := profile.BuiltinNames() // from the file names: help must not decode them
	return &ucli.Command{
		Name:      "profile",
		Usage:     "print a built-in profile, to start a house profile from",
		ArgsUsage: "[PROFILE]",
		Description: "Prints the YAML of a built-in profile (" + strings.Join(known, ", ") + "; osac-csr\n" +
			"when none is named): how reports of its kind are recognised, their header\n" +
			"lines, their sections and the contacts they must give. Save it under a new\n" +
			"name, edit it, and list it under \"profiles\" in .reportlint.yaml.",
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() > 1 {
				return usageErrorf("profile takes one profile name at most; got %d", cmd.NArg())
			}
			name := "osac-csr"
			if cmd.NArg() == 1 {
				name = cmd.Args().First()
			}
			data, err := fs.ReadFile(rules.FS, "profiles/"+name+".yaml")
			if err != nil {
				return usageErrorf("unknown profile %q; the built-in profiles are %s%s", name, strings.Join(known, ", "), didYouMean(name, known))
			}
			_, err = e.stdout.Write(data)
			return err
		},
	}
}

// didYouMean is `; did you mean "x"?` for the known name nearest a
// mistyped one, or nothing when none is near.
func didYouMean(name string, known []string) string {
	if near, ok := suggest.Closest(name, known); ok {
		return fmt.Sprintf("; did you mean %q?", near)
	}
	return ""
}
