// Command layout is the synthetic benchmark of the layout-artefact rules
// (split-paragraph, intruding-caption, orphan-fragment, page-furniture,
// hyphen-break). It builds deterministic documents from clean text (the
// corpora in testdata/corpora, the genre traps of the rule tests and a few
// English sentences of its own), injects each kind of defect at known
// places, runs the rules and prints precision and recall per rule.
//
//	go run ./internal/bench/layout [-docs 300] [-seed 1] [-seeds 1] [-v]
//
// With -seeds n it runs seeds seed … seed+n-1 and prints the pooled table
// and each seed's precision and recall.
//
// The injected-defect generator does not use the rules' word list: it
// decides where words are from the corpora alone (character bigrams that
// recur and whose characters rarely occur apart, by pointwise mutual
// information), and it picks positions at random among all that qualify.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

func main() {
	docs := flag.Int("docs", 300, "number of synthetic documents")
	seed := flag.Uint64("seed", 1, "random seed (the first one with -seeds)")
	seeds := flag.Int("seeds", 1, "number of consecutive seeds to run and pool")
	verbose := flag.Bool("v", false, "print misses and false positives")
	flag.Parse()
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	res, err := Sweep(root, *docs, *seed, max(1, *seeds))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Print(res.Table())
	if *verbose {
		for _, s := range res.Pooled.Notes {
			fmt.Println(s)
		}
	}
}

// repoRoot walks up from the working directory to the directory holding
// go.mod.
func repoRoot() (string, error) {
	_, file, _, _ := runtime.Caller(0)
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return "", fmt.Errorf("no go.mod above %s (%s)", dir, strings.TrimSuffix(file, "main.go"))
}
