package phrase

import (
	"slices"
	"sync"
	"sync/atomic"
)

// A report's paragraphs are read for the phrases of several sets: the
// watch list of stale-term and the phrases of each style pack. Reading a
// text costs the same for a set of ten phrases as for one of two hundred,
// so sets marked Shared are read together, as one set (a Joint), once a
// text, and each set's answer is taken from that one reading.

// Joint is the shared sets merged into one, each set's phrases a run of
// the union's.
type Joint struct {
	union  *Set
	offset map[*Set]int // each set's first phrase in union
}

// maxShared bounds the sets read together, of each folding: a set made
// again and again (a language server reloading its configuration) stops
// being shared once the joint is full, and is read on its own.
const maxShared = 8

// shared is, by case folding (0 kept, 1 ignored), the sets read together
// and their joint.
var shared struct {
	sync.Mutex
	sets  [2][]*Set
	joint [2]atomic.Pointer[Joint]
}

func foldIndex(s *Set) int {
	if s.fold {
		return 1
	}
	return 0
}

// Share adds s to the sets read together (those of its case folding), from
// the next JointMemo made on. One more than maxShared is not added, and is
// read on its own.
func Share(s *Set) {
	shared.Lock()
	defer shared.Unlock()
	f := foldIndex(s)
	if len(shared.sets[f]) >= maxShared || slices.Contains(shared.sets[f], s) {
		return
	}
	shared.sets[f] = append(shared.sets[f], s)
	shared.joint[f].Store(newJoint(shared.sets[f]))
}

// newJoint merges sets, all of one case folding.
func newJoint(sets []*Set) *Joint {
	j := &Joint{offset: map[*Set]int{}}
	var all []string
	for _, o := range sets {
		j.offset[o] = len(all)
		all = append(all, o.src...)
	}
	j.union = NewSet(all, sets[0].fold)
	return j
}

// JointMemo is one report's readings of its texts by the joints of the
// sets shared when the memo was made: every set asking about a text
// after the first gets its answer without reading the text again.
type JointMemo struct {
	reads [2]jointReads
}

// jointReads is the readings by one joint.
type jointReads struct {
	joint *Joint
	hits  map[string][]int // by text: phrase of the union, first place; pairs
	found []bool
	first []int
}

// NewJointMemo starts a report's readings.
func NewJointMemo() *JointMemo {
	return newJointMemo(shared.joint[0].Load(), shared.joint[1].Load())
}

// newJointMemo starts readings by the joint of sets with case kept and
// the one of sets with case ignored (either may be nil).
func newJointMemo(kept, ignored *Joint) *JointMemo {
	m := &JointMemo{}
	for f, j := range [2]*Joint{kept, ignored} {
		if j != nil {
			n := j.union.Len()
			m.reads[f] = jointReads{joint: j, hits: map[string][]int{}, found: make([]bool, n), first: make([]int, n)}
		}
	}
	return m
}

// FindFirst is s.FindFirst(text, found, first), read once for all the
// shared sets when s is one of them.
func (m *JointMemo) FindFirst(s *Set, text string, found []bool, first []int) bool {
	r := &m.reads[foldIndex(s)]
	off, ok := 0, false
	if r.joint != nil {
		off, ok = r.joint.offset[s]
	}
	if !ok {
		return s.FindFirst(text, found, first)
	}
	hits, read := r.hits[text]
	if !read {
		r.joint.union.find(text, r.found, r.first, &hits)
		r.hits[text] = hits
	}
	clear(found)
	held := false
	for k := 0; k < len(hits); k += 2 {
		if i := hits[k] - off; 0 <= i && i < s.Len() {
			found[i], held = true, true
			if first != nil {
				first[i] = hits[k+1]
			}
		}
	}
	return held
}
