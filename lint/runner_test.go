package lint

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wordRule reports every occurrence of a word, with a safe fix replacing it.
func wordRule(id, word, repl string) *Rule {
	return &Rule{ID: id, Summary: "x", Category: "style", Severity: Warning, Default: true,
		Run: func(p *Pass) error {
			src := string(p.Doc.Src)
			for off := 0; ; {
				k := strings.Index(src[off:], word)
				if k < 0 {
					return nil
				}
				s := off + k
				if !p.Doc.InRegion(s) {
					p.Report(Diagnostic{Span: Span{s, s + len(word)}, Message: "found " + word,
						Fixes: []Fix{{Safe: true, Edits: []Edit{{s, s + len(word), repl}}}}})
				}
				off = s + len(word)
			}
		}}
}

func TestDirectives(t *testing.T) {
	r1 := wordRule("foo-rule", "甲", "乙")
	r2 := wordRule("bar-rule", "丙", "丁")
	src := strings.Join([]string{
		"甲一行。<!-- draftlint-disable-next-line foo-rule -- 引文保持原样 -->", // 1: comment at line end: applies to line 2
		"甲二行。",                                          // 2: suppressed
		"<!-- draftlint-disable foo-rule -->",           // 3
		"甲三行。丙。",                                        // 4: foo suppressed, bar not
		"<!-- draftlint-enable foo-rule -->",            // 5
		"甲四行。",                                          // 6: reported
		"<!-- draftlint-disable-next-line bar-rule -->", // 7: suppresses nothing
		"无。", // 8
		"<!-- draftlint-disable-next-line nosuch-rule -->", // 9: unknown
		"<!-- draftlint-disabel -->",                       // 10: unknown directive
		"",
	}, "\n")
	d := Parse("a.txt", []byte(src), FormatText)
	diags, errs := Check(d, []*Rule{r1, r2, UnusedDirective})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, dg := range diags {
		got = append(got, dg.Rule+"@"+strconv.Itoa(dg.Start.Line)+":"+dg.Message)
	}
	want := []string{
		"foo-rule@1:found 甲",
		"bar-rule@4:found 丙",
		"foo-rule@6:found 甲",
		"unused-directive@7:directive suppresses nothing for bar-rule",
		`unused-directive@9:directive names unknown rule "nosuch-rule"`,
		`unused-directive@10:unknown directive "draftlint-disabel" (did you mean "draftlint-disable"?)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDisableFile(t *testing.T) {
	r1 := wordRule("foo-rule", "甲", "乙")
	d := Parse("a.md", []byte("<!-- draftlint-disable-file foo-rule -->\n\n甲。\n\n甲。\n"), FormatMarkdown)
	diags, _ := Check(d, []*Rule{r1, UnusedDirective})
	if len(diags) != 0 {
		t.Errorf("diags %v", diags)
	}
}

func TestRunnerPanicsAndOrder(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, txt := range []string{"甲甲", "无", "甲"} {
		p := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, []byte(txt+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	paths = append(paths, filepath.Join(dir, "missing.txt"))
	boom := &Rule{ID: "boom-rule", Summary: "x", Category: "style", Severity: Error, Default: true,
		Run: func(p *Pass) error {
			if strings.HasSuffix(p.Doc.Path, "b.txt") {
				var idx []int
				_ = idx[len(p.Doc.Src)] // an index panic, as a buggy rule would
			}
			return nil
		}}
	rules := []*Rule{wordRule("foo-rule", "甲", "乙"), boom}
	pol, _ := NewPolicy(rules, nil, nil, nil)
	for _, jobs := range []int{1, 4} {
		res := (&Runner{Policy: pol, Jobs: jobs}).Run(context.Background(), paths)
		if len(res.Files) != 3 {
			t.Fatalf("files %d", len(res.Files))
		}
		counts := []int{len(res.Files[0].Diagnostics), len(res.Files[1].Diagnostics), len(res.Files[2].Diagnostics)}
		if counts[0] != 2 || counts[1] != 0 || counts[2] != 1 {
			t.Errorf("jobs=%d counts %v", jobs, counts)
		}
		var msgs []string
		for _, e := range res.Errors {
			msgs = append(msgs, e.Error())
		}
		all := strings.Join(msgs, "\n")
		if len(res.Errors) != 2 || !strings.Contains(all, "b.txt: rule boom-rule: panic") || !strings.Contains(all, "missing.txt") {
			t.Errorf("errors:\n%s", all)
		}
	}
}

func TestRunnerFixAndSeverity(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("甲乙甲\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rules := []*Rule{wordRule("foo-rule", "甲", "乙")}
	cfg, err := ParseConfig("c.yaml", dir, []byte("rules:\n  foo-rule: info\n"), rules)
	if err != nil {
		t.Fatal(err)
	}
	pol, _ := NewPolicy(rules, cfg, nil, nil)
	res := (&Runner{Policy: pol}).Run(context.Background(), []string{p})
	if d := res.Files[0].Diagnostics; len(d) != 2 || d[0].Severity != Info || d[0].Start.Column != 1 || d[1].Start.Column != 3 {
		t.Fatalf("diags %+v", d)
	}
	if res.Files[0].Diagnostics[0].Fingerprint == res.Files[0].Diagnostics[1].Fingerprint {
		t.Error("two findings share a fingerprint")
	}
	res = (&Runner{Policy: pol, Fix: true}).Run(context.Background(), []string{p})
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "乙乙乙\n" || res.Files[0].Fixed != 2 || len(res.Files[0].Diagnostics) != 0 {
		t.Errorf("fixed %q n=%d remaining=%d", b, res.Files[0].Fixed, len(res.Files[0].Diagnostics))
	}
}

// Fingerprints survive lines inserted above the finding.
func TestFingerprintStable(t *testing.T) {
	r := wordRule("foo-rule", "甲", "乙")
	a := Parse("a.txt", []byte("前文。\n\n这里有甲字。\n"), FormatText)
	b := Parse("a.txt", []byte("新增一段。\n\n前文。\n\n这里有甲字。\n"), FormatText)
	da, _ := Check(a, []*Rule{r})
	db, _ := Check(b, []*Rule{r})
	if len(da) != 1 || len(db) != 1 || da[0].Fingerprint != db[0].Fingerprint || da[0].Start.Line == db[0].Start.Line {
		t.Errorf("fingerprints %v / %v", da, db)
	}
}
