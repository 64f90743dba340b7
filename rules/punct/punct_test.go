package punct

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestHalfwidthPunct(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/halfwidth-punct", HalfwidthPunct)
}

func TestUnbalancedPair(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/unbalanced-pair", UnbalancedPair)
}

func TestRepeatedPunct(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/repeated-punct", RepeatedPunct)
}

func TestEllipsis(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/ellipsis", Ellipsis)
}

func TestDash(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/dash", Dash)
}

func TestInterpunct(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/interpunct", Interpunct)
}

func TestStraightQuotes(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/straight-quotes", StraightQuotes)
}

func TestQuoteStyle(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/quote-style", QuoteStyle)
}

func TestSpaceAroundPunct(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/space-around-punct", SpaceAroundPunct)
}
