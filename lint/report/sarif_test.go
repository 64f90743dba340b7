package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/draftlint/draftlint/lint"
)

// schemaValidator checks a JSON value against the draft-04 subset that the
// SARIF 2.1.0 schema uses: type, properties, additionalProperties, required,
// items, minItems, uniqueItems, enum, minimum, maximum, pattern, format
// (uri, uri-reference, date-time), anyOf, oneOf and local $ref.
type schemaValidator struct {
	root map[string]any
	errs []string
}

func (v *schemaValidator) fail(path, format string, args ...any) {
	v.errs = append(v.errs, path+": "+fmt.Sprintf(format, args...))
}

func (v *schemaValidator) resolve(ref string) map[string]any {
	if !strings.HasPrefix(ref, "#/") {
		panic("non-local $ref " + ref)
	}
	var cur any = v.root
	for _, part := range strings.Split(ref[2:], "/") {
		cur = cur.(map[string]any)[part]
	}
	return cur.(map[string]any)
}

// check validates x against schema s and reports whether it is valid,
// recording the reasons when it is not.
func (v *schemaValidator) check(s map[string]any, x any, path string) bool {
	before := len(v.errs)
	if ref, ok := s["$ref"].(string); ok {
		v.check(v.resolve(ref), x, path)
	}
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, e := range t {
				types = append(types, e.(string))
			}
		}
		match := false
		for _, t := range types {
			match = match || hasType(x, t)
		}
		if !match {
			v.fail(path, "type %T, want %v", x, types)
			return false
		}
	}
	if enum, ok := s["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || e == x
		}
		if !found {
			v.fail(path, "%v not in %v", x, enum)
		}
	}
	switch x := x.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := x[r.(string)]; !ok {
				v.fail(path, "missing required %q", r)
			}
		}
		for k, val := range x {
			if ps, ok := props[k]; ok {
				v.check(ps.(map[string]any), val, path+"."+k)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					v.fail(path, "property %q not allowed", k)
				}
			case map[string]any:
				v.check(ap, val, path+"."+k)
			}
		}
	case []any:
		if m, ok := s["minItems"].(float64); ok && float64(len(x)) < m {
			v.fail(path, "%d items, want at least %v", len(x), m)
		}
		if u, _ := s["uniqueItems"].(bool); u {
			seen := map[string]bool{}
			for _, e := range x {
				b, _ := json.Marshal(e) // map keys are sorted: a canonical form
				if seen[string(b)] {
					v.fail(path, "duplicate item %s", b)
				}
				seen[string(b)] = true
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range x {
				v.check(items, e, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	case float64:
		if m, ok := s["minimum"].(float64); ok && x < m {
			v.fail(path, "%v < minimum %v", x, m)
		}
		if m, ok := s["maximum"].(float64); ok && x > m {
			v.fail(path, "%v > maximum %v", x, m)
		}
	case string:
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(x) {
			v.fail(path, "%q does not match %s", x, p)
		}
		switch s["format"] {
		case "uri":
			if u, err := url.Parse(x); err != nil || !u.IsAbs() {
				v.fail(path, "%q is not an absolute URI", x)
			}
		case "uri-reference":
			if _, err := url.Parse(x); err != nil || strings.ContainsAny(x, " \\") || !isASCII(x) {
				v.fail(path, "%q is not a URI reference", x)
			}
		case "date-time":
			if _, err := time.Parse(time.RFC3339, x); err != nil {
				v.fail(path, "%q is not a date-time", x)
			}
		}
	}
	if alts, ok := s["anyOf"].([]any); ok && !v.count(alts, x, path, 1, len(alts)) {
		v.fail(path, "matches none of anyOf")
	}
	if one, ok := s["oneOf"].([]any); ok && !v.count(one, x, path, 1, 1) {
		v.fail(path, "does not match exactly one of oneOf")
	}
	return len(v.errs) == before
}

// count reports whether x matches between lo and hi of the schemas, without
// recording the failures of the alternatives.
func (v *schemaValidator) count(schemas []any, x any, path string, lo, hi int) bool {
	n := 0
	for _, s := range schemas {
		sub := &schemaValidator{root: v.root}
		if sub.check(s.(map[string]any), x, path) {
			n++
		}
	}
	return n >= lo && n <= hi
}

func asList(x any) []any { l, _ := x.([]any); return l }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func hasType(x any, t string) bool {
	switch t {
	case "object":
		_, ok := x.(map[string]any)
		return ok
	case "array":
		_, ok := x.([]any)
		return ok
	case "string":
		_, ok := x.(string)
		return ok
	case "boolean":
		_, ok := x.(bool)
		return ok
	case "number":
		_, ok := x.(float64)
		return ok
	case "integer":
		f, ok := x.(float64)
		return ok && f == math.Trunc(f)
	case "null":
		return x == nil
	}
	panic("unknown type " + t)
}

func loadSARIFSchema(t *testing.T) *schemaValidator {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	return &schemaValidator{root: root}
}

func validateSARIF(t *testing.T, out []byte) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	v := loadSARIFSchema(t)
	v.check(v.root, doc, "$")
	for _, e := range v.errs {
		t.Error("schema: " + e)
	}
	return doc
}

// The validator must reject what the schema forbids, or passing means
// nothing.
func TestSchemaValidatorRejects(t *testing.T) {
	bad := []string{
		`{"version":"2.1.0"}`,                                 // runs missing
		`{"version":"2.0.0","runs":[]}`,                       // enum
		`{"version":"2.1.0","runs":[],"extra":1}`,             // additionalProperties
		`{"version":"2.1.0","runs":[{}]}`,                     // run.tool required
		`{"version":"2.1.0","runs":[{"tool":{"driver":{}}}]}`, // driver.name required
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"columnKind":"bytes"}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{}}]}]}`, // message anyOf
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"level":"info"}]}]}`, // level enum
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a"},"region":{"startLine":0}}}]}]}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"a"},{"id":"a"}]}}}]}`, // uniqueItems
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","informationUri":"not a uri"}}}]}`,
		`{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"ruleIndex":1.5}]}]}`,
	}
	for _, b := range bad {
		var doc any
		if err := json.Unmarshal([]byte(b), &doc); err != nil {
			t.Fatal(err)
		}
		v := loadSARIFSchema(t)
		if v.check(v.root, doc, "$") {
			t.Errorf("accepted invalid log %s", b)
		}
	}
	good := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[]}]}`
	var doc any
	_ = json.Unmarshal([]byte(good), &doc)
	if v := loadSARIFSchema(t); !v.check(v.root, doc, "$") {
		t.Errorf("rejected a minimal valid log: %v", v.errs)
	}
}

func TestSARIFSchema(t *testing.T) {
	for _, r := range []*lint.Result{fixture(t), emptyResult(), {}} {
		validateSARIF(t, render(t, "sarif", Options{ToolVersion: "1.2.3"}, r))
	}
	root := t.TempDir()
	r := fixture(t)
	for _, f := range r.Files {
		f.Path = filepath.Join(root, f.Path)
		for i := range f.Diagnostics {
			f.Diagnostics[i].Path = filepath.Join(root, f.Diagnostics[i].Path)
		}
	}
	validateSARIF(t, render(t, "sarif", Options{Root: root}, r))
}

func TestSARIFContent(t *testing.T) {
	doc := validateSARIF(t, render(t, "sarif", Options{ToolVersion: "1.2.3"}, fixture(t)))
	if doc["$schema"] != "https://json.schemastore.org/sarif-2.1.0.json" || doc["version"] != "2.1.0" {
		t.Errorf("$schema/version = %v %v", doc["$schema"], doc["version"])
	}
	runs := doc["runs"].([]any)
	if len(runs) != 1 {
		t.Fatalf("%d runs", len(runs))
	}
	run := runs[0].(map[string]any)
	if run["columnKind"] != "unicodeCodePoints" {
		t.Errorf("columnKind = %v", run["columnKind"])
	}
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	if driver["name"] != "draftlint" || driver["version"] != "1.2.3" || driver["informationUri"] != "https://github.com/draftlint/draftlint" {
		t.Errorf("driver = %v", driver)
	}
	rules := driver["rules"].([]any)
	var ids []string
	for _, r := range rules {
		rm := r.(map[string]any)
		id := rm["id"].(string)
		ids = append(ids, id)
		for _, k := range []string{"shortDescription", "fullDescription", "help"} {
			if txt, _ := rm[k].(map[string]any)["text"].(string); txt == "" {
				t.Errorf("rule %s: empty %s", id, k)
			}
		}
		if rm["helpUri"] != "https://github.com/draftlint/draftlint/blob/main/docs/rules.md#"+id {
			t.Errorf("rule %s: helpUri %v", id, rm["helpUri"])
		}
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("rules not sorted: %v", ids)
	}
	// Every rule of the run is listed, plus rules only findings or errors name.
	for _, want := range []string{"blank-lines", "broken-rule", "fullwidth-alnum", "halfwidth-punct", "mojibake", "space-before-punct", "split-paragraph", "style-emoji"} {
		if i := sort.SearchStrings(ids, want); i == len(ids) || ids[i] != want {
			t.Errorf("rule %s missing from %v", want, ids)
		}
	}
	split := rules[sort.SearchStrings(ids, "split-paragraph")].(map[string]any)
	if split["name"] != "SplitParagraph" || split["defaultConfiguration"].(map[string]any)["level"] != "note" {
		t.Errorf("split-paragraph rule = %v", split)
	}
	if fd := split["fullDescription"].(map[string]any)["text"].(string); strings.Contains(fd, "unsafe") {
		t.Errorf("fullDescription is more than the first paragraph: %q", fd)
	}

	results := run["results"].([]any)
	if len(results) != 9 {
		t.Fatalf("%d results, want 9", len(results))
	}
	for i, x := range results {
		res := x.(map[string]any)
		idx := int(res["ruleIndex"].(float64))
		if ids[idx] != res["ruleId"] {
			t.Errorf("result %d: ruleIndex %d is %s, ruleId %s", i, idx, ids[idx], res["ruleId"])
		}
		loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
		art := loc["artifactLocation"].(map[string]any)
		if art["uriBaseId"] != "%SRCROOT%" || strings.Contains(art["uri"].(string), "\\") {
			t.Errorf("result %d: artifact %v", i, art)
		}
		if fp := res["partialFingerprints"].(map[string]any)["draftlint/v1"]; fp == "" || fp == nil {
			t.Errorf("result %d: no fingerprint", i)
		}
		if region, ok := loc["region"].(map[string]any); ok {
			if _, ok := region["charOffset"]; ok {
				t.Errorf("result %d: region carries an offset", i)
			}
		} else if res["ruleId"] != "mojibake" {
			t.Errorf("result %d: no region", i)
		}
	}
	first := results[0].(map[string]any)
	region := first["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"].(map[string]any)
	if region["startLine"] != 3.0 || region["startColumn"] != 5.0 || region["endLine"] != 3.0 || region["endColumn"] != 6.0 {
		t.Errorf("region = %v", region)
	}
	if uri := first["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)["uri"]; uri != "docs/%E6%8A%A5%E5%91%8A.md" {
		t.Errorf("uri = %v", uri)
	}

	inv := run["invocations"].([]any)[0].(map[string]any)
	if inv["executionSuccessful"] != false {
		t.Error("executionSuccessful should be false with file errors")
	}
	if n := len(inv["toolExecutionNotifications"].([]any)); n != 2 {
		t.Errorf("%d notifications, want 2", n)
	}

	empty := validateSARIF(t, render(t, "sarif", Options{}, emptyResult()))
	inv = empty["runs"].([]any)[0].(map[string]any)["invocations"].([]any)[0].(map[string]any)
	if inv["executionSuccessful"] != true {
		t.Error("executionSuccessful should be true without file errors")
	}
	if !bytes.Contains(render(t, "sarif", Options{}, emptyResult()), []byte(`"results": []`)) {
		t.Error("results should be an empty array, not absent")
	}
}

func TestSARIFArtifactURIs(t *testing.T) {
	root := t.TempDir()
	s := &sarifReporter{opts: Options{Root: root}}
	cases := []struct{ path, uri, base string }{
		{filepath.Join(root, "a b", "报告.md"), "a%20b/%E6%8A%A5%E5%91%8A.md", "%SRCROOT%"},
		{filepath.Join(root, "x:y.md"), "./x:y.md", "%SRCROOT%"},
		{filepath.Join(root, "100%.md"), "100%25.md", "%SRCROOT%"},
	}
	for _, c := range cases {
		got := s.artifact(c.path)
		if got.URI != c.uri || got.URIBaseID != c.base {
			t.Errorf("artifact(%q) = %+v, want %s %s", c.path, got, c.uri, c.base)
		}
		if u, err := url.Parse(got.URI); err != nil || u.IsAbs() {
			t.Errorf("%q: not a relative URI reference", got.URI)
		}
	}
	outside := filepath.Join(filepath.Dir(root), "elsewhere.md")
	got := s.artifact(outside)
	if got.URIBaseID != "" || !strings.HasPrefix(got.URI, "file:///") || !strings.HasSuffix(got.URI, "/elsewhere.md") {
		t.Errorf("outside the root: %+v", got)
	}
	// Relative paths without a root stay relative.
	if got := (&sarifReporter{}).artifact(filepath.FromSlash("docs/a.md")); got.URI != "docs/a.md" || got.URIBaseID != "%SRCROOT%" {
		t.Errorf("no root: %+v", got)
	}

	out := render(t, "sarif", Options{Root: root}, emptyResult())
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	base := doc["runs"].([]any)[0].(map[string]any)["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)["uri"].(string)
	if !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("originalUriBaseIds %%SRCROOT%% = %q", base)
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{"halfwidth-punct": "HalfwidthPunct", "mojibake": "Mojibake", "a-b-c": "ABC", "x2-y": "X2Y"} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}
