package encoding

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// A block that plain passes is one where the full scans report nothing:
// every BMP character and a set of invalid sequences, alone, tripled and
// among Han characters (runs of three and more are what the run scan
// looks at).
func TestPlainMeansNothingToReport(t *testing.T) {
	initGBK()
	var pieces []string
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		pieces = append(pieces, string(r))
	}
	pieces = append(pieces, "\xe4\xb8", "\xe4", "\x80", "\xed\xa0\x80", "\xe0\x80\x80", "\xc2", "\xff", "\xef\xbc")
	var sb strings.Builder
	checked := 0
	flush := func() {
		if sb.Len() == 0 {
			return
		}
		text := sb.String()
		sb.Reset()
		doc := lint.Parse("t.txt", []byte(text), lint.FormatText)
		ds, errs := lint.Check(doc, []*lint.Rule{Mojibake})
		if len(errs) > 0 {
			t.Fatal(errs[0])
		}
		bad := map[int]bool{}
		for _, d := range ds {
			bad[d.Start.Line] = true
		}
		for ln := 1; ln <= doc.LineCount(); ln++ {
			line := doc.LineText(ln)
			if line != "" && bad[ln] && plain(line) {
				t.Errorf("plain(%q) but mojibake reports it", line)
			}
			if plain(line) {
				checked++
			}
		}
	}
	for k, p := range pieces {
		// One paragraph per variant: blank lines between.
		for _, v := range []string{p, "全国" + p + "人民", p + p + p, "全国" + p + p + p + "人民代表", p + "锟斤拷"} {
			sb.WriteString(v)
			sb.WriteString("\n\n")
		}
		if k%2000 == 1999 {
			flush()
		}
	}
	flush()
	if checked < 10000 {
		t.Errorf("only %d plain lines: the test checks too little", checked)
	}
	// What plain must refuse.
	for _, s := range []string{"全国\u3000人民", "锟斤拷", "\u00e4\u00b8\u00ad\u00e6\u2013\u2021", "全\u200b国", "\ufffd", "\ue000", "鍏ㄥ浗", "\xe4\xb8\xad\xe4", "\xe4\x41\x42", "·\xc2"} {
		if plain(s) {
			t.Errorf("plain(%q)", s)
		}
	}
	for _, s := range []string{"", "abc", "全国人民，“代表”……——《法》·、。", "中"} {
		if !plain(s) || !utf8.ValidString(s) {
			t.Errorf("not plain(%q)", s)
		}
	}
}
