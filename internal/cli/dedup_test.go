package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/internal/corpusgen"
	"github.com/draftlint/draftlint/internal/docx"
	"github.com/draftlint/draftlint/internal/docx/docxtest"
	"github.com/draftlint/draftlint/internal/synth"
)

func labelledCorpus(t *testing.T) (*corpusgen.Corpus, string) {
	t.Helper()
	c, err := corpusgen.Build(repo, corpusgen.Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := c.Write(dir); err != nil {
		t.Fatal(err)
	}
	return c, dir
}

func parseDedupJSON(t *testing.T, out string) dedupJSON {
	t.Helper()
	var d dedupJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("bad JSON: %v\n%.500s", err, out)
	}
	return d
}

// clustersOf maps a JSON report on a written labelled corpus back to
// unit numbers.
func clustersOf(t *testing.T, c *corpusgen.Corpus, out string) [][]int {
	t.Helper()
	cl, err := c.ClustersFromJSON([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

// The acceptance test of corpus deduplication: on the labelled set,
// Chinese near copies with up to 10 % of their characters edited are
// found with recall ≥ 0.95, exact copies (and width/punctuation variants)
// all, and no pair of unrelated paragraphs is reported.
func TestDedupLabelledCorpus(t *testing.T) {
	c, dir := labelledCorpus(t)
	r := run(t, dir, "", "dedup", "-f", "json", ".")
	if r.code != ExitFindings || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	s := c.Score(clustersOf(t, c, r.stdout))
	t.Logf("%d units in %d files\n%s", len(c.Units), len(c.Files), s.Table())
	for _, p := range s.FalsePairs {
		t.Errorf("unrelated pair reported:\n  %s\n  %s", c.Units[p[0]].Text, c.Units[p[1]].Text)
	}
	if s.Precision() < 0.98 {
		t.Errorf("pair precision %.4f", s.Precision())
	}
	for _, row := range s.Rows {
		want := 0.95
		switch {
		case row.Mutation == "exact" || row.Mutation == "width":
			want = 1
		case row.Lang == "en" && !strings.HasPrefix(row.Mutation, "words") &&
			(strings.HasSuffix(row.Mutation, "-5%") || strings.HasSuffix(row.Mutation, "-10%")):
			// Latin text is shingled in 5-grams, which 5–10 % of the
			// letters changed at random break too often (recall 0.8–0.93
			// here); real English edits change words, and a tenth of the
			// words replaced is asserted.
			continue
		case row.Lang == "en":
			want = 0.9 // 15 pairs a row: one miss is 0.933
		}
		if row.Recall() < want {
			t.Errorf("%s %s: recall %.4f < %.2f", row.Lang, row.Mutation, row.Recall(), want)
		}
	}
}

// Output is byte-identical across runs and worker counts, in every format.
func TestDedupDeterministic(t *testing.T) {
	_, dir := labelledCorpus(t)
	for _, format := range []string{"text", "json", "sarif"} {
		var ref string
		for _, j := range []string{"1", "2", "4", "1"} {
			r := run(t, dir, "", "dedup", "-f", format, "-j", j, ".")
			if r.code != ExitFindings {
				t.Fatalf("%s -j %s: exit %d: %s", format, j, r.code, r.stderr)
			}
			if ref == "" {
				ref = r.stdout
			} else if r.stdout != ref {
				t.Fatalf("%s: -j %s output differs", format, j)
			}
		}
		if format == "sarif" && !strings.Contains(ref, `"ruleId": "dedup"`) {
			t.Errorf("sarif output lacks the rule:\n%.400s", ref)
		}
		if format == "json" {
			sameAsEncoder(t, ref)
		}
	}
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "a.txt"), []byte("只有一段话，没有任何重复，也没有其他的文件可以比较。\n"), 0o644)
	r := run(t, empty, "", "dedup", "-f", "json", ".")
	if r.code != ExitOK || r.stdout != "{\n  \"version\": 1,\n  \"clusters\": []\n}\n" {
		t.Errorf("empty report: %d %q", r.code, r.stdout)
	}
}

// sameAsEncoder checks that the streamed JSON report is what encoding/json
// writes for the whole value (two-space indent, HTML not escaped).
func sameAsEncoder(t *testing.T, out string) {
	t.Helper()
	d := parseDedupJSON(t, out)
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	if b.String() != out {
		t.Error("streamed JSON differs from encoding/json's")
	}
}

func TestDedupTextOutput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	para := "湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。"
	write("a.md", "# 报告\n\n近年来，中共"+para+"\n\n一个与其他文件毫不相干的段落，讲的是完全不同的事情。\n")
	write("b.txt", para+"\n\n另外一段完全不同的话，用来检验误报，内容与其他文件毫不相干。\n")
	write("c.txt", "近年来，中共"+strings.ReplaceAll(para, "，", ",")+"\n")
	r := run(t, dir, "", "dedup", ".")
	want := `cluster 1: 3 paragraphs, near copies; keep a.md:3:1 “近年来，中共湖北省委、省政府将数字经济放在全局突…”
  b.txt:1:1  similarity 0.90
      [-近年来，中共-]湖北省委、省政府将数…
  c.txt:1:1  similarity 1.00, same words (width, case, punctuation or spacing differ)
      …经济放在全局突出位置[-，-]{+,+}锚定建设全国实体经济…

1 cluster, 2 copies to remove (100 characters) in 2 files
`
	if r.code != ExitFindings || r.stdout != want {
		t.Errorf("exit %d, got:\n%s\nwant:\n%s", r.code, r.stdout, want)
	}
	// Longest and path order pick other keepers.
	r = run(t, dir, "", "dedup", "--keep", "longest", "-f", "json", "c.txt", "b.txt", "a.md")
	if d := parseDedupJSON(t, r.stdout); len(d.Clusters) != 1 || d.Clusters[0].Keeper.Path != "c.txt" {
		t.Errorf("--keep longest (a.md and c.txt have equal keys; the first given wins): %+v", d.Clusters)
	}
	r = run(t, dir, "", "dedup", "--keep", "path-order", "-f", "json", "c.txt", "b.txt", "a.md")
	if d := parseDedupJSON(t, r.stdout); len(d.Clusters) != 1 || d.Clusters[0].Keeper.Path != "a.md" {
		t.Errorf("--keep path-order: %+v", d.Clusters)
	}
	r = run(t, dir, "", "dedup", "--keep", "first", "-f", "json", "b.txt", "c.txt", "a.md")
	if d := parseDedupJSON(t, r.stdout); len(d.Clusters) != 1 || d.Clusters[0].Keeper.Path != "c.txt" {
		t.Errorf("--keep first: the longer copy containing the first is kept: %+v", d.Clusters)
	}
	// Nothing to report.
	r = run(t, dir, "", "dedup", "b.txt")
	if r.code != ExitOK || r.stdout != "no duplicate paragraphs among 2 paragraphs\n" {
		t.Errorf("exit %d: %q", r.code, r.stdout)
	}
	// A threshold of 1 still groups the copies with the same key.
	r = run(t, dir, "", "dedup", "--threshold", "1", "-f", "json", ".")
	if d := parseDedupJSON(t, r.stdout); len(d.Clusters) != 1 || len(d.Clusters[0].Members) != 1 || d.Clusters[0].Members[0].Path != "c.txt" {
		t.Errorf("--threshold 1: %+v", d.Clusters)
	}
}

func TestDedupUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"dedup"},
		{"dedup", "--fix", "."},
		{"dedup", "--diff", "."},
		{"dedup", "--unit", "sentence", "."},
		{"dedup", "--keep", "last", "."},
		{"dedup", "--threshold", "0", "."},
		{"dedup", "-f", "github", "."},
		{"dedup", "--emit-signatures", "x", "--from-clusters", "y", "."},
		{"dedup", "-"},
	} {
		r := run(t, dir, "", args...)
		if r.code != ExitError || !strings.HasPrefix(r.stderr, "draftlint: ") || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	r := run(t, dir, "", "dedup", "--help")
	if r.code != ExitOK || !strings.Contains(r.stdout, "--from-clusters") {
		t.Errorf("help: %d %q", r.code, r.stdout)
	}
	r = run(t, dir, "", "dedup", "missing.txt")
	if r.code != ExitError || !strings.Contains(r.stderr, "missing.txt: no such file") {
		t.Errorf("missing file: %d %q", r.code, r.stderr)
	}
}

func gitOrSkip(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
}

func gitApplyIn(t *testing.T, dir, patch string) {
	t.Helper()
	cmd := exec.Command("git", "apply", "--unsafe-paths", "-")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(patch)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	for name, text := range readTree(t, src) {
		if err := os.WriteFile(filepath.Join(dst, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// --diff is what --fix does, as a patch git applies; after --fix every
// cluster is down to its keeper, and the keepers are untouched.
func TestDedupFix(t *testing.T) {
	gitOrSkip(t)
	c, dir := labelledCorpus(t)
	before := run(t, dir, "", "dedup", "-f", "json", ".")
	d := parseDedupJSON(t, before.stdout)
	members := 0
	for _, cl := range d.Clusters {
		members += len(cl.Members)
	}

	patched := copyTree(t, dir)
	r := run(t, dir, "", "dedup", "--diff", "--unsafe-fixes", ".")
	if r.code != ExitFindings || r.stderr != "" || !strings.HasPrefix(r.stdout, "--- a/") {
		t.Fatalf("--diff: exit %d, stderr %q", r.code, r.stderr)
	}
	gitApplyIn(t, patched, r.stdout)

	r = run(t, dir, "", "dedup", "--fix", "--unsafe-fixes", ".")
	if r.code != ExitOK {
		t.Fatalf("--fix: exit %d, stderr %q", r.code, r.stderr)
	}
	after := readTree(t, dir)
	if want := readTree(t, patched); fmt.Sprint(after) != fmt.Sprint(want) {
		t.Fatal("--fix differs from the --diff patch applied")
	}
	// Every keeper is still there, every member gone.
	units := 0
	for _, text := range after {
		for _, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
			if p != "" {
				units++
			}
		}
	}
	if units != len(c.Units)-members {
		t.Errorf("%d paragraphs left, want %d - %d", units, len(c.Units), members)
	}
	for i, us := range clustersOf(t, c, before.stdout) {
		k := c.Units[us[0]]
		if !strings.Contains(after[corpusgen.FileName(k.File)], strings.ReplaceAll(k.Text, "\n", " ")) {
			t.Errorf("cluster %d: the keeper is gone: %s", i+1, k.Text)
		}
	}
	r = run(t, dir, "", "dedup", ".")
	if r.code != ExitOK || !strings.HasPrefix(r.stdout, "no duplicate paragraphs") {
		t.Errorf("after --fix: exit %d\n%.600s", r.code, r.stdout)
	}
	// Nothing changed on disk when the text changed since it was read is
	// covered by lint.WriteFileAtomic; a second --fix has nothing to do.
	r = run(t, dir, "", "dedup", "--fix", "--unsafe-fixes", ".")
	if r.code != ExitOK || r.stderr != "draftlint: 0 deletions removed from 0 files\n" {
		t.Errorf("second --fix: exit %d, %q", r.code, r.stderr)
	}
}

func TestDedupFixDocx(t *testing.T) {
	dir := t.TempDir()
	para := "湖北省委、省政府将数字经济放在全局突出位置，锚定建设全国实体经济和数字经济融合发展示范区目标。"
	a := docxtest.Build([]docxtest.Paragraph{{Runs: []docxtest.Run{{Text: "第一份报告的开头段落，介绍背景情况和主要内容。"}}}, {Runs: []docxtest.Run{{Text: para}}}})
	b := docxtest.Build([]docxtest.Paragraph{{Runs: []docxtest.Run{{Text: "近年来，" + para}}}, {Runs: []docxtest.Run{{Text: "第二份报告自己的段落，与第一份没有重复之处。"}}}})
	for name, data := range map[string][]byte{"a.docx": a, "b.docx": b} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := run(t, dir, "", "dedup", ".")
	if r.code != ExitFindings || !strings.Contains(r.stdout, "keep b.docx:¶1:1") || !strings.Contains(r.stdout, "a.docx:¶2:1") {
		t.Fatalf("exit %d:\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, "", "dedup", "--fix", "--unsafe-fixes", ".")
	if r.code != ExitOK {
		t.Fatalf("--fix: exit %d: %s", r.code, r.stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "a.docx"))
	pkg, err := docx.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	// The copy was the body's last paragraph, which Word needs: it is
	// emptied.
	if len(pkg.Paragraphs) != 2 || !strings.HasPrefix(pkg.Paragraphs[0].Text, "第一份报告") || pkg.Paragraphs[1].Text != "" {
		t.Errorf("a.docx after --fix: %+v", pkg.Paragraphs)
	}
}

func TestDedupDocuments(t *testing.T) {
	gitOrSkip(t)
	c, err := corpusgen.Build(repo, corpusgen.Config{Seed: 2, Files: 3, PerMutation: 2, Filler: 10})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	orig := c.FileText(0)
	g := synth.New(3, c.Bases)
	files := map[string]string{
		"a.txt": orig,
		"b.txt": g.Apply(orig, synth.Mutation{Op: synth.Subst, Rate: 0.05}),
		"c.txt": c.FileText(1),
	}
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := run(t, dir, "", "dedup", "--unit", "document", "-f", "json", ".")
	d := parseDedupJSON(t, r.stdout)
	if r.code != ExitFindings || len(d.Clusters) != 1 || d.Clusters[0].Keeper.Path != "a.txt" ||
		len(d.Clusters[0].Members) != 1 || d.Clusters[0].Members[0].Path != "b.txt" || d.Clusters[0].Members[0].Similarity < 0.9 {
		t.Fatalf("exit %d: %+v", r.code, d)
	}
	r = run(t, dir, "", "dedup", "--unit", "document", "--diff", "--unsafe-fixes", ".")
	if r.code != ExitFindings || !strings.HasPrefix(r.stdout, "diff --git a/b.txt b/b.txt\ndeleted file mode 100644\n") {
		t.Fatalf("--diff: %d\n%.300s", r.code, r.stdout)
	}
	patched := copyTree(t, dir)
	gitApplyIn(t, patched, r.stdout)
	r = run(t, dir, "", "dedup", "--unit", "document", "--fix", "--unsafe-fixes", ".")
	if r.code != ExitOK {
		t.Fatalf("--fix: %d %s", r.code, r.stderr)
	}
	if got, want := readTree(t, dir), readTree(t, patched); fmt.Sprint(got) != fmt.Sprint(want) || len(got) != 2 {
		t.Errorf("after --fix: %v", got)
	}
}

// bandJoin is the reference of the SQL in docs/dedup.md, in Go: units
// sharing an exact hash or a (band, key) are joined, and each connected
// component becomes a cluster id.
func bandJoin(t *testing.T, sigs string) map[int]int {
	t.Helper()
	type row struct {
		Unit  int      `json:"unit"`
		Exact string   `json:"exact"`
		Bands []uint64 `json:"bands"`
	}
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		return x
	}
	union := func(a, b int) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	first := map[string]int{}
	join := func(k string, u int) {
		if v, ok := first[k]; ok {
			union(u, v)
		} else {
			first[k] = u
		}
	}
	sc := bufio.NewScanner(strings.NewReader(sigs))
	sc.Buffer(nil, 1<<20)
	var units []int
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		units = append(units, r.Unit)
		join("x"+r.Exact, r.Unit)
		for b, k := range r.Bands {
			join(strconv.Itoa(b)+":"+strconv.FormatUint(k, 10), r.Unit)
		}
	}
	size := map[int]int{}
	for _, u := range units {
		size[find(u)]++
	}
	out := map[int]int{}
	for _, u := range units {
		if size[find(u)] > 1 {
			out[u] = find(u)
		}
	}
	return out
}

// The signature hand-off round trip: the band join and connected
// components computed outside (here in Go, in internal/duckdbtest with
// DuckDB) give back exactly the built-in clusters.
func TestDedupSignatureHandoff(t *testing.T) {
	_, dir := labelledCorpus(t)
	r := run(t, dir, "", "dedup", "--emit-signatures", "-", ".")
	if r.code != ExitOK || r.stderr != "" {
		t.Fatalf("emit: %d %s", r.code, r.stderr)
	}
	lines := strings.Count(r.stdout, "\n")
	first, _, _ := strings.Cut(r.stdout, "\n")
	var row map[string]any
	if err := json.Unmarshal([]byte(first), &row); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"unit", "path", "line", "column", "offset", "endOffset", "runes", "exact", "bands"} {
		if _, ok := row[k]; !ok {
			t.Errorf("signature row lacks %q: %s", k, first)
		}
	}
	if bands, _ := row["bands"].([]any); len(bands) != dedup.DefaultBanding.NumKeys() {
		t.Errorf("%d band keys", len(bands))
	}
	comp := bandJoin(t, r.stdout)
	var units []int
	for u := range comp {
		units = append(units, u)
	}
	sort.Ints(units)
	var csv strings.Builder
	csv.WriteString("unit,cluster\n")
	for _, u := range units {
		fmt.Fprintf(&csv, "%d,c%d\n", u, comp[u])
	}
	table := filepath.Join(t.TempDir(), "clusters.csv")
	if err := os.WriteFile(table, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	want := run(t, dir, "", "dedup", "-f", "json", ".")
	got := run(t, dir, "", "dedup", "-f", "json", "--from-clusters", table, ".")
	if got.code != want.code || got.stdout != want.stdout {
		t.Fatalf("from-clusters differs from the built-in path (exit %d, %s)", got.code, got.stderr)
	}
	t.Logf("%d units, %d in candidate components", lines, len(units))

	// JSON Lines tables too, with string ids and the exact hash checked.
	var jl strings.Builder
	sigExact := map[int]string{}
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var x struct {
			Unit  int    `json:"unit"`
			Exact string `json:"exact"`
		}
		_ = json.Unmarshal(sc.Bytes(), &x)
		sigExact[x.Unit] = x.Exact
	}
	for _, u := range units {
		fmt.Fprintf(&jl, "{\"unit\":%d,\"cluster\":\"k%d\",\"exact\":%q}\n", u, comp[u], sigExact[u])
	}
	os.WriteFile(table, []byte(jl.String()), 0o644)
	got = run(t, dir, "", "dedup", "-f", "json", "--from-clusters", table, ".")
	if got.stdout != want.stdout {
		t.Fatalf("JSON Lines table: differs (%s)", got.stderr)
	}
	// A table for other files is refused.
	os.WriteFile(table, []byte("unit,cluster,exact\n0,1,0000000000000000\n1,1,0000000000000000\n"), 0o644)
	got = run(t, dir, "", "dedup", "--from-clusters", table, ".")
	if got.code != ExitError || !strings.Contains(got.stderr, "another exact hash") {
		t.Errorf("stale table: %d %q", got.code, got.stderr)
	}
}

func TestDedupProgress(t *testing.T) {
	_, dir := labelledCorpus(t)
	r := run(t, dir, "", "dedup", "-f", "json", ".")
	if r.stderr != "" {
		t.Errorf("progress on a non-terminal stderr: %q", r.stderr)
	}
	r = run(t, dir, "", "dedup", "-f", "json", "--progress", "always", ".")
	if !strings.HasSuffix(r.stderr, "\r\x1b[K") {
		t.Errorf("progress line not erased: %q", r.stderr)
	}
	for _, l := range strings.Split(r.stderr, "\r\x1b[K") {
		if l != "" && !strings.Contains(l, "files read") {
			t.Errorf("progress line %q", l)
		}
	}
	p := &progress{total: 12345, what: "paragraphs"}
	p.clusters.Store(-1)
	p.stage.Store("reading")
	p.files.Store(1200)
	p.units.Store(34210)
	if got := p.line(); got != "dedup: 1,200/12,345 files read, 34,210 paragraphs indexed" {
		t.Errorf("line %q", got)
	}
	p.phase("clustering")
	if got := p.line(); !strings.HasSuffix(got, ", clustering…") {
		t.Errorf("line %q", got)
	}
	p.setClusters(7)
	if got := p.line(); !strings.HasSuffix(got, ", 7 clusters") {
		t.Errorf("line %q", got)
	}
}

// check's duplicate-across-files reports, on the same files, exactly the
// copies dedup lists outside their keeper's file, each pointing at that
// keeper: one index behind both.
func TestDuplicateAcrossFilesMatchesDedup(t *testing.T) {
	_, dir := labelledCorpus(t)
	d := parseDedupJSON(t, run(t, dir, "", "dedup", "-f", "json", ".").stdout)
	want := map[string]string{}
	for _, cl := range d.Clusters {
		for _, m := range cl.Members {
			if m.Path != cl.Keeper.Path {
				want[fmt.Sprintf("%s:%d", m.Path, m.Line)] = fmt.Sprintf("%s:%d", cl.Keeper.Path, cl.Keeper.Line)
			}
		}
	}
	r := run(t, dir, "", "check", "-f", "json", "--select", "duplicate-across-files", ".")
	var out struct {
		Diagnostics []struct {
			Path    string `json:"path"`
			Rule    string `json:"rule"`
			Line    int    `json:"line"`
			Related []struct {
				Path string `json:"path"`
				Line int    `json:"line"`
			} `json:"related"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || r.code != ExitFindings {
		t.Fatalf("exit %d, %v: %.300s %s", r.code, err, r.stdout, r.stderr)
	}
	got := map[string]string{}
	for _, dg := range out.Diagnostics {
		if dg.Rule != "duplicate-across-files" || len(dg.Related) != 1 {
			t.Fatalf("finding %+v", dg)
		}
		got[fmt.Sprintf("%s:%d", dg.Path, dg.Line)] = fmt.Sprintf("%s:%d", dg.Related[0].Path, dg.Related[0].Line)
	}
	if len(want) < 500 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("check reports %d copies, dedup %d", len(got), len(want))
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: check %q, dedup %q", k, got[k], v)
				break
			}
		}
	}
}
