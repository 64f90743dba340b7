package numbers

import (
	"fmt"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
)

// MagnitudeDefinition reports a stated equivalence between an SI prefix or
// a magnitude word and a number that is off by a power of ten.
var MagnitudeDefinition = &lint.Rule{
	ID:        "magnitude-definition",
	Summary:   "a stated magnitude definition is off by a power of ten (1E=100亿)",
	SummaryZh: "数量级换算说明错误（如1E=100亿）",
	Doc: `Drafts about computing power, storage and energy explain SI prefixes in
Chinese magnitude words, and the glosses are often shifted by a step or two:
E (exa) is 10^18, which is 100亿亿, not 100亿 or 亿亿; P (peta) is 10^15,
1000万亿, not 万亿. SI prefixes go by 10^3 and Chinese magnitude words by 10^4
(万 10^4, 亿 10^8, 万亿 10^12, 亿亿 10^16), so a reading done from memory
easily slips.

The rule reads both sides of a stated equivalence exactly — 1E=100亿,
1P为1000万亿, 1EFLOPS（每秒百亿亿次）, 20EFLOPS（每秒2000亿亿次浮点运算）,
1万亿=10000亿, 1E = 10^18, with =, ＝, 为, 是, 即, 等于, 相当于 or a bracketed
gloss in ASCII or full-width brackets — in Arabic or Chinese numerals, with
万 亿 万亿 亿亿, decimals, 10^n and 10的n次方, and the prefixes k M G T P E Z
Y R Q with or without a unit (FLOPS, 次, B, W, Hz). Only a disagreement by an
exact power of ten is reported; correct definitions and other ratios
(1GB=1024MB, binary prefixes) are left alone. 兆 counts as correct when either
of its readings (10^6, 10^12) fits.

The message gives the true value in both notations. The fix (unsafe: the
figure, not the gloss, may be the wrong side) rewrites the Chinese reading —
the side without an SI prefix — in its own notation.

Basis: the SI prefix table of the 法定计量单位 and the 万/亿 system (万 10^4,
亿 10^8, 亿亿 10^16); GB/T 15835-2011 §4.1 for the figures.`,
	Category: "numbers",
	Severity: lint.Error,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "算力规模达到6E（1E=100亿）。\n",
		Good:  "算力规模达到6E（1E=100亿亿）。\n",
		Fixed: "算力规模达到6E（1E=100亿亿）。\n",
	}, {
		Bad:   "1EFLOPS（每秒亿亿次）浮点运算能力。\n",
		Good:  "1EFLOPS（每秒百亿亿次）浮点运算能力，1GB=1024MB。\n",
		Fixed: "1EFLOPS（每秒百亿亿次）浮点运算能力。\n",
	}},
	Run: runMagnitudeDefinition,
}

func runMagnitudeDefinition(p *lint.Pass) error {
	for _, d := range definitions(p.Doc) {
		n, bad := d.wrong()
		if !bad {
			continue
		}
		text := d.bf.text
		pr := d.bf.b.Prose()
		lo, hi := d.def.start, d.read.end
		if d.read.start < lo {
			lo, hi = d.read.start, d.def.end
		}
		defText := text[d.def.start:d.def.end]
		readText := text[d.read.start:d.read.numEnd]
		if d.read.q.Prefix != zhnum.NoPrefix {
			readText = text[d.read.start : d.read.start+d.read.q.PrefixAt+len(d.read.q.PrefixText)]
		}
		v, got := d.def.val, d.read.val
		trueZh := zhnum.FormatZh(v)
		fix := d.rewrite(text)
		factor := "10"
		if abs(n) > 1 {
			factor = "10^" + itoa(abs(n))
		}
		diag := lint.Diagnostic{
			Span: pr.SrcSpan(lo, hi),
			Message: fmt.Sprintf("%s = %s = %s, not %s (%s): the reading is off by a factor of %s",
				defText, zhnum.FormatPow(v), trueZh, readText, zhnum.FormatPow(got), factor),
			MessageZh: fmt.Sprintf("%s = %s = %s，而不是%s（%s），相差%s倍",
				defText, zhnum.FormatPow(v), trueZh, readText, zhnum.FormatPow(got), factor),
		}
		if e, ok := edit(pr, d.read.start, d.read.numEnd, fix); ok {
			diag.Fixes = []lint.Fix{{
				Message: "write " + fix,
				Edits:   []lint.Edit{e},
			}}
		}
		p.Report(diag)
	}
	return nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
