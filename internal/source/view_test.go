package source

import (
	"math/rand/v2"
	"testing"
)

// A Kept answers like the full file for every offset in its kept lines.
func TestKeptAnswersLikeTheFile(t *testing.T) {
	f, err := New("r.txt", []byte("\ufeffTitle\r\n\r\nCrème brûlée – “quoted”.\r\nSecond line here.\r\n\r\nLast"))
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 500; n++ {
		a := r.IntN(len(f.Text) + 1)
		b := a + r.IntN(len(f.Text)-a+1)
		k := f.Keep([][2]int{{a, b}})
		for off := a; off <= b; off++ {
			if got, want := k.Position(off), f.Position(off); got != want {
				t.Fatalf("Keep(%d,%d).Position(%d) = %v, want %v", a, b, off, got, want)
			}
		}
		if got, want := k.Slice(a, b), f.Slice(a, b); got != want {
			t.Fatalf("Keep(%d,%d).Slice = %q, want %q", a, b, got, want)
		}
		for l := f.Position(a).Line; l <= f.Position(b).Line; l++ {
			if k.Line(l) != f.Line(l) || k.LineStart(l) != f.LineStart(l) {
				t.Fatalf("Keep(%d,%d) line %d = %q at %d, want %q at %d", a, b, l, k.Line(l), k.LineStart(l), f.Line(l), f.LineStart(l))
			}
		}
	}
}

// Offsets outside the text are clamped as File clamps them.
func TestKeptClampsLikeTheFile(t *testing.T) {
	f, _ := New("r.txt", []byte("one\ntwo"))
	k := f.Keep([][2]int{{0, 2}, {5, 7}})
	for _, off := range []int{-5, -1, 7, 8, 100} {
		if got, want := k.Position(off), f.Position(off); got != want {
			t.Errorf("Position(%d) = %v, want %v", off, got, want)
		}
	}
	for _, r := range [][2]int{{5, 2}, {-3, 2}, {5, 100}} {
		if got, want := k.Slice(r[0], r[1]), f.Slice(r[0], r[1]); got != want {
			t.Errorf("Slice(%d, %d) = %q, want %q", r[0], r[1], got, want)
		}
	}
}

// Lines not asked for are not kept.
func TestKeptDropsTheRest(t *testing.T) {
	f, _ := New("r.txt", []byte("one\ntwo\nthree\nfour\n"))
	k := f.Keep([][2]int{{4, 6}})
	if k.Line(1) != "" || k.Line(3) != "" || k.Line(2) != "two" {
		t.Fatalf("kept lines: %q %q %q", k.Line(1), k.Line(2), k.Line(3))
	}
	if p := k.Position(0); p != (Position{}) {
		t.Fatalf("Position outside the kept lines = %v, want zero", p)
	}
}

// Many ranges, overlapping and out of order, keep each line they touch
// once, in order.
func TestKeepManyRanges(t *testing.T) {
	f, _ := New("r.txt", []byte("a\nbb\nccc\ndddd\neeeee\nf\n\ng"))
	r := rand.New(rand.NewPCG(9, 10))
	for n := 0; n < 200; n++ {
		var ranges [][2]int
		want := map[int]bool{}
		for m := r.IntN(5); m >= 0; m-- {
			a := r.IntN(len(f.Text) + 1)
			b := a + r.IntN(len(f.Text)-a+1)
			ranges = append(ranges, [2]int{a, b})
			for l := f.Position(a).Line; l <= f.Position(b).Line; l++ {
				want[l] = true
			}
		}
		k := f.Keep(ranges)
		if len(k.lines) != len(want) {
			t.Fatalf("Keep(%v) kept %d lines, want %d", ranges, len(k.lines), len(want))
		}
		for i, l := range k.lines {
			if !want[l.number] || i > 0 && k.lines[i-1].number >= l.number || l.text != f.Line(l.number) {
				t.Fatalf("Keep(%v) kept line %d %q out of order or not asked for", ranges, l.number, l.text)
			}
		}
	}
}
