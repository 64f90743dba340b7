// Package duckdbtest runs the band join of docs/dedup.md in DuckDB on the
// signatures `draftlint dedup --emit-signatures` writes for the labelled
// test corpus, feeds the resulting cluster table back through
// `--from-clusters`, and requires the report to equal the built-in one.
//
// It is a module of its own because DuckDB needs cgo: the draftlint
// module and binary stay pure Go. Run it with
//
//	(cd internal/duckdbtest && go test ./...)
package duckdbtest

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/cli"
	"github.com/draftlint/draftlint/internal/corpusgen"
	_ "github.com/duckdb/duckdb-go/v2"
)

const repo = "../.."

// sqlBlocks reads the SQL of docs/dedup.md: each ```sql block preceded by
// an <!-- sql:NAME --> marker, by name. The test runs the documented SQL,
// not a copy of it.
func sqlBlocks(t *testing.T) map[string]string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(repo, "docs", "dedup.md"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- sql:([a-z]+) -->\n```sql\n(.*?)```")
	blocks := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(string(doc), -1) {
		blocks[m[1]] = m[2]
	}
	for _, name := range []string{"setup", "round", "changed", "swap", "result"} {
		if blocks[name] == "" {
			t.Fatalf("docs/dedup.md has no sql:%s block", name)
		}
	}
	return blocks
}

// statements splits a block at the semicolons that end its statements.
func statements(block string) []string {
	var out []string
	for _, s := range strings.Split(block, ";\n") {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "--") {
				lines = append(lines, l)
			}
		}
		if q := strings.TrimSuffix(strings.TrimSpace(strings.Join(lines, "\n")), ";"); q != "" {
			out = append(out, q)
		}
	}
	return out
}

func draftlint(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(cli.Env{Args: args, Stdout: &out, Stderr: &errb, Dir: dir,
		Getenv:          func(string) string { return "" },
		StdinIsTerminal: func() bool { return true }, StdoutIsTerminal: func() bool { return false }})
	return code, out.String(), errb.String()
}

func TestDuckDBBandJoin(t *testing.T) {
	c, err := corpusgen.Build(repo, corpusgen.Config{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := c.Write(dir); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	sigs := filepath.Join(work, "signatures.jsonl")
	table := filepath.Join(work, "clusters.csv")
	if code, _, stderr := draftlint(t, dir, "dedup", "--emit-signatures", sigs, "."); code != cli.ExitOK {
		t.Fatalf("--emit-signatures: exit %d: %s", code, stderr)
	}

	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: one in-memory database
	blocks := sqlBlocks(t)
	exec := func(name string) {
		for _, q := range statements(blocks[name]) {
			q = strings.ReplaceAll(q, "'signatures.jsonl'", "'"+sigs+"'")
			q = strings.ReplaceAll(q, "'clusters.csv'", "'"+table+"'")
			if _, err := db.Exec(q); err != nil {
				t.Fatalf("sql:%s: %v\n%s", name, err, q)
			}
		}
	}
	exec("setup")
	rounds := 0
	for {
		exec("round")
		var changed int
		if err := db.QueryRow(statements(blocks["changed"])[0]).Scan(&changed); err != nil {
			t.Fatal(err)
		}
		exec("swap")
		rounds++
		if changed == 0 {
			break
		}
		if rounds > 100 {
			t.Fatal("labels did not settle in 100 rounds")
		}
	}
	exec("result")
	var units, comps int
	if err := db.QueryRow("SELECT count(*), count(DISTINCT label) FROM labels").Scan(&units, &comps); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d units in %d candidate components after %d rounds", units, comps, rounds)

	code, want, stderr := draftlint(t, dir, "dedup", "-f", "json", ".")
	if code != cli.ExitFindings {
		t.Fatalf("built-in: exit %d: %s", code, stderr)
	}
	code, got, stderr := draftlint(t, dir, "dedup", "-f", "json", "--from-clusters", table, ".")
	if code != cli.ExitFindings {
		t.Fatalf("--from-clusters: exit %d: %s", code, stderr)
	}
	if got != want {
		t.Fatal("the clusters from DuckDB's band join differ from the built-in ones")
	}
	// The same clusters also in text form, and the labelled scores hold.
	cl, err := c.ClustersFromJSON([]byte(got))
	if err != nil {
		t.Fatal(err)
	}
	s := c.Score(cl)
	if s.False != 0 || len(cl) < 400 {
		t.Fatalf("%d clusters, %d unrelated pairs", len(cl), s.False)
	}
	_, wantText, _ := draftlint(t, dir, "dedup", ".")
	_, gotText, _ := draftlint(t, dir, "dedup", "--from-clusters", table, ".")
	if gotText != wantText {
		t.Fatal("text reports differ")
	}
}
