package dates

import (
	"strings"

	"github.com/reportlint/reportlint/internal/phrase"
)

// foldTable finds a word, ignoring case, among lower-case words, as
// lookupFolded does in a map, but an ASCII word (nearly every word of
// prose) is hashed while it is folded and compared in place: no copy, and
// a probe or two of a small table instead of the map's hashing. The finder
// asks it about every word that passes its sieves: "the", "in", "to" …
type foldTable[V any] struct {
	slots []foldSlot[V] // open addressing; the length a power of two
	all   map[string]V  // every word, for words outside ASCII
	n     int
}

type foldSlot[V any] struct {
	key string // lower case; empty for a free slot
	val V
}

func newFoldTable[V any](m map[string]V) foldTable[V] {
	t := foldTable[V]{all: m, n: len(m)}
	if len(m) == 0 {
		// No slots: most nodes of the phrase trie are leaves, whose two
		// tables would each take a block of eight at start-up.
		return t
	}
	size := 8
	for size < 4*len(m) {
		size *= 2
	}
	t.slots = make([]foldSlot[V], size)
	mask := uint32(size - 1)
	for k, v := range m {
		h, ascii := foldHash(k)
		if !ascii || k == "" {
			continue // only a word outside ASCII can fold to it: all has it
		}
		i := h & mask
		for t.slots[i].key != "" {
			i = (i + 1) & mask
		}
		t.slots[i] = foldSlot[V]{key: k, val: v}
	}
	return t
}

// foldHash hashes w folded to lower case (FNV-1a), or reports that w is
// not all ASCII.
func foldHash(w string) (h uint32, ascii bool) {
	h = 2166136261
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return 0, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * 16777619
	}
	return h, true
}

// get is lookupFolded(m, w) for the map m the table was made from.
func (t *foldTable[V]) get(w string) V {
	h, ascii := foldHash(w)
	if !ascii || w == "" || len(t.slots) == 0 {
		if t.n == 0 {
			var zero V
			return zero
		}
		return t.all[strings.ToLower(w)]
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.key == "" {
			var zero V
			return zero
		}
		if len(s.key) == len(w) && phrase.EqualFoldASCII(w, s.key) {
			return s.val
		}
	}
}
