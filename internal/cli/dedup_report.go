package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

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

func writeDedupReport(w io.Writer, format string, c *corpus.Corpus, groups []*corpus.Group, mode corpus.Mode) error {
	switch format {
	case "json":
		return writeDedupJSON(w, groups)
	case "sarif":
		return writeDedupSARIF(w, groups, mode)
	}
	return writeDedupText(w, c, groups, mode)
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

func writeDedupJSON(w io.Writer, groups []*corpus.Group) error {
	out := dedupJSON{Version: 1, Clusters: make([]dedupJSONCluster, 0, len(groups))}
	for _, g := range groups {
		k := g.Keeper
		cl := dedupJSONCluster{
			Keeper: dedupJSONPlace{Path: k.Path, Line: k.Start.Line, Column: k.Start.Column, Offset: k.Span.Start, EndOffset: k.Span.End},
		}
		for _, m := range g.Members {
			cl.Members = append(cl.Members, dedupJSONMember{Path: m.Path, Line: m.Start.Line, Column: m.Start.Column,
				Offset: m.Span.Start, EndOffset: m.Span.End, Similarity: roundSim(m.Similarity), Diff: m.Diff})
		}
		out.Clusters = append(out.Clusters, cl)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeDedupText(w io.Writer, c *corpus.Corpus, groups []*corpus.Group, mode corpus.Mode) error {
	var b strings.Builder
	copies, chars := 0, 0
	files := map[string]bool{}
	what := "paragraph"
	if mode == corpus.Documents {
		what = "document"
	}
	for i, g := range groups {
		kind := "near copies"
		if g.Exact {
			kind = "exact copies"
		}
		fmt.Fprintf(&b, "cluster %d: %s, %s; keep %s %s\n", i+1, plural(len(g.Members)+1, what, what+"s"), kind,
			position(g.Keeper.Path, g.Keeper.Start), oneLineText(excerpt(g.Keeper.Text, 24)))
		for _, m := range g.Members {
			copies++
			chars += len([]rune(m.Text))
			files[m.Path] = true
			note := ""
			switch {
			case m.Diff == "":
				note = ", same text"
			case m.Similarity == 1:
				note = ", same words (width, case, punctuation or spacing differ)"
			}
			fmt.Fprintf(&b, "  %s  similarity %s%s\n", position(m.Path, m.Start), strconv.FormatFloat(roundSim(m.Similarity), 'f', 2, 64), note)
			if m.Diff != "" {
				for _, line := range strings.Split(strings.ReplaceAll(m.Diff, "\r\n", "\n"), "\n") {
					b.WriteString("      " + oneLineText(line) + "\n")
				}
			}
		}
		b.WriteByte('\n')
	}
	if len(groups) == 0 {
		fmt.Fprintf(&b, "no duplicate %ss among %s\n", what, plural(c.Len(), what, what+"s"))
	} else {
		fmt.Fprintf(&b, "%s, %s to remove (%s characters) in %s\n", plural(len(groups), "cluster", "clusters"),
			plural(copies, "copy", "copies"), group3(int64(chars)), plural(len(files), "file", "files"))
	}
	_, err := io.WriteString(w, b.String())
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

// writeDedupSARIF reports every copy but the keepers as a finding of the
// dedup rule, with the keeper as related location, through the SARIF
// reporter of check.
func writeDedupSARIF(w io.Writer, groups []*corpus.Group, mode corpus.Mode) error {
	byPath := map[string]*lint.FileResult{}
	var order []string
	what := "paragraph"
	if mode == corpus.Documents {
		what = "document"
	}
	for _, g := range groups {
		k := g.Keeper
		for _, m := range g.Members {
			fr := byPath[m.Path]
			if fr == nil {
				fr = &lint.FileResult{Path: m.Path}
				byPath[m.Path] = fr
				order = append(order, m.Path)
			}
			msg := fmt.Sprintf("%s copied from %s (similarity %.2f)", what, position(k.Path, k.Start), roundSim(m.Similarity))
			h := xxh3.HashString(k.Text + "\x00" + m.Text)
			fr.Diagnostics = append(fr.Diagnostics, lint.Diagnostic{
				Rule: dedupRule.ID, Severity: lint.Warning, Span: m.Span, Message: msg, Detail: m.Diff,
				Fixes: []lint.Fix{}, Path: m.Path, Start: m.Start,
				Related: []lint.Related{{Message: "the copy kept", Path: k.Path, Start: k.Start}},
				// Text-based, so it survives lines moving.
				Fingerprint: strconv.FormatUint(h, 16),
			})
		}
	}
	sort.Strings(order)
	res := &lint.Result{Rules: []*lint.Rule{dedupRule}}
	for _, p := range order {
		fr := byPath[p]
		sort.SliceStable(fr.Diagnostics, func(i, j int) bool { return fr.Diagnostics[i].Span.Start < fr.Diagnostics[j].Span.Start })
		res.Files = append(res.Files, fr)
	}
	rep, err := report.New("sarif", report.Options{ToolVersion: version(), Lang: report.LangEn})
	if err != nil {
		return err
	}
	return rep.Report(w, res)
}
