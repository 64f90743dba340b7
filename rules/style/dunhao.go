package style

import (
	"strings"

	"github.com/draftlint/draftlint/lint"
)

// DunhaoClause reports a 顿号 joining the two halves of a correlative
// construction (既…也…, 不仅…而且…), which are clauses and take a comma.
var DunhaoClause = &lint.Rule{
	ID:        "dunhao-clause",
	Summary:   "enumeration comma 、 between clauses of 既…也…, 不仅…而且…",
	SummaryZh: "分句之间误用顿号（既…、也…；不仅…、而且…）",
	Doc: `The 顿号 、 separates coordinate words and phrases; clauses are separated by
a comma (GB/T 15834-2011 §4.5, §4.4; reference §3.2 PUNCT-DUNHAO-CLAUSE). The
halves of correlative constructions are clauses or full predicates, so a
顿号 before the second half is wrong:

  既要约束不当行为、也要营造优良环境 → 既要约束不当行为，也要营造优良环境

The rule reports a 、 directly followed by the second correlative (也, 又;
而且, 并且, 还要, 更是…; 另一方面; 一边; 一面) when the first one (既;
不仅, 不但, 不只, 不光; 一方面; 一边; 一面) opens the same clause, i.e.
appears after the last comma, semicolon, colon or sentence end. Other 顿号
of the clause are left alone — they separate items of a list inside one
half. Not taken for a correlative: 既然, 既往, 既定, 既得, 既成, 既有的,
also 也门 (Yemen) and 更 used as an adjective (更低的、更佳的).

Reported at info; the fix (a comma) is unsafe because the judgement rests on
a surface pattern.`,
	Category: "punctuation",
	Severity: lint.Info,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "尽快制定地方性法规，既要约束不当行为、也要营造产业优良发展环境。\n",
		Good:  "尽快制定地方性法规，既要约束不当行为，也要营造产业优良发展环境。\n",
		Fixed: "尽快制定地方性法规，既要约束不当行为，也要营造产业优良发展环境。\n",
	}, {
		Good: "既要加强组织、协调、督促，也要完善制度。具有更低的风阻系数、更佳的操控。\n",
	}},
	Run: runDunhaoClause,
}

type correlative struct {
	openers []string
	seconds []string
}

var correlatives = []correlative{
	{[]string{"既"}, []string{"也", "又"}},
	{[]string{"不仅", "不但", "不只", "不光", "不单"}, []string{"而且", "并且", "也", "还要", "还是", "还有", "还能", "还将", "还应", "还可", "还在", "还把", "还以", "还对", "还为", "还会", "更是", "更要", "更在于", "反而"}},
	{[]string{"一方面"}, []string{"另一方面", "一方面"}},
	{[]string{"一边"}, []string{"一边"}},
	{[]string{"一面"}, []string{"一面"}},
}

// Words that begin like an opener or a second half but are not one.
var notOpener = []string{"既然", "既往", "既定", "既得", "既成", "既遂", "既而", "既有的", "一面旗", "一边倒"}
var notSecond = []string{"也门", "又称"}

const dunhao = "、"

func runDunhaoClause(p *lint.Pass) error {
	feats := features(p.Doc)
	for bi, b := range p.Doc.Blocks {
		if feats[bi]&featDunhaoPair == 0 {
			continue
		}
		text := b.Text()
		k := strings.Index(text, dunhao)
		if k < 0 {
			continue
		}
		var pr *lint.Prose
		for k >= 0 {
			after := k + len(dunhao)
			if c, ok := clauseCorrelative(text, k, after); ok {
				if pr == nil {
					pr = b.Prose()
				}
				p.Report(lint.Diagnostic{
					Span:      pr.SrcSpan(k, after),
					Message:   "enumeration comma 、 between the clauses of " + c + "; use a comma ，",
					MessageZh: "“" + c + "”连接的是分句，分句之间应使用逗号而非顿号",
					Fixes:     fullFix(p, pr, k, after, "，", "use a comma", false),
				})
			}
			next := strings.Index(text[after:], dunhao)
			if next < 0 {
				break
			}
			k = after + next
		}
	}
	return nil
}

// clauseCorrelative checks the 、 at k: a second correlative after it and
// its opener earlier in the same clause. It returns the construction, e.g.
// "既…也…".
func clauseCorrelative(text string, k, after int) (string, bool) {
	rest := text[after:]
	for _, c := range correlatives {
		second := ""
		for _, s := range c.seconds {
			if strings.HasPrefix(rest, s) {
				second = s
				break
			}
		}
		if second == "" || hasAnyPrefix(rest, notSecond) {
			continue
		}
		clause := text[clauseStart(text, k):k]
		for _, o := range c.openers {
			if openerIn(clause, o) {
				return o + "…" + second + "…", true
			}
		}
	}
	return "", false
}

// clauseStart finds where the clause holding offset k begins: after the last
// comma, semicolon, colon, sentence end or line break.
func clauseStart(text string, k int) int {
	best := 0
	for _, m := range []string{"，", "；", "：", "。", "！", "？", "\n", ",", ";"} {
		if i := strings.LastIndex(text[:k], m); i >= 0 && i+len(m) > best {
			best = i + len(m)
		}
	}
	return best
}

func openerIn(clause, o string) bool {
	for i := 0; ; {
		j := strings.Index(clause[i:], o)
		if j < 0 {
			return false
		}
		i += j
		if !hasAnyPrefix(clause[i:], notOpener) {
			return true
		}
		i += len(o)
	}
}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
