package layout

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// OrphanFragment reports a paragraph whose beginning was lost.
var OrphanFragment = &lint.Rule{
	ID:        "orphan-fragment",
	Summary:   "paragraph starting with the second half of a word: its beginning seems lost",
	SummaryZh: "段落以词语的后半部分开头，开头疑似丢失",
	Doc: `When pages are cut and pasted, the end of a sentence can survive without
its beginning: 行的一次督办协商。 is what is left of …是…举行的一次督办协商。
Such a paragraph starts with a particle or suffix that cannot begin a
sentence (的 了 着 们 者 …: characters tagged as bound forms in jieba's
dictionary), or with a character that is mostly the second half of a word
(行 as in 进行/举行, 展 as in 发展: its "tail share" in the dictionary is
high) read as a word of its own, followed by a particle (行的…), or rare as
a word of its own (济 of 经济, 展 of 发展: 济建设取得新进展。). The paragraph before it must have ended properly; otherwise
the two are halves of a split paragraph (split-paragraph).

Place names (兴安盟, 砚山县) and other names that start with such a
character are left alone. A tail that starts with a character the
dictionary mostly knows as a word's first half (统筹 → 筹…, 倾斜 → 斜…)
reads like a sentence start and is not reported: the rule prefers silence.

There is no fix: the lost words must be found in the source document.`,
	Category: "layout",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:  "湖北省委、省政府实施“数字化湖北”行动。\n\n行的一次督办协商。\n",
		Good: "湖北省委、省政府实施“数字化湖北”行动。\n\n这是省政协举行的一次督办协商。\n",
	}},
	Run: runOrphanFragment,
}

func runOrphanFragment(p *lint.Pass) error {
	an := analyse(p.Doc)
	for _, i := range an.orphans {
		b := &an.blocks[i]
		r, _ := utf8.DecodeRuneInString(b.text)
		_, bound := tailShare(r)
		var en, zh string
		if bound {
			en = fmt.Sprintf("paragraph starts with “%c”, a particle or suffix that cannot begin a sentence: its beginning seems lost", r)
			zh = fmt.Sprintf("段落以“%c”开头，该字是不能居句首的助词或词缀，本段开头疑似丢失", r)
		} else {
			en = fmt.Sprintf("paragraph starts with “%c”, normally the second half of a word: its beginning seems lost", r)
			zh = fmt.Sprintf("段落以“%c”开头，该字通常是词语的后半部分，本段开头疑似丢失", r)
		}
		d := lint.Diagnostic{Span: firstRuneSpan(b), Message: en, MessageZh: zh}
		if i > 0 {
			d.Related = []lint.Related{{Span: lastRuneSpan(&an.blocks[i-1]), Message: "the paragraph before ends here"}}
		}
		p.Report(d)
	}
	return nil
}

// Characters that the dictionary tags as bound but that also begin
// sentences or names: 等到, 地湾城, 得益于, 过去, interjections.
const boundStarters = "等所之地得过型呵哇唔呃呀啦"

// rareSingleCost: a character whose frequency as a word of its own is
// below about one in eight thousand words (cost in quarter nats).
const rareSingleCost = 36

// isOrphan decides whether block i starts with the tail of a lost word.
func isOrphan(a *analysis, i int) bool {
	b := &a.blocks[i]
	prev := i - 1
	for prev >= 0 && a.blocks[prev].role == roleFurniture {
		prev--
	}
	if prev < 0 {
		return false
	}
	pb := &a.blocks[prev]
	if pb.role == roleProse && !ended(pb.text) {
		return false // an unfinished paragraph before: a split, not an orphan
	}
	if pb.b.Kind == lint.Heading && b.b.BlankBefore < 2 {
		// Right after a heading a lost beginning is unlikely.
		return false
	}
	r, n := utf8.DecodeRuneInString(b.text)
	if !lint.IsHan(r) {
		return false
	}
	share, bound := tailShare(r)
	if bound {
		return !strings.ContainsRune(boundStarters, r) && firstWordSingle(b.text)
	}
	if placeName(b.text) {
		return false
	}
	cost := charCost(lexicon(), b.text[:n])
	next, _ := utf8.DecodeRuneInString(b.text[n:])
	switch {
	case share >= 5 && strings.ContainsRune("的了着地得过之和与及或等、，：；", next):
		// A word's tail read alone before a particle, a conjunction or a
		// mark: 行的…, 展和…, 府，…
		return firstWordSingle(b.text)
	case share >= 7 && cost >= rareSingleCost-4, share >= 6 && cost >= rareSingleCost,
		share >= 4 && cost >= rareSingleCost && b.runes <= 40:
		// Mostly a tail and rare as a word of its own (济 of 经济, 展 of
		// 发展; in a short paragraph also 彻 of 贯彻, half a tail), stranded
		// before text that reads as words again (济|建设…).
		// Names spelt with rare characters (曼施坦因, 辰溪县) do not read
		// on. (Rarity alone is not enough: 卡斯特罗, 砚山县 are names.)
		return firstWordSingle(b.text) && startsWithWord(b.text[n:])
	}
	return false
}

// placeName: the text starts with a place name (兴安盟…, 砚山县…,
// 辰溪县…): an administrative suffix among the first four characters.
// Such names often start with characters that are tails elsewhere.
func placeName(s string) bool {
	k := 0
	for _, r := range s {
		if k == 4 {
			break
		}
		if k > 0 && strings.ContainsRune("省市县区镇乡村盟州旗", r) {
			return true
		}
		k++
	}
	return false
}

// startsWithWord reports whether the best reading of the text's first
// characters starts with a lexicon word of two or more characters.
func startsWithWord(s string) bool {
	var rs []rune
	for _, r := range s {
		if !lint.IsHan(r) || len(rs) == 5 {
			break
		}
		rs = append(rs, r)
	}
	if len(rs) < 2 {
		// One character and a mark (疗费，…) reads as a word too.
		return len(rs) == 1 && len(s) > 3 && isPunct([]rune(s[3:])[0])
	}
	lex := lexicon()
	return segCost(lex, rs, 1) > segCost(lex, rs, -1)
}

// firstWordSingle reports whether the best reading of the paragraph's
// first characters takes the first character as a word of its own.
func firstWordSingle(s string) bool {
	var rs []rune
	for _, r := range s {
		if !lint.IsHan(r) || len(rs) == 5 {
			break
		}
		rs = append(rs, r)
	}
	if len(rs) < 2 {
		return len(rs) == 1
	}
	lex := lexicon()
	return segCost(lex, rs, 1) == segCost(lex, rs, -1)
}
