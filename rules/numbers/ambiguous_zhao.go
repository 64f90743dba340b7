package numbers

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
)

// AmbiguousZhao reports 兆 used as a magnitude word.
var AmbiguousZhao = &lint.Rule{
	ID:        "ambiguous-zhao",
	Summary:   "the magnitude word 兆 is ambiguous (10^6 or 10^12)",
	SummaryZh: "“兆”作数量级词有歧义（百万或万亿）",
	Doc: `In the PRC 兆 is the SI prefix mega, 10^6 (兆瓦 MW, 兆赫 MHz, 兆帕 MPa,
兆字节 MB); as a number word it means 10^12 in Taiwan and Japan (3兆日元 is
three trillion yen) and meant 10^6, 10^12 or 10^16 in older systems. A
figure such as 3兆元 or 1.2兆 therefore has two readings a million times
apart.

The rule reports 兆 after a number when no unit follows it (瓦 赫 帕 伏 欧 焦
卡 克 米 吨 升 字节 比特 位, ASCII units) and it is not network jargon
(千兆光网, 万兆以太网, 1000兆宽带, where 兆 stands for Mbit/s). The message
gives both readings; write 万亿 (10^12) or 百万 (10^6) instead. There is no
automatic fix: only the author knows which was meant.

Basis: the SI prefix table of the 法定计量单位 (兆 = 10^6); reference §2.6.`,
	Category: "numbers",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:  "日本政府计划投入3兆日元。\n",
		Good: "日本政府计划投入3万亿日元，新建10兆瓦光伏电站，推进千兆光网建设。\n",
	}},
	Run: runAmbiguousZhao,
}

// zhaoQuiet are words after 兆 that make it the SI prefix or network
// jargon: 兆吨 (megaton), 千兆宽带, 万兆以太网.
var zhaoQuiet = []string{
	"吨", "升", "宽带", "光网", "光纤", "网", "带宽", "以太", "接入", "端口", "到户", "入户",
	"流量", "内存", "显存", "存储", "像素", "级", "比特", "位", "字节", "赫", "瓦",
}

func runAmbiguousZhao(p *lint.Pass) error {
	df := figures(p.Doc)
	if df.flags&zhnum.Zhao == 0 {
		return nil
	}
	for _, bf := range df.blocks {
		text := bf.text
		for i := range bf.figs {
			f := &bf.figs[i]
			if f.q.Num.Flags&zhnum.Zhao == 0 || !zhaoMagnitude(text, f) {
				continue
			}
			num := f.num(text)
			ten12, ten6 := zhnum.FormatZh(f.q.Num.Value), zhnum.FormatZh(f.q.Num.Alt)
			pr := bf.b.Prose()
			p.Report(lint.Diagnostic{
				Span: pr.SrcSpan(f.start, f.numEnd),
				Message: fmt.Sprintf("兆 as a magnitude word is ambiguous: %s is %s (10^12 reading, Taiwan and Japan) or %s (10^6, the SI prefix mega); write %s or %s",
					num, ten12, ten6, ten12, ten6),
				MessageZh: fmt.Sprintf("“兆”作数量级词有歧义：%s可理解为%s（万亿，台湾、日本用法）或%s（百万，法定计量单位词头）；请改写为%s或%s",
					num, ten12, ten6, ten12, ten6),
			})
		}
	}
	return nil
}

// zhaoMagnitude reports whether the 兆 of figure f is a magnitude word: the
// number has a digit of its own (not 亿兆, 千兆, 万兆) and no unit or
// network word follows.
func zhaoMagnitude(text string, f *figure) bool {
	num := f.num(text)
	digit := false
	for _, r := range num {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' || strings.ContainsRune("〇零一二两三四五六七八九壹贰叁肆伍陆柒捌玖", r) {
			digit = true
			break
		}
	}
	if !digit {
		return false
	}
	if u := f.q.Unit; u != "" && !strings.HasPrefix(u, "次") || prefixAt(text, f.numEnd, zhaoQuiet...) > 0 {
		return false
	}
	return true
}
