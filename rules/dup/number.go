package dup

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
)

// NumberOptions configures near-duplicate-number.
type NumberOptions struct {
	// MinLength: as for duplicate-sentence.
	MinLength int `yaml:"min-length"`
	// MaxChanged: report a pair only when at most this many of its figures
	// differ. A copy with every figure updated is a template filled in
	// again (该市镇总面积…平方公里，…人口为…人); one changed figure is the
	// copy whose number was — or was not — updated.
	MaxChanged int `yaml:"max-changed"`
}

func newNumberOptions() any {
	return &NumberOptions{MinLength: dedup.SentenceOptions().MinRunes, MaxChanged: 1}
}

// NearDuplicateNumber reports sentences that repeat another one except for
// a figure.
var NearDuplicateNumber = &lint.Rule{
	ID:        "near-duplicate-number",
	Summary:   "a sentence repeats another one except for a figure",
	SummaryZh: "句子与另一句仅数字不同",
	Doc: `Two sentences with the same words and different figures — 全年增长5.2% and,
further on, 全年增长5.0% — are either a copy whose figure was updated in one
place only, or two facts that happen to be worded alike. Dates, numbers and
names that differ are meaningful, so the pair is reported for a reader to
check, at info level, and never deleted. The message lists the figures that
differ; the other sentence is named as a related location and the detail
shows the character diff.

Figures are runs of digits (with their decimal point) or of Chinese
numerals (第七届 / 第八届 differ in a figure too). Only pairs where at most
max-changed figures differ are reported (default 1): a sentence whose every
figure changed is a template filled in again — Wikipedia's 该市镇总面积
11.61平方公里，2009年时的人口为323人 repeated for each commune, the
Constitution's amendment dates — not a copy. Sentences under min-length
characters (default 15, not counting punctuation) are not compared, nor
sentences of paragraphs that duplicate each other as a whole (see
duplicate-paragraph).

Options (.draftlint.yaml):

  rules:
    near-duplicate-number:
      min-length: 15
      max-changed: 1`,
	Category: "duplication",
	Severity: lint.Info,
	Default:  true,
	Options:  newNumberOptions,
	Examples: []lint.Example{{
		Bad:  "全省地区生产总值比上年增长5.2%，增速高于全国平均水平。\n\n全省地区生产总值比上年增长5.0%，增速高于全国平均水平。\n",
		Good: "2023年全省地区生产总值比上年增长5.2%，增速高于全国平均水平。\n\n2024年全省地区生产总值比上年增长5.8%，增速高于全国平均水平。\n",
	}},
	Run: runNearDuplicateNumber,
}

func runNearDuplicateNumber(p *lint.Pass) error {
	opt, _ := p.Options.(*NumberOptions)
	if opt == nil {
		opt = newNumberOptions().(*NumberOptions)
	}
	doc := p.Doc
	fo := dedup.SentenceOptions()
	if opt.MinLength > 0 {
		fo.MinRunes = opt.MinLength
	}
	sl := sentencesOf(doc, fo)
	if len(sl.nv) == 0 {
		return nil
	}
	pl := paragraphsOf(doc, fo, dedup.ParagraphOptions())
	us := sentenceUnits{doc: doc, sl: sl}
	for _, pr := range sl.nv {
		a, b := pr.A, pr.B
		ba, bb := us.blockIndex(a), us.blockIndex(b)
		if ga := pl.groupOfBlock(ba); ga >= 0 && ga == pl.groupOfBlock(bb) && ba != bb {
			continue // inside paragraphs reported as duplicates
		}
		changes, ok := numberChanges(us.text(a), us.text(b))
		if !ok || len(changes) == 0 || opt.MaxChanged > 0 && len(changes) > opt.MaxChanged {
			continue
		}
		at, zat := where(doc, us.span(a).Start)
		list := strings.Join(changes, ", ")
		p.Report(lint.Diagnostic{
			Span:      us.span(b),
			Message:   fmt.Sprintf("sentence repeats the sentence at %s except for a figure (%s): check which is right", at, list),
			MessageZh: fmt.Sprintf("句子与第%s处的句子仅数字不同（%s），请核对", zat, list),
			Detail:    fmt.Sprintf("diff against the sentence at %s: %s", at, dedup.CharDiff(us.text(a), us.text(b))),
			Related:   []lint.Related{{Span: us.span(a), Message: "the same sentence with other figures"}},
		})
	}
	return nil
}
