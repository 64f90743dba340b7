//go:build unix

package cli

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/draftlint/draftlint/internal/docx/docxtest"
	"github.com/draftlint/draftlint/internal/textenc"
)

// killFixture writes the files a --fix run is killed over: the sample
// report and a short text in every supported form, several copies of each,
// spread over folders, with mode 0640 (which a rewrite must keep).
func killFixture(t *testing.T) map[string][]byte {
	sample := readRepoFile(t, "testdata/sample-report.txt")
	short := []byte("会议审议了工作安排(草案),研究落实措施。\n\n\n\n第二段（完）\n")
	forms := map[string][]byte{
		"sample.txt":         sample,
		"sample.md":          sample,
		"sample-gb18030.txt": encodeAs(textenc.GB18030)(t, gbkSample(sample)),
		"sample-utf16.txt":   encodeAs(textenc.UTF16LEBOM)(t, sample),
		"sample-crlf.txt":    toCRLF(t, sample),
		"sample.docx":        docxtest.Build(docxtest.FromText(string(sample))),
		"short.txt":          short,
		"short-gbk.txt":      encodeAs(textenc.GB18030)(t, short),
	}
	files := map[string][]byte{}
	for i := 0; i < 5; i++ {
		for name, data := range forms {
			files[fmt.Sprintf("d%d/%s", i, name)] = data
		}
	}
	return files
}

func writeFixture(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o640); err != nil {
			t.Fatal(err)
		}
	}
}

// tempFiles lists what WriteFileAtomic's temporary files would be named.
func tempFiles(t *testing.T, dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(d.Name(), ".draftlint-") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// Killing --fix at any moment leaves every file either exactly as it was or
// exactly as a complete run writes it, with its mode. SIGINT and SIGTERM
// let the files being written finish and leave no temporary file; after
// SIGKILL, which nothing can catch, a temporary file may remain and the
// next --fix run removes it. The kill points are random (seeded) between
// the start and the end of a complete run.
func TestKillDuringFix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and kills it repeatedly; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go command not found")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "draftlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/draftlint")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	files := killFixture(t)
	work := filepath.Join(tmp, "work")
	args := []string{"check", "--fix", "--unsafe-fixes", "-j", "2", "-f", "json", "."}
	runFix := func() (*exec.Cmd, error) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		return cmd, cmd.Start()
	}

	// A complete run gives the new content of every file; its duration
	// only spreads the kill points, nothing is asserted on time.
	writeFixture(t, work, files)
	start := time.Now()
	cmd, err := runFix()
	if err != nil {
		t.Fatal(err)
	}
	var exit *exec.ExitError
	if err := cmd.Wait(); err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
		t.Fatalf("complete run: %v", err)
	}
	full := time.Since(start)
	want := map[string][]byte{}
	changed := 0
	for name, old := range files {
		b, err := os.ReadFile(filepath.Join(work, name))
		if err != nil {
			t.Fatal(err)
		}
		want[name] = b
		if !bytes.Equal(b, old) {
			changed++
		}
	}
	if changed != len(files) {
		t.Fatalf("the complete run changed %d of %d files", changed, len(files))
	}

	rng := rand.New(rand.NewPCG(7, 2026))
	signals := []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM, syscall.SIGINT}
	const iterations = 12
	var olds, news, leftovers int
	for it := 0; it < iterations; it++ {
		sig := signals[it%len(signals)]
		writeFixture(t, work, files)
		cmd, err := runFix()
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(full) + 1)))
		_ = cmd.Process.Signal(sig)
		_ = cmd.Wait()

		for name, old := range files {
			p := filepath.Join(work, name)
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatalf("iteration %d (%v): %s: %v", it, sig, name, err)
			}
			switch {
			case bytes.Equal(b, old):
				olds++
			case bytes.Equal(b, want[name]):
				news++
			default:
				t.Fatalf("iteration %d (%v): %s is neither old nor new (%d bytes)", it, sig, name, len(b))
			}
			if st, _ := os.Stat(p); st.Mode().Perm() != 0o640 {
				t.Errorf("iteration %d: %s has mode %v", it, name, st.Mode())
			}
		}
		temps := tempFiles(t, work)
		if sig != syscall.SIGKILL && len(temps) > 0 {
			t.Fatalf("iteration %d (%v): temporary files left: %v", it, sig, temps)
		}
		leftovers += len(temps)
		// The next run completes the work and clears what a kill left.
		cmd, err = runFix()
		if err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		for name := range files {
			if b, _ := os.ReadFile(filepath.Join(work, name)); !bytes.Equal(b, want[name]) {
				t.Fatalf("iteration %d: after a second run %s is not the complete run's result", it, name)
			}
		}
		if temps := tempFiles(t, work); len(temps) > 0 {
			t.Fatalf("iteration %d: temporary files after the next run: %v", it, temps)
		}
	}
	t.Logf("%d kills over %d files (a complete run took %v): %d files found old, %d new, %d temporary files left by SIGKILL and cleared",
		iterations, len(files), full.Round(time.Millisecond), olds, news, leftovers)
	if news == 0 || olds == 0 {
		t.Logf("all kills fell before the first write or after the last")
	}
}
