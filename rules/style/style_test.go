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
