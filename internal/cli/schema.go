package cli

import (
	"context"
	"strings"

	ucli "github.com/urfave/cli/v3"

	"github.com/reportlint/reportlint/internal/profile"
	"github.com/reportlint/reportlint/internal/schema"
)

func schemaCommand(e *env) *ucli.Command {
	return &ucli.Command{
		Name:  "schema",
		Usage: "print the JSON Schema a profile's reports are validated against",
		Description: "Prints the effective schema of a profile as one self-contained JSON Schema\n" +
			"(draft 2020-12; the shared definitions bundled under $defs). Save it, edit\n" +
			"it, and pass it to check with --schema to validate against your own rules.",
		Flags: []ucli.Flag{
			&ucli.StringFlag{Name: "profile", Value: "osac-csr", Usage: "the `PROFILE` whose schema to print (" + strings.Join(schemaProfiles(), ", ") + ")"},
		},
		Action: func(ctx context.Context, cmd *ucli.Command) error {
			if cmd.NArg() > 0 {
				return usageErrorf("schema takes no arguments; use --profile to choose the profile")
			}
			out, err := schema.Bundle(cmd.String("profile"))
			if err != nil {
				return usageErrorf("--profile: %v; known profiles: %s%s", err, strings.Join(schemaProfiles(), ", "), didYouMean(cmd.String("profile"), schemaProfiles()))
			}
			_, err = e.stdout.Write(out)
			return err
		},
	}
}

// schemaProfiles names the profiles in help without reading them; each
// built-in profile has a schema (TestEmbeddedSchemasCompile).
func schemaProfiles() []string { return profile.BuiltinNames() }
