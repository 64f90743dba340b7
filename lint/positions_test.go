package lint

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// The one-sweep positions equal Pos and LineText for every offset,
// including offsets inside a character and after invalid bytes.
func TestFillAllPositionsMatchesPos(t *testing.T) {
	srcs := []string{
		"",
		"一行\n",
		"第一行，有“引号”。\r\n\r\n第二段 with ASCII。\n\n\xe4\xb8第三\xff段\x80。\n最后一行没有换行",
		"\n\n\n中文\n",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, s := range srcs {
		doc := Parse("t.txt", []byte(s), FormatText)
		for round := 0; round < 50; round++ {
			n := rng.IntN(12)
			diags := make([]Diagnostic, n)
			for i := range diags {
				a, b := rng.IntN(len(s)+1), rng.IntN(len(s)+1)
				if a > b {
					a, b = b, a
				}
				diags[i].Span = Span{a, b}
				if rng.IntN(3) == 0 {
					c := rng.IntN(len(s) + 1)
					diags[i].Related = []Related{{Span: Span{c, c}}}
				}
			}
			if round%2 == 0 {
				// Sorted starts: the runner's case, a stream of its own.
				sortDiagnostics(diags)
			}
			want := make([]Diagnostic, n)
			for i := range diags {
				want[i] = diags[i]
				want[i].Related = append([]Related(nil), diags[i].Related...)
				fillPositions(doc, &want[i])
			}
			fillAllPositions(doc, diags)
			for i := range diags {
				g, w := &diags[i], &want[i]
				if g.Start != w.Start || g.End != w.End || g.SourceLine != w.SourceLine || g.Path != w.Path {
					t.Fatalf("%q span %v: got %+v %+v %q, want %+v %+v %q", s, g.Span, g.Start, g.End, g.SourceLine, w.Start, w.End, w.SourceLine)
				}
				for k := range g.Related {
					if g.Related[k].Start != w.Related[k].Start || g.Related[k].End != w.Related[k].End {
						t.Fatalf("%q related %v: got %+v, want %+v", s, g.Related[k].Span, g.Related[k].Start, w.Related[k].Start)
					}
				}
			}
		}
	}
}

// Sorting by keys gives the order of a stable sort on the findings.
func TestSortDiagnosticsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 100; round++ {
		n := rng.IntN(40)
		ds := make([]Diagnostic, n)
		for i := range ds {
			a := rng.IntN(5)
			ds[i] = Diagnostic{Span: Span{a, a + rng.IntN(2)}, Rule: string(rune('a' + rng.IntN(2))),
				Message: string(rune('x' + rng.IntN(2))), Fingerprint: string(rune('0' + i))}
		}
		want := append([]Diagnostic(nil), ds...)
		// Insertion sort: stable by construction.
		for i := 1; i < len(want); i++ {
			for j := i; j > 0 && lessDiag(&want[j], &want[j-1]); j-- {
				want[j], want[j-1] = want[j-1], want[j]
			}
		}
		sortDiagnostics(ds)
		for i := range ds {
			if ds[i].Fingerprint != want[i].Fingerprint {
				t.Fatalf("round %d: order differs at %d", round, i)
			}
		}
	}
}

func lessDiag(a, b *Diagnostic) bool {
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	if a.Span.End != b.Span.End {
		return a.Span.End < b.Span.End
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// runeCount agrees with utf8.RuneCount on valid and invalid text.
func TestRuneCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "中", "，", "“", "\xe4", "\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "\xef\xbf\xbd", "é", "😀", "\xf0\x9f", "\xe1\x80\x80", "\xec\xbf\xbf", "\xee\x80\x80"}
	for round := 0; round < 2000; round++ {
		var b []byte
		for k := rng.IntN(12); k > 0; k-- {
			b = append(b, alphabet[rng.IntN(len(alphabet))]...)
		}
		if got, want := runeCount(b), utf8.RuneCount(b); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", b, got, want)
		}
	}
}

// The context scans step over characters as utf8's decoders do.
func TestContextMatchesDecoders(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{"a", "中", "，", "\n", "\xe4", "\xb8", "\xed\xa0\x80", "\xe0\x80\x80", "é", "😀", "\xf0\x9f", "\xe1\x80\x80", "\xee\x80\x80"}
	for round := 0; round < 3000; round++ {
		var b []byte
		for k := rng.IntN(20); k > 0; k-- {
			b = append(b, alphabet[rng.IntN(len(alphabet))]...)
		}
		doc := &Document{Src: b}
		off := rng.IntN(len(b) + 1)
		// Reference: the plain decoders.
		s := off
		for k := 0; k < 12 && s > 0; k++ {
			_, n := utf8.DecodeLastRune(b[:s])
			if b[s-n] == '\n' {
				break
			}
			s -= n
		}
		e := off
		for k := 0; k < 12 && e < len(b); k++ {
			if b[e] == '\n' {
				break
			}
			_, n := utf8.DecodeRune(b[e:])
			e += n
		}
		if got := contextBefore(doc, off, 12); string(got) != string(b[s:off]) {
			t.Fatalf("contextBefore(%q, %d) = %q, want %q", b, off, got, b[s:off])
		}
		if got := contextAfter(doc, off, 12); string(got) != string(b[off:e]) {
			t.Fatalf("contextAfter(%q, %d) = %q, want %q", b, off, got, b[off:e])
		}
	}
}

// A rule's findings are dropped when it fails after reporting some, and a
// finding with a bad span alone is dropped; the other rules' findings stay
// in order.
func TestFailedRuleFindingsDropped(t *testing.T) {
	doc := Parse("t.txt", []byte("甲乙丙丁\n"), FormatText)
	report := func(id string, spans []Span, fail bool) *Rule {
		return &Rule{ID: id, Summary: "x", Category: "style", Severity: Warning, Default: true,
			Run: func(p *Pass) error {
				for _, s := range spans {
					p.Report(Diagnostic{Span: s, Message: id})
				}
				if fail {
					var idx []int
					_ = idx[len(spans)] // panic after reporting
				}
				return nil
			}}
	}
	rules := []*Rule{
		report("a-rule", []Span{{0, 3}, {6, 9}}, false),
		report("b-rule", []Span{{0, 3}, {3, 6}, {9, 12}}, true),
		report("c-rule", []Span{{3, 6}, {0, 99}, {9, 12}}, false),
	}
	ds, errs := Check(doc, rules)
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%s@%d", d.Rule, d.Span.Start))
	}
	want := "a-rule@0 c-rule@3 a-rule@6 c-rule@9"
	if strings.Join(got, " ") != want {
		t.Errorf("findings %v, want %s", got, want)
	}
	if len(errs) != 2 || errs[0].Rule != "b-rule" || errs[1].Rule != "c-rule" {
		t.Errorf("errors %v", errs)
	}
}

// Line agrees with a linear search for the first line start after off.
func TestLineSearch(t *testing.T) {
	for _, s := range []string{"", "a", "a\n", "\n\n", "一\n二三\n\n四"} {
		doc := Parse("t.txt", []byte(s), FormatText)
		for off := -2; off <= len(s)+2; off++ {
			want := 0
			for want < len(doc.lines) && doc.lines[want] <= off {
				want++
			}
			if got := doc.Line(off); got != want {
				t.Errorf("%q: Line(%d) = %d, want %d", s, off, got, want)
			}
		}
	}
}
