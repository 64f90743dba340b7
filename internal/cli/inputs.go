package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/draftlint/draftlint/internal/textenc"
	"github.com/draftlint/draftlint/lint"
)

// collect expands folders into the files to check, in a stable order.
// Walks skip hidden folders (.git among them), node_modules and vendor,
// Word lock files (~$…), anything that is neither a file nor a symbolic
// link, and what .gitignore and .draftlintignore files exclude (see
// ignore.go). Files named on the command line are always checked.
func collect(dir string, paths []string, cfg *lint.Config) ([]string, []*lint.FileError) {
	return collectFiles(dir, paths, cfg, false)
}

// collectFiles is collect; with forceExclude the configuration's exclude
// patterns also drop files named on the command line, as pre-commit and
// editors name every file they want checked.
func collectFiles(dir string, paths []string, cfg *lint.Config, forceExclude bool) ([]string, []*lint.FileError) {
	var files []string
	var errs []*lint.FileError
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, p := range paths {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, p)
		}
		st, err := os.Stat(abs)
		if err != nil {
			errs = append(errs, &lint.FileError{Path: p, Err: cleanErr(err)})
			continue
		}
		if !st.IsDir() {
			if !forceExclude || !cfg.Excluded(abs) {
				add(p)
			}
			continue
		}
		top := ignoreTop(dir, abs)
		ig := newIgnorer(top)
		rel := func(path string) string {
			r, err := filepath.Rel(top, path)
			if err != nil || r == "." {
				return ""
			}
			return filepath.ToSlash(r)
		}
		// Ignore files of the folders above the walk's root, up to the top.
		if r := rel(abs); r != "" {
			parts := strings.Split(r, "/")
			for i := range parts {
				ig.load(strings.Join(parts[:i], "/"))
			}
		}
		var found []string
		err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				rel := relTo(dir, path, p, abs)
				errs = append(errs, &lint.FileError{Path: rel, Err: cleanErr(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != abs {
					if strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor" || ig.ignored(rel(path), true) {
						return fs.SkipDir
					}
				}
				ig.load(rel(path))
				return nil
			}
			if !isLintable(name) || strings.HasPrefix(name, "~$") {
				return nil
			}
			if t := d.Type(); t&^fs.ModeSymlink != 0 {
				return nil // pipes, sockets, devices
			}
			if ig.ignored(rel(path), false) {
				return nil
			}
			rel := relTo(dir, path, p, abs)
			if cfg.Excluded(filepath.Join(dir, rel)) {
				return nil
			}
			found = append(found, rel)
			return nil
		})
		if err != nil {
			errs = append(errs, &lint.FileError{Path: p, Err: cleanErr(err)})
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, errs
}

// ignoreTop is the folder whose ignore files and those below it apply to a
// walk of root: the top of the git work tree holding root, else the
// working directory when root is inside it, else root itself.
func ignoreTop(wd, root string) string {
	for d := root; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			break
		}
		d = up
	}
	if r, err := filepath.Rel(wd, root); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return wd
	}
	return root
}

// relTo shows a walked path the way the user named its root.
func relTo(dir, path, given, abs string) string {
	r, err := filepath.Rel(abs, path)
	if err != nil {
		return path
	}
	if given == "." {
		return r
	}
	return filepath.Join(given, r)
}

func isLintable(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt", ".docx":
		return true
	}
	return false
}

// cleanErr turns *PathError into its bare cause: the path is printed
// separately.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such file or directory")
		}
		return pe.Err
	}
	return err
}

// loader reads files: size and binary checks, encoding detection, parsing.
type loader struct {
	dir       string
	forced    *textenc.Encoding
	maxSize   int64
	stdinName string
	stdinData []byte
}

func (l *loader) load(path string) (*lint.Input, error) {
	var raw []byte
	if l.stdinName != "" && path == l.stdinName {
		raw = l.stdinData
		if l.maxSize > 0 && int64(len(raw)) > l.maxSize {
			return nil, tooLarge(int64(len(raw)), l.maxSize)
		}
	} else {
		full := path
		if !filepath.IsAbs(full) {
			full = filepath.Join(l.dir, path)
		}
		var err error
		if raw, err = l.read(full); err != nil {
			return nil, err
		}
	}
	format := lint.FormatFor(path)
	if len(raw) == 0 {
		// An empty file, of any kind, is fine and has nothing to report.
		doc := lint.Parse(path, nil, format)
		if format == lint.FormatDocx {
			doc = lint.ParseParagraphs(path, nil)
		}
		return &lint.Input{Doc: doc, Raw: raw}, nil
	}
	if format == lint.FormatDocx {
		doc, err := loadDocx(path, raw)
		if err != nil {
			return nil, err
		}
		return &lint.Input{Doc: doc, Raw: raw}, nil
	}
	enc := textenc.Detect(raw)
	if l.forced != nil {
		// An explicit encoding skips the binary check: UTF-16 without a
		// BOM is full of NUL bytes.
		enc = l.forced.MatchBOM(raw)
	} else if textenc.LooksBinary(raw) {
		return nil, errors.New("binary file, not checked")
	}
	text, err := textenc.Decode(raw, enc)
	if err != nil {
		return nil, err
	}
	doc := lint.Parse(path, text, format)
	e := enc
	doc.Encoding = &lint.Encoding{Name: enc.String(), BOM: enc.HasBOM(), Encode: func(b []byte) ([]byte, error) {
		out, err := textenc.Encode(b, e)
		var ee *textenc.EncodeError
		if errors.As(err, &ee) && !ee.Invalid {
			pos := lint.Parse(path, b, lint.FormatText).Pos(ee.Offset)
			return nil, fmt.Errorf("%s cannot hold %q (%U), which a fix puts at line %d, column %d", ee.Encoding, ee.Rune, ee.Rune, pos.Line, pos.Column)
		}
		return out, err
	}}
	switch enc {
	case textenc.UTF16LE, textenc.UTF16LEBOM, textenc.UTF16BE, textenc.UTF16BEBOM:
		// A diff of UTF-16 bytes is unreadable and git apply does not take
		// it: diffs show the decoded text.
		doc.Encoding.TextDiff = true
	}
	return &lint.Input{Doc: doc, Raw: raw}, nil
}

// read reads a file within the size limit. Folders and oversized files
// are refused before anything is read; pipes are read up to the limit.
func (l *loader) read(full string) ([]byte, error) {
	f, err := os.Open(full)
	if err != nil {
		return nil, cleanErr(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, cleanErr(err)
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	if l.maxSize > 0 && st.Mode().IsRegular() && st.Size() > l.maxSize {
		return nil, tooLarge(st.Size(), l.maxSize)
	}
	var r io.Reader = f
	if l.maxSize > 0 {
		r = io.LimitReader(f, l.maxSize+1)
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, cleanErr(err)
	}
	if l.maxSize > 0 && int64(len(raw)) > l.maxSize {
		return nil, tooLarge(int64(len(raw)), l.maxSize)
	}
	return raw, nil
}

func tooLarge(size, limit int64) error {
	if size == limit+1 {
		// Read through a limit: the real size is unknown.
		return fmt.Errorf("over --max-size %s; not checked", formatSize(limit))
	}
	return fmt.Errorf("%s, over --max-size %s; not checked", formatSize(size), formatSize(limit))
}

// encodeFor writes fixed text back in the document's encoding.
func encodeFor(doc *lint.Document, fixed []byte) ([]byte, error) {
	if doc.Encoding != nil && doc.Encoding.Encode != nil {
		return doc.Encoding.Encode(fixed)
	}
	return bytes.Clone(fixed), nil
}

// parseSize reads --max-size: a number of bytes with an optional unit, k/K,
// KB, KiB, M…, G… (all binary: 1k = 1024 bytes). 0 means no limit.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, fmt.Errorf("invalid size %q (want e.g. 64MiB, 500k or 1048576)", s)
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	unit := strings.ToLower(strings.TrimSpace(t[i:]))
	unit = strings.TrimSuffix(strings.TrimSuffix(unit, "b"), "i")
	shift := 0
	switch unit {
	case "":
	case "k":
		shift = 10
	case "m":
		shift = 20
	case "g":
		shift = 30
	default:
		return 0, fmt.Errorf("invalid size %q (units: k, M, G)", s)
	}
	if n > (1<<62)>>shift {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return n << shift, nil
}

func formatSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GiB"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
