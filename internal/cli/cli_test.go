package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

type result struct {
	code           int
	stdout, stderr string
}

// run executes the command in-process in dir.
func run(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Args:             args,
		Stdin:            strings.NewReader(stdin),
		Stdout:           &out,
		Stderr:           &errb,
		Getenv:           func(k string) string { return "" },
		StdinIsTerminal:  func() bool { return stdin == "" },
		StdoutIsTerminal: func() bool { return false },
		Dir:              dir,
	}
	code := Main(env)
	return result{code, out.String(), errb.String()}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

const repo = "../.."

func sampleDir(t *testing.T) string {
	dir := t.TempDir()
	copyFile(t, filepath.Join(repo, "testdata/sample-report.txt"), filepath.Join(dir, "sample.txt"))
	copyFile(t, filepath.Join(repo, "testdata/cli/small.txt"), filepath.Join(dir, "small.txt"))
	return dir
}

var lineRe = regexp.MustCompile(`(?m)^sample\.txt:(\d+):(\d+): (\w+): .*\(([a-z-]+)\)$`)

// The acceptance test: every half-width bracket pair and every
// blank-line run of the sample report is reported, --fix removes them, a
// second --fix changes nothing and --diff applies with git apply.
func TestSampleReport(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "", "check", "--select", "halfwidth-punct,blank-lines", "sample.txt")
	if r.code != ExitFindings {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
	var got []string
	for _, m := range lineRe.FindAllStringSubmatch(r.stdout, -1) {
		got = append(got, m[4]+"@"+m[1])
	}
	want := []string{"blank-lines@1", "halfwidth-punct@19", "blank-lines@26", "halfwidth-punct@41", "blank-lines@70",
		"halfwidth-punct@85", "halfwidth-punct@93", "halfwidth-punct@107", "halfwidth-punct@127", "blank-lines@128", "blank-lines@131"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("findings\n got %v\nwant %v", got, want)
	}

	// --diff of the original, checked by git apply.
	d := run(t, dir, "", "check", "--select", "halfwidth-punct,blank-lines", "--diff", "sample.txt")
	if d.code != ExitFindings || !strings.HasPrefix(d.stdout, "--- a/sample.txt\n+++ b/sample.txt\n@@ ") {
		t.Fatalf("diff exit %d:\n%s%s", d.code, d.stdout, d.stderr)
	}
	orig, _ := os.ReadFile(filepath.Join(dir, "sample.txt"))
	gitApplyCheck(t, dir, d.stdout)

	f := run(t, dir, "", "check", "--select", "halfwidth-punct,blank-lines", "--fix", "sample.txt")
	if f.code != ExitOK || !strings.Contains(f.stdout, "fixed") {
		t.Fatalf("fix exit %d:\n%s%s", f.code, f.stdout, f.stderr)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "sample.txt"))
	if bytes.Contains(fixed, []byte("(扩大)")) || bytes.Contains(fixed, []byte("\n\n\n")) || !bytes.HasSuffix(fixed, []byte("升级。\n")) || bytes.HasPrefix(fixed, []byte("\n")) {
		t.Errorf("fixes not applied")
	}
	if !bytes.Contains(fixed, []byte("党组（扩大）会议")) || len(fixed) < len(orig)-20 {
		t.Errorf("fixed text lost content")
	}
	// The diff, applied to the original, gives exactly the fixed file.
	if applied := gitApply(t, d.stdout, orig); applied != nil && !bytes.Equal(applied, fixed) {
		t.Errorf("git apply of --diff differs from --fix result")
	}
	again := run(t, dir, "", "check", "--select", "halfwidth-punct,blank-lines", "--fix", "sample.txt")
	after, _ := os.ReadFile(filepath.Join(dir, "sample.txt"))
	if again.code != ExitOK || !bytes.Equal(after, fixed) {
		t.Errorf("second --fix changed the file (exit %d)", again.code)
	}
}

func gitApplyCheck(t *testing.T, dir, diff string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	cmd := exec.Command("git", "apply", "--check", "-")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply --check: %v\n%s", err, out)
	}
}

// gitApply applies a diff to orig in a scratch folder and returns the result.
func gitApply(t *testing.T, diff string, orig []byte) []byte {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	dir := t.TempDir()
	name := regexp.MustCompile(`(?m)^--- a/(.*)$`).FindStringSubmatch(diff)[1]
	if err := os.WriteFile(filepath.Join(dir, name), orig, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("git", "apply", "-")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(diff)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	b, _ := os.ReadFile(filepath.Join(dir, name))
	return b
}

// Each output format on a small fixture, compared with golden files.
func TestFormatsGolden(t *testing.T) {
	dir := sampleDir(t)
	for _, format := range []string{"text", "json", "sarif", "github", "gitlab", "junit"} {
		t.Run(format, func(t *testing.T) {
			r := run(t, dir, "", "check", "--select", "halfwidth-punct,blank-lines", "-f", format, "small.txt")
			if r.code != ExitFindings {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			out := strings.ReplaceAll(r.stdout, version(), "VERSION")
			if format == "sarif" {
				out = stripRuleDocs(t, out)
			}
			golden := filepath.Join(repo, "testdata/cli", "small."+format+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/cli -update)", err)
			}
			if out != string(want) {
				t.Errorf("%s output differs from %s:\n%s", format, golden, out)
			}
			if format == "json" || format == "sarif" || format == "gitlab" {
				var v any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("not JSON: %v", err)
				}
			}
		})
	}
}

func TestExitCodesAndErrors(t *testing.T) {
	dir := sampleDir(t)
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"missing file", []string{"check", "nope.txt", "small.txt"}, ExitError, "draftlint: nope.txt: no such file or directory\n"},
		{"bad flag", []string{"check", "--frobnicate"}, ExitError, "draftlint: unknown flag: --frobnicate (see draftlint --help)\n"},
		{"bad format", []string{"check", "-f", "xml", "small.txt"}, ExitError, "draftlint: unknown format \"xml\""},
		{"bad select", []string{"check", "--select", "halfwidth-pnct", "small.txt"}, ExitError, `did you mean "halfwidth-punct"?`},
		{"unknown select", []string{"check", "--select", "nosuchrule", "small.txt"}, ExitError, "draftlint: unknown rule or category \"nosuchrule\" (see draftlint rules)\n"},
		{"bad fail level", []string{"check", "--fail-level", "fatal", "small.txt"}, ExitError, "--fail-level"},
		{"fail level error", []string{"check", "--fail-level", "error", "--select", "halfwidth-punct", "small.txt"}, ExitOK, ""},
		{"fail level info", []string{"check", "--fail-level", "info", "--select", "halfwidth-punct", "small.txt"}, ExitFindings, ""},
		{"ignore all", []string{"check", "--ignore", "punctuation,layout,encoding", "small.txt"}, -1, ""},
		{"directory as file is walked", []string{"check", "--select", "blank-lines", "."}, ExitFindings, ""},
		{"unknown encoding", []string{"check", "--encoding", "klingon", "small.txt"}, ExitError, "--encoding"},
		{"rules unknown", []string{"rules", "halfwidth-pnct"}, ExitError, `unknown rule "halfwidth-pnct" (did you mean "halfwidth-punct"?)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, dir, "", c.args...)
			if c.code >= 0 && r.code != c.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, c.code, r.stderr)
			}
			if !strings.Contains(r.stderr, c.stderr) {
				t.Errorf("stderr %q lacks %q", r.stderr, c.stderr)
			}
			if strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
				t.Errorf("stack trace on stderr: %s", r.stderr)
			}
			if c.code == ExitError && c.args[0] == "check" && strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
				t.Errorf("more than one line on stderr: %q", r.stderr)
			}
		})
	}
	// A missing file does not stop the others from being reported.
	r := run(t, dir, "", "check", "--select", "halfwidth-punct", "nope.txt", "small.txt")
	if !strings.Contains(r.stdout, "small.txt:3:") {
		t.Errorf("other file not reported: %s", r.stdout)
	}
}

func TestConfigFile(t *testing.T) {
	dir := sampleDir(t)
	if err := os.WriteFile(filepath.Join(dir, ".draftlint.yaml"), []byte("rules:\n  halfwidth-punct: error\n  blank-lines: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	copyFile(t, filepath.Join(dir, "small.txt"), filepath.Join(sub, "small.txt"))
	// Found by walking up from the working directory.
	r := run(t, sub, "", "check", "small.txt")
	if r.code != ExitFindings || !strings.Contains(r.stdout, "error: half-width parentheses") || strings.Contains(r.stdout, "blank-lines") {
		t.Errorf("config not applied: %s %s", r.stdout, r.stderr)
	}
	// --no-config ignores it.
	r = run(t, sub, "", "check", "--no-config", "small.txt")
	if !strings.Contains(r.stdout, "(blank-lines)") {
		t.Errorf("--no-config: %s", r.stdout)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("rules:\n  halfwidth-punct: error\n  blank-line: off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = run(t, dir, "", "check", "-c", "bad.yaml", "small.txt")
	if r.code != ExitError || !strings.Contains(r.stderr, `bad.yaml:3: unknown rule "blank-line" (did you mean "blank-lines"?)`) {
		t.Errorf("bad config: %d %q", r.code, r.stderr)
	}
}

func TestStdin(t *testing.T) {
	dir := t.TempDir()
	in := "会议审议了工作安排(草案),研究落实。\n"
	r := run(t, dir, in, "check", "--select", "halfwidth-punct", "-", "--stdin-filename", "draft.txt")
	if r.code != ExitFindings || !strings.Contains(r.stdout, "draft.txt:1:10: warning: half-width parentheses") {
		t.Errorf("stdin check: %d %s %s", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, in, "check", "--select", "halfwidth-punct", "--fix", "-")
	if r.stdout != "会议审议了工作安排（草案），研究落实。\n" {
		t.Errorf("stdin --fix stdout %q (stderr %q)", r.stdout, r.stderr)
	}
	if r.code != ExitOK {
		t.Errorf("stdin --fix exit %d", r.code)
	}
}

func TestColorVersionRules(t *testing.T) {
	dir := sampleDir(t)
	r := run(t, dir, "", "check", "--color", "always", "--select", "halfwidth-punct", "small.txt")
	if !strings.Contains(r.stdout, "\x1b[") {
		t.Error("--color always without colour")
	}
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "small.txt")
	if strings.Contains(r.stdout, "\x1b[") {
		t.Error("colour on a non-terminal")
	}
	if r := run(t, dir, "", "--version"); r.code != 0 || !strings.HasPrefix(r.stdout, "draftlint ") {
		t.Errorf("--version: %+v", r)
	}
	r = run(t, dir, "", "rules")
	if r.code != 0 || !strings.Contains(r.stdout, "halfwidth-punct") || !strings.Contains(r.stdout, "CATEGORY") {
		t.Errorf("rules: %s", r.stdout)
	}
	r = run(t, dir, "", "rules", "halfwidth-punct")
	if r.code != 0 || !strings.Contains(r.stdout, "GB/T 15834") || !strings.Contains(r.stdout, "Example 1:") {
		t.Errorf("rules ID: %s", r.stdout)
	}
}

// Output is byte-identical whatever the parallelism.
func TestJobsDeterministic(t *testing.T) {
	dir := sampleDir(t)
	for i := 0; i < 5; i++ {
		copyFile(t, filepath.Join(dir, "small.txt"), filepath.Join(dir, "more", string(rune('a'+i))+".txt"))
	}
	a := run(t, dir, "", "check", "-j", "1", "-f", "json", ".")
	b := run(t, dir, "", "check", "-j", "8", "-f", "json", ".")
	if a.stdout != b.stdout || a.code != b.code {
		t.Error("output depends on -j")
	}
}

func TestLangAndUnsafeFixes(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("会议强调:要认真落实(措施)。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "", "check", "--select", "halfwidth-punct", "--lang", "zh", "a.txt")
	if !strings.Contains(r.stdout, "中文语境中使用了半角括号") || strings.Contains(r.stdout, "half-width parentheses") {
		t.Errorf("--lang zh: %s", r.stdout)
	}
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--lang", "en", "a.txt")
	if strings.Contains(r.stdout, "中文语境") || !strings.Contains(r.stdout, "half-width parentheses") {
		t.Errorf("--lang en: %s", r.stdout)
	}
	// The colon fix is unsafe: --fix leaves it, --unsafe-fixes applies it.
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--fix", "a.txt")
	b, _ := os.ReadFile(p)
	if string(b) != "会议强调:要认真落实（措施）。\n" || r.code != ExitFindings {
		t.Errorf("--fix: %q exit %d", b, r.code)
	}
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", "--fix", "--unsafe-fixes", "a.txt")
	b, _ = os.ReadFile(p)
	if string(b) != "会议强调：要认真落实（措施）。\n" || r.code != ExitOK {
		t.Errorf("--unsafe-fixes: %q exit %d", b, r.code)
	}
}

// stripRuleDocs drops the rule documentation from SARIF output: the CLI
// golden checks the results, the reporter's own goldens check rule
// metadata, and rule prose changes too often to pin here.
func stripRuleDocs(t *testing.T, s string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	for _, run := range v["runs"].([]any) {
		driver := run.(map[string]any)["tool"].(map[string]any)["driver"].(map[string]any)
		for _, r := range driver["rules"].([]any) {
			delete(r.(map[string]any), "help")
			delete(r.(map[string]any), "fullDescription")
		}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// Files named on the command line are checked even when excluded, unless
// --force-exclude (which the pre-commit hooks pass) is given.
func TestForceExclude(t *testing.T) {
	dir := sampleDir(t)
	if err := os.WriteFile(filepath.Join(dir, ".draftlint.yaml"), []byte("exclude: [\"small.txt\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "", "check", "--select", "halfwidth-punct", "small.txt")
	if !strings.Contains(r.stdout, "small.txt:3:") {
		t.Errorf("named file not checked: %s", r.stdout)
	}
	r = run(t, dir, "", "check", "--force-exclude", "--select", "halfwidth-punct", "small.txt")
	if strings.Contains(r.stdout, "small.txt:3:") || r.code != ExitOK {
		t.Errorf("--force-exclude: exit %d\n%s", r.code, r.stdout)
	}
	r = run(t, dir, "", "check", "--select", "halfwidth-punct", ".")
	if strings.Contains(r.stdout, "small.txt:") {
		t.Errorf("walk did not exclude: %s", r.stdout)
	}
}
