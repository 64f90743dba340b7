package dup

import (
	"fmt"

	"github.com/draftlint/draftlint/dedup"
	"github.com/draftlint/draftlint/lint"
)

// SentenceOptions configures duplicate-sentence.
type SentenceOptions struct {
	// MinLength: sentences with fewer characters, not counting punctuation
	// and spaces, are never compared (short sentences such as 会议强调 or 一是
	// recur legitimately).
	MinLength int `yaml:"min-length"`
	// EditSimilarity: two sentences are near copies when 1 − edit
	// distance / length reaches this.
	EditSimilarity float64 `yaml:"edit-similarity"`
	// Containment: or when the shorter is found, with at most this share
	// of its characters edited, inside a longer one at most twice its
	// length (a copy with a phrase added or dropped).
	Containment float64 `yaml:"containment"`
	// ErrorDistance: copies at most this many paragraphs apart (0: the
	// same paragraph, 1: also adjacent ones) are errors, farther ones
	// warnings.
	ErrorDistance int `yaml:"error-distance"`
	// MaxCopies: a sentence found more often than this is reported once,
	// as boilerplate, without a fix (0: no limit).
	MaxCopies int `yaml:"max-copies"`
}

func newSentenceOptions() any {
	d := dedup.SentenceOptions()
	return &SentenceOptions{MinLength: d.MinRunes, EditSimilarity: d.EditSim, Containment: d.Containment, ErrorDistance: 1, MaxCopies: 4}
}

func (o *SentenceOptions) find() dedup.FindOptions {
	f := dedup.SentenceOptions()
	if o.MinLength > 0 {
		f.MinRunes = o.MinLength
	}
	if o.EditSimilarity > 0 {
		f.EditSim = o.EditSimilarity
	}
	if o.Containment > 0 {
		f.Containment = o.Containment
	}
	return f
}

// DuplicateSentence reports sentences that repeat an earlier one.
var DuplicateSentence = &lint.Rule{
	ID:        "duplicate-sentence",
	Summary:   "a sentence repeats another sentence of the document, exactly or nearly",
	SummaryZh: "句子与文中另一句完全或近似重复",
	Doc: `Merged drafts and copy-paste leave sentences twice, often side by side and
often slightly re-edited: the sample report pastes one 104-character
sentence three times in a row, the first copy beginning 近年来，中共湖北省委…
and the two repeats 湖北省委…. A sentence is reported when it repeats
another sentence of the document exactly (width, case, spacing and
punctuation ignored) or nearly: edit similarity of at least 0.80, or the
shorter found with at most 10 % of its characters edited inside a longer
one at most twice its length. Each finding names every other copy with its
similarity and shows how the copy differs from the one kept, character by
character ([-removed-] {+added+}).

Kept is the first copy, unless a later copy contains an earlier one: then
the longer, more complete copy stays. The fix deletes the repeat with the
space that separated it from its neighbour, keeping quotation marks and
brackets balanced; a sentence that is a whole paragraph is removed with one
blank line. It is safe for exact repeats and unsafe for near ones (which
words to keep is the author's call). Copies in the same or adjacent
paragraphs are errors; copies far apart are warnings. A sentence found more
than max-copies times (default 4) is boilerplate or pasted far too often:
it is reported once, as a warning naming the nearest copies, without a fix.

Not reported: sentences under min-length characters (default 15, not
counting punctuation), or without Chinese and under half as many words
(8: a changelog's or manual's short lines repeat by design); numbered
headings and captions on a line of their own, which a table of contents
repeats; stock clauses (为…贡献智慧和力量, 深入学习贯彻…精神),
since only whole sentences count and a sentence is only compared with
another at most twice its length; parallel text, where the same template
holds different facts — both sentences begin with different enumeration
labels (第一百三十一条 / 第一百三十六条), or every difference swaps a word for
another (人民法院 / 人民检察院, 拉萨 / 汕头); sentences that differ only in
figures (see near-duplicate-number); and sentences of paragraphs that repeat
each other as a whole, or differ only in figures (see duplicate-paragraph).

Options (.draftlint.yaml):

  rules:
    duplicate-sentence:
      min-length: 15
      edit-similarity: 0.80
      containment: 0.90
      error-distance: 1
      max-copies: 4`,
	Category: "duplication",
	Severity: lint.Error,
	Default:  true,
	Options:  newSentenceOptions,
	Examples: []lint.Example{{
		Bad:   "全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。\n",
		Good:  "全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。会议号召全省上下坚定信心，推动高质量发展。\n",
		Fixed: "全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。\n",
	}, {
		Bad:   "近年来，中共湖北省委、省政府将数字经济放在全局突出位置。湖北省委、省政府将数字经济放在全局突出位置。\n",
		Good:  "近年来，中共湖北省委、省政府将数字经济放在全局突出位置。\n",
		Fixed: "近年来，中共湖北省委、省政府将数字经济放在全局突出位置。\n",
	}},
	Run: runDuplicateSentence,
}

func runDuplicateSentence(p *lint.Pass) error {
	opt, _ := p.Options.(*SentenceOptions)
	if opt == nil {
		opt = newSentenceOptions().(*SentenceOptions)
	}
	doc := p.Doc
	fo := opt.find()
	sl := sentencesOf(doc, fo)
	if len(sl.groups) == 0 {
		return nil
	}
	pl := paragraphsOf(doc, fo, dedup.ParagraphOptions())
	us := sentenceUnits{doc: doc, sl: sl}
	var cmp dedup.Comparer
	kd := kind{"sentence", "句子"}
	for _, g := range sl.groups {
		keys := keyCache{}
		if opt.MaxCopies > 0 && len(g.members) > opt.MaxCopies {
			refrain(p, us, keys, &cmp, kd, g)
			continue
		}
		k := g.keeper
		bk := us.blockIndex(k)
		at, zat := where(doc, us.span(k).Start)
		for i, m := range g.members {
			if m == k {
				continue
			}
			bm := us.blockIndex(m)
			if pl.deleted(bm) || pl.related(bm, bk) {
				continue // the paragraph is reported, or is a template
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
			if !nearTo(us, g, m, opt.ErrorDistance) {
				d.Severity = lint.Warning
			}
			if !pl.deleted(bk) {
				s := sl.sents[m]
				if e, ok := deleteSentence(doc, s.b, s.start, s.end); ok {
					d.Fixes = []lint.Fix{{
						Message: fmt.Sprintf("delete this copy; the sentence at %s stays", at),
						Safe:    g.exact[i],
						Edits:   []lint.Edit{e},
					}}
				}
			}
			p.Report(d)
		}
	}
	return nil
}
