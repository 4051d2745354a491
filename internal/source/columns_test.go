package source

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// Columns from the index are the code points counted from the line's
// start, at every offset (inside a character too) of long lines of one-,
// two-, three- and four-byte characters, ASCII lines and short lines; and
// Offset inverts them.
func TestColumnsCountCodePoints(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", " ", "é", "–", "“", "北", "😀", "\t"}
	var lines []string
	for _, n := range []int{0, 1, columnStep - 1, columnStep, columnStep + 1, 5 * columnStep, 3000} {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	lines = append(lines, strings.Repeat("plain ascii ", 200))
	for _, text := range []string{strings.Join(lines, "\n"), strings.Repeat("x", 3*columnStep) + "\n" + strings.Join(lines, "\n")} {
		f, err := New("r.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for off := 0; off <= len(f.Text); off++ {
			line := strings.Count(f.Text[:off], "\n") + 1
			start := strings.LastIndexByte(f.Text[:off], '\n') + 1
			want := Position{line, 1 + utf8.RuneCountInString(f.Text[start:off])}
			if got := f.Position(off); got != want {
				t.Fatalf("Position(%d) = %v, want %v", off, got, want)
			}
			if utf8.RuneStart(f.Text[min(off, len(f.Text)-1)]) || off == len(f.Text) {
				if back := f.Offset(want); back != off {
					t.Fatalf("Offset(%v) = %d, want %d", want, back, off)
				}
			}
		}
		// Columns past a line's end clamp to it.
		for l := 1; l <= f.Lines(); l++ {
			if got := f.Offset(Position{l, 1 << 30}); got != f.LineEnd(l) {
				t.Fatalf("Offset(%d:huge) = %d, want %d", l, got, f.LineEnd(l))
			}
		}
		k := f.Keep([][2]int{{0, len(f.Text)}})
		for off := 0; off <= len(f.Text); off++ {
			if got, want := k.Position(off), f.Position(off); got != want {
				t.Fatalf("Kept.Position(%d) = %v, want %v", off, got, want)
			}
		}
	}
}

// FuzzRuneCountValid holds the eight-at-a-time count to
// utf8.RuneCountInString on valid UTF-8, the only text a File holds.
func FuzzRuneCountValid(f *testing.F) {
	f.Add("plain ASCII, more than eight bytes")
	f.Add("é€𝄞 “quotes” – and\u00a0spaces, Kelvin \u212a")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		if got, want := runeCountValid(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("runeCountValid(%q) = %d, want %d", s, got, want)
		}
	})
}
