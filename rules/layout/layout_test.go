package layout

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestBlankLines(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/blank-lines", BlankLines)
}
