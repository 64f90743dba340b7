// Package rules lists every rule draftlint knows. Each family lives in its
// own package so a rule is found by its ID under rules/<family>/.
package rules

import (
	"sort"
	"sync"

	"github.com/draftlint/draftlint/lint"
	"github.com/draftlint/draftlint/rules/dup"
	"github.com/draftlint/draftlint/rules/encoding"
	"github.com/draftlint/draftlint/rules/layout"
	"github.com/draftlint/draftlint/rules/numbers"
	"github.com/draftlint/draftlint/rules/punct"
	"github.com/draftlint/draftlint/rules/style"
	"github.com/draftlint/draftlint/rules/terms"
)

var (
	once sync.Once
	all  []*lint.Rule
)

// All returns every rule, sorted by ID. The slice is shared: do not modify.
func All() []*lint.Rule {
	once.Do(func() {
		all = append(all, lint.UnusedDirective)
		all = append(all, encoding.Rules()...)
		all = append(all, layout.Rules()...)
		all = append(all, punct.Rules()...)
		all = append(all, style.Rules()...)
		all = append(all, dup.Rules()...)
		all = append(all, numbers.Rules()...)
		all = append(all, terms.Rules()...)
		sort.Slice(all, func(i, j int) bool { return all[i].ID < all[j].ID })
	})
	return all
}

// ByID returns the rule with the given ID, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}
