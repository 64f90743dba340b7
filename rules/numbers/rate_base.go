package numbers

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
)

// RateBase reports computing power given as a count of operations without
// a time base.
var RateBase = &lint.Rule{
	ID:        "rate-base",
	Summary:   "a computing-power figure counts operations without a time base (6E次)",
	SummaryZh: "算力数值只有次数而缺少时间基准（如6E次）",
	Doc: `Computing power is a rate: floating-point operations per second (FLOPS).
A figure such as 算力规模达到6E次 or 算力…100P次 gives a count of operations
with no time base, which measures nothing; the author means 6 EFLOPS, that
is 每秒600亿亿次.

The rule looks at a figure with an SI prefix of T or more (6E, 100P) or a
Chinese count of at least 万亿, followed by 次 — directly or after a
bracketed note, as in 6E(1E=…)次 — in a sentence about computing power (算力,
计算能力, 运算能力, 运算速度, 峰值, FLOPS; a total count such as 累计完成运算
1万亿次 is a count and stays). 每秒
before the figure in its clause, or /秒, 每秒, /s after 次, is a time base.
Definitions (1E=100亿亿次) are left to magnitude-definition.

It is a note (info) without a fix: the author chooses between 6EFLOPS and
每秒600亿亿次. Basis: SI (the unit of computing power is FLOPS, a rate);
reference §2.6 MAG-UNIT-NOBASE.`,
	Category: "numbers",
	Severity: lint.Info,
	Default:  true,
	Examples: []lint.Example{{
		Bad:  "全省算力规模达到6E次。\n",
		Good: "全省算力规模达到6EFLOPS，即每秒600亿亿次浮点运算。\n",
	}},
	Run: runRateBase,
}

func runRateBase(p *lint.Pass) error {
	definitions(p.Doc)
	bfs := figures(p.Doc).blocks
	for bi := range bfs {
		bf := &bfs[bi]
		text := bf.text
		for i := range bf.figs {
			f := &bf.figs[i]
			end, ok := countWithoutBase(bf, f)
			if !ok {
				continue
			}
			v := f.q.Value()
			var sugg string
			if f.q.Prefix != zhnum.NoPrefix {
				sugg = f.q.Num.Value.String() + f.q.Prefix.Symbol() + "FLOPS或"
			}
			sugg += "每秒" + zhnum.FormatZh(v) + "次"
			shown := f.text(text)
			if end > f.end+3 {
				shown += "…次"
			} else if f.q.Unit == "" {
				shown += "次"
			}
			pr := bf.b.Prose()
			p.Report(lint.Diagnostic{
				Span:      pr.SrcSpan(f.start, end),
				Message:   fmt.Sprintf("%s counts operations without a time base; computing power is a rate: write %s", shown, strings.ReplaceAll(sugg, "或", " or ")),
				MessageZh: fmt.Sprintf("%s只有运算次数，缺少时间基准；算力是速率，应写作%s", shown, sugg),
			})
		}
	}
	return nil
}

// countWithoutBase reports whether figure f is a computing-power count
// with 次 and no time base, and returns where 次 ends.
func countWithoutBase(bf *blockFigures, f *figure) (int, bool) {
	text := bf.text
	q := f.q
	if f.code() || q.Num.Flags&(zhnum.Percent|zhnum.Permille) != 0 || bf.inDefinition(f.start) {
		return 0, false
	}
	switch {
	case q.Prefix >= zhnum.Tera && q.PrefixText != "" && q.PrefixText[0] < 0x80:
	case q.Prefix == zhnum.NoPrefix && q.Num.Flags&zhnum.Magnitude != 0 && q.Num.Value.Log10() >= 12:
	default:
		return 0, false
	}
	end := 0
	switch q.Unit {
	case "次":
		end = f.end
	case "":
		j := f.end
		if o := openBracket(text, j); o > 0 {
			c := closingAfter(text, j+o, 48)
			if c < 0 {
				return 0, false
			}
			j = c
		}
		j = skipSpace(text, j)
		if !strings.HasPrefix(text[j:], "次") {
			return 0, false
		}
		end = j + len("次")
	default:
		return 0, false // 次/秒, FLOPS, other units
	}
	if prefixAt(text, end, "/秒", "每秒", "/s", "／秒") > 0 {
		return 0, false
	}
	if strings.Contains(text[clauseStart(text, f.start):f.start], "每秒") {
		return 0, false
	}
	s, e := sentenceAt(bf.b, text, f.start)
	if !hasAny(text[s:e], computeWords) {
		return 0, false
	}
	return end, true
}

// closingAfter returns the offset after the round bracket closing within
// limit bytes of i, or -1; a nested opening bracket gives up.
func closingAfter(text string, i, limit int) int {
	for j := i; j < len(text) && j < i+limit; {
		if c := closeBracket(text, j); c > 0 {
			return j + c
		}
		if openBracket(text, j) > 0 || text[j] == '\n' {
			return -1
		}
		j++
	}
	return -1
}
