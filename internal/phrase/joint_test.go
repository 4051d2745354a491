package phrase

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzJoint holds the joint reading to each set's own: a set asking about
// a text, first or after the others, gets what its own FindFirst gives,
// phrase by phrase and place by place.
func FuzzJoint(f *testing.F) {
	f.Add("UN Mission", "Operation Barkhane", "alot", "until the un  mission; Operation Serval, alot", true, 0)
	f.Add("Mali's army", "army", "-x", "an army, Mali’s army -x", false, 1)
	f.Add("ſtop", "top", "stop", "atop STOP", true, 2)
	f.Fuzz(func(t *testing.T, p1, p2, p3, text string, fold bool, order int) {
		for _, p := range []string{p1, p2, p3} {
			if len(p) > 64 || !utf8.ValidString(p) {
				return
			}
		}
		if len(text) > 1024 {
			return
		}
		// Three sets, the middle one of two phrases; one more of the
		// other folding, which the joint does not hold.
		sets := []*Set{NewSet([]string{p1}, fold), NewSet([]string{p2, p3}, fold), NewSet([]string{p3}, fold)}
		other := NewSet([]string{p1, p2}, !fold)
		var m *JointMemo
		if fold {
			m = newJointMemo(nil, newJoint(sets))
		} else {
			m = newJointMemo(newJoint(sets), nil)
		}
		asked := append(slices.Clone(sets), other)
		// Each set asks in turn, from a place the fuzzer picks, and the
		// first again at the end: later answers come from the memo.
		start := ((order % len(asked)) + len(asked)) % len(asked)
		for k := 0; k <= len(asked); k++ {
			s := asked[(start+k)%len(asked)]
			wantFound, wantFirst := make([]bool, s.Len()), make([]int, s.Len())
			want := s.FindFirst(text, wantFound, wantFirst)
			found, first := make([]bool, s.Len()), make([]int, s.Len())
			for i := range found {
				found[i], first[i] = true, -1 // stale answers of an earlier text
			}
			got := m.FindFirst(s, text, found, first)
			if got != want || !slices.Equal(found, wantFound) {
				t.Fatalf("set %d in %q: %v %v, alone %v %v", (start+k)%len(asked), text, got, found, want, wantFound)
			}
			for i := range found {
				if found[i] && first[i] != wantFirst[i] {
					t.Fatalf("set %d, phrase %d in %q: first at %d, alone %d", (start+k)%len(asked), i, text, first[i], wantFirst[i])
				}
			}
		}
	})
}

// TestShare: sets are joined by their case folding, each once, at most
// maxShared of each; a memo keeps the joints of when it was made.
func TestShare(t *testing.T) {
	shared.Lock()
	saved := shared.sets
	shared.sets = [2][]*Set{}
	shared.joint[0].Store(nil)
	shared.joint[1].Store(nil)
	shared.Unlock()
	t.Cleanup(func() {
		shared.Lock()
		shared.sets = saved
		for f := range saved {
			if len(saved[f]) > 0 {
				shared.joint[f].Store(newJoint(saved[f]))
			} else {
				shared.joint[f].Store(nil)
			}
		}
		shared.Unlock()
	})

	a, b := NewSet([]string{"Operation Serval"}, true), NewSet([]string{"Twitter"}, false)
	early := NewJointMemo()
	Share(a)
	Share(a)
	Share(b)
	if len(shared.sets[1]) != 1 || len(shared.sets[0]) != 1 {
		t.Fatalf("shared %d sets ignoring case and %d keeping it, want 1 and 1", len(shared.sets[1]), len(shared.sets[0]))
	}
	for range maxShared + 2 {
		Share(NewSet([]string{"x"}, true))
	}
	if len(shared.sets[1]) != maxShared {
		t.Errorf("%d sets shared, want at most %d", len(shared.sets[1]), maxShared)
	}
	m := NewJointMemo()
	found := []bool{false}
	if !m.FindFirst(a, "the operation  serval", found, nil) || len(m.reads[1].hits) != 1 {
		t.Errorf("a shared set was not read by the joint: %v, %d readings", found, len(m.reads[1].hits))
	}
	if m.FindFirst(b, "on twitter", found, nil) || !m.FindFirst(b, "on Twitter", found, nil) {
		t.Error("a set keeping case found what it should not, or not what it should")
	}
	if !early.FindFirst(a, "Operation Serval", found, nil) || len(early.reads[1].hits) != 0 {
		t.Error("a memo made before the set was shared did not read it on its own")
	}
}
