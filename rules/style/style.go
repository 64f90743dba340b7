// Package style holds typography and style rules: heading consistency,
// sentence length, CJK–Latin spacing, English paragraphs, Kangxi radicals,
// ideographic spaces.
package style

import "github.com/draftlint/draftlint/lint"

// Rules lists the style rules.
func Rules() []*lint.Rule {
	return []*lint.Rule{
		CJKLatinSpacing,
		CJKLatinSpacingMixed,
		DunhaoClause,
		EnglishDoubleSpace,
		EnglishFullwidthPunct,
		EnglishSpaceBeforePunct,
		HeadingStyle,
		IdeographicSpace,
		KangxiRadical,
		LongSentence,
	}
}
