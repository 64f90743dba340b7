package numbers

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestMagnitudeDefinition(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/magnitude-definition", MagnitudeDefinition)
}

func TestExamples(t *testing.T) {
	linttest.RunExamples(t, Rules())
}

func TestMagnitudeConsistency(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/magnitude-consistency", MagnitudeConsistency)
}

func TestAmbiguousZhao(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/ambiguous-zhao", AmbiguousZhao)
}

func TestRateBase(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/rate-base", RateBase)
}

func TestFullwidthASCII(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/fullwidth-ascii", FullwidthASCII)
}

func TestNumberRange(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/number-range", NumberRange)
}

func TestNumberForm(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/number-form", NumberForm)
}
