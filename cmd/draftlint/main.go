// Command draftlint checks draft reports for layout, duplication, number and
// punctuation defects. See the README for usage.
package main

import (
	"os"

	"github.com/draftlint/draftlint/internal/cli"
)

func main() {
	os.Exit(cli.Main(cli.Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
