package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// validateFix checks a fix against the document: edits in range, ordered,
// not overlapping each other, not touching never-linted regions. Edits are
// sorted in place.
func validateFix(d *Document, f *Fix) error {
	if len(f.Edits) == 0 {
		return errors.New("fix has no edits")
	}
	sort.SliceStable(f.Edits, func(i, j int) bool {
		if f.Edits[i].Start != f.Edits[j].Start {
			return f.Edits[i].Start < f.Edits[j].Start
		}
		return f.Edits[i].End < f.Edits[j].End
	})
	prevEnd := -1
	for _, e := range f.Edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(d.Src) {
			return fmt.Errorf("edit [%d,%d) out of range (document has %d bytes)", e.Start, e.End, len(d.Src))
		}
		if e.Start < prevEnd || (e.Start == prevEnd && e.Start == e.End) {
			return fmt.Errorf("edits overlap at byte %d", e.Start)
		}
		prevEnd = e.End
		if e.End > e.Start {
			for _, r := range d.Regions {
				if r.Start < e.End && e.Start < r.End {
					return fmt.Errorf("edit [%d,%d) touches a code, comment or front matter region", e.Start, e.End)
				}
			}
		}
	}
	return nil
}

// conflicts reports whether two edits cannot both be applied. Identical
// edits coalesce; insertions at the same point with different text
// conflict because their order would be arbitrary.
func conflicts(a, b Edit) bool {
	if a == b {
		return false
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	if a.Start == a.End {
		return a.Start > b.Start && a.Start < b.End
	}
	if b.Start == b.End {
		return b.Start > a.Start && b.Start < a.End
	}
	return a.Start < b.End && b.Start < a.End
}

// MergeFixes picks fixes in order (by position of their first edit, then as
// given) and merges their edits like a git merge: identical edits coalesce,
// a fix that conflicts with an already chosen one is deferred to the next
// round. It returns the merged, sorted edits and the indexes of the fixes
// taken.
func MergeFixes(fixes []Fix) ([]Edit, []int) {
	order := make([]int, len(fixes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := fixes[order[i]].Edits, fixes[order[j]].Edits
		if len(a) == 0 || len(b) == 0 {
			return len(a) > len(b)
		}
		return a[0].Start < b[0].Start
	})
	var chosen []Edit
	var taken []int
	for _, i := range order {
		ok := true
		for _, e := range fixes[i].Edits {
			for _, c := range chosen {
				if conflicts(e, c) {
					ok = false
					break
				}
			}
			if !ok {
				break
			}
		}
		if !ok {
			continue
		}
		taken = append(taken, i)
		for _, e := range fixes[i].Edits {
			dup := false
			for _, c := range chosen {
				if c == e {
					dup = true
					break
				}
			}
			if !dup {
				chosen = append(chosen, e)
			}
		}
	}
	sort.SliceStable(chosen, func(i, j int) bool {
		if chosen[i].Start != chosen[j].Start {
			return chosen[i].Start < chosen[j].Start
		}
		return chosen[i].End < chosen[j].End
	})
	sort.Ints(taken)
	return chosen, taken
}

// ApplyEdits applies sorted, non-conflicting edits.
func ApplyEdits(src []byte, edits []Edit) []byte {
	n := len(src)
	for _, e := range edits {
		n += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, max(n, 0))
	pos := 0
	for _, e := range edits {
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.New...)
		pos = e.End
	}
	return append(out, src[pos:]...)
}

// MaxFixRounds caps the fix loop; reaching it means two rules keep
// rewriting each other's output.
const MaxFixRounds = 10

// FixLoop lints, applies the chosen fixes and repeats until nothing
// changes. lintDoc returns the policy-filtered diagnostics of a document;
// parse builds a document from new source. It returns the final document
// and its diagnostics and the number of fixes applied.
func FixLoop(doc *Document, unsafe bool, lintDoc func(*Document) []Diagnostic, parse func([]byte) *Document) (*Document, []Diagnostic, int, error) {
	diags := lintDoc(doc)
	applied := 0
	for round := 0; ; round++ {
		var fixes []Fix
		var rules []string
		for _, dg := range diags {
			if f := chooseFix(dg, unsafe); f != nil {
				fixes = append(fixes, *f)
				rules = append(rules, dg.Rule)
			}
		}
		if len(fixes) == 0 {
			return doc, diags, applied, nil
		}
		edits, taken := MergeFixes(fixes)
		next := ApplyEdits(doc.Src, edits)
		if bytes.Equal(next, doc.Src) {
			return doc, diags, applied, nil
		}
		if round >= MaxFixRounds {
			names := map[string]bool{}
			for _, i := range taken {
				names[rules[i]] = true
			}
			list := make([]string, 0, len(names))
			for n := range names {
				list = append(list, n)
			}
			sort.Strings(list)
			return doc, diags, applied, fmt.Errorf("fixes did not settle after %d rounds; rules still rewriting: %s", MaxFixRounds, strings.Join(list, ", "))
		}
		applied += len(taken)
		doc = parse(next)
		diags = lintDoc(doc)
	}
}

func chooseFix(dg Diagnostic, unsafe bool) *Fix {
	// Only the first fix is the one --fix applies; alternatives are for
	// editors.
	if len(dg.Fixes) > 0 && (dg.Fixes[0].Safe || unsafe) {
		return &dg.Fixes[0]
	}
	return nil
}

// ErrChanged means the file on disk changed between reading and writing.
var ErrChanged = errors.New("file changed on disk since it was read; not written")

// WriteFileAtomic replaces path with data: the current content must still
// equal orig (else ErrChanged), the data goes to a temporary file in the
// same directory with the original mode, is synced, then renamed over the
// original, so a crash leaves either the old or the new file.
func WriteFileAtomic(path string, orig, data []byte) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, orig) {
		return ErrChanged
	}
	// Resolve symlinks so the link stays a link and the target is replaced.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".draftlint-*")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	cleanup := func() { _ = os.Remove(tmpName) }
	if _, err := tmp.Write(data); err != nil {
		_ = tmp.Close()
		cleanup()
		return err
	}
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		_ = tmp.Close()
		cleanup()
		return err
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		cleanup()
		return err
	}
	if err := tmp.Close(); err != nil {
		cleanup()
		return err
	}
	if err := os.Rename(tmpName, path); err != nil {
		cleanup()
		return err
	}
	if dh, err := os.Open(dir); err == nil {
		_ = dh.Sync()
		_ = dh.Close()
	}
	return nil
}
