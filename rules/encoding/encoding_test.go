package encoding

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestMojibake(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/mojibake", Mojibake)
}
