package numbers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
)

// findings runs rules over one text and returns their findings.
func findings(t *testing.T, text string, rules ...*lint.Rule) []lint.Diagnostic {
	t.Helper()
	doc := lint.Parse("t.txt", []byte(text+"\n"), lint.FormatText)
	diags, errs := lint.Check(doc, rules)
	for _, e := range errs {
		t.Fatalf("%q: %v", text, e)
	}
	return diags
}

// readings returns ways Chinese texts write 10^n: 百亿亿, 一百亿亿,
// 100亿亿, 10^18, 10的18次方.
func readings(n int) []string {
	v := zhnum.Pow10(n)
	out := []string{zhnum.Pow10Zh(n), "一" + zhnum.Pow10Zh(n), zhnum.FormatZh(v), "10^" + itoa(n), "10的" + itoa(n) + "次方"}
	if n < 4 {
		out = out[2:] // 千 alone reads as a number word only with a unit after it
		out = append(out, "一"+zhnum.Pow10Zh(n))
	}
	return out
}

// definitionForms puts a prefix symbol and a reading into the shapes
// definitions take in drafts.
var definitionForms = []string{
	"1%[1]s=%[2]s",
	"1%[1]s = %[2]s",
	"1%[1]s＝%[2]s",
	"其中1%[1]s为%[2]s。",
	"1%[1]s即%[2]s",
	"1%[1]s等于%[2]s",
	"1%[1]s相当于%[2]s",
	"1%[1]sFLOPS（每秒%[2]s次）",
	"1%[1]sFLOPS(每秒%[2]s次浮点运算)",
	"算力达到6E（1%[1]s=%[2]s）次",
	"算力达到6E(1%[1]s=%[2]s)次",
	"%[1]sFLOPS = 每秒%[2]s次",
	"%[1]sFLOPS（每秒%[2]s次）",
	"每秒%[2]s次（1%[1]sFLOPS）",
	"1 %[1]sB = %[2]s字节",
	"1%[1]sW（%[2]s瓦）",
}

// Every prefix k…Q against every reading of its value, and readings off by
// one step in each direction: a power of ten, an SI step (10^3), a 万 step
// (10^4) and the 亿 slip of the sample (10^8).
func TestDefinitionTable(t *testing.T) {
	checked := 0
	for _, p := range zhnum.Prefixes() {
		e := p.Exp()
		want := zhnum.Pow10(e)
		for _, form := range definitionForms {
			for _, r := range readings(e) {
				if skipReading(form, r) {
					continue
				}
				text := fmt.Sprintf(form, p.Symbol(), r)
				if ds := defFindings(t, text); len(ds) != 0 {
					t.Errorf("%q: correct definition reported: %s", text, ds[0].Message)
				}
				checked++
			}
			for _, off := range []int{-1, 1, -3, 3, -4, 4, -8, 8} {
				if e+off < 1 {
					continue
				}
				for _, r := range readings(e + off) {
					if skipReading(form, r) {
						continue
					}
					text := fmt.Sprintf(form, p.Symbol(), r)
					checked++
					ds := defFindings(t, text)
					if len(ds) != 1 {
						t.Errorf("%q: %d findings, want 1", text, len(ds))
						continue
					}
					msg := ds[0].Message
					if !strings.Contains(msg, " = "+zhnum.FormatPow(want)+" = "+zhnum.FormatZh(want)+", not ") {
						t.Errorf("%q: message %q lacks the true value %s = %s", text, msg, zhnum.FormatPow(want), zhnum.FormatZh(want))
					}
					if len(ds[0].Fixes) != 1 || ds[0].Fixes[0].Safe {
						t.Errorf("%q: want one unsafe fix, got %+v", text, ds[0].Fixes)
						continue
					}
					// The fix writes a correct reading.
					doc := lint.Parse("t.txt", []byte(text+"\n"), lint.FormatText)
					fixed, left, _, err := lint.FixAll(doc, []*lint.Rule{MagnitudeDefinition}, true)
					if err != nil || len(left) != 0 {
						t.Errorf("%q: fixing gives %q, %v, %d findings left", text, fixed, err, len(left))
					}
				}
			}
		}
	}
	t.Logf("%d definitions checked", checked)
}

// skipReading: a reading before its bracketed prefix (每秒…次（1EFLOPS）)
// is read back from the bracket over numerals, which 10的n次方 is not.
func skipReading(form, r string) bool {
	if !strings.HasPrefix(form, "每秒%[2]s") {
		return false
	}
	return strings.HasPrefix(r, "10的")
}

func defFindings(t *testing.T, text string) []lint.Diagnostic {
	var out []lint.Diagnostic
	for _, d := range findings(t, text, MagnitudeDefinition) {
		if d.Rule == MagnitudeDefinition.ID {
			out = append(out, d)
		}
	}
	return out
}

// Chinese magnitude words defined by each other, and other notations.
func TestDefinitionOtherForms(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // "" when silent, else a part of the message
	}{
		{"1万亿=10000亿", ""},
		{"1万亿=1000亿", "1万亿 = 10^12 = 1万亿, not 1000亿 (10^11)"},
		{"1亿亿=10^16", ""},
		{"一亿亿即一万万亿", ""},
		{"1E = 10^18 = 100亿亿", ""},
		{"1E = 10^18 = 10亿亿", "10^18 = 10^18 = 100亿亿, not 10亿亿"},
		{"1E=1000P", ""},
		{"1E=100P", "not 100P (10^17)"},
		{"1P为1000T", ""},
		{"20EFLOPS（每秒2000亿亿次浮点运算）", ""},
		{"20EFLOPS（每秒200亿亿次浮点运算）", "20EFLOPS = 2×10^19 = 2000亿亿, not 200亿亿"},
		{"6E，即600亿亿次", ""},
		{"6E，即60亿亿次", "6E = 6×10^18 = 600亿亿, not 60亿亿"},
		{"E级（每秒百亿亿次）", ""},
		{"E级，即每秒亿亿次", "E级 = 10^18 = 100亿亿, not 亿亿"},
		{"1.8万P（1.8万×10^15）", ""},
		// Not magnitude slips: binary prefixes, other quantities.
		{"1GB=1024MB", ""},
		{"1KB=1024B", ""},
		{"1kWh=3.6MJ", ""},
		{"2K(2048×1080)", ""},
		{"5G（第五代移动通信）", ""},
		{"全省5G基站为5万个", ""},
		{"以1万为1个单位", ""},
		{"1亿元即1个亿", ""},
		{"达到1亿，即全省的10%", ""},
		{"1E约为100亿", ""},
		{"1P为一个单位", ""},
		{"1E为三类", ""},
		{"1k为十个", ""},
		{"以1E为一些", ""},
		{"1k=100", "1k = 10^3 = 1000, not 100 (10^2)"},
		// 兆 as the SI prefix mega and as a magnitude word.
		{"1MW=1兆瓦", ""},
		{"1GW=1000兆瓦", ""},
		{"1GW=100兆瓦", "1GW = 10^9 = 10亿, not 100兆 (10^8)"},
		{"1TW=1兆瓦", "1TW = 10^12 = 1万亿, not 1兆 (10^6)"},
		{"1MHz=1兆赫", ""},
		{"1T=1兆", ""},
		{"1M=1兆", ""},
		{"1E=1兆", "1E = 10^18 = 100亿亿, not 1兆 (10^12)"},
	} {
		ds := defFindings(t, c.text)
		switch {
		case c.want == "" && len(ds) > 0:
			t.Errorf("%q: unexpected finding: %s", c.text, ds[0].Message)
		case c.want != "" && len(ds) != 1:
			t.Errorf("%q: %d findings, want 1", c.text, len(ds))
		case c.want != "" && !strings.Contains(ds[0].Message, c.want):
			t.Errorf("%q: message %q lacks %q", c.text, ds[0].Message, c.want)
		}
	}
}

// 兆 in its unit and magnitude senses.
func TestZhaoSenses(t *testing.T) {
	for _, c := range []struct {
		text string
		bad  bool
	}{
		{"日本政府计划投入3兆日元。", true},
		{"市场规模约1.2兆。", true},
		{"两岸贸易额达一兆美元。", true},
		{"累计完成3兆5000亿元投资。", true},
		{"1T=1兆", true},
		{"1M=1兆", true},
		{"超算每秒运算1兆次。", true},
		{"新建10兆瓦光伏电站。", false},
		{"主频2兆赫。", false},
		{"压力为5兆帕。", false},
		{"文件大小为20兆字节。", false},
		{"推进千兆光网建设。", false},
		{"部署万兆以太网。", false},
		{"开通1000兆宽带。", false},
		{"当量为2兆吨。", false},
		{"亿兆人民同心。", false},
		{"省政协副主任王兆民出席。", false},
		{"这是一个吉兆。", false},
	} {
		ds := findings(t, c.text, AmbiguousZhao)
		if c.bad != (len(ds) == 1) || len(ds) > 1 {
			t.Errorf("%q: %d ambiguous-zhao findings, want bad=%v", c.text, len(ds), c.bad)
		}
		if len(ds) == 1 && (!strings.Contains(ds[0].Message, "10^12") || !strings.Contains(ds[0].Message, "10^6")) {
			t.Errorf("%q: message %q lacks both readings", c.text, ds[0].Message)
		}
	}
}
