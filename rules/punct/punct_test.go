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
