// Package dup holds the duplication rules: repeated sentences, paragraphs
// and words inside a document.
//
// duplicate-sentence, duplicate-paragraph and near-duplicate-number share
// one analysis per document (analysis.go): the sentences of every prose
// block go through dedup.FindRepeats once, and paragraphs are compared as
// wholes only where repeated sentences or byte-identical text say they may
// repeat. Near copies that are parallel text — one template, different
// facts — are dropped before groups and keepers are formed (parallel.go).
package dup

import "github.com/draftlint/draftlint/lint"

// Rules lists the duplication rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{
		DuplicateAcrossFiles,
		DuplicateParagraph,
		DuplicateSentence,
		NearDuplicateNumber,
		RepeatedWord,
	}
}
