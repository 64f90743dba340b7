package dup

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// RepeatedWord reports a function word typed twice: 的的, 了了, the the.
var RepeatedWord = &lint.Rule{
	ID:        "repeated-word",
	Summary:   "a function word typed twice in a row (的的, 了了, the the)",
	SummaryZh: "虚词重复（的的、了了、the the）",
	Doc: `A word typed twice — 的的, 了了, 在在, 是是, the the, and and — is a slip that
spell checkers miss. Chinese is full of doubled characters that are
correct: reduplication (紧紧, 常常, 研究研究, 实实在在, 是是非非), words that
end and begin with the same character (人民民主, 常委会会议, 工作队队员, 一九一一,
三三制), and clean official text has 20 to 35 of them in 20 000 characters.
So the rule looks only at nine function characters — 的 了 在 是 和 与 把 被
对 — and stays silent when the first belongs to a word ending in it (目的的,
为了了解, 现在在, 参与与, 植被被) or the second begins a word (的确, 了解, 在于,
是否, 和平, 与会, 把关, 被告, 对方, 对流), or the pair is half of an AABB
reduplication (的的确确, 和和美美).

In English, a doubled article, preposition or conjunction (the the, a a,
and and, of of, to to) is reported; doubled words that can be right (had
had, that that, is is) are not.

The fix deletes the second copy (and the space before it). It is safe,
except for 在在, 被被 and 对对, where the second character may begin a word
the list does not know (在在建项目, 被被执行人, 对对口单位): unsafe there.`,
	Category: "duplication",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "我们要认真落实会议的的精神，完成了了全年任务。Read the the report.\n",
		Good:  "坚持人民民主，召开常委会会议，紧紧围绕目标，为了了解情况，实实在在推进。It had had no effect.\n",
		Fixed: "我们要认真落实会议的精神，完成了全年任务。Read the report.\n",
	}},
	Run: runRepeatedWord,
}

// hanRepeat describes the legitimate contexts of one doubled character:
// characters that form a word with the first copy when they precede it,
// characters that form a word with the second copy when they follow it, and
// the partners of AABB reduplications (的的确确, 实实在在).
type hanRepeat struct {
	before, after, aabb string
	unsafe              bool // the second copy may begin a word not listed
}

var hanRepeats = map[rune]hanRepeat{
	'的': {before: "目标", after: "确士哥卢", aabb: "确"},
	// 甚: 不甚了了, where 了了 is "clear".
	'了': {before: "不罢算得时末甚", after: "解却结然得无之如断不当事"},
	'在': {
		before: "现存实正所自内潜外旨好贵重难意志",
		after:  "于场职建校读押逃线内意乎所即此岗编案世望座外家位野握理行先研营途库华京沪鄂汉美任售运用产施管保审办册",
		aabb:   "实自",
		unsafe: true,
	},
	'是': {before: "于但可若", after: "否非", aabb: "非"},
	'和': {before: "总平温柔祥谦", after: "平谐睦解蔼气善美煦缓约谈局声弦田顺衷风盘尚服会亲", aabb: "美气睦顺"},
	'与': {before: "参给赋授施寄相", after: "会"},
	'把': {before: "一几火拖这那车门刀两扶", after: "关握手守持柄脉戏玩式控舵门"},
	'被': {
		before: "植棉盖覆",
		after:  "告子动迫害保执选继征调褥申审投许代监扶考评检访处救授侵抚赡担委举",
		unsafe: true,
	},
	'对': {
		before: "一",
		// 的: 对对的, a reduplicated "right" of dialogue (你说得对对的).
		after:  "方象手称比接口应待照流联话外立抗冲标账策等岸面错峙子焦调折开半头号白仗偶视答撞歌弈垒阵决的",
		unsafe: true,
	},
}

// englishRepeats are the English words reported when doubled.
var englishRepeats = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true,
	"to": true, "for": true, "with": true, "from": true, "by": true,
}

func runRepeatedWord(p *lint.Pass) error {
	for _, b := range p.Doc.Blocks {
		if b.Kind == lint.TableCell {
			continue
		}
		text := b.Text()
		hanRepeatsIn(p, b, text)
		if strings.IndexByte(text, ' ') >= 0 || strings.IndexByte(text, '\n') >= 0 {
			englishRepeatsIn(p, b, text)
		}
	}
	return nil
}

// hanRepeatsIn reports the doubled function characters of a block. It
// looks only where a three-byte character is followed by itself (every
// character of hanRepeats is three bytes long), so a block costs one pass
// over its bytes.
func hanRepeatsIn(p *lint.Pass, b *lint.Block, text string) {
	var pr *lint.Prose
	for i := 0; i+6 <= len(text); {
		c := text[i]
		if c < 0xE0 || c >= 0xF0 {
			i++
			continue
		}
		if text[i+3] != c || text[i+4] != text[i+1] || text[i+5] != text[i+2] {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		rule, ok := hanRepeats[r]
		if !ok {
			i += n
			continue
		}
		j := i + 2*n // after the pair
		var prev, prev2, next, next2 rune
		if i > 0 {
			var pn int
			prev, pn = utf8.DecodeLastRuneInString(text[:i])
			if i-pn > 0 {
				prev2, _ = utf8.DecodeLastRuneInString(text[:i-pn])
			}
		}
		if j < len(text) {
			var nn int
			next, nn = utf8.DecodeRuneInString(text[j:])
			if j+nn < len(text) {
				next2, _ = utf8.DecodeRuneInString(text[j+nn:])
			}
		}
		var legit bool
		switch {
		case next == r || prev == r:
			legit = true // three in a row: not a slip of one key
		case !lint.IsHan(next):
			// Nothing follows that could begin a word: only a particle
			// can stand there (受不了了。).
			legit = r == '了' && strings.ContainsRune(rule.before, prev)
		default:
			legit = strings.ContainsRune(rule.before, prev) ||
				strings.ContainsRune(rule.after, next) ||
				prev == prev2 && strings.ContainsRune(rule.aabb, prev) || // 实实在在
				next == next2 && strings.ContainsRune(rule.aabb, next) // 是是非非
		}
		if !legit {
			if pr == nil {
				pr = b.Prose()
			}
			word := string(r)
			d := lint.Diagnostic{
				Span:      pr.SrcSpan(i, j),
				Message:   fmt.Sprintf("“%s” is typed twice", word),
				MessageZh: fmt.Sprintf("“%s”字重复", word),
			}
			if pr.Contiguous(i+n, j) {
				sp := pr.SrcSpan(i+n, j)
				d.Fixes = []lint.Fix{{
					Message: "delete the second “" + word + "”",
					Safe:    !rule.unsafe,
					Edits:   []lint.Edit{{Start: sp.Start, End: sp.End}},
				}}
			}
			p.Report(d)
		}
		i = j
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '\'' || c == '-'
}

func englishRepeatsIn(p *lint.Pass, b *lint.Block, text string) {
	pr := b.Prose()
	// Walk the ASCII words; remember the previous one and where it ended.
	prevWord, prevEnd := "", -1
	for i := 0; i < len(text); {
		c := text[i]
		if !isWordByte(c) {
			if c >= utf8.RuneSelf {
				r, n := utf8.DecodeRuneInString(text[i:])
				if !isSpace(r) {
					prevWord = "" // a non-space character separates
				}
				i += n
				continue
			}
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				prevWord = ""
			}
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		w := text[i:j]
		if prevWord != "" && strings.EqualFold(w, prevWord) && englishRepeats[strings.ToLower(w)] &&
			!followsLetter(text, prevEnd-len(prevWord)) {
			d := lint.Diagnostic{
				Span:      pr.SrcSpan(prevEnd-len(prevWord), j),
				Message:   fmt.Sprintf("%q is typed twice", strings.ToLower(w)),
				MessageZh: fmt.Sprintf("“%s”重复", strings.ToLower(w)),
			}
			// Delete the second copy with the space before it; across a
			// line break, delete the first with the space before it
			// instead, so the lines keep their breaks.
			ds, de := prevEnd, j
			first := prevEnd - len(prevWord)
			if strings.ContainsRune(text[prevEnd:i], '\n') && first > 0 && (text[first-1] == ' ' || text[first-1] == '\t') {
				ds, de = first-1, prevEnd
			}
			if pr.Contiguous(ds, de) {
				sp := pr.SrcSpan(ds, de)
				d.Fixes = []lint.Fix{{
					Message: fmt.Sprintf("delete the second %q", w),
					Safe:    true,
					Edits:   []lint.Edit{{Start: sp.Start, End: sp.End}},
				}}
			}
			p.Report(d)
			prevWord = "" // "the the the" is one finding per pair, not overlapping
		} else {
			prevWord = w
		}
		prevEnd = j
		i = j
	}
}

// followsLetter reports whether the word at i is glued to a letter before
// it (part of a longer token the ASCII walk split, such as é in café).
func followsLetter(text string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}
