package dedup

// UnionFind is a disjoint-set forest over 0..n-1 in 4 bytes per element.
// Union always links the larger root under the smaller one, so the root of
// every set is its smallest element: the first unit in input order, which is
// also the default keeper. Find halves paths as it goes.
type UnionFind struct {
	parent []int32
}

// NewUnionFind returns n singleton sets.
func NewUnionFind(n int) *UnionFind {
	u := &UnionFind{parent: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
	}
	return u
}

// Len is the number of elements.
func (u *UnionFind) Len() int { return len(u.parent) }

// Add appends a new singleton and returns it.
func (u *UnionFind) Add() int {
	u.parent = append(u.parent, int32(len(u.parent)))
	return len(u.parent) - 1
}

// Find returns the smallest element of x's set.
func (u *UnionFind) Find(x int) int {
	p := u.parent
	for int(p[x]) != x {
		p[x] = p[p[x]]
		x = int(p[x])
	}
	return x
}

// Union merges the sets of a and b and reports whether they were apart.
func (u *UnionFind) Union(a, b int) bool {
	ra, rb := u.Find(a), u.Find(b)
	if ra == rb {
		return false
	}
	if ra > rb {
		ra, rb = rb, ra
	}
	u.parent[rb] = int32(ra)
	return true
}

// Same reports whether a and b are in one set.
func (u *UnionFind) Same(a, b int) bool { return u.Find(a) == u.Find(b) }

// Sets returns every set with at least min elements, each in ascending
// order, the sets ordered by their smallest element.
func (u *UnionFind) Sets(min int) [][]int {
	min = max(min, 1)
	n := len(u.parent)
	count := make([]int32, n)
	for x := range n {
		count[u.Find(x)]++
	}
	pos := make([]int32, n) // next free slot of each kept root's set
	total := 0
	for r := range n {
		if int(count[r]) >= min {
			pos[r] = int32(total)
			total += int(count[r])
		}
	}
	back := make([]int, total)
	for x := range n {
		if r := u.Find(x); int(count[r]) >= min {
			back[pos[r]] = x
			pos[r]++
		}
	}
	var sets [][]int
	for r := range n {
		if c := int(count[r]); c >= min {
			end := int(pos[r])
			sets = append(sets, back[end-c:end:end])
		}
	}
	return sets
}
