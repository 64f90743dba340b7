// Command dup is the synthetic benchmark of the duplication rules
// (duplicate-sentence, duplicate-paragraph, near-duplicate-number,
// repeated-word). It builds deterministic documents from clean corpus
// sentences (testdata/corpora, minus the sentences that already repeat
// one another there), injects exact and near copies — width and
// punctuation variants, a phrase added or dropped at the start or end, 1–10
// % of the characters substituted, deleted or inserted, one figure changed
// — and doubled function words, runs the rules and prints precision and
// recall per rule and per variant.
//
//	go run ./internal/bench/dup [-docs 150] [-seed 1] [-v]
//
// Each document has 8–12 paragraphs of 2–5 sentences drawn without
// repetition; two copies are injected into each (a sentence copy goes into
// the same paragraph, the next one or one three to five paragraphs away).
// A finding of the variant's rule on the original or the copy finds it;
// every other finding of a duplication rule is false, including sentence
// findings inside an injected paragraph copy.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	docs := flag.Int("docs", 150, "documents per variant")
	seed := flag.Uint64("seed", 1, "random seed")
	verbose := flag.Bool("v", false, "print misses and false findings")
	flag.Parse()
	root, err := repoRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	res, err := Evaluate(root, *docs, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Print(res.Table())
	if *verbose {
		for _, s := range res.Notes {
			fmt.Println(s)
		}
	}
}

// repoRoot walks up from the working directory to the directory holding
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
