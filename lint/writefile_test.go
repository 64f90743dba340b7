//go:build unix

package lint

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Temporary files of a process that no longer runs are removed; those of
// running processes, and other files, stay.
func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command("sh", "-c", "exit 0")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot start a process:", err)
	}
	dead := strconv.Itoa(cmd.Process.Pid)
	if processAlive(cmd.Process.Pid) {
		t.Skip("the finished process's id is in use again")
	}
	alive := strconv.Itoa(os.Getppid())
	self := strconv.Itoa(os.Getpid())
	names := map[string]bool{ // name: removed
		tempPrefix("a.txt") + dead + "-123":       true,
		tempPrefix("b c.md") + dead + "-9":        true,
		tempPrefix("a.txt") + alive + "-123":      false,
		tempPrefix("a.txt") + self + "-5":         false,
		tempPrefix("a.txt") + "x-1":               false,
		tempPrefix("a.txt") + dead:                false,
		"a.txt":                                   false,
		"a.txt.draftlint-" + dead + "-1":          false, // not hidden: not ours
		"." + dead + "-1":                         false,
		tempPrefix("d.docx") + dead + "-77777777": true,
	}
	for n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := RemoveStaleTemps(dir)
	sort.Strings(got)
	var want []string
	for n, rm := range names {
		if rm {
			want = append(want, n)
		}
		if _, err := os.Stat(filepath.Join(dir, n)); (err == nil) == rm {
			t.Errorf("%s: removed %v, want %v", n, err != nil, rm)
		}
	}
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("RemoveStaleTemps = %v, want %v", got, want)
	}
	// WriteFileAtomic names its temporary file so that this can work.
	p := filepath.Join(dir, "f.txt")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix("f.txt")) {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
