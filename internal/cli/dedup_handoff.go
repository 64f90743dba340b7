package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/draftlint/draftlint/dedup/corpus"
)

// The signature hand-off (docs/dedup.md): --emit-signatures writes one
// JSON object per unit — its number, place, exact hash and band keys — so
// that the band join and the connected components can run elsewhere
// (DuckDB, Spark SQL); --from-clusters reads the resulting (unit, cluster)
// table back, and the usual verification, report and fixes follow.

// emitSignatures writes the signature table of the corpus as JSON Lines.
func emitSignatures(env Env, dir, name string, c *corpus.Corpus) int {
	w, closeFn, err := createOutput(env, dir, name)
	if err != nil {
		return fail(env, fmt.Errorf("--emit-signatures: %w", cleanErr(err)))
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	err = writeSignatures(bw, c)
	if e := bw.Flush(); err == nil {
		err = e
	}
	if e := closeFn(); err == nil {
		err = e
	}
	if err != nil {
		return fail(env, fmt.Errorf("--emit-signatures: %w", err))
	}
	return ExitOK
}

// writeSignatures writes one line per unit:
//
//	{"unit":0,"path":"a.md","line":3,"column":1,"offset":10,"endOffset":99,
//	 "runes":41,"exact":"0f3a…","bands":[123,456,…]}
//
// exact is the 64-bit key hash in 16 hex digits (JSON numbers lose bits past
// 2⁵³); bands are the 32-bit LSH band keys in band order, the last two the
// prefix and suffix anchors, empty for units too short for MinHash.
func writeSignatures(w io.Writer, c *corpus.Corpus) error {
	ix := c.Index()
	var b []byte
	for u := range c.Len() {
		pl := c.Place(u)
		sig := ix.Sig(u)
		path, err := json.Marshal(filepath.ToSlash(pl.Path))
		if err != nil {
			return err
		}
		b = append(b[:0], `{"unit":`...)
		b = strconv.AppendInt(b, int64(u), 10)
		b = append(b, `,"path":`...)
		b = append(b, path...)
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(pl.Start.Line), 10)
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(pl.Start.Column), 10)
		b = append(b, `,"offset":`...)
		b = strconv.AppendInt(b, int64(pl.Span.Start), 10)
		b = append(b, `,"endOffset":`...)
		b = strconv.AppendInt(b, int64(pl.Span.End), 10)
		b = append(b, `,"runes":`...)
		b = strconv.AppendInt(b, int64(sig.Runes), 10)
		b = append(b, `,"exact":"`...)
		b = appendHex16(b, sig.Exact)
		b = append(b, `","bands":[`...)
		for i, k := range sig.Bands {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendUint(b, k, 10)
		}
		b = append(b, "]}\n"...)
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func appendHex16(b []byte, x uint64) []byte {
	const digits = "0123456789abcdef"
	for s := 60; s >= 0; s -= 4 {
		b = append(b, digits[x>>uint(s)&0xF])
	}
	return b
}

// clusterRow is one row of an external cluster table.
type clusterRow struct {
	unit    int64
	cluster string
	exact   string // optional: checks that the corpus is the one signed
	path    string // optional, likewise
	line    int
}

// readClusterTable reads the (unit, cluster) table of an external band
// join: JSON Lines ({"unit":…,"cluster":…}, other keys ignored) or CSV
// with a header naming the unit and cluster columns. Units not listed
// belong to no cluster. Cluster ids may be numbers or strings. When the
// rows carry exact (or path), they must match the corpus read now: the
// table only makes sense for the files and options it was computed from.
func readClusterTable(dir, name string, c *corpus.Corpus) ([]int32, error) {
	if !filepath.IsAbs(name) {
		name = filepath.Join(dir, name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("--from-clusters: %w", cleanErr(err))
	}
	var rows []clusterRow
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		rows, err = readClusterJSONL(data)
	} else {
		rows, err = readClusterCSV(data)
	}
	if err != nil {
		return nil, fmt.Errorf("--from-clusters: %s: %w", filepath.Base(name), err)
	}
	group := make([]int32, c.Len())
	for i := range group {
		group[i] = -1
	}
	labels := map[string]int32{}
	ix := c.Index()
	for _, r := range rows {
		if r.unit < 0 || r.unit >= int64(c.Len()) {
			return nil, fmt.Errorf("--from-clusters: line %d: unit %d, but the corpus has %d units (same files and options as --emit-signatures?)", r.line, r.unit, c.Len())
		}
		u := int(r.unit)
		if r.exact != "" && r.exact != string(appendHex16(nil, ix.Sig(u).Exact)) {
			return nil, fmt.Errorf("--from-clusters: line %d: unit %d has another exact hash now: the files changed, or the options differ, since the signatures were written", r.line, u)
		}
		if r.path != "" && r.path != filepath.ToSlash(c.Place(u).Path) {
			return nil, fmt.Errorf("--from-clusters: line %d: unit %d is in %s now, not %s", r.line, u, c.Place(u).Path, r.path)
		}
		l, ok := labels[r.cluster]
		if !ok {
			l = int32(len(labels))
			labels[r.cluster] = l
		}
		if group[u] >= 0 && group[u] != l {
			return nil, fmt.Errorf("--from-clusters: line %d: unit %d is in two clusters", r.line, u)
		}
		group[u] = l
	}
	return group, nil
}

func readClusterJSONL(data []byte) ([]clusterRow, error) {
	var rows []clusterRow
	line := 0
	for len(data) > 0 {
		var l []byte
		l, data, _ = bytes.Cut(data, []byte("\n"))
		line++
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		var r struct {
			Unit    *int64          `json:"unit"`
			Cluster json.RawMessage `json:"cluster"`
			Exact   string          `json:"exact"`
			Path    string          `json:"path"`
		}
		if err := json.Unmarshal(l, &r); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if r.Unit == nil || len(r.Cluster) == 0 || string(r.Cluster) == "null" {
			return nil, fmt.Errorf("line %d: a row needs unit and cluster", line)
		}
		cl := string(r.Cluster)
		var s string
		if json.Unmarshal(r.Cluster, &s) == nil {
			cl = s
		}
		rows = append(rows, clusterRow{unit: *r.Unit, cluster: cl, exact: r.Exact, path: r.Path, line: line})
	}
	return rows, nil
}

func readClusterCSV(data []byte) ([]clusterRow, error) {
	rd := csv.NewReader(bytes.NewReader(data))
	rd.FieldsPerRecord = -1
	head, err := rd.Read()
	if err != nil {
		return nil, fmt.Errorf("no header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	ui, ok1 := col["unit"]
	ci, ok2 := col["cluster"]
	if !ok1 || !ok2 {
		return nil, errors.New("the header must name a unit and a cluster column")
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var rows []clusterRow
	for line := 2; ; line++ {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if ui >= len(rec) || ci >= len(rec) {
			return nil, fmt.Errorf("line %d: missing unit or cluster", line)
		}
		u, err := strconv.ParseInt(strings.TrimSpace(rec[ui]), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: unit %q is not a number", line, rec[ui])
		}
		rows = append(rows, clusterRow{unit: u, cluster: strings.TrimSpace(rec[ci]), exact: get(rec, "exact"), path: get(rec, "path"), line: line})
	}
	return rows, nil
}
