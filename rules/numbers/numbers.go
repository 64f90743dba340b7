// Package numbers holds the rules for numbers, units and magnitudes
// (GB/T 15835).
package numbers

import "github.com/draftlint/draftlint/lint"

// Rules lists the number rules.
func Rules() []*lint.Rule {
	return nil
}
