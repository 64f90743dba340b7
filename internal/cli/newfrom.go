package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/draftlint/draftlint/lint"
)

// --new-from-rev and --new-from-patch keep the findings on lines a change
// added or modified, so a CI job can gate what a pull request introduces
// without fixing the whole history first. Only added lines count, as in
// other linters' "new from" modes: a pure deletion touches no line of the
// new text.

// lineRange is an inclusive range of 1-based line numbers.
type lineRange struct{ from, to int }

// fileChange is what a change did to one file.
type fileChange struct {
	// whole: every line counts as changed (a new untracked file, or a
	// binary one whose lines a diff cannot tell).
	whole bool
	lines []lineRange // ascending
}

func (fc *fileChange) add(line int) {
	if n := len(fc.lines); n > 0 && fc.lines[n-1].to >= line-1 {
		fc.lines[n-1].to = max(fc.lines[n-1].to, line)
		return
	}
	fc.lines = append(fc.lines, lineRange{line, line})
}

// changes maps files, by resolved absolute path, to what changed in them.
type changes struct {
	dir      string // resolved working directory
	files    map[string]*fileChange
	resolved map[string]string // reported path → key, to resolve each path once
}

func newChanges(dir string) *changes {
	return &changes{dir: resolvePath(dir, "."), files: map[string]*fileChange{}, resolved: map[string]string{}}
}

// resolvePath makes p absolute against dir and resolves symbolic links, so
// a temporary folder reached through a link and the path git prints agree.
func resolvePath(dir, p string) string {
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	// A file that no longer exists: resolve its folder.
	if r, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(r, filepath.Base(p))
	}
	return filepath.Clean(p)
}

func (c *changes) file(base, p string) *fileChange {
	k := resolvePath(base, filepath.FromSlash(p))
	fc := c.files[k]
	if fc == nil {
		fc = &fileChange{}
		c.files[k] = fc
	}
	return fc
}

// touches reports whether diagnostic d of a file at path (as reported)
// lies on a changed line. A finding about the whole file (no line) counts
// when the file changed at all.
func (c *changes) touches(path string, d *lint.Diagnostic) bool {
	k, ok := c.resolved[path]
	if !ok {
		k = resolvePath(c.dir, path)
		c.resolved[path] = k
	}
	fc := c.files[k]
	if fc == nil {
		return false
	}
	if fc.whole {
		return true
	}
	from, to := d.Start.Line, d.End.Line
	if from <= 0 {
		return len(fc.lines) > 0
	}
	// A span that ends with a line break ends on its own line.
	if to > from && d.End.Column == 1 {
		to--
	}
	to = max(to, from)
	for _, r := range fc.lines {
		if r.from <= to && from <= r.to {
			return true
		}
	}
	return false
}

// git runs git in dir and returns its standard output; the error carries
// git's first line of complaint.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Plain, predictable output whatever the user's configuration.
	cmd.Env = append(os.Environ(), "GIT_PAGER=cat", "LC_ALL=C", "GIT_OPTIONAL_LOCKS=0")
	if err := cmd.Run(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return nil, errors.New("git is not installed (not found in PATH)")
		}
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		return stdout.Bytes(), errors.New(strings.TrimPrefix(msg, "fatal: "))
	}
	return stdout.Bytes(), nil
}

// gitTopLevel checks that dir is in a git work tree and that rev names a
// commit, before any file is linted; it returns the work tree's root.
func gitTopLevel(dir, rev string) (string, error) {
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return "", errors.New("--new-from-rev: the working directory is not in a git repository")
		}
		return "", fmt.Errorf("--new-from-rev: %w", err)
	}
	top := strings.TrimSpace(string(out))
	if top == "" {
		return "", errors.New("--new-from-rev: the working directory is not in a git work tree")
	}
	// A revision starting with "-" would be read as an option.
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("--new-from-rev: unknown revision %q", rev)
	}
	if _, err := git(top, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return "", fmt.Errorf("--new-from-rev: unknown revision %q", rev)
	}
	return top, nil
}

// gitChanges lists the lines changed in the work tree since rev: what
// `git diff rev` shows (staged and unstaged edits, renames followed), plus
// untracked files as wholly new and binary files as wholly changed.
func gitChanges(dir, top, rev string) (*changes, error) {
	c := newChanges(dir)
	common := []string{"-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-textconv", "-M"}
	patch, err := git(top, append(common, "--unified=0", "--src-prefix=a/", "--dst-prefix=b/", rev, "--")...)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git diff: %w", err)
	}
	if err := parseUnifiedDiff(c, top, patch, true); err != nil {
		return nil, fmt.Errorf("--new-from-rev: git diff: %w", err)
	}
	// Binary files: numstat shows "-" counts; -z keeps odd names intact.
	num, err := git(top, append(common, "--numstat", "-z", rev, "--")...)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git diff: %w", err)
	}
	recs := strings.Split(string(num), "\x00")
	for i := 0; i < len(recs); i++ {
		f := strings.SplitN(recs[i], "\t", 3)
		if len(f) < 3 {
			continue
		}
		name := f[2]
		if name == "" && i+2 < len(recs) { // a rename: old and new names follow
			name = recs[i+2]
			i += 2
		}
		if f[0] == "-" && f[1] == "-" && name != "" {
			c.file(top, name).whole = true
		}
	}
	untracked, err := git(top, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: git ls-files: %w", err)
	}
	for _, name := range strings.Split(string(untracked), "\x00") {
		if name != "" {
			c.file(top, name).whole = true
		}
	}
	return c, nil
}

// patchChanges reads a unified diff; its paths are relative to the working
// directory, after the a/ and b/ prefixes of git-style patches.
func patchChanges(dir, file string) (*changes, error) {
	full := file
	if !filepath.IsAbs(full) {
		full = filepath.Join(dir, file)
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return nil, fmt.Errorf("--new-from-patch %s: %w", file, cleanErr(err))
	}
	c := newChanges(dir)
	if err := parseUnifiedDiff(c, c.dir, data, false); err != nil {
		return nil, fmt.Errorf("--new-from-patch %s: %w", file, err)
	}
	return c, nil
}

var hunkRe = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@`)

// parseUnifiedDiff records in c the lines each file section of a unified
// diff adds. gitPrefixes says the a/ and b/ prefixes are certain (our own
// git diff); otherwise they are stripped only when both sides carry them.
func parseUnifiedDiff(c *changes, base string, data []byte, gitPrefixes bool) error {
	lines := strings.Split(string(data), "\n")
	var cur *fileChange
	sawFile := false
	gitPath := "" // from the last "diff --git" line, for binary sections
	for i := 0; i < len(lines); {
		l := strings.TrimSuffix(lines[i], "\r")
		switch {
		case strings.HasPrefix(l, "diff --git "):
			gitPath = diffGitPath(l[len("diff --git "):])
			cur = nil
			i++
		case strings.HasPrefix(l, "--- ") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "+++ "):
			oldPath := headerPath(l[4:])
			newPath := headerPath(strings.TrimSuffix(lines[i+1], "\r")[4:])
			sawFile = true
			cur = nil
			if newPath != "/dev/null" {
				if gitPrefixes || (strings.HasPrefix(oldPath, "a/") || oldPath == "/dev/null") && strings.HasPrefix(newPath, "b/") {
					newPath = strings.TrimPrefix(newPath, "b/")
				}
				cur = c.file(base, newPath)
			}
			i += 2
		case strings.HasPrefix(l, "Binary files ") || l == "GIT binary patch":
			sawFile = true
			if gitPath != "" {
				c.file(base, gitPath).whole = true
			}
			i++
		case strings.HasPrefix(l, "@@ "):
			m := hunkRe.FindStringSubmatch(l)
			if m == nil {
				return fmt.Errorf("line %d: malformed hunk header %q", i+1, l)
			}
			oldN, newN := hunkCount(m[2]), hunkCount(m[4])
			next, _ := strconv.Atoi(m[3])
			i++
			for (oldN > 0 || newN > 0) && i < len(lines) {
				b := lines[i]
				switch {
				case strings.HasPrefix(b, "+"):
					if cur != nil {
						cur.add(next)
					}
					next++
					newN--
				case strings.HasPrefix(b, "-"):
					oldN--
				case strings.HasPrefix(b, "\\"): // "\ No newline at end of file"
				case b == "" || b == "\r" || strings.HasPrefix(b, " "):
					next++
					oldN--
					newN--
				default:
					return fmt.Errorf("line %d: unexpected line in a hunk", i+1)
				}
				i++
			}
		default:
			i++
		}
	}
	if !sawFile && len(bytes.TrimSpace(data)) > 0 {
		return errors.New("not a unified diff (no ---/+++ file lines)")
	}
	return nil
}

func hunkCount(s string) int {
	if s == "" {
		return 1
	}
	n, _ := strconv.Atoi(s)
	return n
}

// headerPath takes the path of a ---/+++ line: C-quoted by git when it
// holds special characters, else up to a tab (diff -u adds a timestamp,
// git a tab after names with spaces).
func headerPath(s string) string {
	if p, _, ok := quotedPath(s); ok {
		return p
	}
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	return s
}

// quotedPath unquotes a C-quoted name at the start of s and returns the
// rest of s after it.
func quotedPath(s string) (path, rest string, ok bool) {
	if !strings.HasPrefix(s, `"`) {
		return "", s, false
	}
	end := 1
	for end < len(s) && s[end] != '"' {
		if s[end] == '\\' {
			end++
		}
		end++
	}
	if end >= len(s) {
		return "", s, false
	}
	u, err := strconv.Unquote(s[:end+1])
	if err != nil {
		return "", s, false
	}
	return u, s[end+1:], true
}

// diffGitPath reads the new name from the "a/P b/P" of a diff --git line
// (binary sections have no ---/+++ lines). Unquoted names are ambiguous
// when they contain spaces; they are trusted only when both sides agree.
func diffGitPath(s string) string {
	if _, rest, ok := quotedPath(s); ok {
		return strings.TrimPrefix(headerPath(strings.TrimPrefix(rest, " ")), "b/")
	}
	if n := len(s); n%2 == 1 {
		a, b := s[:n/2], s[n/2+1:]
		if strings.HasPrefix(a, "a/") && strings.HasPrefix(b, "b/") && a[2:] == b[2:] {
			return b[2:]
		}
	}
	if i := strings.Index(s, ` "b/`); i >= 0 {
		return strings.TrimPrefix(headerPath(s[i+1:]), "b/")
	}
	return ""
}
