package style

import (
	"strings"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// IdeographicSpace reports U+3000 IDEOGRAPHIC SPACE used as an indent or
// inside running text.
var IdeographicSpace = &lint.Rule{
	ID:        "ideographic-space",
	Summary:   "ideographic spaces (U+3000) used as paragraph indents or inside sentences",
	SummaryZh: "段首全角空格缩进或句中全角空格",
	Doc: `Word processors indent Chinese paragraphs with two U+3000 IDEOGRAPHIC SPACE
characters; copied into plain text, Markdown or a web page the indent is
noise, and when paragraphs are flattened into one line the indents end up in
the middle of the text (省人民政府决定：　　任命…). Stored text should leave
indentation to the layout (reference §3.1 NORM-SPACE3000; W3C clreq leaves
spacing to the renderer).

- A run at the start of a paragraph or line is a word-processor indent: the
  safe fix removes it.
- A run inside a sentence is reported as a warning; the unsafe fix removes
  it (or leaves one ASCII space between two Latin words or numbers), and
  when it follows a sentence end or colon a second fix offers the paragraph
  break it probably stood for.
- In a line that is not a sentence — no 。！？；， on it, as in name lists and
  tables aligned with U+3000 (曲显海　黑龙江省电力有限公司…) or spaced-out
  headings (第一章　总　　则) — the space is alignment: reported at info,
  without a fix.
- After an article, chapter or section number at the start of a line
  (第一条　为了规范…) the space is the statute convention and is not
  reported.

Runs at the end of a line are left to blank-lines (trailing white space).`,
	Category: "style",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "　　全省共建成5G基站15.8万个。\n",
		Good:  "全省共建成5G基站15.8万个。\n",
		Fixed: "全省共建成5G基站15.8万个。\n",
	}, {
		Bad:   "省能源规划建设局：　　任命曹现中为副局长。\n",
		Good:  "省能源规划建设局：任命曹现中为副局长。\n",
		Fixed: "省能源规划建设局：任命曹现中为副局长。\n",
	}, {
		Good: "第一条 中华人民共和国是工人阶级领导的社会主义国家。\n",
	}},
	Run: runIdeographicSpace,
}

func runIdeographicSpace(p *lint.Pass) error {
	feats := features(p.Doc)
	for bi, b := range p.Doc.Blocks {
		if feats[bi]&featIdeoSpace == 0 {
			continue
		}
		text := b.Text()
		k := strings.Index(text, ideoSpace)
		if k < 0 {
			continue
		}
		pr := b.Prose()
		for k >= 0 {
			// Extend the run over neighbouring spaces of either width.
			s, e := k, k+len(ideoSpace)
			for s > 0 && (text[s-1] == ' ' || text[s-1] == '\t' || strings.HasSuffix(text[:s], ideoSpace)) {
				if text[s-1] == ' ' || text[s-1] == '\t' {
					s--
				} else {
					s -= len(ideoSpace)
				}
			}
			for e < len(text) && (text[e] == ' ' || text[e] == '\t' || strings.HasPrefix(text[e:], ideoSpace)) {
				if text[e] == ' ' || text[e] == '\t' {
					e++
				} else {
					e += len(ideoSpace)
				}
			}
			atStart := s == 0 || text[s-1] == '\n'
			atEnd := e == len(text) || text[e] == '\n' || text[e] == '\r'
			switch {
			case atEnd:
				// Trailing white space: blank-lines reports it.
			case atStart:
				p.Report(lint.Diagnostic{
					Span:      pr.SrcSpan(s, e),
					Message:   "ideographic space indent at the start of a paragraph; leave indentation to the layout",
					MessageZh: "段首使用全角空格缩进，缩进应交给排版处理",
					Fixes:     fullFix(p, pr, s, e, "", "remove the indent", true),
				})
			default:
				reportInnerSpace(p, b, pr, text, s, e)
			}
			next := strings.Index(text[e:], ideoSpace)
			if next < 0 {
				break
			}
			k = e + next
		}
	}
	return nil
}

func reportInnerSpace(p *lint.Pass, b *lint.Block, pr *lint.Prose, text string, s, e int) {
	ls, le := lineBounds(text, s)
	if en, ok := parseEnumerator(text, ls, true); ok && ls+en.size == s && en.fam <= famTiao {
		return // 第一条　为了…: statutes separate the article number so
	}
	if !isSentenceLine(text[ls:le]) {
		p.Report(lint.Diagnostic{
			Span:      pr.SrcSpan(s, e),
			Severity:  lint.Info,
			Message:   "ideographic space used for alignment or letter-spacing in a line that is not a sentence (list, table, heading); prefer markup",
			MessageZh: "全角空格用于名单、表格或标题的对齐或字距，宜改用表格、列表等排版手段",
		})
		return
	}
	l, _ := utf8.DecodeLastRuneInString(text[:s])
	r, _ := utf8.DecodeRuneInString(text[e:])
	repl := ""
	if !zh.IsChinese(l) && !zh.IsChinese(r) && l != utf8.RuneError && r != utf8.RuneError {
		repl = " " // two Latin words or numbers must stay apart
	}
	msg, msgZh := "ideographic space inside a sentence", "句中使用了全角空格"
	fixes := fullFix(p, pr, s, e, repl, "remove the ideographic space", false)
	if breakBefore(l) && strings.Count(text[s:e], ideoSpace) >= 2 {
		msg = "ideographic spaces inside a paragraph, probably a flattened paragraph indent"
		msgZh = "段落中间出现全角空格，可能是段落合并后残留的段首缩进"
		if b.Kind == lint.Paragraph && len(fixes) > 0 {
			nl := blockNewline(p.Doc, b)
			alt := fullFix(p, pr, s, e, nl+nl, "start a new paragraph here", false)
			fixes = append(fixes, alt...)
		}
	}
	p.Report(lint.Diagnostic{Span: pr.SrcSpan(s, e), Message: msg, MessageZh: msgZh, Fixes: fixes})
}

// breakBefore: marks after which a flattened paragraph break is likely.
func breakBefore(r rune) bool {
	switch r {
	case '。', '！', '？', '：', ':', '；', '”', '）':
		return true
	}
	return false
}

// isSentenceLine reports whether a line reads as running text rather than a
// list or table row: it carries sentence punctuation.
func isSentenceLine(line string) bool {
	for _, m := range []string{"。", "，", "；", "！", "？", ",", ";"} {
		if strings.Contains(line, m) {
			return true
		}
	}
	return false
}

// blockNewline is the line ending that follows the block in the source
// ("\n" at the end of the file).
func blockNewline(d *lint.Document, b *lint.Block) string {
	src := d.Src
	for i := b.Span.End; i < len(src); i++ {
		if src[i] == '\n' {
			if i > 0 && src[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}
