package layout

import (
	"fmt"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// SplitParagraph reports a paragraph cut in two by a page or column break.
var SplitParagraph = &lint.Rule{
	ID:        "split-paragraph",
	Summary:   "paragraph cut in two by a page or column break",
	SummaryZh: "段落被分页或分栏断成两段",
	Doc: `Text copied out of a PDF or a laid-out Word file keeps the page breaks as
paragraph breaks: a sentence stops at the foot of one page and goes on as a
new paragraph at the top of the next (当前和今 / 后一个时期). Readers see a
paragraph without its final mark and a paragraph starting mid-sentence.

The rule looks at a paragraph that ends without a sentence-final mark
(。！？…, a closing quote or bracket, a colon or semicolon all count) and the
paragraph that follows it. Headings, list items, table rows, lines led by an
enumerator or bullet (一、 （一） 1. ■ ▶), bylines in brackets, date and
signature lines, verse (several short lines) and runs of short list lines
are never taken for a first half, nor is a line without any Han character
before Chinese prose (a command, a path, an address); a paragraph starting
with an enumerator, a bullet, an opening quote, a bracket or a dash is never
a second half, nor is one that follows a code block, an HTML block or
anything else that is not linted (text going on after an example). Section
numbers (1.2.12. …, 3.1.2 总体要求), short title-shaped lines (注意) and a
next paragraph that starts indented (two spaces or an ideographic space,
the first-line indent of typeset Chinese) need a word cut across the break.

Evidence is strong when the break falls inside a word (a unigram
segmenter over six characters each side, with word costs compiled from
jieba's dictionary, reads the text much better without the break: 今|后,
建|设), when the first half ends with a comma or 顿号 (unless it is an item
of a vertical list: three or more short comma-ended lines, or two after a
lead-in with a colon), or when a number is cut from its digits or unit
(GB/T 15835-2011 §5.1: an Arabic-numeral value must not be broken across
lines). It is medium when the first half holds complete sentences and then
stops inside a sentence (a title holds no sentence), when it ends with a
character or a grammatical word that cannot end a sentence (的 和 在 对 …,
任何 或者 依照 不断: jieba's prepositions, conjunctions, adverbs and
pronouns), when the second half starts with the end of a word (as
orphan-fragment reads it: 起初隆美 / 尔对此…), or when an English
paragraph goes on in lower case.

The fix joins the halves: the bytes between them are deleted, with no
separator between Han characters and one space between Latin words. It is
safe at strong evidence and unsafe otherwise. Page furniture (page numbers,
running headers) between the halves is deleted with the break; a photo
caption between them is reported by intruding-caption instead. Splits(doc)
gives the pairs to other rules.`,
	Category: "layout",
	Severity: lint.Error,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "省政协把学习宣传贯彻全会精神作为当前和今\n\n后一个时期的重大政治任务。\n",
		Good:  "省政协把学习宣传贯彻全会精神作为当前和今后一个时期的重大政治任务。\n",
		Fixed: "省政协把学习宣传贯彻全会精神作为当前和今后一个时期的重大政治任务。\n",
	}, {
		Bad:   "着力构建现代化产业体系，到2027年，\n\n全省制造业产值将达8万亿元。\n",
		Fixed: "着力构建现代化产业体系，到2027年，全省制造业产值将达8万亿元。\n",
	}, {
		Good: "### ■ 用全会精神统领政协各项工作\n\n会议强调，要认真对标对表。\n\n（记者 张三）\n",
	}},
	Run: runSplitParagraph,
}

// IntrudingCaption reports a photo caption between the halves of a cut
// sentence.
var IntrudingCaption = &lint.Rule{
	ID:        "intruding-caption",
	Summary:   "photo caption between the two halves of a cut sentence",
	SummaryZh: "图片说明插在被断开的句子中间",
	Doc: `When a laid-out page is turned into text, the caption under a photo lands
wherever the photo stood, often in the middle of a sentence that the page
layout flowed around it: 这次宣讲也是省政协机关一次加强 / (blank lines) /
7月22日，湖北省政协召开…会议。 / 人民政协专门协商机构建设，…

A caption is a short one-sentence paragraph led by a date with an event
verb (M月D日，…召开/举行/调研…), or starting with 图为/上图/下图, or ending with a
photographer's credit (（张三 摄）). It intrudes when the paragraph before it
stops without a sentence-final mark and the paragraph after it continues
that sentence (see split-paragraph for the evidence); a run of blank lines
where the image was, or a first half that is not a title-like line, is
enough evidence here.

The fix (unsafe: it moves text) joins the two halves and moves the caption
after the rejoined paragraph, where an editor can turn it into a proper
figure caption or delete it.`,
	Category: "layout",
	Severity: lint.Error,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "这次宣讲也是省政协机关一次加强\n\n\n\n7月22日，湖北省政协召开传达学习会议。\n\n人民政协专门协商机构建设的再动员。\n",
		Fixed: "这次宣讲也是省政协机关一次加强人民政协专门协商机构建设的再动员。\n\n7月22日，湖北省政协召开传达学习会议。\n",
	}, {
		Good: "这次宣讲也是一次再动员。\n\n7月22日，湖北省政协召开传达学习会议。\n\n会议由孙伟主持。\n",
	}},
	Run: runIntrudingCaption,
}

// StrayCaption reports a caption standing alone after a title or a byline.
var StrayCaption = &lint.Rule{
	ID:        "stray-caption",
	Summary:   "photo caption standing alone after a title, a byline or at the end",
	SummaryZh: "图片说明单独出现在标题、署名之后或文末",
	Doc: `A photo caption (a short one-sentence paragraph led by a date with an event
verb, or 图为…, or ending with a photographer's credit) right after a title or
subtitle, right after the byline, at the very end of a text or between runs
of blank lines is usually left over from a photo that was not carried over
into the text. It is often legitimate (a lead photo), so this rule only
informs, and it is off by default: select it with --select stray-caption.
No fix: whether to keep the caption, mark it as a figure caption or delete
it is an editor's call.`,
	Category: "layout",
	Severity: lint.Info,
	Default:  false,
	Examples: []lint.Example{{
		Bad:  "# 建设融合发展示范区\n\n\n\n9月3日，湖北省政协十三届七次常委会会议开幕。\n\n党的二十届三中全会对发展数字经济作出重要部署。\n",
		Good: "# 建设融合发展示范区\n\n党的二十届三中全会对发展数字经济作出重要部署。\n",
	}},
	Run: runStrayCaption,
}

// textEnd and textStart map a block's trimmed text to source offsets.
func textStart(bi *blockInfo) int { return bi.b.Prose().Src(bi.start) }
func textEnd(bi *blockInfo) int   { return bi.b.Prose().SrcEnd(bi.start + len(bi.text)) }

// lastRuneSpan is the source span of the block's last character.
func lastRuneSpan(bi *blockInfo) lint.Span {
	_, n := utf8.DecodeLastRuneInString(bi.text)
	p := bi.b.Prose()
	return lint.Span{Start: p.Src(bi.start + len(bi.text) - n), End: p.SrcEnd(bi.start + len(bi.text))}
}

func firstRuneSpan(bi *blockInfo) lint.Span {
	_, n := utf8.DecodeRuneInString(bi.text)
	p := bi.b.Prose()
	return lint.Span{Start: p.Src(bi.start), End: p.SrcEnd(bi.start + n)}
}

// joinSep is what goes between the halves: nothing between Han
// characters, one space between Latin words or numbers.
func joinSep(a, b string) string {
	l, _ := utf8.DecodeLastRuneInString(a)
	f, _ := utf8.DecodeRuneInString(b)
	if (isLatinLetter(l) || isDigit(l) || l == ',') && (isLatinLetter(f) || isDigit(f)) {
		return " "
	}
	return ""
}

// joinEdit deletes the bytes between the halves (and whatever sits
// between them); ok is false when that range touches a region the
// runner must not edit.
func joinEdit(doc *lint.Document, a, b *blockInfo) (lint.Edit, bool) {
	e := lint.Edit{Start: textEnd(a), End: textStart(b), New: joinSep(a.text, b.text)}
	if e.End < e.Start || doc.OverlapsRegion(lint.Span{Start: e.Start, End: e.End}) {
		return e, false
	}
	return e, true
}

func runSplitParagraph(p *lint.Pass) error {
	doc := p.Doc
	an := analyse(doc)
	for _, sp := range an.splits {
		if sp.Caption >= 0 {
			continue // intruding-caption reports it
		}
		a, b := &an.blocks[sp.First], &an.blocks[sp.Second]
		line := doc.Pos(textStart(b)).Line
		aline := doc.Pos(textEnd(a)).Line
		var en, zh string
		switch sp.Reason {
		case "word":
			en = fmt.Sprintf("paragraph breaks off inside the word “%s”; the sentence continues at line %d", sp.Word, line)
			zh = fmt.Sprintf("段落在词语“%s”中间断开，句子在第 %d 行继续", sp.Word, line)
		case "comma":
			en = fmt.Sprintf("paragraph ends with a comma; the sentence continues at line %d", line)
			zh = fmt.Sprintf("段落以逗号结尾，句子在第 %d 行继续", line)
		case "number":
			en = fmt.Sprintf("a number is cut from its unit or digits; the sentence continues at line %d", line)
			zh = fmt.Sprintf("数字与其单位或数位被断开，句子在第 %d 行继续", line)
		default:
			en = fmt.Sprintf("paragraph stops mid-sentence without a closing mark; it seems to continue at line %d", line)
			zh = fmt.Sprintf("段落在句中中断、没有句末标点，似乎在第 %d 行继续", line)
		}
		if len(sp.Between) > 0 {
			en += " (past page furniture)"
			zh += "（中间隔着页眉页脚或页码）"
		}
		d := lint.Diagnostic{
			Span:      lastRuneSpan(a),
			Message:   en + " (page break?)",
			MessageZh: zh + "（疑为分页所致）",
			Related: []lint.Related{{Span: firstRuneSpan(b),
				Message: fmt.Sprintf("continuation of the sentence cut at line %d", aline)}},
		}
		if e, ok := joinEdit(doc, a, b); ok {
			d.Fixes = []lint.Fix{{Message: "join the two halves", Safe: sp.Strong, Edits: []lint.Edit{e}}}
		}
		p.Report(d)
	}
	return nil
}

func runIntrudingCaption(p *lint.Pass) error {
	doc := p.Doc
	an := analyse(doc)
	nl := ""
	for _, sp := range an.splits {
		if sp.Caption < 0 {
			continue
		}
		if nl == "" {
			nl = doc.Newline() // a scan of the whole file: only when needed
		}
		a, c, b := &an.blocks[sp.First], &an.blocks[sp.Caption], &an.blocks[sp.Second]
		aline := doc.Pos(textEnd(a)).Line
		bline := doc.Pos(textStart(b)).Line
		d := lint.Diagnostic{
			Span: lint.Span{Start: textStart(c), End: textEnd(c)},
			Message: fmt.Sprintf("photo caption sits between the halves of a sentence cut at line %d and continued at line %d",
				aline, bline),
			MessageZh: fmt.Sprintf("图片说明插在被断开的句子中间（第 %d 行断开，第 %d 行继续）", aline, bline),
			Related: []lint.Related{
				{Span: lastRuneSpan(a), Message: "first half of the cut sentence"},
				{Span: firstRuneSpan(b), Message: "second half of the cut sentence"},
			},
		}
		join, ok := joinEdit(doc, a, b)
		// The caption goes after the rejoined paragraph, at the end of the
		// second half's last line.
		at := doc.LineSpan(doc.Line(textEnd(b))).End
		capSrc := string(doc.Src[c.b.Span.Start:c.b.Span.End])
		move := lint.Edit{Start: at, End: at, New: nl + nl + capSrc}
		if ok && !doc.OverlapsRegion(lint.Span{Start: c.b.Span.Start, End: c.b.Span.End}) {
			d.Fixes = []lint.Fix{{Message: "join the halves and move the caption after the paragraph", Safe: false,
				Edits: []lint.Edit{join, move}}}
		}
		p.Report(d)
	}
	return nil
}

func runStrayCaption(p *lint.Pass) error {
	doc := p.Doc
	an := analyse(doc)
	for _, i := range an.stray {
		c := &an.blocks[i]
		p.Report(lint.Diagnostic{
			Span:      lint.Span{Start: textStart(c), End: textEnd(c)},
			Message:   "photo caption standing alone " + strayWhere(an, i) + "; keep it as a figure caption or delete it",
			MessageZh: "疑似图片说明单独成段（" + strayWhereZh(an, i) + "），请标为图片说明或删除",
		})
	}
	return nil
}

// strayCaption: a caption right after a heading or a byline, at the end of
// the text, or between blank-line runs.
func strayCaption(a *analysis, i int) bool {
	return strayWhere(a, i) != ""
}

func strayWhere(a *analysis, i int) string {
	switch k := strayKind(a, i); k {
	case 1:
		return "after a title"
	case 2:
		return "after the byline"
	case 3:
		return "at the end of the text"
	case 4:
		return "between runs of blank lines"
	}
	return ""
}

func strayWhereZh(a *analysis, i int) string {
	return [...]string{"", "标题之后", "署名之后", "文末", "前后均有多个空行"}[strayKind(a, i)]
}

func strayKind(a *analysis, i int) int {
	if a.inSplit[i] {
		return 0
	}
	for _, sp := range a.splits {
		if sp.Caption == i {
			return 0
		}
	}
	prev := i - 1
	for prev >= 0 && a.blocks[prev].role == roleFurniture {
		prev--
	}
	if prev >= 0 {
		pb := &a.blocks[prev]
		if pb.b.Kind == lint.Heading {
			return 1
		}
		if pb.role == roleByline || endsWithByline(pb.text) {
			return 2
		}
	}
	if i == len(a.blocks)-1 {
		return 3
	}
	if a.blocks[i].b.BlankBefore >= 2 && a.blocks[i+1].b.BlankBefore >= 2 {
		return 4
	}
	return 0
}

// endsWithByline: a paragraph ending with a short bracketed name, as news
// reports do: …作出新的更大贡献。(毛丽萍)
func endsWithByline(s string) bool {
	l, _ := utf8.DecodeLastRuneInString(s)
	var open rune
	switch l {
	case ')':
		open = '('
	case '）':
		open = '（'
	default:
		return false
	}
	rs := []rune(s)
	for k := len(rs) - 2; k >= 0 && k >= len(rs)-16; k-- {
		if rs[k] == open {
			return k > 0 && (rs[k-1] == '。' || rs[k-1] == '！' || rs[k-1] == '？' || rs[k-1] == '”')
		}
	}
	return false
}
