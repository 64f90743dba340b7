// Package numbers holds the rules for numbers, units and magnitudes
// (GB/T 15835-2011, the SI prefixes of the 法定计量单位, the 万/亿 system).
//
// The rules share one scan of each document (figures): every number zhnum
// can read, with the SI prefix and unit after it. Each rule then looks at
// the figures it cares about and their context.
package numbers

import "github.com/draftlint/draftlint/lint"

// Rules lists the number rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{
		AmbiguousZhao,
		FullwidthASCII,
		MagnitudeConsistency,
		MagnitudeDefinition,
		NumberForm,
		NumberRange,
		RateBase,
	}
}
