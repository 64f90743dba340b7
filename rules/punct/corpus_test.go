package punct

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/draftlint/draftlint/lint"
)

// The clean corpora and the sample report are the precision test: every
// finding of the punctuation rules on them must be a genuine defect, listed
// here with the reason it counts as one. A new finding or a missing one
// fails the test.
var corpusFindings = map[string][]string{
	// The corrected column of ECSpell still has the half-width marks of its
	// source (brackets around Chinese, commas and colons between Han).
	"corpora/ecspell-odw-target.txt": {
		"57:1 halfwidth-punct",   // (一)
		"387:7 halfwidth-punct",  // 省农业农村厅:
		"387:17 halfwidth-punct", // 省人民政府决定:
		"387:37 halfwidth-punct", // 副局长,周辰良
		"387:53 halfwidth-punct", // (河南省畜牧兽医执法总队)
		"387:68 halfwidth-punct", // (总队长)
		"435:22 halfwidth-punct",
		"443:62 halfwidth-punct",
		"475:19 halfwidth-punct",
		"717:1 halfwidth-punct",
		"717:54 halfwidth-punct",
	},
	// One sentence per paragraph: the UD sentence split left this closing
	// quote without the opening one of the sentence before.
	"corpora/ud-gsdsimp-test.txt": {
		"289:28 unbalanced-pair",
	},
	"corpora/lawrefbook-constitution.md": nil,
	// The sample report: its six half-width bracket pairs. Its quotes are
	// balanced; 世界级—国家级—省级, (2023—2025年), 尔肯江·吐拉洪,
	// “三三制政权”“窑洞对” and the joint title with an ASCII space are
	// correct and must stay quiet.
	"sample-report.txt": {
		"19:40 halfwidth-punct",   // 党组(扩大)会议
		"41:28 halfwidth-punct",   // 专门(工作)委员会
		"85:64 halfwidth-punct",   // (以下简称《意见》)
		"93:50 halfwidth-punct",   // (2023—2025年)
		"107:101 halfwidth-punct", // 6E(1E=100亿)
		"127:143 halfwidth-punct", // (毛丽萍)
	},
}

func TestCorpusFindings(t *testing.T) {
	for name, want := range corpusFindings {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("..", "..", "testdata", filepath.FromSlash(name))
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc := lint.Parse(path, src, lint.FormatFor(path))
			diags, errs := lint.Check(doc, Rules())
			for _, e := range errs {
				t.Error(e)
			}
			var got []string
			for _, d := range diags {
				got = append(got, fmt.Sprintf("%d:%d %s", d.Start.Line, d.Start.Column, d.Rule))
			}
			w := append([]string(nil), want...)
			sort.Strings(got)
			sort.Strings(w)
			if strings.Join(got, "\n") != strings.Join(w, "\n") {
				var detail []string
				for _, d := range diags {
					detail = append(detail, fmt.Sprintf("%d:%d %s %s: %s", d.Start.Line, d.Start.Column, d.Rule, d.Severity, d.Message))
				}
				t.Errorf("findings differ\ngot:\n%s\nwant:\n%s", strings.Join(detail, "\n"), strings.Join(w, "\n"))
			}
		})
	}
}
