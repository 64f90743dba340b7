package dup

import (
	"strings"
	"testing"
	"unicode"

	"github.com/draftlint/draftlint/dedup"
	"github.com/sergi/go-diff/diffmatchpatch"
)

func TestParallel(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		// Templated statutes and titles: different facts.
		{"最高人民法院院长每届任期同全国人民代表大会每届任期相同，连续任职不得超过两届。", "最高人民检察院检察长每届任期同全国人民代表大会每届任期相同，连续任职不得超过两届。", true},
		{"国务院关于拉萨市城市总体规划的批复", "国务院关于汕头市城市总体规划的批复", true},
		{"国家为了公共利益的需要，可以依照法律规定对土地实行征收或者征用并给予补偿。", "国家为了公共利益的需要，可以依照法律规定对公民的私有财产实行征收或者征用并给予补偿。", true},
		{"全国人民代表大会常务委员会的组成人员不得担任国家行政机关、监察机关、审判机关和检察机关的职务。", "县级以上的地方各级人民代表大会常务委员会的组成人员不得担任国家行政机关、监察机关、审判机关和检察机关的职务。", true},
		{"第一百二十七条 监察委员会依照法律规定独立行使监察权，不受行政机关、社会团体和个人的干涉。", "第一百三十六条 人民检察院依照法律规定独立行使检察权，不受行政机关、社会团体和个人的干涉。", true},
		{"第五十条 中华人民共和国保护华侨的正当的权利和利益，保护归侨和侨眷的合法的权利和利益。", "（十二）保护华侨的正当的权利和利益，保护归侨和侨眷的合法的权利和利益；", true},
		// Pasted and re-edited copies.
		{"近年来，中共湖北省委、省政府将数字经济放在全局突出位置。", "湖北省委、省政府将数字经济放在全局突出位置。", false},
		{"今年以来，全省各级政协组织把学习宣传贯彻全会精神作为重大政治任务。", "今年以来，全省各级政协组织把学习宣传贯彻全会精神做为重大政治任务。", false},
		{"湖北省委、省政府将数字经济放在全局突出位置，锚定建设示范区目标。", "湖北省委、省政府把数字经济摆在全局突出位置，锚定建设示范区目标。", false},
		{"坚持整体推进与典型引领相结合，鼓励特色发展，形成一批可复制可推广的经验。", "坚持整体推进与典型引领相结合，鼓励特色发展，形成一批可复制的经验。", false},
		// One word retyped in a long paragraph is still a copy.
		{strings.Repeat("全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。", 3) + "会议要求各地加拿大力度。", strings.Repeat("全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。", 3) + "会议要求各地王沃大力度。", false},
	}
	for _, c := range cases {
		if got := parallel(c.a, c.b); got != c.want {
			t.Errorf("parallel(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestLabel(t *testing.T) {
	for s, want := range map[string]string{
		"第一百三十一条 人民法院": "第一百三十一条",
		"第3章 总则":       "第3章",
		"（十二）保护华侨":     "（十二）",
		"(3) 加强":       "(3)",
		"一、总体要求":       "一、",
		"2. 工作安排":      "2.",
		"二是加强督促检查":     "二是",
		"②完善制度":        "②",
		"2023年全省":      "",
		"3.5%的增长":      "",
		"一是一，二是二":      "一是",
		"第一书记到村":       "",
		"十分重要的是要加强领导":  "",
	} {
		if got := label(s); got != want {
			t.Errorf("label(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNumberChanges(t *testing.T) {
	cases := []struct {
		a, b, want string
		ok         bool
	}{
		{"增长5.2%，高于全国。", "增长5.0%，高于全国。", "5.2 → 5.0", true},
		{"投资３．２万亿元", "投资3.4万亿元", "3.2 → 3.4", true},
		{"第七届第一次会议", "第八届第一次会议", "七 → 八", true},
		{"总面积11.61平方公里，人口为323人", "总面积38.28平方公里，人口为696人", "11.61 → 38.28, 323 → 696", true},
		{"共1,040人", "共1,050人", "1,040 → 1,050", true},
		{"增长5%", "增长5%和6%", "", false},
	}
	for _, c := range cases {
		ch, ok := numberChanges(c.a, c.b)
		if got := strings.Join(ch, ", "); got != c.want || ok != c.ok {
			t.Errorf("numberChanges(%q, %q) = %q, %v; want %q, %v", c.a, c.b, got, ok, c.want, c.ok)
		}
	}
}

func TestShortText(t *testing.T) {
	count := func(s string) int {
		n := 0
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
		return n
	}
	for _, s := range []string{"", "会议强调", "会议强调，要加强组织领导。", "全省上下要坚定信心、凝心聚力，推动高质量发展。",
		"abc DEF 123 !?", "䷿一丁七万丈三上下不与丐丑专且丕世丗丘丙业丛东丝", "ＡＢＣ１２３ａｂｃ，中文。", "䷀䷁䷂䷃䷄䷅䷆䷇䷈䷉䷊䷋䷌䷍䷎䷏", "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯", "Ⅰ期Ⅱ期Ⅲ期第一二三四五六七八九", "bad\xffutf8 mixed 字符串和符号"} {
		for _, m := range []int{1, 4, 8, 15} {
			want := len(s) < m || len(s) < 4*m && count(s) < m
			if got := shortText(s, m); got != want {
				t.Errorf("shortText(%q, %d) = %v, want %v", s, m, got, want)
			}
		}
	}
}

// The shortcut for one-sided differences agrees with the diff.
func TestWordSwappedShortcut(t *testing.T) {
	base := "全省上下要坚定信心、凝心聚力，推动高质量发展取得新成效。"
	for _, c := range []struct{ a, b string }{
		{base, "近年来，" + base},
		{base, base + "会议要求各地加大力度。"},
		{"近年来，" + base, base},
		{base, "全省上下要坚定信心、推动高质量发展取得新成效。"},
		{"abab", "ab"},
		{"aaaa", "aaaaaa"},
	} {
		diffs := func(x, y string) bool {
			const fold = dedup.FoldDigitRuns | dedup.FoldHanNumerals
			kx, ky := dedup.Normalize(x, fold), dedup.Normalize(y, fold)
			need := minSwapShare * float64(min(len(kx), len(ky)))
			dmp := diffmatchpatch.New()
			dmp.DiffTimeout = 0
			for _, d := range [][]diffmatchpatch.Diff{dmp.DiffMainRunes(kx, ky, false), dmp.DiffMainRunes(ky, kx, false)} {
				if changed, ok := wordSwaps(d); ok && float64(changed) >= need {
					return true
				}
			}
			return false
		}
		if got, want := wordSwapped(c.a, c.b), diffs(c.a, c.b); got != want {
			t.Errorf("wordSwapped(%q, %q) = %v, the diff says %v", c.a, c.b, got, want)
		}
	}
}
