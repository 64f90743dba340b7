package style

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestExamples(t *testing.T) { linttest.RunExamples(t, Rules()) }

func TestIdeographicSpace(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/ideographic-space", IdeographicSpace)
}

func TestKangxiRadical(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/kangxi-radical", KangxiRadical)
}

func TestDunhaoClause(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/dunhao-clause", DunhaoClause)
}

func TestHeadingStyle(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/heading-style", HeadingStyle)
}

func TestLongSentence(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/long-sentence", LongSentence)
}

func TestCJKLatinSpacing(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/cjk-latin-spacing", CJKLatinSpacing)
}

func TestCJKLatinSpacingMixed(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/cjk-latin-spacing-mixed", CJKLatinSpacingMixed)
}

func TestEnglishFullwidthPunct(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/english-fullwidth-punct", EnglishFullwidthPunct)
}

func TestEnglishDoubleSpace(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/english-double-space", EnglishDoubleSpace)
}

func TestEnglishSpaceBeforePunct(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/english-space-before-punct", EnglishSpaceBeforePunct)
}
