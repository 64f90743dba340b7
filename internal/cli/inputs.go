package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/draftlint/draftlint/internal/textenc"
	"github.com/draftlint/draftlint/lint"
)

// collect expands folders into the files to check, in a stable order.
func collect(dir string, paths []string, cfg *lint.Config) ([]string, []*lint.FileError) {
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
			add(p)
			continue
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
				if path != abs && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir
				}
				return nil
			}
			if !isLintable(name) {
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
	case ".md", ".markdown", ".txt":
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
	stdinName string
	stdinData []byte
}

func (l *loader) load(path string) (*lint.Input, error) {
	var raw []byte
	if l.stdinName != "" && path == l.stdinName {
		raw = l.stdinData
	} else {
		full := path
		if !filepath.IsAbs(full) {
			full = filepath.Join(l.dir, path)
		}
		st, err := os.Stat(full)
		if err != nil {
			return nil, cleanErr(err)
		}
		if st.IsDir() {
			return nil, errors.New("is a directory")
		}
		raw, err = os.ReadFile(full)
		if err != nil {
			return nil, cleanErr(err)
		}
	}
	enc := textenc.Detect(raw)
	if l.forced != nil {
		enc = *l.forced
	} else if textenc.LooksBinary(raw) {
		return nil, errors.New("binary file, not checked")
	}
	text, err := textenc.Decode(raw, enc)
	if err != nil {
		return nil, err
	}
	doc := lint.Parse(path, text, lint.FormatFor(path))
	e := enc
	doc.Encoding = &lint.Encoding{Name: enc.String(), BOM: enc.HasBOM(), Encode: func(b []byte) ([]byte, error) {
		return textenc.Encode(b, e)
	}}
	return &lint.Input{Doc: doc, Raw: raw}, nil
}

// encodeFor writes fixed text back in the document's encoding.
func encodeFor(doc *lint.Document, fixed []byte) ([]byte, error) {
	if doc.Encoding != nil && doc.Encoding.Encode != nil {
		return doc.Encoding.Encode(fixed)
	}
	return bytes.Clone(fixed), nil
}
