package dup

import (
	"fmt"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
)

// ParagraphOptions configures duplicate-paragraph.
type ParagraphOptions struct {
	// MinLength: paragraphs with fewer characters, not counting
	// punctuation and spaces, are never compared.
	MinLength int `yaml:"min-length"`
	// EditSimilarity, Containment: as for duplicate-sentence.
	EditSimilarity float64 `yaml:"edit-similarity"`
	Containment    float64 `yaml:"containment"`
	// Jaccard: also near copies when the character 3-gram sets overlap at
	// least this much (long paragraphs with scattered edits).
	Jaccard float64 `yaml:"jaccard"`
	// MaxCopies: a paragraph found more often than this is reported once,
	// as boilerplate, without a fix (0: no limit).
	MaxCopies int `yaml:"max-copies"`
}

func newParagraphOptions() any {
	d := dedup.ParagraphOptions()
	return &ParagraphOptions{MinLength: d.MinRunes, EditSimilarity: d.EditSim, Containment: d.Containment, Jaccard: d.Jaccard, MaxCopies: 4}
}

func (o *ParagraphOptions) find() dedup.FindOptions {
	f := dedup.ParagraphOptions()
	if o.MinLength > 0 {
		f.MinRunes = o.MinLength
	}
	if o.EditSimilarity > 0 {
		f.EditSim = o.EditSimilarity
	}
	if o.Containment > 0 {
		f.Containment = o.Containment
	}
	if o.Jaccard > 0 {
		f.Jaccard = o.Jaccard
	}
	return f
}

// DuplicateParagraph reports paragraphs that repeat an earlier one.
var DuplicateParagraph = &lint.Rule{
	ID:        "duplicate-paragraph",
	Summary:   "a paragraph repeats another paragraph of the document, exactly or nearly",
	SummaryZh: "段落与文中另一段完全或近似重复",
	Doc: `A paragraph pasted twice — whole, or re-edited in a few places, or with a
sentence added — is reported as one finding, not as one finding per
sentence. Matching ignores width, case, spacing and punctuation; near copies
have an edit similarity of at least 0.80, a character 3-gram Jaccard
similarity of at least 0.70, or the shorter paragraph is found, with at most
10 % of it edited, inside a longer one at most twice its length. The finding
names every other copy with its similarity and shows how the copy differs
from the one kept, character by character.

Kept is the first copy, unless a later copy contains an earlier one: then
the longer, more complete copy stays. The fix removes the repeated paragraph
— its whole lines, list or quote marker included — and one blank line next
to it. It is safe for exact repeats and unsafe for near ones. A paragraph
found more than max-copies times (default 4) is reported once, as a warning
naming the nearest copies, without a fix.

Not reported: paragraphs under min-length characters (default 15, not
counting punctuation), or without Chinese and under half as many words
(8: a changelog's or manual's short lines repeat by design); numbered
headings and captions on a line of their own, which a table of contents
repeats, headings and table cells (they repeat by design),
parallel text where the same template holds different facts (different
enumeration labels, or every difference swapping one word for another, as
in the Constitution's articles on the courts and the procuratorates), and
paragraphs that differ only in figures (see near-duplicate-number).

Options (.draftlint.yaml):

  rules:
    duplicate-paragraph:
      min-length: 15
      edit-similarity: 0.80
      containment: 0.90
      jaccard: 0.70
      max-copies: 4`,
	Category: "duplication",
	Severity: lint.Error,
	Default:  true,
	Options:  newParagraphOptions,
	Examples: []lint.Example{{
		Bad:   "会议指出，要加强组织领导，压实工作责任。\n\n要强化督促检查，确保各项任务落到实处。\n\n会议指出，要加强组织领导，压实工作责任。\n",
		Good:  "会议指出，要加强组织领导，压实工作责任。\n\n要强化督促检查，确保各项任务落到实处。\n",
		Fixed: "会议指出，要加强组织领导，压实工作责任。\n\n要强化督促检查，确保各项任务落到实处。\n",
	}},
	Run: runDuplicateParagraph,
}

func runDuplicateParagraph(p *lint.Pass) error {
	opt, _ := p.Options.(*ParagraphOptions)
	if opt == nil {
		opt = newParagraphOptions().(*ParagraphOptions)
	}
	doc := p.Doc
	pl := paragraphsOf(doc, dedup.SentenceOptions(), opt.find())
	us := paragraphUnits{doc: doc, pl: pl}
	var cmp dedup.Comparer
	kd := kind{"paragraph", "段落"}
	for _, g := range pl.groups {
		keys := keyCache{}
		if opt.MaxCopies > 0 && len(g.members) > opt.MaxCopies {
			refrain(p, us, keys, &cmp, kd, g)
			continue
		}
		k := g.keeper
		at, zat := where(doc, us.span(k).Start)
		for i, m := range g.members {
			if m == k {
				continue
			}
			l := compare(us, keys, &cmp, m, k)
			msg, zh := copyMessage(kd, l, at, zat, k, m)
			d := lint.Diagnostic{
				Span:      us.span(m),
				Message:   msg,
				MessageZh: zh,
				Detail:    diffDetail(us, at, k, m),
				Related:   relatedCopies(doc, us, keys, &cmp, g, m, kd.noun),
			}
			if e, ok := deleteBlock(doc, pl.blocks[m]); ok {
				d.Fixes = []lint.Fix{{
					Message: fmt.Sprintf("delete this paragraph; the one at %s stays", at),
					Safe:    g.exact[i],
					Edits:   []lint.Edit{e},
				}}
			}
			p.Report(d)
		}
	}
	return nil
}
