package sourcetest

import "testing"

func TestUnprintable(t *testing.T) {
	github := func(line string) bool { return line == "::error file=a::b" }
	for _, c := range []struct {
		out  string
		want int // problems found
	}{
		{"plain\ttext\r\nand “quotes”, ␛ and \ufffd\n", 0},
		{"::error file=a::b\n", 0},
		{"x\x1b[31m\x07", 2},
		{"a\rb", 1},
		{"a\u202eb\u2066c\u2028d\u0085", 4},
		{"bad \xff byte", 1},
		{"text\n  ::warning::x\n", 1},
		{"any ##[group] in a line", 1},
		{"::error file=a::c", 1},
	} {
		if got := Unprintable(c.out, github); len(got) != c.want {
			t.Errorf("Unprintable(%q) = %q, want %d problems", c.out, got, c.want)
		}
	}
	if got := Unprintable("::error file=a::b", nil); len(got) != 1 {
		t.Errorf("with no command of its own, a line starting with :: is one: %q", got)
	}
}
