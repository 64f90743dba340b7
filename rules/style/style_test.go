package style

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestExamples(t *testing.T) { linttest.RunExamples(t, Rules()) }
