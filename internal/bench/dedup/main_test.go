package main

import "testing"

// The table command runs on one seed and finds every exact copy and no
// unrelated pair (the floors are asserted by internal/cli's
// TestDedupLabelledCorpus).
func TestTable(t *testing.T) {
	s, err := Table("../../..", 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + s.Table())
	if s.False != 0 || len(s.Rows) < 40 {
		t.Fatalf("%d unrelated pairs, %d rows", s.False, len(s.Rows))
	}
	for _, r := range s.Rows {
		if r.Mutation == "exact" && r.Recall() != 1 {
			t.Errorf("%s exact: recall %.3f", r.Lang, r.Recall())
		}
	}
}
