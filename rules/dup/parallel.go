package dup

import (
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/dedup"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// parallel reports whether two near copies are parallel text — the same
// template filled with different facts — rather than one text pasted twice:
//
//   - both begin with an enumeration label and the labels differ (第一百三十一条
//     and 第一百三十六条, （十二） and 第五十条: different provisions);
//   - or, with numbers folded, every difference swaps a word for another —
//     each changed stretch replaces at least one character by others and
//     spans three characters or more on the two sides together (人民法院 /
//     人民检察院, 拉萨市 / 汕头市, 劳动 / 受教育) — and the swaps change at
//     least minSwapShare of the shorter text.
//
// A copy with a phrase added or dropped, or with single characters changed
// here and there, is not parallel: that is how pasted and re-edited copies
// differ; nor is a long paragraph with one word changed. Names and organs
// that differ are meaningful, so parallel pairs are not duplicates (the
// clean corpora's statutes are full of them). The diff is tried in both
// directions, because an alignment of repeated characters (法院院长 /
// 检察院检察长) can hide a swap behind an insertion.
func parallel(a, b string) bool {
	return labelsDiffer(a, b) || wordSwapped(a, b)
}

// minSwapShare is the share of the shorter text that word swaps must
// change for a pair to be parallel: 国务院关于拉萨市城市总体规划的批复已经印发各地
// and its 汕头市 twin change 2 of 22. Lower, and a paragraph pasted twice
// with one word retyped would pass for a template; higher, and short
// templated sentences would be reported.
const minSwapShare = 0.08

// maxParallelSim bounds the edit similarity of word-swapped pairs: swaps
// of minSwapShare of the shorter key cost at least that many edits, so the
// similarity s of the keys satisfies 1 − s ≥ 0.08·s (s ≤ 0.926). Folding
// the figures for the test can shift this a little; the bound leaves room.
const maxParallelSim = 0.94

func labelsDiffer(a, b string) bool {
	la, lb := label(a), label(b)
	return la != "" && lb != "" && la != lb
}

func wordSwapped(a, b string) bool {
	const fold = dedup.FoldDigitRuns | dedup.FoldHanNumerals
	ka, kb := dedup.Normalize(a, fold), dedup.Normalize(b, fold)
	// The diff first takes off the common prefix and suffix; when one key
	// is all prefix and suffix, what is left is one insertion, not a swap.
	p := 0
	for p < len(ka) && p < len(kb) && ka[p] == kb[p] {
		p++
	}
	q := 0
	for q < len(ka)-p && q < len(kb)-p && ka[len(ka)-1-q] == kb[len(kb)-1-q] {
		q++
	}
	if p+q == len(ka) || p+q == len(kb) {
		return false
	}
	need := minSwapShare * float64(min(len(ka), len(kb)))
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // deterministic whatever the machine's speed
	for _, diffs := range [][]diffmatchpatch.Diff{dmp.DiffMainRunes(ka, kb, false), dmp.DiffMainRunes(kb, ka, false)} {
		if changed, ok := wordSwaps(diffs); ok && float64(changed) >= need {
			return true
		}
	}
	return false
}

// wordSwaps reports whether every changed stretch of a diff is a word swap
// (see parallel) and how many characters the swaps change (the longer side
// of each).
func wordSwaps(diffs []diffmatchpatch.Diff) (changed int, ok bool) {
	regions, del, ins := 0, 0, 0
	flush := func() bool {
		if del == 0 && ins == 0 {
			return true
		}
		good := del > 0 && ins > 0 && del+ins >= 3
		regions++
		changed += max(del, ins)
		del, ins = 0, 0
		return good
	}
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			del += n
		case diffmatchpatch.DiffInsert:
			ins += n
		default:
			if !flush() {
				return 0, false
			}
		}
	}
	if !flush() {
		return 0, false
	}
	return changed, regions > 0
}

// isNumeral reports digits (ASCII and full width) and the Chinese numerals
// dedup folds.
func isNumeral(r rune) bool {
	switch {
	case r >= '0' && r <= '9', r >= '０' && r <= '９':
		return true
	}
	return strings.ContainsRune("〇零一二三四五六七八九十百千两", r)
}

// label returns the enumeration label a unit begins with — 第X条 (章 节 款
// 项 编 部分), （X）, X、, X., X是 for 一是…十是, ①…⑳ — or "".
func label(s string) string {
	s = strings.TrimLeft(s, " \t\u3000\n")
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case r >= '①' && r <= '⑳':
		return s[:n]
	case r == '第':
		j := n + numeralRun(s[n:])
		if j > n {
			for _, unit := range []string{"条", "章", "节", "款", "项", "编", "部分", "篇"} {
				if strings.HasPrefix(s[j:], unit) {
					return s[:j+len(unit)]
				}
			}
		}
	case r == '（' || r == '(':
		j := n + numeralRun(s[n:])
		if j > n {
			if c, m := utf8.DecodeRuneInString(s[j:]); c == '）' || c == ')' {
				return s[:j+m]
			}
		}
	case isNumeral(r):
		j := numeralRun(s)
		c, m := utf8.DecodeRuneInString(s[j:])
		switch {
		case c == '、' || c == '．':
			return s[:j+m]
		case c == '.':
			if d, _ := utf8.DecodeRuneInString(s[j+m:]); !isNumeral(d) {
				return s[:j+m]
			}
		case c == '是' && j <= 6 && !strings.ContainsAny(s[:j], "0123456789０１２３４５６７８９"):
			return s[:j+m]
		}
	}
	return ""
}

// numeralRun is the byte length of the run of numerals at the start of s.
func numeralRun(s string) int {
	j := 0
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isNumeral(r) {
			break
		}
		j += n
	}
	return j
}

// numbers returns the figures of a text in order: runs of digits (with the
// decimal points and thousands separators between them) and runs of Chinese
// numerals, width-folded.
func numbers(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isNumeral(r):
			if r >= '０' && r <= '９' {
				r -= '０' - '0'
			}
			cur.WriteRune(r)
		case (r == '.' || r == ',' || r == '．' || r == '，') && cur.Len() > 0 && i+n < len(s):
			// A separator inside a number: a digit must follow.
			if d, _ := utf8.DecodeRuneInString(s[i+n:]); d >= '0' && d <= '9' || d >= '０' && d <= '９' {
				if r == '．' {
					r = '.'
				}
				if r == '，' {
					flush()
				} else {
					cur.WriteRune(r)
				}
			} else {
				flush()
			}
		default:
			flush()
		}
		i += n
	}
	flush()
	return out
}

// numberChanges lists the figures that differ between two texts of equal
// shape ("5.2 → 5.0"), or ok=false when the texts do not hold the same
// number of figures.
func numberChanges(a, b string) (changes []string, ok bool) {
	na, nb := numbers(a), numbers(b)
	if len(na) != len(nb) {
		return nil, false
	}
	for i := range na {
		if na[i] != nb[i] {
			changes = append(changes, na[i]+" → "+nb[i])
		}
	}
	return changes, true
}
