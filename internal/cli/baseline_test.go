package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

var findingRe = regexp.MustCompile(`(?m)^(\S.*?):(\d+):\d+: (?:error|warning|info): .*\(([a-z-]+)\)$`)

// findings lists "path:line rule" for each finding of text output.
func findings(out string) []string {
	var got []string
	for _, m := range findingRe.FindAllStringSubmatch(out, -1) {
		got = append(got, m[1]+":"+m[2]+" "+m[3])
	}
	sort.Strings(got)
	return got
}

func sameList(got []string, want ...string) bool {
	sort.Strings(want)
	return strings.Join(got, "|") == strings.Join(want, "|")
}

const oldDraft = "# 工作报告\n\n" +
	"会议审议了工作安排(草案),研究落实。\n\n" +
	"第二段没有问题。\n\n" +
	"全年完成投资(含追加)一千亿元。\n"

// The acceptance test for baselines: paragraphs inserted above the
// recorded findings leave them matched, a new defect is reported and a
// removed one is counted as no longer occurring.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "docs", "draft.txt")
	writeFile(t, draft, oldDraft)
	writeFile(t, filepath.Join(dir, "docs", "other.txt"), "另一份(文件)。\n")

	r := run(t, dir, "", "check", "--select", "halfwidth-punct", "--write-baseline", "baseline.json", "docs")
	if r.code != ExitOK || r.stdout != "" || r.stderr != "draftlint: wrote 4 findings to baseline.json\n" {
		t.Fatalf("--write-baseline: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	var bf baselineFile
	data, err := os.ReadFile(filepath.Join(dir, "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &bf); err != nil {
		t.Fatal(err)
	}
	if bf.Version != 1 || len(bf.Findings) != 4 || bf.Findings[0].Path != "docs/draft.txt" || bf.Findings[0].Line != 3 || bf.Findings[3].Path != "docs/other.txt" {
		t.Errorf("baseline content:\n%s", data)
	}

	// Unchanged drafts: everything is known.
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--baseline", "baseline.json", "docs")
	if r.code != ExitOK || len(findings(r.stdout)) != 0 || r.stderr != "draftlint: baseline: 4 known findings hidden\n" {
		t.Fatalf("unchanged: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Paragraphs inserted above the old findings do not invalidate the
	// baseline: it does not record line numbers.
	edited := "# 工作报告\n\n新增的第一段，说明背景。\n\n新增的第二段。\n\n" + strings.TrimPrefix(oldDraft, "# 工作报告\n\n")
	writeFile(t, draft, edited)
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--baseline", "baseline.json", "docs")
	if r.code != ExitOK || len(findings(r.stdout)) != 0 {
		t.Fatalf("after inserting paragraphs: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// A new defect is reported; the old ones stay hidden.
	writeFile(t, draft, edited+"\n新的问题(新增)出现了。\n")
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--baseline", "baseline.json", "docs")
	if r.code != ExitFindings || !sameList(findings(r.stdout), "docs/draft.txt:13 halfwidth-punct") {
		t.Fatalf("new defect: exit %d, findings %v\n%s", r.code, findings(r.stdout), r.stderr)
	}
	if r.stderr != "draftlint: baseline: 4 known findings hidden\n" {
		t.Errorf("stderr %q", r.stderr)
	}

	// A fixed defect is counted as an entry that no longer occurs.
	writeFile(t, draft, strings.Replace(edited, "(含追加)", "（含追加）", 1))
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--baseline", "baseline.json", "docs")
	if r.code != ExitOK || len(findings(r.stdout)) != 0 {
		t.Fatalf("removed defect: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r.stderr != "draftlint: baseline: 3 known findings hidden; 1 entry no longer occurs (--write-baseline drops them)\n" {
		t.Errorf("stderr %q", r.stderr)
	}
	// Checking one file does not count the other file's entries as gone,
	// and the baseline works from a subfolder (paths are relative to it).
	r = run(t, filepath.Join(dir, "docs"), "", "check", "--select", "halfwidth-punct", "--baseline", "../baseline.json", "other.txt")
	if r.code != ExitOK || r.stderr != "draftlint: baseline: 1 known finding hidden\n" {
		t.Errorf("one file from a subfolder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// --quiet drops the note.
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--baseline", "baseline.json", "--quiet", "docs")
	if r.code != ExitOK || r.stderr != "" {
		t.Errorf("--quiet: exit %d, stderr %q", r.code, r.stderr)
	}
	// Every output format reports the same filtered set.
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--baseline", "baseline.json", "-f", "json", "docs")
	if !strings.Contains(r.stdout, `"diagnostics": []`) {
		t.Errorf("json output not filtered:\n%s", r.stdout)
	}
}

// Identical findings are told apart by their occurrence number: a copy of
// an existing defect is one new finding, not zero.
func TestBaselineRepeatedDefect(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "甲方(乙方)。\n\n甲方(乙方)。\n")
	if r := run(t, dir, "", "check", "--select", "halfwidth-punct", "--write-baseline", "b.json", "a.txt"); r.code != ExitOK {
		t.Fatalf("write: %d %s", r.code, r.stderr)
	}
	writeFile(t, filepath.Join(dir, "a.txt"), "甲方(乙方)。\n\n甲方(乙方)。\n\n甲方(乙方)。\n")
	r := run(t, dir, "", "check", "--select", "halfwidth-punct", "--baseline", "b.json", "a.txt")
	if r.code != ExitFindings || len(findings(r.stdout)) != 1 {
		t.Errorf("a third copy: exit %d, findings %v", r.code, findings(r.stdout))
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "甲方(乙方)。\n")
	writeFile(t, filepath.Join(dir, "bad.json"), "{not json")
	writeFile(t, filepath.Join(dir, "old.json"), `{"version": 7, "findings": []}`)
	cases := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"missing baseline", []string{"--baseline", "nope.json", "a.txt"}, "draftlint: --baseline nope.json: no such file or directory\n"},
		{"not JSON", []string{"--baseline", "bad.json", "a.txt"}, "draftlint: --baseline bad.json: not a draftlint baseline (invalid JSON at byte 2)\n"},
		{"other version", []string{"--baseline", "old.json", "a.txt"}, "draftlint: --baseline old.json: baseline version 7 is not supported (want 1); write it again with --write-baseline\n"},
		{"write with fix", []string{"--write-baseline", "b.json", "--fix", "a.txt"}, "--write-baseline cannot be combined with --fix or --diff"},
		{"write with baseline", []string{"--write-baseline", "b.json", "--baseline", "bad.json", "a.txt"}, "cannot be combined with --baseline"},
		{"write into a missing folder", []string{"--write-baseline", "no/such/b.json", "a.txt"}, "draftlint: --write-baseline no/such/b.json: no such file or directory\n"},
		{"write with an unreadable input", []string{"--write-baseline", "b.json", "a.txt", "missing.txt"}, "draftlint: --write-baseline b.json: not written because of the errors above\n"},
		{"bad max-warnings", []string{"--max-warnings", "-2", "a.txt"}, "--max-warnings must be -1 (no limit) or more"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, dir, "", append([]string{"check"}, c.args...)...)
			if r.code != ExitError || !strings.Contains(r.stderr, c.stderr) || r.stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", r.code, r.stdout, r.stderr, c.stderr)
			}
			if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
				t.Errorf("stack trace: %s", r.stderr)
			}
			if c.name != "write with an unreadable input" && strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("want one line on stderr: %q", r.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "b.json")); err == nil {
		t.Error("a baseline was written despite the errors")
	}
}

// --max-warnings, --quiet and --fail-level decide the exit status from
// what is reported.
func TestMaxWarningsQuiet(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "warn.txt"), "会议审议了工作安排(草案),研究落实。\n")        // 2 warnings
	writeFile(t, filepath.Join(dir, "err.txt"), "这是乱码\ufffd文字。\n")               // 1 error
	writeFile(t, filepath.Join(dir, "both.txt"), "工作安排(草案)。\n\n这是乱码\ufffd文字。\n") // 1 warning, 1 error
	sel := []string{"check", "--select", "halfwidth-punct,mojibake"}
	cases := []struct {
		name string
		args []string
		code int
		want []string // findings shown
	}{
		{"warnings fail by default", []string{"warn.txt"}, ExitFindings, []string{"warn.txt:1 halfwidth-punct", "warn.txt:1 halfwidth-punct"}},
		{"within the budget", []string{"--max-warnings", "2", "warn.txt"}, ExitOK, []string{"warn.txt:1 halfwidth-punct", "warn.txt:1 halfwidth-punct"}},
		{"over the budget", []string{"--max-warnings", "1", "warn.txt"}, ExitFindings, []string{"warn.txt:1 halfwidth-punct", "warn.txt:1 halfwidth-punct"}},
		{"zero budget", []string{"--max-warnings", "0", "warn.txt"}, ExitFindings, []string{"warn.txt:1 halfwidth-punct", "warn.txt:1 halfwidth-punct"}},
		{"errors always fail", []string{"--max-warnings", "100", "err.txt"}, ExitFindings, []string{"err.txt:1 mojibake"}},
		{"budget and fail level error", []string{"--max-warnings", "0", "--fail-level", "error", "warn.txt"}, ExitOK, []string{"warn.txt:1 halfwidth-punct", "warn.txt:1 halfwidth-punct"}},
		{"quiet hides warnings", []string{"--quiet", "warn.txt"}, ExitOK, nil},
		{"quiet keeps errors", []string{"--quiet", "both.txt"}, ExitFindings, []string{"both.txt:3 mojibake"}},
		{"quiet with zero budget", []string{"-q", "--max-warnings", "0", "warn.txt"}, ExitOK, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, dir, "", append(sel, c.args...)...)
			if r.code != c.code || !sameList(findings(r.stdout), c.want...) {
				t.Errorf("exit %d (want %d), findings %v (want %v)\n%s", r.code, c.code, findings(r.stdout), c.want, r.stderr)
			}
		})
	}
	// --quiet with a baseline: hidden warnings are not counted as gone.
	if r := run(t, dir, "", append(sel, "--write-baseline", "b.json", "both.txt")...); r.code != ExitOK {
		t.Fatal(r.stderr)
	}
	writeFile(t, filepath.Join(dir, "both.txt"), "工作安排(草案)。\n\n这是乱码文字。\n")
	r := run(t, dir, "", append(sel, "--baseline", "b.json", "-f", "json", "both.txt")...)
	if r.code != ExitOK || r.stderr != "draftlint: baseline: 1 known finding hidden; 1 entry no longer occurs (--write-baseline drops them)\n" {
		t.Errorf("baseline after fixing the error: exit %d, stderr %q", r.code, r.stderr)
	}
}
