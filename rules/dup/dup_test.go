package dup

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestDuplicateSentence(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/duplicate-sentence", DuplicateSentence)
}

func TestDuplicateParagraph(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/duplicate-paragraph", DuplicateParagraph)
}

func TestNearDuplicateNumber(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/near-duplicate-number", NearDuplicateNumber)
}

func TestRepeatedWord(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/repeated-word", RepeatedWord)
}

func TestExamples(t *testing.T) {
	linttest.RunExamples(t, Rules())
}
