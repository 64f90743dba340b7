package corpusgen

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
)

// Row is the recall of one kind of copy.
type Row struct {
	Lang, Mutation string
	Positives      int // (original, copy) pairs
	Found          int // of those, in one cluster
}

// Recall is Found/Positives (1 without positives).
func (r Row) Recall() float64 {
	if r.Positives == 0 {
		return 1
	}
	return float64(r.Found) / float64(r.Positives)
}

// Score is the pair precision and recall of a clustering.
type Score struct {
	Rows []Row
	// Reported counts the pairs inside the clusters; False those whose
	// units have different bases (unrelated paragraphs reported together).
	Reported, False int
	FalsePairs      [][2]int
}

// Precision is the share of reported pairs that are true.
func (s *Score) Precision() float64 {
	if s.Reported == 0 {
		return 1
	}
	return float64(s.Reported-s.False) / float64(s.Reported)
}

// Score measures clusters, each a list of unit numbers, against the
// labels: recall per language and mutation over the (original, copy)
// pairs, and precision over every pair of units in a cluster.
func (c *Corpus) Score(clusters [][]int) Score {
	var s Score
	cl := make([]int, len(c.Units))
	for i, us := range clusters {
		for k, u := range us {
			cl[u] = i + 1
			for _, v := range us[:k] {
				s.Reported++
				if c.Units[u].Base != c.Units[v].Base {
					s.False++
					s.FalsePairs = append(s.FalsePairs, [2]int{v, u})
				}
			}
		}
	}
	orig := make(map[int]int)
	for u, x := range c.Units {
		if !x.Copy {
			orig[x.Base] = u
		}
	}
	idx := map[string]int{}
	for u, x := range c.Units {
		if !x.Copy {
			continue
		}
		k := c.Lang[x.Base] + " " + x.Mut.String()
		i, ok := idx[k]
		if !ok {
			i = len(s.Rows)
			idx[k] = i
			s.Rows = append(s.Rows, Row{Lang: c.Lang[x.Base], Mutation: x.Mut.String()})
		}
		s.Rows[i].Positives++
		if o := orig[x.Base]; cl[u] != 0 && cl[u] == cl[o] {
			s.Rows[i].Found++
		}
	}
	// Table order: language, then the order of Mutations.
	order := map[string]int{}
	for i, m := range Mutations {
		order[m.String()] = i
	}
	rows := s.Rows
	for i := 1; i < len(rows); i++ {
		for j := i; j > 0 && less(rows[j], rows[j-1], order); j-- {
			rows[j], rows[j-1] = rows[j-1], rows[j]
		}
	}
	return s
}

func less(a, b Row, order map[string]int) bool {
	if a.Lang != b.Lang {
		return a.Lang > b.Lang // zh first
	}
	return order[a.Mutation] < order[b.Mutation]
}

// Table renders the score as a Markdown table.
func (s *Score) Table() string {
	var b strings.Builder
	b.WriteString("| lang | copy | pairs | found | recall |\n| --- | --- | ---: | ---: | ---: |\n")
	for _, r := range s.Rows {
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %.4f |\n", r.Lang, r.Mutation, r.Positives, r.Found, r.Recall())
	}
	fmt.Fprintf(&b, "\nreported pairs %d, unrelated %d, pair precision %.4f\n", s.Reported, s.False, s.Precision())
	return b.String()
}

// ClustersFromJSON reads the clusters of a `draftlint dedup -f json`
// report on the written corpus as lists of unit numbers (keeper first).
func (c *Corpus) ClustersFromJSON(data []byte) ([][]int, error) {
	type place struct {
		Path string `json:"path"`
		Line int    `json:"line"`
	}
	var rep struct {
		Version  int `json:"version"`
		Clusters []struct {
			Keeper  place   `json:"keeper"`
			Members []place `json:"members"`
		} `json:"clusters"`
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		return nil, err
	}
	unitAt := map[string]int{}
	for u, x := range c.Units {
		unitAt[fmt.Sprintf("%s:%d", FileName(x.File), c.Line(u))] = u
	}
	find := func(p place) (int, error) {
		u, ok := unitAt[fmt.Sprintf("%s:%d", filepath.Base(p.Path), p.Line)]
		if !ok {
			return 0, fmt.Errorf("no paragraph of the corpus at %s:%d", p.Path, p.Line)
		}
		return u, nil
	}
	var out [][]int
	for _, cl := range rep.Clusters {
		k, err := find(cl.Keeper)
		if err != nil {
			return nil, err
		}
		us := []int{k}
		for _, m := range cl.Members {
			u, err := find(m)
			if err != nil {
				return nil, err
			}
			us = append(us, u)
		}
		out = append(out, us)
	}
	return out, nil
}
