package document

import (
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"
)

// InCode, a search, says what a look at every code span says, for ranges
// before, between, across and after the spans, empty ranges included.
func TestInCodeSearches(t *testing.T) {
	in := Inline{Code: []Span{{2, 4}, {4, 5}, {8, 12}, {20, 21}}}
	for start := 0; start < 24; start++ {
		for end := start - 1; end < 25; end++ {
			want := false
			for _, c := range in.Code {
				if start < c.End && c.Start < max(end, start+1) {
					want = true
				}
			}
			if got := in.InCode(start, end); got != want {
				t.Errorf("InCode(%d, %d) = %v, want %v", start, end, got, want)
			}
		}
	}
}

// refBuilder is the InlineBuilder as it was before it kept a single piece
// as a view: every piece copied into one byte slice.
type refBuilder struct {
	buf  []byte
	segs []Segment
}

func (b *refBuilder) appendVerbatim(s string, sourceStart int) {
	if s == "" {
		return
	}
	if n := len(b.segs); n > 0 {
		last := &b.segs[n-1]
		if last.TextStart+last.Len == len(b.buf) && last.SourceStart+last.Len == sourceStart {
			last.Len += len(s)
			b.buf = append(b.buf, s...)
			return
		}
	}
	b.segs = append(b.segs, Segment{TextStart: len(b.buf), SourceStart: sourceStart, Len: len(s)})
	b.buf = append(b.buf, s...)
}

// FuzzInlineBuilder drives the builder and the copying one with the same
// pieces, verbatim (glued to the one before or not) and synthetic, and
// compares what every reader of a builder sees after each step.
func FuzzInlineBuilder(f *testing.F) {
	// An op's low two bits choose the kind of piece (none set: 0), the rest
	// its length.
	f.Add("crime and kidnapping", []byte{20 << 2})
	f.Add("a\u00a0b c", []byte{3 << 2, 1<<2 | 2, 4<<2 | 1, 2 << 2})
	f.Add("Level 4: Do Not Travel", []byte{9<<2 | 1, 5 << 2, 1<<2 | 2, 22 << 2, 8<<2 | 3})
	f.Add("é", []byte{2<<2 | 2, 1<<2 | 2, 2 << 2})
	f.Fuzz(func(t *testing.T, piece string, ops []byte) {
		var b InlineBuilder
		var ref refBuilder
		src := 0
		for k, op := range ops {
			if k > 16 {
				break
			}
			cut := piece[:min(len(piece), int(op>>2))]
			switch op & 3 {
			case 0: // verbatim, glued to what came before in the source
				b.appendVerbatim(cut, src)
				ref.appendVerbatim(cut, src)
				src += len(cut)
			case 1: // verbatim, elsewhere in the source
				src += 7
				b.appendVerbatim(cut, src)
				ref.appendVerbatim(cut, src)
				src += len(cut)
			case 2:
				b.AppendSynthetic(cut)
				ref.buf = append(ref.buf, cut...)
			case 3: // Append, which turns Unicode spaces into synthetic ones
				var r InlineBuilder
				r.Append(cut, src)
				b.Append(cut, src)
				in := r.Inline()
				// The reference has no Append of its own: replay r's pieces.
				at := 0
				for _, s := range in.Segments {
					ref.buf = append(ref.buf, in.Text[at:s.TextStart]...)
					ref.appendVerbatim(in.Text[s.TextStart:s.TextStart+s.Len], s.SourceStart)
					at = s.TextStart + s.Len
				}
				ref.buf = append(ref.buf, in.Text[at:]...)
				src += len(cut)
			}
			if b.Len() != len(ref.buf) {
				t.Fatalf("step %d: Len %d, want %d", k, b.Len(), len(ref.buf))
			}
			var wantByte byte
			var wantRune rune
			if len(ref.buf) > 0 {
				wantByte = ref.buf[len(ref.buf)-1]
				wantRune, _ = utf8.DecodeLastRune(ref.buf)
			}
			if b.LastByte() != wantByte || b.LastRune() != wantRune {
				t.Fatalf("step %d: last byte %q rune %q, want %q %q", k, b.LastByte(), b.LastRune(), wantByte, wantRune)
			}
			if n := len(ref.buf) / 2; b.Since(n) != string(ref.buf[n:]) {
				t.Fatalf("step %d: Since(%d) = %q, want %q", k, n, b.Since(n), ref.buf[n:])
			}
		}
		in := b.Inline()
		if in.Text != string(ref.buf) || !slices.Equal(in.Segments, ref.segs) {
			t.Fatalf("Inline = %q %v, want %q %v", in.Text, in.Segments, ref.buf, ref.segs)
		}
	})
}

// FuzzNonASCII holds the eight-at-a-time reading to a byte-by-byte one.
func FuzzNonASCII(f *testing.F) {
	f.Add("plain ASCII text, long enough for a few words", 0)
	f.Add("eight by\u00a0and more", 3)
	f.Add("é", 0)
	f.Fuzz(func(t *testing.T, s string, i int) {
		i = max(0, i) % (len(s) + 1)
		want := i
		for want < len(s) && s[want] < utf8.RuneSelf {
			want++
		}
		if got := nonASCII(s, i); got != want {
			t.Errorf("nonASCII(%q, %d) = %d, want %d", s, i, got, want)
		}
	})
}

// TestTakeSharesRoomSafely: texts taken one after the other from one
// builder share its segment room, and neither building the next text nor
// appending to a taken text's segments may change another's.
func TestTakeSharesRoomSafely(t *testing.T) {
	var b InlineBuilder
	b.ReserveSegments(4)
	b.Append("first", 10)
	first := b.Take()
	b.Append("second", 100)
	b.AppendSynthetic(" ")
	b.Append("more", 200)
	second := b.Take()
	if b.Len() != 0 {
		t.Fatalf("builder not emptied: %d bytes left", b.Len())
	}
	_ = append(first.Segments, Segment{TextStart: 99, SourceStart: 99, Len: 99})
	if got := second.Segments[0]; got != (Segment{TextStart: 0, SourceStart: 100, Len: 6}) {
		t.Errorf("second's first segment = %+v, overwritten", got)
	}
	if first.Text != "first" || len(first.Segments) != 1 || first.Segments[0] != (Segment{0, 10, 5}) {
		t.Errorf("first = %+v", first)
	}
	if second.Text != "second more" || len(second.Segments) != 2 || second.Segments[1] != (Segment{7, 200, 4}) {
		t.Errorf("second = %+v", second)
	}
	if empty := b.Take(); empty.Segments != nil || empty.Text != "" {
		t.Errorf("empty text = %+v, want no segments", empty)
	}
}

// TestKeepSegmentRoom: the builder reserves a slab only when its room is
// under the least asked for, and texts taken from a slab keep their own
// segments.
func TestKeepSegmentRoom(t *testing.T) {
	var b InlineBuilder
	b.KeepSegmentRoom(2, 6)
	if room := cap(b.segs) - len(b.segs); room != 6 {
		t.Fatalf("room after the first reserve = %d, want 6", room)
	}
	var taken []Inline
	for i := range 3 {
		b.KeepSegmentRoom(2, 6) // 6, 4 and 2 left: no new slab
		b.Append("ab", 10*i)
		b.AppendSynthetic(" ")
		b.Append("c", 10*i+5)
		taken = append(taken, b.Take())
	}
	if room := cap(b.segs) - len(b.segs); room != 0 {
		t.Fatalf("room after three texts of two segments = %d, want 0", room)
	}
	b.KeepSegmentRoom(2, 6)
	if room := cap(b.segs) - len(b.segs); room != 6 {
		t.Fatalf("room after a used-up slab = %d, want a new one of 6", room)
	}
	for i, in := range taken {
		want := []Segment{{0, 10 * i, 2}, {3, 10*i + 5, 1}}
		if in.Text != "ab c" || !reflect.DeepEqual(in.Segments, want) {
			t.Errorf("text %d = %+v, want segments %v", i, in, want)
		}
	}
}
