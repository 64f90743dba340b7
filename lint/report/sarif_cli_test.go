package report

import (
	"os"
	"path/filepath"
	"testing"
)

// The SARIF the command writes for real rules (the CLI's golden output)
// also passes the vendored SARIF 2.1.0 schema, not only the hand-built
// fixture: this is the schema check CI runs for code scanning uploads.
func TestSARIFSchemaCLIOutput(t *testing.T) {
	out, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cli", "small.sarif.golden"))
	if err != nil {
		t.Fatal(err)
	}
	doc := validateSARIF(t, out)
	results := doc["runs"].([]any)[0].(map[string]any)["results"].([]any)
	if len(results) == 0 {
		t.Error("the CLI golden has no results to validate")
	}
}
