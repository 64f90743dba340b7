package cli

import (
	"bufio"
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Folder walks honour .gitignore and .draftlintignore files. The common
// subset of the gitignore syntax is supported: "#" comments, blank lines,
// globs (* ? [...]) that never cross "/", "**" for any number of folders,
// "!" negation, a trailing "/" for folders only, and a leading or middle
// "/" anchoring the pattern to the ignore file's folder (otherwise a
// pattern matches a name at any depth below it). Later lines win over
// earlier ones, a deeper file over a shallower one, and .draftlintignore
// over .gitignore in the same folder. As in git, a file inside an ignored
// folder cannot be re-included: ignored folders are not entered.

// ignoreFiles are read in this order in every folder.
var ignoreFiles = []string{".gitignore", ".draftlintignore"}

type ignoreRule struct {
	segs     []string // pattern split at "/"
	negate   bool
	dirOnly  bool
	anchored bool
}

// ignorer holds the rules of the ignore files met so far, by folder
// relative to its root ("" for the root itself, "/"-separated).
type ignorer struct {
	root  string
	rules map[string][]ignoreRule
}

func newIgnorer(root string) *ignorer {
	return &ignorer{root: root, rules: map[string][]ignoreRule{}}
}

// load reads the ignore files of folder rel (relative to the root). A
// missing or unreadable ignore file is no error: it ignores nothing.
func (ig *ignorer) load(rel string) {
	if _, done := ig.rules[rel]; done {
		return
	}
	var rules []ignoreRule
	for _, name := range ignoreFiles {
		b, err := os.ReadFile(filepath.Join(ig.root, filepath.FromSlash(rel), name))
		if err == nil {
			rules = append(rules, parseIgnore(b)...)
		}
	}
	ig.rules[rel] = rules
}

func parseIgnore(b []byte) []ignoreRule {
	var out []ignoreRule
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") {
			continue
		}
		line = trimTrailingSpaces(line)
		if line == "" {
			continue
		}
		var r ignoreRule
		switch {
		case strings.HasPrefix(line, "!"):
			r.negate = true
			line = line[1:]
		case strings.HasPrefix(line, `\!`), strings.HasPrefix(line, `\#`):
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			r.dirOnly = true
			line = strings.TrimRight(line, "/")
		}
		if line == "" {
			continue
		}
		if strings.Contains(line, "/") {
			r.anchored = true
			line = strings.TrimPrefix(line, "/")
		}
		r.segs = strings.Split(line, "/")
		out = append(out, r)
	}
	return out
}

// trimTrailingSpaces drops spaces at the end unless escaped with "\".
func trimTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	if strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-2] + " "
	}
	return s
}

// ignored reports whether rel (relative to the root, "/"-separated) is
// ignored. The ignore files of every folder above it must have been
// loaded.
func (ig *ignorer) ignored(rel string, isDir bool) bool {
	parts := strings.Split(rel, "/")
	ignored := false
	for depth := 0; depth < len(parts); depth++ {
		base := strings.Join(parts[:depth], "/")
		sub := parts[depth:]
		for _, r := range ig.rules[base] {
			if r.dirOnly && !isDir {
				continue
			}
			if r.matches(sub) {
				ignored = !r.negate
			}
		}
	}
	return ignored
}

func (r *ignoreRule) matches(sub []string) bool {
	if !r.anchored {
		return len(r.segs) == 1 && globMatch(r.segs[0], sub[len(sub)-1])
	}
	return matchSegs(r.segs, sub)
}

// matchSegs matches path segments against pattern segments where "**"
// stands for any number of segments (zero included).
func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				// A trailing "/**" matches everything inside, not the
				// folder itself.
				return len(name) > 0
			}
			for k := 0; k <= len(name); k++ {
				if matchSegs(rest, name[k:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 || !globMatch(pat[0], name[0]) {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}

func globMatch(pattern, name string) bool {
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}
