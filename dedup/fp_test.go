package dedup

import (
	"testing"
)

// knownCorpusRepeats are the near and contained pairs the finder reports
// on the clean corpora. None is a false match between unrelated sentences:
// all are templated parallel text, where the drafters copied a sentence and
// changed one organ, place or right (人民法院/人民检察院, 拉萨/汕头), or
// the constitution repeats a provision (Art. 50 in the State Council's
// list of powers). At the character level they are near copies (edit
// similarity 0.80–0.92), which is what the rule reports, at info level in
// the duplicate rules. Besides these the corpora hold 38 exact repeats
// (ECSpell lists some sentences twice) and 12 number variants (Wikipedia's
// 该市镇总面积…人口为…人 template, the constitution's amendment dates,
// 本条例自…起施行).
var knownCorpusRepeats = map[[2]string]Relation{
	{"国务院关于拉萨市城市总体规划的批复", "国务院关于汕头市城市总体规划的批复"}:                                                                    Near,
	{"国家为了公共利益的需要，可以依照法律规定对土地实行征收或者征用并给予补偿。", "国家为了公共利益的需要，可以依照法律规定对公民的私有财产实行征收或者征用并给予补偿。"}:                       Near,
	{"第三十七条 中华人民共和国公民的人身自由不受侵犯。", "第三十八条 中华人民共和国公民的人格尊严不受侵犯。"}:                                                    Near,
	{"第四十二条 中华人民共和国公民有劳动的权利和义务。", "第四十六条 中华人民共和国公民有受教育的权利和义务。"}:                                                   Near,
	{"第五十条 中华人民共和国保护华侨的正当的权利和利益，保护归侨和侨眷的合法的权利和利益。", "（十二）保护华侨的正当的权利和利益，保护归侨和侨眷的合法的权利和利益；"}:                        Near,
	{"全国人民代表大会代表名额和代表产生办法由法律规定。", "地方各级人民代表大会代表名额和代表产生办法由法律规定。"}:                                                  Near,
	{"全国人民代表大会常务委员会的组成人员不得担任国家行政机关、监察机关、审判机关和检察机关的职务。", "县级以上的地方各级人民代表大会常务委员会的组成人员不得担任国家行政机关、监察机关、审判机关和检察机关的职务。"}: Contained,
	{"第一百二十七条 监察委员会依照法律规定独立行使监察权，不受行政机关、社会团体和个人的干涉。", "第一百三十六条 人民检察院依照法律规定独立行使检察权，不受行政机关、社会团体和个人的干涉。"}:            Near,
	{"最高人民法院院长每届任期同全国人民代表大会每届任期相同，连续任职不得超过两届。", "最高人民检察院检察长每届任期同全国人民代表大会每届任期相同，连续任职不得超过两届。"}:                      Near,
	{"第一百三十一条 人民法院依照法律规定独立行使审判权，不受行政机关、社会团体和个人的干涉。", "第一百三十六条 人民检察院依照法律规定独立行使检察权，不受行政机关、社会团体和个人的干涉。"}:             Near,
	{"第一百三十三条 最高人民法院对全国人民代表大会和全国人民代表大会常务委员会负责。", "第一百三十八条 最高人民检察院对全国人民代表大会和全国人民代表大会常务委员会负责。"}:                     Near,
}

func TestCorpusFalsePositives(t *testing.T) {
	var units []Unit
	for _, s := range loadCorpus(t).sentences {
		units = append(units, Unit{Text: s})
	}
	for _, o := range []FindOptions{{PairwiseMax: 1 << 30, PairwiseMaxRunes: 1 << 30}, {PairwiseMax: 1}} {
		res := FindRepeats(units, o)
		seen := 0
		counts := map[Relation]int{}
		for _, p := range res.Pairs {
			counts[p.Relation]++
			if p.Relation == Exact || p.Relation == NumberVariant {
				continue
			}
			want, ok := knownCorpusRepeats[[2]string{units[p.A].Text, units[p.B].Text}]
			if !ok {
				t.Errorf("PairwiseMax %d: unexpected %v pair (edit %.2f, containment %.2f):\n  %s\n  %s",
					o.PairwiseMax, p.Relation, p.EditSim, p.Containment, units[p.A].Text, units[p.B].Text)
				continue
			}
			if want != p.Relation {
				t.Errorf("%s: %v, want %v", units[p.A].Text, p.Relation, want)
			}
			seen++
		}
		if seen != len(knownCorpusRepeats) {
			t.Errorf("PairwiseMax %d: %d of %d known pairs reported", o.PairwiseMax, seen, len(knownCorpusRepeats))
		}
		t.Logf("PairwiseMax %d: %v", o.PairwiseMax, counts)
	}
}

// knownParagraphRepeats: the constitution's Art. 133 and 138 (courts and
// procuratorates), the paragraphs around one of the sentence pairs above.
var knownParagraphRepeats = map[[2]string]bool{
	{"第一百三十三条 最高人民法院对全国人民代表大会和全国人民代表大会常务委员会负责。地方各级人民法院对产生它的国家权力机关负责。",
		"第一百三十八条 最高人民检察院对全国人民代表大会和全国人民代表大会常务委员会负责。地方各级人民检察院对产生它的国家权力机关和上级人民检察院负责。"}: true,
}

// TestCorpusParagraphs: paragraph mode (adds 3-gram Jaccard ≥ 0.70) on
// the corpus lines reports nothing beyond the known templated repeats.
func TestCorpusParagraphs(t *testing.T) {
	var units []Unit
	for _, p := range loadCorpus(t).paragraphs {
		units = append(units, Unit{Text: p})
	}
	for _, pm := range []int{1 << 30, 1} {
		o := ParagraphOptions()
		o.PairwiseMax, o.PairwiseMaxRunes = pm, pm
		res := FindRepeats(units, o)
		for _, p := range res.Pairs {
			if p.Relation == Exact || p.Relation == NumberVariant {
				continue
			}
			pair := [2]string{units[p.A].Text, units[p.B].Text}
			if _, ok := knownCorpusRepeats[pair]; !ok && !knownParagraphRepeats[pair] {
				t.Errorf("unexpected %v paragraph pair (edit %.2f, jaccard %.2f):\n  %s\n  %s",
					p.Relation, p.EditSim, p.Jaccard, units[p.A].Text, units[p.B].Text)
			}
		}
	}
}

// The stock closing clause must not tie unrelated sentences together,
// neither as a sentence of its own nor as the shared tail of two sentences.
func TestStockClause(t *testing.T) {
	texts := []string{
		"要坚持围绕中心服务大局，综合运用调研视察、协商会议、民主监督、提案工作、反映社情民意信息等履职方式，为进一步全面深化改革、推进中国式现代化湖北实践贡献智慧和力量。",
		"全省各级政协组织和广大政协委员要坚定信心、凝心聚力，切实把思想和行动统一到全会精神上来，为推进中国式现代化湖北实践贡献智慧和力量。",
		"为推进中国式现代化湖北实践贡献智慧和力量。",
		"会议号召，全省广大科技工作者要勇攀高峰、敢为人先，在服务国家战略中展现新担当，为推进中国式现代化湖北实践贡献智慧和力量！",
		"大家一致表示要切实把思想和行动高度统一到全会精神和省委确定的目标任务上来，为推进中国式现代化湖北实践贡献智慧和力量。",
	}
	units := make([]Unit, len(texts))
	for i, s := range texts {
		units[i] = Unit{Text: s}
	}
	for _, o := range []FindOptions{SentenceOptions(), ParagraphOptions(), {PairwiseMax: 1}} {
		for _, p := range FindRepeats(units, o).Pairs {
			t.Errorf("stock clause matched: %v (edit %.2f, containment %.2f)\n  %s\n  %s",
				p.Relation, p.EditSim, p.Containment, texts[p.A], texts[p.B])
		}
	}
}
