package main

import (
	"testing"
)

// The benchmark runs with its default size and seed and holds the floors
// the duplication rules promise: for every copy variant, recall of at
// least 0.95 (1 for exact copies and width or punctuation variants) and
// precision of at least 0.98; the same for repeated-word; no finding on the
// documents before injection; and duplicate-sentence findings at the
// severity their distance calls for.
func TestFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and checks about 6000 documents")
	}
	res, err := Evaluate("../../..", 150, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + res.Table())
	for _, v := range res.Variants {
		c := res.ByVariant[v.key()]
		if c.TP+c.FN < 100 {
			t.Errorf("%s %s: only %d injected copies", v.rule, v.name, c.TP+c.FN)
		}
		minRecall := 0.95
		if v.exactOp() {
			minRecall = 1
		}
		if c.Recall() < minRecall {
			t.Errorf("%s %s: recall %.3f < %.2f", v.rule, v.name, c.Recall(), minRecall)
		}
		if c.Precision() < 0.98 {
			t.Errorf("%s %s: precision %.3f < 0.98", v.rule, v.name, c.Precision())
		}
	}
	for id, c := range res.ByRule {
		if c.Precision() < 0.98 {
			t.Errorf("%s: precision %.3f < 0.98 over all variants", id, c.Precision())
		}
	}
	for id, n := range res.Clean {
		if n > 0 {
			t.Errorf("%s: %d findings on clean documents", id, n)
		}
	}
	if res.SeverityOK != res.SeverityAll {
		t.Errorf("severity: %d of %d as the distance calls for", res.SeverityOK, res.SeverityAll)
	}
}

// Two runs with the same seed give the same documents and the same counts.
func TestDeterministic(t *testing.T) {
	a, err := Evaluate("../../..", 15, 3)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Evaluate("../../..", 15, 3)
	if err != nil {
		t.Fatal(err)
	}
	if a.Table() != b.Table() {
		t.Errorf("runs differ:\n%s\n%s", a.Table(), b.Table())
	}
}
