package cli

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/docx"
	"github.com/draftlint/draftlint/internal/docx/docxtest"
)

// snapshotRepo copies this repository's working tree (the tracked files,
// as they are on disk) into a new git repository with one commit, so
// pre-commit, which clones hook repositories at a revision, builds the code
// under test rather than the last commit. Untracked files are left out as
// a clone would leave them: pre-commit builds every package (go install
// ./...), and an unfinished untracked one must not break this test. It
// returns the folder and the commit.
func snapshotRepo(t *testing.T, root string) (string, string) {
	t.Helper()
	list := gitRun(t, root, "ls-files", "-z", "--cached")
	dst := t.TempDir()
	for _, name := range strings.Split(list, "\x00") {
		if name == "" {
			continue
		}
		src := filepath.Join(root, filepath.FromSlash(name))
		st, err := os.Lstat(src)
		if err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		target := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		in, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, st.Mode().Perm())
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	gitRun(t, dst, "init", "-q")
	gitRun(t, dst, "add", "-A")
	gitRun(t, dst, "commit", "-q", "-m", "snapshot of the working tree")
	return dst, strings.TrimSpace(gitRun(t, dst, "rev-parse", "HEAD"))
}

// The acceptance test for the hooks, with the real pre-commit
// tool: in a scratch repository whose .pre-commit-config.yaml points at
// this repository, a commit with a defect is refused, the fix hook fixes
// the file, and the next commit passes.
func TestPreCommitRoundTrip(t *testing.T) {
	preCommit, err := exec.LookPath("pre-commit")
	if err != nil {
		t.Skip("pre-commit is not installed (.ci/run installs Debian's pre-commit package)")
	}
	needGit(t)
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not in PATH: pre-commit's golang hooks build with it")
	}
	root, err := filepath.Abs(repo)
	if err != nil {
		t.Fatal(err)
	}
	hooks, rev := snapshotRepo(t, root)

	// pre-commit builds the hook with GOPATH set to its own folder; the
	// module cache of this machine keeps that build offline, and -trimpath
	// lets the build cache serve it although the clone's path is new.
	goEnv, err := exec.Command(goCmd, "env", "GOMODCACHE", "GOFLAGS").Output()
	if err != nil {
		t.Fatal(err)
	}
	vals := strings.SplitN(strings.TrimRight(string(goEnv), "\n"), "\n", 2)
	if len(vals) < 2 {
		vals = append(vals, "")
	}
	env := append(gitEnv(),
		"PRE_COMMIT_HOME="+t.TempDir(),
		"GOMODCACHE="+vals[0],
		"GOFLAGS="+strings.TrimSpace(vals[1]+" -trimpath"),
		"GOTOOLCHAIN=local",
		"NO_COLOR=1",
	)
	work := t.TempDir()
	gitRun(t, work, "init", "-q")
	writeFile(t, filepath.Join(work, ".pre-commit-config.yaml"), "repos:\n"+
		"  - repo: "+filepath.ToSlash(hooks)+"\n"+
		"    rev: "+rev+"\n"+
		"    hooks:\n"+
		"      - id: draftlint\n"+
		"      - id: draftlint-fix\n")
	const draft = "# 会议纪要\n\n会议审议了工作安排(草案),研究落实。\n"
	const fixed = "# 会议纪要\n\n会议审议了工作安排（草案），研究落实。\n"
	writeFile(t, filepath.Join(work, "minutes.md"), draft)
	writeFile(t, filepath.Join(work, "notes.txt"), "没有问题的一段。\n")
	// A Word document with the same defect, and a binary file the hooks'
	// files pattern must keep away from draftlint (it would be an error).
	docxPath := filepath.Join(work, "report.docx")
	if err := os.WriteFile(docxPath, docxtest.Build([]docxtest.Paragraph{{Text: "全年完成投资(含追加)一千亿元。"}}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "photo.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"), 0o644); err != nil {
		t.Fatal(err)
	}

	sh := func(name string, args ...string) (string, error) {
		cmd := exec.Command(name, args...)
		cmd.Dir = work
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := sh(preCommit, "install"); err != nil {
		t.Fatalf("pre-commit install: %v\n%s", err, out)
	}
	gitRun(t, work, "add", ".")
	// The first commit is refused: the check hook reports the defect and
	// the fix hook rewrites the file.
	out, err := sh("git", "commit", "-m", "draft with a defect")
	t.Logf("first commit:\n%s", out)
	if err == nil {
		t.Fatalf("the commit with a defect was accepted:\n%s", out)
	}
	for _, want := range []string{"draftlint", "Failed", "minutes.md:3:10: warning: half-width parentheses", "report.docx:", "(halfwidth-punct)", "files were modified by this hook"} {
		if !strings.Contains(out, want) {
			t.Errorf("pre-commit output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "notes.txt:") || strings.Contains(out, "photo.png") {
		t.Errorf("a clean or binary file was reported:\n%s", out)
	}
	got, err := os.ReadFile(filepath.Join(work, "minutes.md"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != fixed {
		t.Fatalf("the fix hook left %q, want %q\n%s", got, fixed, out)
	}
	data, err := os.ReadFile(docxPath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := docx.Read(data)
	if err != nil || len(doc.Paragraphs) != 1 || doc.Paragraphs[0].Text != "全年完成投资（含追加）一千亿元。" {
		t.Fatalf("the fix hook did not fix the .docx: %v %+v", err, doc)
	}
	if _, err := sh("git", "rev-parse", "--verify", "-q", "HEAD"); err == nil {
		t.Fatal("a commit was made although the hooks failed")
	}

	// With the fixed file staged, both hooks pass and the commit is made.
	gitRun(t, work, "add", "minutes.md", "report.docx")
	out, err = sh("git", "commit", "-m", "fixed draft")
	if err != nil {
		t.Fatalf("the fixed commit was refused: %v\n%s", err, out)
	}
	t.Logf("second commit:\n%s", out)
	if strings.Count(out, "Passed") < 2 {
		t.Errorf("expected both hooks to pass:\n%s", out)
	}
	if log := gitRun(t, work, "log", "--format=%s"); log != "fixed draft\n" {
		t.Errorf("history: %q", log)
	}
}
