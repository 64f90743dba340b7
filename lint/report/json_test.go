package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONParsesBack(t *testing.T) {
	out := render(t, "json", Options{}, fixture(t))
	if !bytes.HasSuffix(out, []byte("}\n")) {
		t.Error("output does not end with a newline")
	}
	var doc map[string]any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if v, ok := doc["version"].(float64); !ok || v != 1 {
		t.Errorf("version = %v", doc["version"])
	}
	diags, ok := doc["diagnostics"].([]any)
	if !ok || len(diags) != 9 {
		t.Fatalf("diagnostics = %T with %d entries, want 9", doc["diagnostics"], len(diags))
	}
	str := []string{"path", "rule", "severity", "message", "fingerprint"}
	num := []string{"line", "column", "endLine", "endColumn", "offset", "endOffset"}
	for i, x := range diags {
		d := x.(map[string]any)
		for _, k := range str {
			if _, ok := d[k].(string); !ok {
				t.Errorf("diagnostic %d: %s is %T, want string", i, k, d[k])
			}
		}
		for _, k := range num {
			if f, ok := d[k].(float64); !ok || f != float64(int(f)) {
				t.Errorf("diagnostic %d: %s is %v (%T), want an integer", i, k, d[k], d[k])
			}
		}
		for _, k := range []string{"messageZh", "detail"} {
			if v, present := d[k]; present {
				if s, ok := v.(string); !ok || s == "" {
					t.Errorf("diagnostic %d: %s = %#v; omitted when empty, a string otherwise", i, k, v)
				}
			}
		}
		switch d["severity"] {
		case "error", "warning", "info":
		default:
			t.Errorf("diagnostic %d: severity %v", i, d["severity"])
		}
		fixes, ok := d["fixes"].([]any)
		if !ok {
			t.Fatalf("diagnostic %d: fixes is %T, want an array", i, d["fixes"])
		}
		for _, f := range fixes {
			fx := f.(map[string]any)
			if _, ok := fx["safe"].(bool); !ok {
				t.Errorf("diagnostic %d: fix.safe is %T", i, fx["safe"])
			}
			if _, ok := fx["message"].(string); !ok {
				t.Errorf("diagnostic %d: fix.message is %T", i, fx["message"])
			}
			edits, ok := fx["edits"].([]any)
			if !ok {
				t.Fatalf("diagnostic %d: fix.edits is %T", i, fx["edits"])
			}
			for _, e := range edits {
				ed := e.(map[string]any)
				_, s := ed["start"].(float64)
				_, en := ed["end"].(float64)
				_, nw := ed["new"].(string)
				if !s || !en || !nw {
					t.Errorf("diagnostic %d: bad edit %v", i, ed)
				}
			}
		}
		rel, ok := d["related"].([]any)
		if !ok {
			t.Fatalf("diagnostic %d: related is %T, want an array", i, d["related"])
		}
		for _, r := range rel {
			m := r.(map[string]any)
			for _, k := range []string{"path", "message"} {
				if _, ok := m[k].(string); !ok {
					t.Errorf("diagnostic %d: related.%s is %T", i, k, m[k])
				}
			}
			for _, k := range []string{"line", "column", "endLine", "endColumn"} {
				if _, ok := m[k].(float64); !ok {
					t.Errorf("diagnostic %d: related.%s is %T", i, k, m[k])
				}
			}
		}
	}
	errs, ok := doc["errors"].([]any)
	if !ok || len(errs) != 2 {
		t.Fatalf("errors = %v", doc["errors"])
	}
	e0, e1 := errs[0].(map[string]any), errs[1].(map[string]any)
	if _, has := e0["rule"]; has {
		t.Error("rule should be omitted when no rule failed")
	}
	if e1["rule"] != "broken-rule" || e1["path"] != "docs/报告.md" || !strings.HasPrefix(e1["message"].(string), "panic:") {
		t.Errorf("rule error = %v", e1)
	}
}

func TestJSONKeyOrder(t *testing.T) {
	out := string(render(t, "json", Options{}, fixture(t)))
	order := []string{`"path"`, `"rule"`, `"severity"`, `"message"`, `"messageZh"`, `"line"`, `"column"`, `"endLine"`,
		`"endColumn"`, `"offset"`, `"endOffset"`, `"fingerprint"`, `"fixes"`, `"related"`}
	first := out[strings.Index(out, "{\n      \"path\""):]
	first = first[:strings.Index(first, "\n    }")]
	last := -1
	for _, k := range order {
		i := strings.Index(first, k)
		if i < 0 || i < last {
			t.Fatalf("key %s out of order in\n%s", k, first)
		}
		last = i
	}
}

func TestJSONEmptyArrays(t *testing.T) {
	out := string(render(t, "json", Options{}, emptyResult()))
	want := "{\n  \"version\": 1,\n  \"diagnostics\": [],\n  \"errors\": []\n}\n"
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	// A finding without fixes or related locations, as a rule might leave it
	// (nil slices), still has [] in the output.
	r := fixture(t)
	r.Files[0].Diagnostics[4].Fixes = nil
	r.Files[0].Diagnostics[4].Related = nil
	if s := string(render(t, "json", Options{}, r)); strings.Contains(s, "null") {
		t.Error("null in output")
	}
}

func TestJSONPathsRelativeToRoot(t *testing.T) {
	r := fixture(t)
	out := string(render(t, "json", Options{Root: "docs"}, r))
	if !strings.Contains(out, `"path": "报告.md"`) || !strings.Contains(out, `"path": "notes.txt"`) {
		t.Errorf("paths not made relative to the root:\n%s", out[:400])
	}
}
