package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
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

// ApplyFunc makes one round of fixes on a document whose file is not its
// text (a Word package). edits are the round's merged edits, sorted and
// non-conflicting. It returns the next document, whose Src must equal
// ApplyEdits(doc.Src, edits); or, if some edits cannot be made in the
// file's format, the reasons by edit index (and no document): the fixes
// owning those edits are then refused and the round is tried again
// without them.
type ApplyFunc func(doc *Document, edits []Edit) (next *Document, refused map[int]string, err error)

// FixLoop lints, applies the chosen fixes and repeats until nothing
// changes. lintDoc returns the policy-filtered diagnostics of a document;
// parse builds a document from new source. It returns the final document
// and its diagnostics and the number of fixes applied. A document with an
// Apply hook (and a paragraph document) is fixed through it instead of
// parse; fixes it refuses are left unapplied.
func FixLoop(doc *Document, unsafe bool, lintDoc func(*Document) []Diagnostic, parse func([]byte) *Document) (*Document, []Diagnostic, int, error) {
	final, diags, n, _, err := fixLoop(doc, unsafe, lintDoc, parse)
	return final, diags, n, err
}

func fixLoop(doc *Document, unsafe bool, lintDoc func(*Document) []Diagnostic, parse func([]byte) *Document) (*Document, []Diagnostic, int, []Refusal, error) {
	diags := lintDoc(doc)
	applied := 0
	// Refused fixes by finding (rule and fingerprint), so that later
	// rounds do not propose them again.
	type refusal struct{ message, reason string }
	refused := map[string]refusal{}
	key := func(dg *Diagnostic) string { return dg.Rule + "\x00" + dg.Fingerprint }
	refusals := func() []Refusal {
		var out []Refusal
		for i := range diags {
			if r, ok := refused[key(&diags[i])]; ok && chooseFix(diags[i], unsafe) != nil {
				out = append(out, Refusal{Rule: diags[i].Rule, Start: diags[i].Start, Message: r.message, Reason: r.reason})
			}
		}
		return out
	}
	for round := 0; ; round++ {
		var fixes []Fix
		var owner []int // diagnostic index of each fix
		for i, dg := range diags {
			if _, no := refused[key(&diags[i])]; no {
				continue
			}
			if f := chooseFix(dg, unsafe); f != nil {
				fixes = append(fixes, *f)
				owner = append(owner, i)
			}
		}
		var next *Document
		var taken []int
		for next == nil {
			if len(fixes) == 0 {
				return doc, diags, applied, refusals(), nil
			}
			var edits []Edit
			edits, taken = MergeFixes(fixes)
			text := ApplyEdits(doc.Src, edits)
			if bytes.Equal(text, doc.Src) {
				return doc, diags, applied, refusals(), nil
			}
			if round >= MaxFixRounds {
				names := map[string]bool{}
				for _, i := range taken {
					names[diags[owner[i]].Rule] = true
				}
				list := make([]string, 0, len(names))
				for n := range names {
					list = append(list, n)
				}
				sort.Strings(list)
				return doc, diags, applied, refusals(), fmt.Errorf("fixes did not settle after %d rounds; rules still rewriting: %s", MaxFixRounds, strings.Join(list, ", "))
			}
			apply := doc.Apply
			if apply == nil && doc.paras != nil {
				apply = applyParagraphs
			}
			if apply == nil {
				next = parse(text)
				break
			}
			nd, why, err := apply(doc, edits)
			if err != nil {
				return doc, diags, applied, refusals(), err
			}
			if len(why) == 0 {
				if nd == nil || !bytes.Equal(nd.Src, text) {
					return doc, diags, applied, refusals(), errors.New("internal error: the fixed document does not read back as the fixed text")
				}
				next = nd
				break
			}
			// Refuse every fix that owns a refused edit and try again.
			bad := map[int]bool{}
			for _, i := range taken {
				for _, e := range fixes[i].Edits {
					k := sort.Search(len(edits), func(k int) bool {
						return edits[k].Start > e.Start || edits[k].Start == e.Start && edits[k].End >= e.End
					})
					for ; k < len(edits) && edits[k].Start == e.Start && edits[k].End == e.End; k++ {
						if r, ok := why[k]; ok && edits[k] == e {
							dg := &diags[owner[i]]
							refused[key(dg)] = refusal{message: fixes[i].Message, reason: r}
							bad[i] = true
						}
					}
				}
			}
			if len(bad) == 0 {
				return doc, diags, applied, refusals(), errors.New("internal error: refused edits belong to no fix")
			}
			kf, ko := fixes[:0], owner[:0]
			for i := range fixes {
				if !bad[i] {
					kf = append(kf, fixes[i])
					ko = append(ko, owner[i])
				}
			}
			fixes, owner = kf, ko
		}
		applied += len(taken)
		doc = next
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
	// The process id in the name lets a later run tell a temporary file
	// left by a killed process from one being written right now.
	tmp, err := os.CreateTemp(dir, tempPrefix(filepath.Base(path))+strconv.Itoa(os.Getpid())+"-*")
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

// tempPrefix starts the name of WriteFileAtomic's temporary file for a
// file named base; the writer's process id and a random part follow.
func tempPrefix(base string) string { return "." + base + ".draftlint-" }

// RemoveStaleTemps removes from dir the temporary files that
// WriteFileAtomic left when its process was killed between creating and
// renaming them (a crash cannot run any clean-up). A file is removed only
// when the process named in it no longer runs; where that cannot be known,
// nothing is removed. It returns the names removed.
func RemoveStaleTemps(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") {
			continue
		}
		i := strings.LastIndex(name, ".draftlint-")
		if i < 1 {
			continue
		}
		pidStr, rnd, ok := strings.Cut(name[i+len(".draftlint-"):], "-")
		pid, err := strconv.Atoi(pidStr)
		if !ok || err != nil || pid <= 0 || rnd == "" || pid == os.Getpid() || processAlive(pid) {
			continue
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			removed = append(removed, name)
		}
	}
	return removed
}
