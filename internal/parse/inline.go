package parse

import (
	"strings"

	"github.com/reportlint/reportlint/internal/document"
)

// inlineText reads the inline markup plain-text reports use, **bold** and
// [text](target), from src[start:end]. It returns the text with the markup
// removed and the links found. Anything else is kept as written.
func inlineText(src string, start, end int, b *document.InlineBuilder, links *[]document.Link) {
	i := start
	run := start // start of the verbatim run not yet appended
	flush := func(to int) {
		if to > run {
			b.Append(src[run:to], run)
		}
	}
	for i < end {
		switch {
		case src[i] == '*' && i+1 < end && src[i+1] == '*':
			// A bold marker pair: drop both markers when a closing pair follows on
			// the same paragraph; a lone ** stays as written.
			if close := strings.Index(src[i+2:end], "**"); close >= 0 {
				flush(i)
				inner := i + 2
				innerEnd := i + 2 + close
				inlineText(src, inner, innerEnd, b, links)
				i = innerEnd + 2
				run = i
				continue
			}
			i += 2
		case src[i] == '[':
			textEnd, targetStart, targetEnd, linkEnd, ok := scanLink(src, i, end)
			if !ok {
				i++
				continue
			}
			flush(i)
			before := b.Len()
			inlineText(src, i+1, textEnd, b, links)
			text := b.Since(before)
			target, _, _ := strings.Cut(strings.TrimSpace(src[targetStart:targetEnd]), " ")
			*links = append(*links, document.Link{Text: text, Target: target, Span: document.Span{Start: i, End: linkEnd}})
			i = linkEnd
			run = i
		case src[i] == '\n':
			// A line break inside a paragraph reads as a space.
			flush(i)
			if b.Len() > 0 && b.LastByte() != ' ' {
				b.AppendSynthetic(" ")
			}
			i++
			for i < end && (src[i] == ' ' || src[i] == '\t') {
				i++
			}
			run = i
		default:
			i++
		}
	}
	flush(end)
}

// Links longer than these are not links but stray brackets; the bounds keep a
// line full of "[" from costing quadratic time.
const (
	maxLinkText   = 1000
	maxLinkTarget = 2000
)

// scanLink matches [text](target) at src[i] within src[:end]. Brackets in the
// text and parentheses in the target nest; neither may cross a blank line.
func scanLink(src string, i, end int) (textEnd, targetStart, targetEnd, linkEnd int, ok bool) {
	end = min(end, i+maxLinkText+maxLinkTarget)
	depth := 0
	j := i
	for ; j < end; j++ {
		c := src[j]
		if c == '[' {
			depth++
		} else if c == ']' {
			depth--
			if depth == 0 {
				break
			}
		} else if c == '\n' && j+1 < end && src[j+1] == '\n' {
			return
		}
	}
	if j >= end || j+1 >= end || src[j+1] != '(' {
		return
	}
	textEnd = j
	targetStart = j + 2
	depth = 1
	for k := targetStart; k < end; k++ {
		switch src[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return textEnd, targetStart, k, k + 1, true
			}
		case '\n':
			return
		}
	}
	return
}
