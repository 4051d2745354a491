// Command reportlint checks security reports before they are published and
// shows what changed between two editions.
package main

import (
	"context"
	"os"

	"github.com/reportlint/reportlint/internal/cli"
)

func main() { os.Exit(cli.Main(context.Background(), os.Args, os.Stdin, os.Stdout, os.Stderr)) }
