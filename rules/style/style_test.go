package style

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
	"github.com/draftlint/draftlint/rules/internal/zh"
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

// Every Kangxi radical has an ideograph from NFKC, and the hand-made table
// for the supplement only names supplement radicals and Han targets.
func TestRadicalTables(t *testing.T) {
	for r := rune(0x2F00); r <= 0x2FD5; r++ {
		if m := radicalIdeograph(r); !zh.IsHan(m) {
			t.Errorf("%U %c: no ideograph (%U)", r, r, m)
		}
	}
	for r, m := range supplementIdeograph {
		if r < 0x2E80 || r > 0x2EF3 || !zh.IsHan(m) {
			t.Errorf("supplement entry %U → %U", r, m)
		}
	}
	for _, c := range []struct{ in, want rune }{{'⽤', '用'}, {'⽹', '网'}, {'⼀', '一'}, {'⻓', '长'}, {'⻔', '门'}, {'⺟', '母'}, {'⻳', '龟'}} {
		if got := radicalIdeograph(c.in); got != c.want {
			t.Errorf("%c: got %c want %c", c.in, got, c.want)
		}
	}
	if radicalIdeograph('⺅') != 0 || isRadical('⿰') || isRadical('一') {
		t.Error("component radicals, description characters and ideographs are not mapped")
	}
}
