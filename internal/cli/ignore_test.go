package cli

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestIgnorePatterns(t *testing.T) {
	ig := newIgnorer(t.TempDir())
	ig.rules[""] = parseIgnore([]byte(strings.Join([]string{
		"# a comment",
		"",
		"*.bak.txt",
		"build/",
		"/top.txt",
		"docs/**/old.md",
		"**/secret/",
		"cache/**",
		`\#hash.md`,
		`\!bang.md`,
		"space.md   ",
		"notes.md",
		"a?c.md",
		"[xy].md",
		"!keep.bak.txt",
		"bad[.md",
	}, "\r\n")))
	ig.rules["sub"] = parseIgnore([]byte("*.txt\n!keep.txt\n/anchored.md\n"))
	ig.rules["sub2"] = parseIgnore([]byte("!notes.md\n"))
	cases := []struct {
		path  string
		dir   bool
		want  bool
		about string
	}{
		{"a.bak.txt", false, true, "glob at the root"},
		{"x/y/a.bak.txt", false, true, "a pattern without / matches at any depth"},
		{"keep.bak.txt", false, false, "negation, later line wins"},
		{"build", true, true, "folder-only pattern on a folder"},
		{"x/build", true, true, "folder-only pattern at any depth"},
		{"build.md", false, false, "folder-only pattern is no prefix"},
		{"top.txt", false, true, "anchored"},
		{"x/top.txt", false, false, "anchored patterns match only in their folder"},
		{"docs/old.md", false, true, "** matches no folder"},
		{"docs/a/b/old.md", false, true, "** matches several folders"},
		{"old.md", false, false, "anchored at docs/"},
		{"x/secret", true, true, "leading **/"},
		{"secret", true, true, "leading **/ at the top"},
		{"x/secret", false, false, "folder-only"},
		{"cache/a.md", false, true, "trailing /** matches inside"},
		{"cache", true, false, "trailing /** does not match the folder itself"},
		{"#hash.md", false, true, `\# is a literal #`},
		{"!bang.md", false, true, `\! is a literal !`},
		{"space.md", false, true, "trailing spaces are dropped"},
		{"abc.md", false, true, "?"},
		{"ac.md", false, false, "? is one character"},
		{"x.md", false, true, "character class"},
		{"bad[.md", false, false, "a malformed pattern matches nothing"},
		{"sub/a.txt", false, true, "nested file"},
		{"sub/deep/a.txt", false, true, "nested file, any depth below it"},
		{"sub/keep.txt", false, false, "nested negation"},
		{"a.txt", false, false, "nested rules stay in their folder"},
		{"sub/anchored.md", false, true, "anchored to the nested file's folder"},
		{"sub/x/anchored.md", false, false, "anchored to the nested file's folder"},
		{"notes.md", false, true, "root rule"},
		{"sub2/notes.md", false, false, "a deeper file overrides"},
	}
	for _, c := range cases {
		if got := ig.ignored(c.path, c.dir); got != c.want {
			t.Errorf("%s (dir %v): ignored %v, want %v (%s)", c.path, c.dir, got, c.want, c.about)
		}
	}
}

// checkedPaths runs check -f json and lists the files with findings.
func checkedPaths(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	fs, r := jsonFindings(t, dir, append([]string{"--select", "halfwidth-punct"}, args...)...)
	if r.code == ExitError {
		t.Fatalf("exit 2: %s", r.stderr)
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range fs {
		if !seen[f.Path] {
			seen[f.Path] = true
			out = append(out, f.Path)
		}
	}
	sort.Strings(out)
	return out
}

// Folder walks skip .git and what .gitignore and .draftlintignore files
// exclude, nested ones included; a file named on the command line is
// checked anyway; walking a subfolder applies the ignore files above it up
// to the top of the git work tree.
func TestWalkHonoursIgnoreFiles(t *testing.T) {
	dir := t.TempDir()
	bad := []byte("会议审议了工作安排(草案)。\n")
	for _, name := range []string{
		".git/notes.txt", "a.md", "a.bak.txt", "build/b.md", "docs/old.md", "docs/new.md", "docs/x/old.md",
		"sub/x.txt", "sub/keep.txt", "sub/deep/y.txt", "sub/z.md", "generated/g.md", "notes.md", "sub2/notes.md", "#hash.md",
		".hidden/h.md", "~$draft.docx",
	} {
		writeBytes(t, filepath.Join(dir, name), bad)
	}
	writeBytes(t, filepath.Join(dir, ".gitignore"), []byte("*.bak.txt\nbuild/\ndocs/**/old.md\nnotes.md\n"))
	writeBytes(t, filepath.Join(dir, "sub/.gitignore"), []byte("*.txt\n!keep.txt\n"))
	writeBytes(t, filepath.Join(dir, "sub2/.draftlintignore"), []byte("!notes.md\n"))
	writeBytes(t, filepath.Join(dir, ".draftlintignore"), []byte("# generated files\ngenerated/\n\\#hash.md\n"))

	got := checkedPaths(t, dir, ".")
	want := []string{"a.md", "docs/new.md", "sub/keep.txt", "sub/z.md", "sub2/notes.md"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("walk checked %v, want %v", got, want)
	}
	// From a subfolder: the top .gitignore still applies (.git marks the
	// top of the work tree).
	got = checkedPaths(t, filepath.Join(dir, "docs"), ".")
	if strings.Join(got, " ") != "new.md" {
		t.Errorf("walk of docs/ checked %v", got)
	}
	got = checkedPaths(t, dir, "docs")
	if strings.Join(got, " ") != "docs/new.md" {
		t.Errorf("walk of docs checked %v", got)
	}
	// Named files are checked whatever the ignore files say.
	got = checkedPaths(t, dir, "a.bak.txt", "docs/old.md", "sub/x.txt")
	if strings.Join(got, " ") != "a.bak.txt docs/old.md sub/x.txt" {
		t.Errorf("named files: checked %v", got)
	}
}
