package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Idempotence over real text: for every file of testdata/corpora and the
// sample report, fixing with every default rule and --unsafe-fixes twice
// gives the same bytes as fixing once, and the fix loop settles (no error).
func TestFixTwiceIsFixOnce(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join(repo, "testdata/corpora"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{"testdata/sample-report.txt"}
	for _, e := range entries {
		if !e.IsDir() {
			inputs = append(inputs, "testdata/corpora/"+e.Name())
		}
	}
	if len(inputs) < 4 {
		t.Fatalf("only %d inputs", len(inputs))
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Base(in)
			orig := readRepoFile(t, in)
			writeBytes(t, filepath.Join(dir, name), orig)
			var got [][]byte
			for i := 0; i < 2; i++ {
				r := run(t, dir, "", "check", "--fix", "--unsafe-fixes", name)
				if r.code == ExitError {
					t.Fatalf("fix %d: exit 2: %s", i+1, r.stderr)
				}
				b, _ := os.ReadFile(filepath.Join(dir, name))
				got = append(got, b)
			}
			if !bytes.Equal(got[0], got[1]) {
				t.Errorf("the second fix changed the file (%d → %d bytes)", len(got[0]), len(got[1]))
			}
			t.Logf("%d bytes, %d after fixing", len(orig), len(got[0]))
		})
	}
}
