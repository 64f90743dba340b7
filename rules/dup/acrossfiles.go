package dup

import "github.com/draftlint/draftlint/lint"

// DeleteParagraphEdit returns the edit that deletes block b from doc with
// its whole lines and one separating blank line (deleteBlock), or, in a
// Word document, the block's paragraph with its separator; ok is false
// when the block cannot be removed alone. draftlint dedup --fix uses it to
// delete copies.
func DeleteParagraphEdit(doc *lint.Document, b *lint.Block) (lint.Edit, bool) {
	if doc.Paragraphs() == 0 {
		return deleteBlock(doc, b)
	}
	p := doc.Line(b.Span.Start) - 1
	if p < 0 || p >= doc.Paragraphs() {
		return lint.Edit{}, false
	}
	ps := doc.ParagraphSpan(p)
	end := len(doc.Src)
	if p+1 < doc.Paragraphs() {
		end = doc.ParagraphSpan(p + 1).Start
	}
	if b.Span.Start < ps.Start || b.Span.End > ps.End {
		return lint.Edit{}, false
	}
	return lint.Edit{Start: ps.Start, End: end}, true
}
