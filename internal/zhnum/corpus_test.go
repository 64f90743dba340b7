package zhnum

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// flagByName maps the names used in testdata to flags.
func flagByName(t *testing.T, name string) Flags {
	t.Helper()
	for i, n := range flagNames {
		if n == name {
			return 1 << i
		}
	}
	t.Fatalf("unknown flag %q", name)
	return 0
}

// TestCorpusFigures parses real, correct figures from official prose,
// Wikipedia, the Constitution and the sample report (testdata/figures.tsv).
func TestCorpusFigures(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "figures.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) != 5 {
			t.Fatalf("bad row %q", line)
		}
		excerpt, fig, want := col[1], col[2], col[3]
		var flags Flags
		if col[4] != "" {
			for name := range strings.SplitSeq(col[4], ",") {
				flags |= flagByName(t, name)
			}
		}
		i := strings.Index(excerpt, fig)
		n, size := Parse(excerpt, i)
		if got := excerpt[i : i+size]; got != fig {
			t.Errorf("%s %q: read %q, want %q", col[0], excerpt, got, fig)
			continue
		}
		if n.Value.Rat().Cmp(rat(t, want)) != 0 {
			t.Errorf("%s %q: %s = %s, want %s", col[0], excerpt, fig, n.Value, want)
		}
		if !n.Has(flags) {
			t.Errorf("%s %q: flags %v, want %v", col[0], excerpt, n.Flags, flags)
		}
		if n.Has(Zhao) || (n.Has(MixedSmall) != strings.Contains(col[4], "MixedSmall")) {
			t.Errorf("%s %q: unexpected flags %v", col[0], excerpt, n.Flags)
		}
		rows++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows < 40 {
		t.Errorf("only %d figures", rows)
	}
}

// TestCorpusScan runs the scanner over every corpus file when the shared
// corpora are available (DRAFTLINT_CORPORA, or the checkout's sibling
// shared/corpora), checking the parse contract at every byte offset. It
// also asserts that no 兆 as a magnitude word is found in that clean text.
func TestCorpusScan(t *testing.T) {
	dir := os.Getenv("DRAFTLINT_CORPORA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	files = append(files, filepath.Join("testdata", "prose.txt"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		s := string(b)
		numbers := 0
		for i := 0; i < len(s); i++ {
			n, size := Parse(s, i)
			q, qsize := ParseQuantity(s, i)
			if size < 0 || i+size > len(s) || qsize < size || i+qsize > len(s) {
				t.Fatalf("%s@%d: sizes %d %d", file, i, size, qsize)
			}
			if (size > 0) != StartsNumber(s, i) && size > 0 {
				t.Fatalf("%s@%d: parsed without StartsNumber", file, i)
			}
			if size > 0 {
				numbers++
				if n.Has(Zhao) {
					t.Errorf("%s@%d: 兆 in %q", file, i, s[i:i+size])
				}
				if !q.Num.Value.Equal(n.Value) {
					t.Fatalf("%s@%d: quantity number differs", file, i)
				}
				i += size - 1
			}
		}
		t.Logf("%s: %d numbers", filepath.Base(file), numbers)
	}
}
