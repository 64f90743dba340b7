package numbers

import (
	"fmt"
	"strings"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/internal/zh"
)

// NumberRange reports ranges that drop the magnitude or percent sign of
// their first value, and ASCII connectors in a document that uses ～ or —.
var NumberRange = &lint.Rule{
	ID:        "number-range",
	Summary:   "a numeric range drops the %/万/亿 of its first value, or mixes connectors",
	SummaryZh: "数值范围前一数值省略了%或万、亿，或连接号与全文不一致",
	Doc: `GB/T 15835-2011 §5.1 lets a range drop the unit of its first value only
when nothing is lost: 100～150 kg is fine, but 15～30% reads as "15 to 30
percent" only by guesswork (15 could be an absolute number) and 9～16亿 as
"9 to 1.6 billion" or "9 hundred million to 1.6 billion". Write 15%～30%,
9亿～16亿, 13万～17万元. A range is reported when its second value carries
%, ‰ or a magnitude word (万 亿 万亿) and the first does not, and the first
value with that suffix is not larger than the second (2000～3万 is a range
from 2000 to 30000 and stays).

Ranges take ～ (or — for periods and places, GB/T 15834 §4.13); a document
that writes its ranges with ～ or — and now and then with an ASCII - or ~
between numbers followed by a Chinese unit (3-5年, 10~20万元) is reported
there, unless ASCII connectors are the document's own convention (as in
Wikipedia text: 35-760公尺, 1688-1697年).

Left alone: ISO dates (2023-01-05), phone numbers and codes (027-12345678,
GB/T 15835-2011, 图-154, leading zeros), ordinals (第3—4类), sports scores
(以3-2击败), percentage points (2～3个百分点) and code. A dropped suffix after
an ASCII hyphen (50-60%) is reported as info: it is usually that document's
convention; in a paragraph without Chinese it is English usage (5-20%) and
left alone.

The fix (unsafe: the author may have meant something else) inserts the
suffix on the first value and writes the document's connector.`,
	Category: "numbers",
	Severity: lint.Warning,
	Default:  true,
	Examples: []lint.Example{{
		Bad:   "预计增长15～30%，投资9～16亿元。\n",
		Good:  "预计增长15%～30%，投资9亿～16亿元，提高2～3个百分点，第3—4类。\n",
		Fixed: "预计增长15%～30%，投资9亿～16亿元。\n",
	}},
	Run: runNumberRange,
}

// connectors between the two values of a range, longest first.
var connectors = []string{"～", "〜", "—", "–", "－", "~", "-", "至"}

// connectorByte and connectorEnd mark the first and last bytes of the
// connectors.
var connectorByte, connectorEnd = func() (first, last [256]bool) {
	for _, c := range connectors {
		first[c[0]] = true
		last[c[len(c)-1]] = true
	}
	return
}()

func asciiConnector(c string) bool { return c == "-" || c == "~" || c == "－" }

type numRange struct {
	bf     *blockFigures
	a, b   *figure
	conn   string
	connAt int
	unit   bool // a Han unit or % follows the second value (3-5年, 5-10%)
}

func runNumberRange(p *lint.Pass) error {
	var ranges []numRange
	native := map[string]int{} // ～ and — ranges, by connector
	ascii := 0
	bfs := figures(p.Doc).blocks
	for bi := range bfs {
		bf := &bfs[bi]
		for i := 0; i+1 < len(bf.figs); i++ {
			r, ok := rangeAt(bf, i)
			if !ok {
				continue
			}
			ranges = append(ranges, r)
			switch {
			case asciiConnector(r.conn):
				ascii++
			case r.conn == "～" || r.conn == "〜" || r.conn == "—":
				native[r.conn]++
			}
		}
	}
	nativeN := native["～"] + native["〜"] + native["—"]
	want := "～"
	if native["—"] > native["～"]+native["〜"] {
		want = "—"
	}
	for _, r := range ranges {
		text := r.bf.text
		pr := r.bf.b.Prose()
		suffix := droppedSuffix(r, text)
		mixed := asciiConnector(r.conn) && r.unit && nativeN > 0 && nativeN >= ascii
		if suffix == "" && !mixed {
			continue
		}
		if !mixed && asciiConnector(r.conn) && !zh.HasHan(text) {
			continue // English writes 5-20% (GB/T 15835 is for Chinese text)
		}
		at := r.a.text(text)
		bt := r.b.num(text)
		var d lint.Diagnostic
		var edits []lint.Edit
		ok := true
		if suffix != "" {
			d.Message = fmt.Sprintf("range %s%s%s drops %s on its first value; write %s%s%s%s", at, r.conn, bt, suffix, at, suffix, connOr(r.conn, want, mixed), bt)
			d.MessageZh = fmt.Sprintf("数值范围%s%s%s的前一数值省略了“%s”，应写作%s%s%s%s", at, r.conn, bt, suffix, at, suffix, connOr(r.conn, want, mixed), bt)
			e, eok := insert(pr, r.a.end, suffix)
			ok = ok && eok
			edits = append(edits, e)
			if r.conn == "-" || r.conn == "－" {
				if !mixed {
					d.Severity = lint.Info // 50-60%: the document's hyphen convention
				}
			}
		} else {
			d.Message = fmt.Sprintf("range %s%s%s uses %s where the document writes ranges with %s", at, r.conn, bt, r.conn, want)
			d.MessageZh = fmt.Sprintf("数值范围%s%s%s使用了“%s”，全文其他范围用“%s”", at, r.conn, bt, r.conn, want)
		}
		if mixed {
			e, eok := edit(pr, r.connAt, r.connAt+len(r.conn), want)
			ok = ok && eok
			edits = append(edits, e)
		}
		d.Span = pr.SrcSpan(r.a.start, r.b.numEnd)
		if ok {
			d.Fixes = []lint.Fix{{Message: "write " + strings.TrimSpace(fixedRange(r, text, suffix, connOr(r.conn, want, mixed))), Edits: edits}}
		}
		p.Report(d)
	}
	return nil
}

func connOr(conn, want string, mixed bool) string {
	if mixed {
		return want
	}
	return conn
}

func fixedRange(r numRange, text, suffix, conn string) string {
	return r.a.text(text) + suffix + conn + r.b.num(text)
}

// rangeAt reads a range starting with figure i: a connector between two
// Arabic figures, none of them part of a date, code, score or ordinal.
func rangeAt(bf *blockFigures, i int) (numRange, bool) {
	text := bf.text
	a, b := &bf.figs[i], &bf.figs[i+1]
	if a.q.Num.Flags&zhnum.Arabic == 0 || b.q.Num.Flags&zhnum.Arabic == 0 || a.code() {
		return numRange{}, false
	}
	j := skipSpace(text, a.end)
	if j >= len(text) || !connectorByte[text[j]] {
		return numRange{}, false
	}
	n := prefixAt(text, j, connectors...)
	if n == 0 || skipSpace(text, j+n) != b.start {
		return numRange{}, false
	}
	conn := text[j : j+n]
	if conn == "—" && (strings.HasPrefix(text[j+n:], "—") || strings.HasSuffix(text[:j], "—")) {
		return numRange{}, false // —— is a dash
	}
	// Dates, codes, phone numbers: a hyphen, slash or point before the
	// first value or after the second, leading zeros, long digit runs.
	if a.prev == '-' || a.prev == '－' || a.prev == '/' || a.prev == '.' || a.prev == ':' || a.prev == '：' {
		return numRange{}, false
	}
	if e := b.end; e < len(text) {
		switch text[e] {
		case '-', '/', '.', ':', '_':
			return numRange{}, false
		}
		if zh.IsLatin(rune(text[e])) && text[e] < 0x80 {
			return numRange{}, false
		}
	}
	if leadingZero(a.num(text)) || leadingZero(b.num(text)) || digitCount(b.num(text)) >= 7 || digitCount(a.num(text)) >= 7 {
		return numRange{}, false
	}
	// Ordinals (第3—4类) and scores (以3-2击败).
	if suffixAt(text, a.start, "第", "以", "比分", "比") > 0 {
		return numRange{}, false
	}
	if prefixAt(text, b.end, "击败", "战胜", "获胜", "胜", "负", "落败", "告负", "取胜", "险胜", "力克", "不敌", "输", "赢", "逆转", "的比分", "比") > 0 {
		return numRange{}, false
	}
	r := numRange{bf: bf, a: a, b: b, conn: conn, connAt: j, unit: b.q.Num.Flags&(zhnum.Percent|zhnum.Permille) != 0}
	if b.end < len(text) && !r.unit {
		c, _ := zh.DecodeRune(text, b.end)
		r.unit = zh.IsHan(c)
	}
	return r, true
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n
}

func leadingZero(s string) bool { return len(s) > 1 && s[0] == '0' && s[1] != '.' }

// droppedSuffix returns the %, ‰ or magnitude word the first value of a
// range drops, or "".
func droppedSuffix(r numRange, text string) string {
	a, b := r.a.q, r.b.q
	if a.Prefix != zhnum.NoPrefix || a.Unit != "" || a.Num.Flags&(zhnum.Percent|zhnum.Permille|zhnum.Magnitude|zhnum.Chinese|zhnum.Approx) != 0 {
		return ""
	}
	bn := r.b.num(text)
	switch {
	case b.Num.Flags&zhnum.Percent != 0:
		if a.Num.Value.Cmp(b.Num.Value) > 0 {
			return ""
		}
		if strings.HasSuffix(bn, "％") {
			return "％"
		}
		return "%"
	case b.Num.Flags&zhnum.Permille != 0:
		if a.Num.Value.Cmp(b.Num.Value) > 0 || !strings.HasSuffix(bn, "‰") {
			return ""
		}
		return "‰"
	case b.Num.Flags&zhnum.Magnitude != 0 && b.Num.Flags&zhnum.Zhao == 0 && b.Num.Mag > 0:
		if a.Num.Value.MulPow10(b.Num.Mag).Cmp(b.Num.Value) > 0 {
			return ""
		}
		w := magWord(bn, b.Num.Mag)
		if w != "" && !strings.HasSuffix(bn, w) {
			return ""
		}
		return w
	}
	return ""
}
