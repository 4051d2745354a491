package reportdiff

import (
	"strings"
	"unicode"
)

// contextWords is how many words of unchanged text a changed paragraph
// shows on each side of a change: enough to find the place, not the whole
// paragraph.
const contextWords = 4

// movedWords is how much of a paragraph that moved unchanged text and
// Markdown show: its text is no change, only enough to know it again.
const movedWords = 12

// Ellipsis marks unchanged text left out of an excerpt.
const Ellipsis = "…"

// Excerpt is a changed paragraph's word diff with its unchanged runs cut
// to ctx words each side of a change ("… were responsible for
// [-887-]{+912+} attacks in Mali in …"). The changes are kept whole.
func Excerpt(words []WordOp, ctx int) []WordOp {
	out := make([]WordOp, 0, len(words))
	for i, op := range words {
		if op.Op != "equal" {
			out = append(out, op)
			continue
		}
		before, after := i > 0, i < len(words)-1 // a change before it, after it
		out = append(out, WordOp{Op: "equal", Text: cutEqual(op.Text, ctx, before, after)})
	}
	return out
}

// cutEqual keeps of an unchanged run the ctx words after the change before
// it (when there is one) and the ctx words before the change after it.
func cutEqual(s string, ctx int, before, after bool) string {
	toks := tokens(s)
	var starts []int // token index of each word
	for i, t := range toks {
		if r := []rune(t); len(r) > 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0])) {
			starts = append(starts, i)
		}
	}
	keep := 0
	if before {
		keep += ctx
	}
	if after {
		keep += ctx
	}
	if len(starts) <= keep+1 { // leaving out one word saves nothing
		return s
	}
	join := func(ts []string) string { return strings.Join(ts, "") }
	var b strings.Builder
	if before {
		// Up to the end of the ctx-th word, then what follows it
		// before the next word (a comma, a full stop).
		end := starts[ctx]
		b.WriteString(strings.TrimRight(join(toks[:end]), " "))
	}
	b.WriteString(" " + Ellipsis + " ")
	if after {
		b.WriteString(strings.TrimLeft(join(toks[starts[len(starts)-ctx]:]), " "))
	}
	out := b.String()
	if !before {
		out = strings.TrimLeft(out, " ")
	}
	if !after {
		out = strings.TrimRight(out, " ")
	}
	return out
}
