package phrase

import "math/bits"

// HasDigit is strings.ContainsAny(s, "0123456789"), read eight bytes at
// a step: every paragraph without a number is read to its end for one.
func HasDigit(s string) bool { return IndexDigit(s) >= 0 }

// IndexDigit is the place of the first ASCII digit in s, or -1, read eight
// bytes at a step. Within a word of eight bytes, a byte below 0x80 is a
// digit when adding 0x80-'0' to its low seven bits sets its top bit and
// adding 0x80-':' does not; neither sum carries into the next byte, so
// the lowest top bit set marks the first digit.
func IndexDigit(s string) int {
	const (
		ones = 0x0101010101010101
		tops = 0x8080808080808080
	)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load8(s[i : i+8])
		low := w &^ tops
		if m := (low + (0x80-'0')*ones) &^ (low + (0x80-':')*ones) &^ w & tops; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return i
		}
	}
	return -1
}
