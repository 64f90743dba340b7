package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// gitEnv isolates git from the user's configuration (signing, hooks,
// default branch) and gives it an identity.
func gitEnv() []string {
	return append(os.Environ(),
		"GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=draftlint test", "GIT_AUTHOR_EMAIL=test@example.com",
		"GIT_COMMITTER_NAME=draftlint test", "GIT_COMMITTER_EMAIL=test@example.com",
	)
}

func gitRun(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
}

// The acceptance test: a scratch repository with two commits.
// Only findings on lines added since the revision are reported: in edited
// files, in files renamed with an edit, in staged and unstaged changes and
// in untracked files; a file renamed unchanged brings none.
func TestNewFromRev(t *testing.T) {
	needGit(t)
	dir := t.TempDir()
	gitRun(t, dir, "init", "-q")
	writeFile(t, filepath.Join(dir, "docs", "report.txt"), "第一段(旧问题)。\n\n第二段没有问题。\n")
	writeFile(t, filepath.Join(dir, "old name.txt"), "改名(旧问题)。\n")
	writeFile(t, filepath.Join(dir, "moved.txt"), "移动并修改(旧问题)。\n\n原有一段。\n")
	gitRun(t, dir, "add", ".")
	gitRun(t, dir, "commit", "-q", "-m", "first")

	// Second commit: a new paragraph with a defect, a pure rename, a
	// rename with an edit.
	writeFile(t, filepath.Join(dir, "docs", "report.txt"), "第一段(旧问题)。\n\n新加一段(新问题)。\n\n第二段没有问题。\n")
	gitRun(t, dir, "mv", "old name.txt", "新 名字.txt")
	gitRun(t, dir, "mv", "moved.txt", "docs/moved.txt")
	writeFile(t, filepath.Join(dir, "docs", "moved.txt"), "移动并修改(旧问题)。\n\n原有一段。\n\n修改(新问题)。\n")
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "-m", "second")

	// Working tree: an untracked file, and an unstaged edit.
	writeFile(t, filepath.Join(dir, "docs", "new.txt"), "全新(问题)。\n")
	writeFile(t, filepath.Join(dir, "docs", "report.txt"), "第一段(旧问题)。\n\n新加一段(新问题)。\n\n第二段没有问题。\n\n未提交(问题)。\n")

	check := func(wd string, args ...string) result {
		return run(t, wd, "", append([]string{"check", "--select", "halfwidth-punct"}, args...)...)
	}
	all := check(dir, ".")
	if len(findings(all.stdout)) != 7 {
		t.Fatalf("without a gate: %v", findings(all.stdout))
	}
	r := check(dir, "--new-from-rev", "HEAD~1", ".")
	if r.code != ExitFindings || !sameList(findings(r.stdout), "docs/moved.txt:5 halfwidth-punct", "docs/new.txt:1 halfwidth-punct",
		"docs/report.txt:3 halfwidth-punct", "docs/report.txt:7 halfwidth-punct") {
		t.Errorf("since HEAD~1: exit %d, %v\n%s", r.code, findings(r.stdout), r.stderr)
	}
	r = check(dir, "--new-from-rev", "HEAD", ".")
	if !sameList(findings(r.stdout), "docs/new.txt:1 halfwidth-punct", "docs/report.txt:7 halfwidth-punct") {
		t.Errorf("since HEAD: %v\n%s", findings(r.stdout), r.stderr)
	}
	// From a subfolder the paths still line up with git's, which are
	// relative to the top of the work tree.
	r = check(filepath.Join(dir, "docs"), "--new-from-rev", "HEAD~1", "report.txt")
	if !sameList(findings(r.stdout), "report.txt:3 halfwidth-punct", "report.txt:7 halfwidth-punct") {
		t.Errorf("from a subfolder: %v\n%s", findings(r.stdout), r.stderr)
	}
	// Nothing new: exit 0, whatever the format.
	gitRun(t, dir, "add", "-A")
	gitRun(t, dir, "commit", "-q", "-m", "third")
	r = check(dir, "--new-from-rev", "HEAD", "-f", "sarif", ".")
	if r.code != ExitOK || !strings.Contains(r.stdout, `"results": []`) {
		t.Errorf("no changes: exit %d\n%s", r.code, r.stdout)
	}

	// A patch of the same change, with context lines, gives the same set.
	patch := gitRun(t, dir, "diff", "HEAD~2", "HEAD")
	writeFile(t, filepath.Join(dir, "change.patch"), patch)
	r = check(dir, "--new-from-patch", "change.patch", ".")
	if !sameList(findings(r.stdout), "docs/moved.txt:5 halfwidth-punct", "docs/new.txt:1 halfwidth-punct",
		"docs/report.txt:3 halfwidth-punct", "docs/report.txt:7 halfwidth-punct") {
		t.Errorf("--new-from-patch: %v\n%s", findings(r.stdout), r.stderr)
	}
}

func TestNewFromErrors(t *testing.T) {
	needGit(t)
	repo := t.TempDir()
	gitRun(t, repo, "init", "-q")
	writeFile(t, filepath.Join(repo, "a.txt"), "甲方(乙方)。\n")
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-q", "-m", "one")
	plain := t.TempDir()
	writeFile(t, filepath.Join(plain, "a.txt"), "甲方(乙方)。\n")
	writeFile(t, filepath.Join(plain, "not.patch"), "just some text\n")
	cases := []struct {
		name, dir string
		args      []string
		stderr    string
	}{
		{"bad rev", repo, []string{"--new-from-rev", "no-such-branch"}, "draftlint: --new-from-rev: unknown revision \"no-such-branch\"\n"},
		{"option as rev", repo, []string{"--new-from-rev=--all"}, "draftlint: --new-from-rev: unknown revision \"--all\"\n"},
		{"rev before the first commit", repo, []string{"--new-from-rev", "HEAD~1"}, "draftlint: --new-from-rev: unknown revision \"HEAD~1\"\n"},
		{"not a git repository", plain, []string{"--new-from-rev", "HEAD"}, "draftlint: --new-from-rev: the working directory is not in a git repository\n"},
		{"both", repo, []string{"--new-from-rev", "HEAD", "--new-from-patch", "x.patch"}, "draftlint: --new-from-rev and --new-from-patch cannot be used together (see draftlint --help)\n"},
		{"missing patch", plain, []string{"--new-from-patch", "nope.patch"}, "draftlint: --new-from-patch nope.patch: no such file or directory\n"},
		{"not a patch", plain, []string{"--new-from-patch", "not.patch"}, "draftlint: --new-from-patch not.patch: not a unified diff (no ---/+++ file lines)\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.dir == plain {
				// Make sure no repository above the temporary folder counts.
				t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
			}
			r := run(t, c.dir, "", append([]string{"check"}, append(c.args, "a.txt")...)...)
			if r.code != ExitError || r.stderr != c.stderr || r.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", r.code, r.stdout, r.stderr, c.stderr)
			}
		})
	}
}

func TestParseUnifiedDiff(t *testing.T) {
	dir := t.TempDir()
	patch := strings.Join([]string{
		"diff --git a/ctx.md b/ctx.md",
		"index 1111111..2222222 100644",
		"--- a/ctx.md",
		"+++ b/ctx.md",
		"@@ -1,4 +1,5 @@",
		" one",
		"-two",
		"+TWO",
		"+two and a half",
		" three",
		"", // a context line whose space an editor stripped
		"@@ -10 +11 @@ heading",
		"--- a line that looks like a header",
		"+++ another",
		"\\ No newline at end of file",
		"diff --git \"a/\\344\\270\\255 \\346\\226\\207.txt\" \"b/\\344\\270\\255 \\346\\226\\207.txt\"",
		"--- \"a/\\344\\270\\255 \\346\\226\\207.txt\"",
		"+++ \"b/\\344\\270\\255 \\346\\226\\207.txt\"",
		"@@ -0,0 +1,2 @@",
		"+新",
		"+文",
		"diff --git a/gone.txt b/gone.txt",
		"deleted file mode 100644",
		"--- a/gone.txt",
		"+++ /dev/null",
		"@@ -1 +0,0 @@",
		"-bye",
		"diff --git a/pic.docx b/pic.docx",
		"Binary files a/pic.docx and b/pic.docx differ",
		"--- old/plain.txt\t2024-01-01 00:00:00",
		"+++ new/plain.txt\t2024-01-02 00:00:00",
		"@@ -3,0 +4,1 @@",
		"+added",
	}, "\n") + "\n"
	c := newChanges(dir)
	if err := parseUnifiedDiff(c, c.dir, []byte(patch), false); err != nil {
		t.Fatal(err)
	}
	got := map[string]fileChange{}
	for k, v := range c.files {
		rel, _ := filepath.Rel(c.dir, k)
		got[filepath.ToSlash(rel)] = *v
	}
	want := map[string]string{
		"ctx.md":        "2-3 11-11",
		"中 文.txt":       "1-2",
		"gone.txt":      "", // tracked as a section with no added lines
		"pic.docx":      "whole",
		"new/plain.txt": "4-4", // no a/ b/ prefixes: the names are kept
	}
	for name, w := range want {
		fc, ok := got[name]
		if !ok && name != "gone.txt" {
			t.Errorf("%s missing; got %v", name, got)
			continue
		}
		var desc []string
		if fc.whole {
			desc = append(desc, "whole")
		}
		for _, r := range fc.lines {
			desc = append(desc, fmt.Sprintf("%d-%d", r.from, r.to))
		}
		if s := strings.Join(desc, " "); s != w {
			t.Errorf("%s: %q, want %q", name, s, w)
		}
	}
	if len(got) > len(want) {
		t.Errorf("extra files: %v", got)
	}

	// Span ends: a finding that ends with its line break stays on its line;
	// a whole-file finding counts when the file changed.
	pos := func(l, col int) lint.Position { return lint.Position{Line: l, Column: col} }
	for _, tc := range []struct {
		start, end lint.Position
		want       bool
	}{
		{pos(2, 1), pos(2, 3), true},
		{pos(4, 1), pos(4, 3), false},
		{pos(1, 1), pos(2, 1), false}, // line 1 and its line break
		{pos(1, 1), pos(2, 2), true},
		{pos(0, 0), pos(0, 0), true},
	} {
		d := &lint.Diagnostic{Start: tc.start, End: tc.end}
		if got := c.touches("ctx.md", d); got != tc.want {
			t.Errorf("touches %v-%v = %v", tc.start, tc.end, got)
		}
	}
	if c.touches("other.md", &lint.Diagnostic{Start: pos(1, 1), End: pos(1, 2)}) {
		t.Error("a file outside the diff is touched")
	}

	for _, bad := range []string{
		"--- a/x\n+++ b/x\n@@ -1 +1 @@\n?odd\n",
		"--- a/x\n+++ b/x\n@@ nonsense @@\n",
	} {
		if err := parseUnifiedDiff(newChanges(dir), dir, []byte(bad), false); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}
