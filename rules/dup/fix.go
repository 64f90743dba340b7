package dup

import (
	"unicode/utf8"

	"github.com/draftlint/draftlint/lint"
)

// isSpace: the white space that separates sentences in a block.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' || r == '\u00a0'
}

// onlySpace reports whether s holds nothing but white space.
func onlySpace(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

// pairs of quotes and brackets a sentence may open or close across its
// boundary (“…。”, 《…》 are kept whole by the splitter; these are the
// ones it leaves at a sentence's edge).
var closerOf = map[rune]rune{
	'“': '”', '‘': '’', '「': '」', '『': '』', '（': '）', '(': ')',
	'《': '》', '〈': '〉', '【': '】', '〔': '〕', '[': ']', '［': '］', '｛': '｝',
}

var openerOf = func() map[rune]rune {
	m := map[rune]rune{}
	for o, c := range closerOf {
		m[c] = o
	}
	return m
}()

// trimUnpaired narrows the prose range [s, e) of text so that it neither
// starts with an opening mark closed only after e nor ends with a closing
// mark opened before s: deleting the sentence must leave the quotation or
// bracket around it balanced (他说：“甲。乙。” without 乙 is 他说：“甲。”).
func trimUnpaired(text string, s, e int) (int, int) {
	// Closers at the end whose opener is not inside the sentence.
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		o, ok := openerOf[r]
		if !ok || countRune(text[s:e-n], o) > countRune(text[s:e-n], r) {
			break
		}
		e -= n
	}
	// Openers at the start whose closer is not inside the sentence.
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		c, ok := closerOf[r]
		if !ok || countRune(text[s+n:e], c) > countRune(text[s+n:e], r) {
			break
		}
		s += n
	}
	return s, e
}

func countRune(s string, r rune) int {
	n := 0
	for _, c := range s {
		if c == r {
			n++
		}
	}
	return n
}

// deleteSentence returns the edit that removes the prose range [s, e) of
// block b — one sentence — with the white space that separated it from
// the next sentence (or, for the last sentence, from the previous one), so
// that neither a gap nor doubled punctuation is left. A sentence that is
// the whole block is removed as a paragraph (deleteBlock). ok is false
// when the range is not one unbroken run of source text (markup, code) or
// touches a never-linted region.
func deleteSentence(doc *lint.Document, b *lint.Block, s, e int) (lint.Edit, bool) {
	text := b.Text()
	if onlySpace(text[:s]) && onlySpace(text[e:]) {
		return deleteBlock(doc, b)
	}
	s, e = trimUnpaired(text, s, e)
	if s >= e {
		return lint.Edit{}, false
	}
	j := e
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !isSpace(r) {
			break
		}
		j += n
	}
	if j < len(text) {
		e = j
	} else {
		for s > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:s])
			if !isSpace(r) {
				break
			}
			s -= n
		}
	}
	pr := b.Prose()
	if !pr.Contiguous(s, e) {
		return lint.Edit{}, false
	}
	sp := pr.SrcSpan(s, e)
	if doc.OverlapsRegion(sp) {
		return lint.Edit{}, false
	}
	return lint.Edit{Start: sp.Start, End: sp.End}, true
}

// deleteBlock returns the edit that removes block b — its whole lines,
// markers included — and one blank line separating it from its neighbours:
// the one after it, or, at the end of the file or before a non-blank line,
// the one before it. ok is false when the block shares a line with other
// text, touches a never-linted region, or is a list item or quote followed
// by indented lines that belong to it.
func deleteBlock(doc *lint.Document, b *lint.Block) (lint.Edit, bool) {
	src := doc.Src
	start := b.Span.Start
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	for _, c := range string(src[start:b.Span.Start]) {
		if !isSpace(c) && !isMarker(c) {
			return lint.Edit{}, false
		}
	}
	lineEnd := b.Span.End
	for lineEnd < len(src) && src[lineEnd] != '\n' {
		lineEnd++
	}
	if !onlySpace(string(src[b.Span.End:lineEnd])) {
		return lint.Edit{}, false
	}
	end := lineEnd
	if end < len(src) {
		end++ // the newline
	}
	if next, ok := blankLineAt(src, end); ok {
		end = next
	} else if start > 0 {
		if prev, ok := blankLineBefore(src, start); ok {
			start = prev
		}
	}
	if end == len(src) && start > 0 && src[len(src)-1] != '\n' {
		// The block ended the file without a newline: take the newline that
		// ended the line before instead, so no empty line is left at the end.
		if end > start && src[start-1] == '\n' {
			start--
			if start > 0 && src[start-1] == '\r' {
				start--
			}
		}
	}
	if b.Kind == lint.ListItem || b.Kind == lint.Quote {
		rest := end
		for {
			next, ok := blankLineAt(src, rest)
			if !ok {
				break
			}
			rest = next
		}
		if rest < len(src) && (src[rest] == ' ' || src[rest] == '\t') {
			return lint.Edit{}, false
		}
	}
	sp := lint.Span{Start: start, End: end}
	if doc.OverlapsRegion(sp) {
		return lint.Edit{}, false
	}
	return lint.Edit{Start: start, End: end}, true
}

// isMarker: characters of list, quote and heading markers.
func isMarker(r rune) bool {
	switch r {
	case '>', '-', '*', '+', '#', '.', ')':
		return true
	}
	return r >= '0' && r <= '9'
}

// blankLineAt reports whether a blank line starts at offset i, and where
// the next line starts.
func blankLineAt(src []byte, i int) (int, bool) {
	if i >= len(src) {
		return 0, false
	}
	j := i
	for j < len(src) && src[j] != '\n' {
		j++
	}
	if !onlySpace(string(src[i:j])) {
		return 0, false
	}
	if j < len(src) {
		j++
	}
	return j, true
}

// blankLineBefore reports whether the line before the one starting at i is
// blank, and where it starts.
func blankLineBefore(src []byte, i int) (int, bool) {
	if i == 0 {
		return 0, false
	}
	j := i - 1 // the newline ending the previous line
	k := j
	for k > 0 && src[k-1] != '\n' {
		k--
	}
	if !onlySpace(string(src[k:j])) {
		return 0, false
	}
	return k, true
}
