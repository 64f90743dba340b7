//go:build unix

package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// Bad input, each case one clear line on stderr and exit 2 at the end,
// while the good files are checked and fixed and nothing else is touched:
// binary files, files over --max-size, broken Word files, symbolic link
// loops, unreadable files. Empty files, folders named like files, pipes
// and links to folders in a walk are no errors.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := []byte("会议审议了工作安排(草案)。\n")
	files := map[string][]byte{
		"good.txt":            good,
		"sub/good.md":         good,
		"empty.txt":           {},
		"empty.md":            {},
		"empty.docx":          {},
		"image.txt":           []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
		"big.txt":             bytes.Repeat([]byte("正文。\n"), 300), // 3000 bytes
		"broken.docx":         []byte("PK\x03\x04 not really a zip file"),
		"folder.md/inner.txt": good,
	}
	for name, data := range files {
		writeBytes(t, filepath.Join(dir, name), data)
	}
	mustSymlink(t, "loop.md", filepath.Join(dir, "loop.md"))    // a link to itself
	mustSymlink(t, "..", filepath.Join(dir, "sub", "up"))       // a link to a folder: not followed
	mustSymlink(t, "good.txt", filepath.Join(dir, "alias.txt")) // a link to a file: checked
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	snapshot := func() map[string]string {
		out := map[string]string{}
		_ = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && fi.Mode().IsRegular() && fi.Mode().Perm() != 0 {
				b, _ := os.ReadFile(p)
				out[p] = fi.Mode().String() + string(b)
			}
			return nil
		})
		return out
	}
	before := snapshot()

	wantErrs := []string{
		"draftlint: big.txt: 3000 bytes, over --max-size 2 KiB; not checked",
		"draftlint: broken.docx: not a .docx file (not a zip archive): zip: not a valid zip file",
		"draftlint: image.txt: binary file, not checked",
		"draftlint: loop.md: too many levels of symbolic links",
	}
	sort.Strings(wantErrs)
	check := func(t *testing.T, r result) {
		t.Helper()
		if r.code != ExitError {
			t.Errorf("exit %d, want 2", r.code)
		}
		lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
		sort.Strings(lines)
		if strings.Join(lines, "\n") != strings.Join(wantErrs, "\n") {
			t.Errorf("stderr:\n%s\nwant (in any order):\n%s", r.stderr, strings.Join(wantErrs, "\n"))
		}
		for _, f := range []string{"good.txt:1:10", "sub/good.md:1:10", "folder.md/inner.txt:1:10", "alias.txt:1:10"} {
			if !strings.Contains(r.stdout, f) {
				t.Errorf("%s not reported:\n%s", f, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "empty") || strings.Contains(r.stdout, "pipe") {
			t.Errorf("empty file or pipe reported:\n%s", r.stdout)
		}
	}
	t.Run("check", func(t *testing.T) {
		check(t, run(t, dir, "", "check", "--select", "halfwidth-punct", "--max-size", "2k", "."))
	})
	t.Run("named", func(t *testing.T) {
		r := run(t, dir, "", "check", "--select", "halfwidth-punct", "--max-size", "2k",
			"good.txt", "sub", "folder.md", "alias.txt", "empty.txt", "empty.md", "empty.docx", "image.txt", "big.txt", "broken.docx", "loop.md")
		check(t, r)
	})
	if after := snapshot(); len(after) != len(before) {
		t.Fatalf("checking changed the folder")
	}
	t.Run("fix", func(t *testing.T) {
		r := run(t, dir, "", "check", "--fix", "--select", "halfwidth-punct", "--max-size", "2k", ".")
		fixed := "会议审议了工作安排（草案）。\n"
		after := snapshot()
		for p, was := range before {
			now := after[p]
			switch filepath.Base(p) {
			case "good.txt", "good.md", "inner.txt":
				if !strings.HasSuffix(now, fixed) {
					t.Errorf("%s not fixed: %q", p, now)
				}
			default:
				if now != was {
					t.Errorf("%s changed", p)
				}
			}
		}
		if r.code != ExitError {
			t.Errorf("exit %d", r.code)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		r := run(t, dir, strings.Repeat("正文。", 10), "check", "--max-size", "10", "-")
		if r.code != ExitError || r.stderr != "draftlint: reading stdin: over --max-size 10 bytes; not checked\n" {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
		r = run(t, dir, "", "check", "--max-size", "lots", "good.txt")
		if r.code != ExitError || !strings.Contains(r.stderr, "--max-size: invalid size \"lots\"") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
	})
}

// An unreadable file is one line on stderr; the others are checked. Root
// reads any file, so under root the command is built and run as the
// unprivileged user nobody.
func TestUnreadableFile(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "work")
	writeBytes(t, filepath.Join(dir, "good.txt"), []byte("会议审议了工作安排(草案)。\n"))
	secret := filepath.Join(dir, "secret.txt")
	writeBytes(t, secret, []byte("正文。\n"))
	if err := os.Chmod(secret, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(secret, 0o644)
	want := "draftlint: secret.txt: permission denied\n"
	if os.Geteuid() != 0 {
		r := run(t, dir, "", "check", "--select", "halfwidth-punct", ".")
		if r.code != ExitError || r.stderr != want || !strings.Contains(r.stdout, "good.txt:1:10") {
			t.Errorf("exit %d, stderr %q\n%s", r.code, r.stderr, r.stdout)
		}
		return
	}
	if testing.Short() {
		t.Skip("running as root: the case needs the command built and run as nobody; skipped with -short")
	}
	bin := filepath.Join(base, "draftlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/draftlint")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Skipf("running as root and cannot build the command to run as nobody: %v\n%s", err, out)
	}
	for _, d := range []string{filepath.Dir(base), base, dir} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, "check", "--no-config", "--select", "halfwidth-punct", ".")
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, &out, &errb
	cmd.Env = []string{"HOME=" + dir}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Skipf("running as root and cannot run the command as nobody: %v", err)
	}
	if exit.ExitCode() != ExitError || errb.String() != want || !strings.Contains(out.String(), "good.txt:1:10") {
		t.Errorf("as nobody: exit %d, stderr %q\n%s", exit.ExitCode(), errb.String(), out.String())
	}
}

func mustSymlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"0": 0, "1048576": 1 << 20, "64MiB": 64 << 20, "64M": 64 << 20, "500k": 500 << 10, "2 KB": 2 << 10, "1G": 1 << 30, "3gib": 3 << 30,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "M", "-1", "12T", "1.5M", "99999999999999999999"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) accepted", in)
		}
	}
}
