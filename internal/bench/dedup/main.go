// Command dedup measures `draftlint dedup`.
//
//	go run ./internal/bench/dedup table [-seed 1] [-seeds 3]
//	go run ./internal/bench/dedup gen -out DIR [-paragraphs 1000000] [-files N] [-copies 0.05] [-seed 1]
//
// table builds the labelled corpus of internal/corpusgen (clean Chinese
// paragraphs of testdata/corpora and the sample report, English
// paragraphs of the project's documentation, each mutation of the list
// copied into other files, unrelated filler), runs `draftlint dedup -f
// json` on it in-process and prints pair recall per language and kind of
// copy, and pair precision; with -seeds N it does so for N seeds and adds
// up the pairs.
//
// gen writes a large synthetic corpus (pseudo-Chinese Markov paragraphs,
// a share of them mutated copies) for the speed and memory figures:
//
//	go run ./internal/bench/dedup gen -out /tmp/big
//	go build -o /tmp/draftlint ./cmd/draftlint
//	/usr/bin/time -v /tmp/draftlint dedup -f json -j 1 /tmp/big > /dev/null
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/draftlint/draftlint/internal/cli"
	"github.com/draftlint/draftlint/internal/corpusgen"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dedup table|gen [flags]")
		os.Exit(2)
	}
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch os.Args[1] {
	case "table":
		fs := flag.NewFlagSet("table", flag.ExitOnError)
		seed := fs.Uint64("seed", 1, "first seed")
		seeds := fs.Int("seeds", 1, "number of seeds")
		_ = fs.Parse(os.Args[2:])
		s, err := Table(root, *seed, *seeds)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Print(s.Table())
	case "gen":
		fs := flag.NewFlagSet("gen", flag.ExitOnError)
		out := fs.String("out", "", "folder to write (created)")
		var cfg corpusgen.BigConfig
		fs.IntVar(&cfg.Paragraphs, "paragraphs", 1_000_000, "paragraphs")
		fs.IntVar(&cfg.Files, "files", 0, "files (default paragraphs/500)")
		fs.Float64Var(&cfg.Copies, "copies", 0.05, "share of paragraphs that copy a recent one")
		fs.Uint64Var(&cfg.Seed, "seed", 1, "seed")
		_ = fs.Parse(os.Args[2:])
		if *out == "" {
			fmt.Fprintln(os.Stderr, "gen: -out is required")
			os.Exit(2)
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		st, err := corpusgen.Big(root, *out, cfg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("%d files, %d paragraphs (%d copies), %.1f MB\n", st.Files, st.Paragraphs, st.Copies, float64(st.Bytes)/1e6)
	default:
		fmt.Fprintf(os.Stderr, "unknown command %q (table or gen)\n", os.Args[1])
		os.Exit(2)
	}
}

// Table scores draftlint dedup on the labelled corpora of n seeds from
// seed on, pairs added up.
func Table(root string, seed uint64, n int) (*corpusgen.Score, error) {
	var total *corpusgen.Score
	for k := range n {
		c, err := corpusgen.Build(root, corpusgen.Config{Seed: seed + uint64(k)})
		if err != nil {
			return nil, err
		}
		dir, err := os.MkdirTemp("", "dedup-table-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		if _, err := c.Write(dir); err != nil {
			return nil, err
		}
		var out, errb bytes.Buffer
		code := cli.Main(cli.Env{Args: []string{"dedup", "-f", "json", "."}, Stdout: &out, Stderr: &errb, Dir: dir,
			StdinIsTerminal: func() bool { return true }, StdoutIsTerminal: func() bool { return false }})
		if code == cli.ExitError {
			return nil, fmt.Errorf("draftlint dedup: %s", strings.TrimSpace(errb.String()))
		}
		cl, err := c.ClustersFromJSON(out.Bytes())
		if err != nil {
			return nil, err
		}
		s := c.Score(cl)
		if total == nil {
			total = &s
			continue
		}
		total.Reported += s.Reported
		total.False += s.False
		total.FalsePairs = append(total.FalsePairs, s.FalsePairs...)
		for i := range total.Rows {
			for _, r := range s.Rows {
				if r.Lang == total.Rows[i].Lang && r.Mutation == total.Rows[i].Mutation {
					total.Rows[i].Positives += r.Positives
					total.Rows[i].Found += r.Found
				}
			}
		}
	}
	return total, nil
}

// repoRoot walks up from the working directory to the folder holding
// go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s", dir)
		}
	}
}
