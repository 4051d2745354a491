package fixes

// A line diff after Myers, "An O(ND) Difference Algorithm and Its Variations"
// (1986), in its linear-space form: find the middle of an edit path by
// searching from both ends at once, then solve the two halves.
//
// Two steps before it keep big files fast. Lines are numbered so that
// comparing two is comparing two ints. And a line that occurs on one side
// only can never be matched, so it is marked changed up front and left out of
// the search; the longest common subsequence is the same without it. A fix
// that rewrites many lines thus costs almost nothing, since each old line
// and its replacement are unique to their side.

// opKind says what a line of the edit script does.
type opKind byte

const (
	opEqual opKind = iota
	opDelete
	opInsert
)

// op is one line of the edit script: an equal line has both indexes, a
// deleted one only A, an inserted one only B.
type op struct {
	kind opKind
	a, b int // 0-based line indexes into old and new
}

// expensiveCost bounds how far one middle-snake search goes before it settles
// for a good split rather than the best one, and searchBudget (so many steps,
// plus so many per line) bounds the searches of one diff altogether; past it,
// what is left of each range counts as replaced. Diffs of real fixes never
// come near either. They keep two unrelated big files made of the same few
// lines from taking quadratic time, at the price of a longer (still correct)
// diff for them.
const (
	expensiveCost       = 1024
	searchBudget        = 1 << 24
	searchBudgetPerLine = 16
)

// diffLines returns the edit script turning lines a into lines b. Within each
// run of changes, deletions come before insertions, as diff prints them.
func diffLines(a, b []string) []op {
	return diffLinesWithin(a, b, searchBudget+searchBudgetPerLine*(len(a)+len(b)))
}

// diffLinesWithin is diffLines with the search budget given, for tests.
func diffLinesWithin(a, b []string, budget int) []op {
	// No size hint: a big file has far fewer distinct lines than lines,
	// and clearing a map sized for every line costs more than growing one.
	ids := make(map[string]int)
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	ia, ib := intern(a), intern(b)

	inA := make([]bool, len(ids))
	inB := make([]bool, len(ids))
	for _, id := range ia {
		inA[id] = true
	}
	for _, id := range ib {
		inB[id] = true
	}
	// Every line starts out changed; the search clears those it matches.
	changedA := make([]bool, len(a))
	changedB := make([]bool, len(b))
	// The lines occurring on both sides, and where each is in a and b.
	ra, posA := make([]int, 0, len(a)), make([]int, 0, len(a))
	rb, posB := make([]int, 0, len(b)), make([]int, 0, len(b))
	for i, id := range ia {
		changedA[i] = true
		if inB[id] {
			ra, posA = append(ra, id), append(posA, i)
		}
	}
	for j, id := range ib {
		changedB[j] = true
		if inA[id] {
			rb, posB = append(rb, id), append(posB, j)
		}
	}

	m := &myers{a: ra, b: rb, budget: budget}
	size := 2*(len(ra)+len(rb)) + 3
	m.vf, m.vb = make([]int, size), make([]int, size)
	m.off = len(ra) + len(rb) + 1
	m.compare(0, len(ra), 0, len(rb), func(x, y int) {
		changedA[posA[x]] = false
		changedB[posB[y]] = false
	})

	ops := make([]op, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && changedA[i]:
			ops = append(ops, op{opDelete, i, -1})
			i++
		case j < len(b) && changedB[j]:
			ops = append(ops, op{opInsert, -1, j})
			j++
		default:
			ops = append(ops, op{opEqual, i, j})
			i++
			j++
		}
	}
	return ops
}

// myers holds the sequences and the two diagonal arrays the search reuses.
type myers struct {
	a, b   []int
	vf, vb []int // furthest x reached on each diagonal, forward and backward, indexed by k+off
	off    int
	budget int // search steps left; see searchBudget
}

// compare reports through match every pair of equal elements on an edit path
// from a[aLo:aHi] to b[bLo:bHi].
func (m *myers) compare(aLo, aHi, bLo, bHi int, match func(x, y int)) {
	for {
		for aLo < aHi && bLo < bHi && m.a[aLo] == m.b[bLo] {
			match(aLo, bLo)
			aLo, bLo = aLo+1, bLo+1
		}
		for aLo < aHi && bLo < bHi && m.a[aHi-1] == m.b[bHi-1] {
			aHi, bHi = aHi-1, bHi-1
			match(aHi, bHi)
		}
		if aLo == aHi || bLo == bHi || m.budget <= 0 {
			// What is left is all deletions or all insertions, or it is
			// too costly to tell: either way it stays marked changed.
			return
		}
		x, y := m.split(aLo, aHi, bLo, bHi)
		if (x == aLo && y == bLo) || (x == aHi && y == bHi) {
			return // cannot happen once ends are trimmed; guards against looping
		}
		// Recurse on the smaller half and loop on the other, so that the
		// stack stays shallow even when splits are lopsided.
		if (x-aLo)+(y-bLo) < (aHi-x)+(bHi-y) {
			m.compare(aLo, x, bLo, y, match)
			aLo, bLo = x, y
		} else {
			m.compare(x, aHi, y, bHi, match)
			aHi, bHi = x, y
		}
	}
}

// split returns a point (x, y) through which an edit path from a[aLo:aHi] to
// b[bLo:bHi] passes: the middle of a shortest one or, past expensiveCost, the
// furthest point the forward search reached. The ranges must be non-empty and
// differ at both ends.
//
// The searches run in a graph without edges: a path may stray past the last
// line of a or b, where nothing matches. Such points can never be on a path
// to the far corner, so they are skipped when the searches meet.
func (m *myers) split(aLo, aHi, bLo, bHi int) (int, int) {
	a, b := m.a[aLo:aHi], m.b[bLo:bHi]
	n, mm := len(a), len(b)
	delta := n - mm
	odd := delta&1 != 0
	vf, vb, off := m.vf, m.vb, m.off
	// The backward search counts x from the end: it stores n - x.
	vf[off+1], vb[off+1] = 0, 0
	maxD := (n + mm + 1) / 2
	d := 0
	for ; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && vf[off+k-1] < vf[off+k+1]) {
				x = vf[off+k+1]
			} else {
				x = vf[off+k-1] + 1
			}
			y := x - k
			for x < n && y < mm && a[x] == b[y] {
				x, y = x+1, y+1
			}
			vf[off+k] = x
			// Diagonal k forward is diagonal delta-k backward, where the
			// search has taken d-1 steps so far.
			if kb := delta - k; odd && kb >= -(d-1) && kb <= d-1 && x <= n && y <= mm {
				if xb := vb[off+kb]; xb <= n && xb-kb <= mm && x+xb >= n {
					return aLo + x, bLo + y
				}
			}
		}
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && vb[off+k-1] < vb[off+k+1]) {
				x = vb[off+k+1]
			} else {
				x = vb[off+k-1] + 1
			}
			y := x - k
			for x < n && y < mm && a[n-1-x] == b[mm-1-y] {
				x, y = x+1, y+1
			}
			vb[off+k] = x
			if kf := delta - k; !odd && kf >= -d && kf <= d && x <= n && y <= mm {
				if xf := vf[off+kf]; xf <= n && xf-kf <= mm && xf+x >= n {
					return aLo + xf, bLo + xf - kf
				}
			}
		}
		m.budget -= 2 * (d + 1) // the diagonals both searches took
		if d >= expensiveCost || m.budget <= 0 {
			break
		}
	}
	// Too expensive (or, in theory only, no meeting point): settle for the
	// forward point that got furthest along both sequences. It lies on an
	// edit path, if not a shortest one.
	if d > maxD {
		d = maxD
	}
	bestX, bestY := 0, 0
	for k := -d; k <= d; k += 2 {
		x := vf[off+k]
		y := x - k
		if x <= n && y <= mm && x+y > bestX+bestY && (x < n || y < mm) {
			bestX, bestY = x, y
		}
	}
	return aLo + bestX, bLo + bestY
}
