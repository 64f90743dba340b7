package dup

import (
	"testing"

	"github.com/draftlint/draftlint/lint/linttest"
)

func TestDuplicateSentence(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/duplicate-sentence", DuplicateSentence)
}

func TestDuplicateParagraph(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/duplicate-paragraph", DuplicateParagraph)
}

func TestNearDuplicateNumber(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/near-duplicate-number", NearDuplicateNumber)
}

func TestRepeatedWord(t *testing.T) {
	linttest.Run(t, "../../testdata/rules/repeated-word", RepeatedWord)
}

func TestExamples(t *testing.T) {
	linttest.RunExamples(t, Rules())
}

func TestNumberedTitle(t *testing.T) {
	for _, s := range []string{
		"1.2.12. procfs 和 sysfs 两个伪文件系统的说明",
		"表 5.3. 从旧的 net-tools 命令集到新的 iproute2 命令集",
		"3.1.2 坚持以人民为中心的发展思想不动摇",
		"第三章 国家机构和地方各级人民代表大会",
		"（一）坚持以习近平新时代中国特色社会主义思想为指导",
		"十三、加强改革任务落实和总结评估",
		"第十三届全国人民代表大会第一次会议主席团名单",
	} {
		if !numberedTitle(s) {
			t.Errorf("numberedTitle(%q) = false, want true", s)
		}
	}
	for _, s := range []string{
		"3.5亿元专项资金已经全部下达到各市州和县市区",
		"10 个市州完成了年度目标任务并通过了验收",
		"2024年全省经济运行总体平稳、稳中有进",
		"一是加强组织领导，压实各级各部门的主体责任。",
		"1. 加强组织领导，压实各级各部门的主体责任。",
		"第三章规定了国家机构的组成和职权，",
		"近年来，中共湖北省委、省政府高度重视数字经济发展",
	} {
		if numberedTitle(s) {
			t.Errorf("numberedTitle(%q) = true, want false", s)
		}
	}
}
