package dedup

// Scores are the similarity measures of two texts, computed on their keys.
type Scores struct {
	EditSim     float64 // 1 − Levenshtein/max length
	Containment float64 // InfixContainment: the shorter as an approximate substring of the longer
	Jaccard     float64 // DefaultShingling sets
}

// Compare scores two texts, e.g. a cluster member against its keeper for a
// report.
func Compare(a, b string) Scores {
	ka, kb := Normalize(a, 0), Normalize(b, 0)
	return withComparer(func(c *Comparer) Scores {
		return Scores{
			EditSim:     c.EditSimilarity(ka, kb),
			Containment: c.InfixContainment(ka, kb),
			Jaccard:     Jaccard(ShingleSet(Normalize(a, WordBreaks)), ShingleSet(Normalize(b, WordBreaks))),
		}
	})
}

// ClusterKeeper returns the index of the member to keep among the texts of
// one cluster, given in keeper order (document order, or the corpus order of
// choice): the first, unless a later and longer member contains the current
// keeper (InfixContainment ≥ 0.95), in which case the more complete text is
// kept — the rule of FindRepeats' groups.
func ClusterKeeper(texts []string) int {
	if len(texts) == 0 {
		return -1
	}
	k := 0
	kk := Normalize(texts[0], 0)
	for i := 1; i < len(texts); i++ {
		km := Normalize(texts[i], 0)
		if len(km) > len(kk) && InfixContainment(kk, km) >= 0.95 {
			k, kk = i, km
		}
	}
	return k
}
