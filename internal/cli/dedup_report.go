package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/dedup/corpus"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/lint/report"
	"github.com/zeebo/xxh3"
)

// dedupRule names the findings of `draftlint dedup` in SARIF.
var dedupRule = &lint.Rule{
	ID:        "dedup",
	Summary:   "a paragraph or document is copied, exactly or nearly, elsewhere in the corpus",
	SummaryZh: "段落或文件在语料中被（近似）重复",
	Doc: `draftlint dedup groups the paragraphs (or whole files) that are copies of
one another across the files it is given: exact copies after width, case,
punctuation and spacing are folded, and near copies by the similarity of
their character n-grams, their edit similarity or containment. Each cluster
keeps one copy (the keeper); every other copy is reported against it, with
a character diff.`,
	Category: "duplication",
	Severity: lint.Warning,
}

// dedupWriter writes a report one cluster at a time, so that only the
// cluster being written is in memory, whatever the corpus.
type dedupWriter interface {
	cluster(g *corpus.Group) error
	end(c *corpus.Corpus) error
}

func newDedupWriter(w io.Writer, format string, mode corpus.Mode) dedupWriter {
	what := "paragraph"
	if mode == corpus.Documents {
		what = "document"
	}
	switch format {
	case "json":
		return &jsonDedupWriter{w: w}
	case "sarif":
		return &sarifDedupWriter{w: w, what: what, byPath: map[string]*lint.FileResult{}}
	}
	return &textDedupWriter{w: w, what: what, files: map[string]bool{}}
}

// roundSim keeps three decimals: enough to read, and the same on every
// platform.
func roundSim(x float64) float64 { return math.Round(x*1000) / 1000 }

type dedupJSONPlace struct {
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"endOffset"`
}

type dedupJSONMember struct {
	Path       string  `json:"path"`
	Line       int     `json:"line"`
	Column     int     `json:"column"`
	Offset     int     `json:"offset"`
	EndOffset  int     `json:"endOffset"`
	Similarity float64 `json:"similarity"`
	Diff       string  `json:"diff"`
}

type dedupJSONCluster struct {
	Keeper  dedupJSONPlace    `json:"keeper"`
	Members []dedupJSONMember `json:"members"`
}

type dedupJSON struct {
	Version  int                `json:"version"`
	Clusters []dedupJSONCluster `json:"clusters"`
}

// jsonDedupWriter streams the JSON report; the bytes are those
// encoding/json writes for the whole dedupJSON value with a two-space
// indent and HTML left unescaped.
type jsonDedupWriter struct {
	w   io.Writer
	n   int
	buf bytes.Buffer
}

func (j *jsonDedupWriter) cluster(g *corpus.Group) error {
	k := g.Keeper
	cl := dedupJSONCluster{
		Keeper:  dedupJSONPlace{Path: k.Path, Line: k.Start.Line, Column: k.Start.Column, Offset: k.Span.Start, EndOffset: k.Span.End},
		Members: make([]dedupJSONMember, 0, len(g.Members)),
	}
	for _, m := range g.Members {
		cl.Members = append(cl.Members, dedupJSONMember{Path: m.Path, Line: m.Start.Line, Column: m.Start.Column,
			Offset: m.Span.Start, EndOffset: m.Span.End, Similarity: roundSim(m.Similarity), Diff: m.Diff})
	}
	j.buf.Reset()
	if j.n == 0 {
		j.buf.WriteString("{\n  \"version\": 1,\n  \"clusters\": [\n    ")
	} else {
		j.buf.WriteString(",\n    ")
	}
	enc := json.NewEncoder(&j.buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(cl); err != nil {
		return err
	}
	j.buf.Truncate(j.buf.Len() - 1) // the encoder's newline
	j.n++
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

func (j *jsonDedupWriter) end(*corpus.Corpus) error {
	tail := "\n  ]\n}\n"
	if j.n == 0 {
		tail = "{\n  \"version\": 1,\n  \"clusters\": []\n}\n"
	}
	_, err := io.WriteString(j.w, tail)
	return err
}

type textDedupWriter struct {
	w                io.Writer
	what             string
	n, copies, chars int
	files            map[string]bool
	b                strings.Builder
}

func (t *textDedupWriter) cluster(g *corpus.Group) error {
	b := &t.b
	b.Reset()
	t.n++
	kind := "near copies"
	if g.Exact {
		kind = "exact copies"
	}
	fmt.Fprintf(b, "cluster %d: %s, %s; keep %s %s\n", t.n, plural(len(g.Members)+1, t.what, t.what+"s"), kind,
		position(g.Keeper.Path, g.Keeper.Start), oneLineText(excerpt(g.Keeper.Text, 24)))
	for _, m := range g.Members {
		t.copies++
		t.chars += utf8.RuneCountInString(m.Text)
		t.files[m.Path] = true
		note := ""
		switch {
		case m.Diff == "":
			note = ", same text"
		case m.Similarity == 1:
			note = ", same words (width, case, punctuation or spacing differ)"
		}
		fmt.Fprintf(b, "  %s  similarity %s%s\n", position(m.Path, m.Start), strconv.FormatFloat(roundSim(m.Similarity), 'f', 2, 64), note)
		if m.Diff != "" {
			for _, line := range strings.Split(strings.ReplaceAll(m.Diff, "\r\n", "\n"), "\n") {
				b.WriteString("      " + oneLineText(line) + "\n")
			}
		}
	}
	b.WriteByte('\n')
	_, err := io.WriteString(t.w, b.String())
	return err
}

func (t *textDedupWriter) end(c *corpus.Corpus) error {
	var s string
	if t.n == 0 {
		s = fmt.Sprintf("no duplicate %ss among %s\n", t.what, plural(c.Len(), t.what, t.what+"s"))
	} else {
		s = fmt.Sprintf("%s, %s to remove (%s characters) in %s\n", plural(t.n, "cluster", "clusters"),
			plural(t.copies, "copy", "copies"), group3(int64(t.chars)), plural(len(t.files), "file", "files"))
	}
	_, err := io.WriteString(t.w, s)
	return err
}

// excerpt is the start of a text, cut at n runes.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return "“" + s + "”"
	}
	return "“" + string(r[:n]) + "…”"
}

// oneLineText replaces control characters, which could drive the terminal.
func oneLineText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r < 0x20 || r == 0x7F:
			return '\uFFFD'
		}
		return r
	}, s)
}

// sarifDedupWriter reports every copy but the keepers as a finding of the
// dedup rule, with the keeper as related location, through the SARIF
// reporter of check. SARIF groups results by file, so the findings (not
// the texts) are gathered first.
type sarifDedupWriter struct {
	w      io.Writer
	what   string
	byPath map[string]*lint.FileResult
	order  []string
}

func (s *sarifDedupWriter) cluster(g *corpus.Group) error {
	k := g.Keeper
	for _, m := range g.Members {
		fr := s.byPath[m.Path]
		if fr == nil {
			fr = &lint.FileResult{Path: m.Path}
			s.byPath[m.Path] = fr
			s.order = append(s.order, m.Path)
		}
		msg := fmt.Sprintf("%s copied from %s (similarity %.2f)", s.what, position(k.Path, k.Start), roundSim(m.Similarity))
		h := xxh3.HashString(k.Text + "\x00" + m.Text)
		fr.Diagnostics = append(fr.Diagnostics, lint.Diagnostic{
			Rule: dedupRule.ID, Severity: lint.Warning, Span: m.Span, Message: msg, Detail: m.Diff,
			Fixes: []lint.Fix{}, Path: m.Path, Start: m.Start,
			Related: []lint.Related{{Message: "the copy kept", Path: k.Path, Start: k.Start}},
			// Text-based, so it survives lines moving.
			Fingerprint: strconv.FormatUint(h, 16),
		})
	}
	return nil
}

func (s *sarifDedupWriter) end(*corpus.Corpus) error {
	sort.Strings(s.order)
	res := &lint.Result{Rules: []*lint.Rule{dedupRule}}
	for _, p := range s.order {
		fr := s.byPath[p]
		sort.SliceStable(fr.Diagnostics, func(i, j int) bool { return fr.Diagnostics[i].Span.Start < fr.Diagnostics[j].Span.Start })
		res.Files = append(res.Files, fr)
	}
	rep, err := report.New("sarif", report.Options{ToolVersion: version(), Lang: report.LangEn})
	if err != nil {
		return err
	}
	return rep.Report(s.w, res)
}
