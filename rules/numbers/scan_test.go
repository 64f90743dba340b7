package numbers

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/internal/zhnum"
	"github.com/draftlint/draftlint/lint"
)

// quantityAt skips zhnum's unit lookup when no unit can follow; it must
// read exactly what ParseQuantity reads, at every number of the corpora,
// the sample report and the rule tests, and on a list of units.
func TestQuantityAt(t *testing.T) {
	texts := []string{
		"6E 6EFLOPS 20 EFLOPS 1.8万P 10兆瓦 3千瓦 5千米 2千克 10千伏 600亿亿次 6E次/秒 1 TB 10 GB 5 MHz 3 kWh 100 Pa 2字节 8比特 1安培 5欧姆 3焦耳 2卡 4吨 5升 6赫兹 7帕斯卡 3兆赫 1 000 1\u00a0kW 2\u2009GW 3\u202fMW",
		"三千瓦 五E 十兆瓦 一百万千瓦 百分之五 3% 4％ 5‰ 2.5万亿元 一九九○年 ２０２３年",
	}
	files, _ := filepath.Glob(filepath.Join(root, "testdata", "corpora", "*.*"))
	more, _ := filepath.Glob(filepath.Join(root, "testdata", "rules", "*", "*.*"))
	files = append(append(files, more...), filepath.Join(root, "testdata", "sample-report.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	n := 0
	for _, s := range texts {
		for i := 0; i < len(s); i++ {
			if !zhnum.StartsNumber(s, i) {
				continue
			}
			q1, n1 := quantityAt(s, i)
			q2, n2 := zhnum.ParseQuantity(s, i)
			if n1 != n2 || !reflect.DeepEqual(q1, q2) {
				t.Errorf("at %q: quantityAt %+v (%d), ParseQuantity %+v (%d)", s[i:min(len(s), i+24)], q1, n1, q2, n2)
			}
			n++
		}
	}
	if n < 5000 {
		t.Fatalf("only %d positions compared", n)
	}
}

// The scan keeps the figures the rules look at and drops plain counts.
func TestScanKeeps(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"2021～2025年，共62个项目，8月完成", []string{"2021", "2025"}},
		{"工期3-5年，分别为100，200，增长50-60", []string{"3", "5", "50", "60"}},
		{"党的20大，20届3中全会，14届全国人大2次会议", []string{"20", "20", "3", "14", "2次"}},
		{"人口12500人，面积1,040平方公里，1998年", []string{"12500", "1,040"}},
		{"规模2.65万亿元，算力6E，比重47.5%，一九九○年", []string{"2.65万亿", "6E", "47.5%", "一九九○"}},
	} {
		doc := lint.Parse("t.txt", []byte(c.text+"\n"), lint.FormatText)
		var got []string
		for _, bf := range figures(doc).blocks {
			for _, f := range bf.figs {
				got = append(got, f.text(bf.text))
			}
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q: figures %q, want %q", c.text, got, c.want)
		}
	}
}
