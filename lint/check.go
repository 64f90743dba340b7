package lint

// Check lints one document with the given rules, all active at their
// default severity and options, with the same policy steps as a run
// (directives, positions, sorting). For tests, examples and library use.
func Check(doc *Document, rules []*Rule) ([]Diagnostic, []*FileError) {
	r, active := checkRunner(rules)
	diags, _, errs := r.lintDocument(doc, active)
	return diags, errs
}

// FixAll applies fixes to a document until nothing changes and returns the
// final source with its remaining diagnostics and the number of fixes
// applied. unsafe admits unsafe fixes.
func FixAll(doc *Document, rules []*Rule, unsafe bool) ([]byte, []Diagnostic, int, error) {
	r, active := checkRunner(rules)
	var errs []*FileError
	lintDoc := func(d *Document) []Diagnostic {
		diags, _, fe := r.lintDocument(d, active)
		errs = append(errs, fe...)
		return diags
	}
	final, diags, n, err := FixLoop(doc, unsafe, lintDoc, func(src []byte) *Document {
		nd := Parse(doc.Path, src, doc.Format)
		nd.Encoding = doc.Encoding
		return nd
	})
	if err == nil && len(errs) > 0 {
		err = errs[0]
	}
	return final.Src, diags, n, err
}

func checkRunner(rules []*Rule) (*Runner, []ActiveRule) {
	all := append([]*Rule{UnusedDirective}, rules...)
	pol := &Policy{Rules: all, Profile: "official"}
	active := make([]ActiveRule, 0, len(rules))
	for _, rule := range rules {
		a := ActiveRule{Rule: rule, Severity: rule.Severity}
		if rule.Options != nil {
			a.Options = rule.Options()
		}
		active = append(active, a)
	}
	return &Runner{Policy: pol}, active
}
