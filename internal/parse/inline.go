package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
)

// inlineText reads the inline markup plain-text reports use, **bold** and
// [text](target), from src[start:end]. It returns the text with the markup
// removed and the links found. Anything else is kept as written.
func inlineText(src string, start, end int, b *document.InlineBuilder, links *[]document.Link) {
	var m *linkMatcher
	if k := strings.IndexByte(src[start:end], '['); k >= 0 {
		// Built from the first "[": nothing before it opens a link, and
		// what a parenthesis before it closes is never asked, so the
		// bytes before it need not be read (TestLinkMatcherAgreesWithScanLink).
		m = newLinkMatcher(src, start+k, end)
	}
	inlineRange(src, start, end, b, links, m)
}

// inlineRange is inlineText on part of the range m matched.
func inlineRange(src string, start, end int, b *document.InlineBuilder, links *[]document.Link, m *linkMatcher) {
	i := start
	run := start // start of the verbatim run not yet appended
	flush := func(to int) {
		if to > run {
			b.Append(src[run:to], run)
		}
	}
	// The next place of each byte the cases look at, once looked for, so
	// that the bytes between are passed over by strings.IndexByte, each
	// looked for again only once passed.
	starAt, bracketAt, lineAt := -1, -1, -1
	for i < end {
		switch {
		case src[i] == '*' && i+1 < end && src[i+1] == '*':
			// A bold marker pair: drop both markers when a closing pair follows on
			// the same paragraph; a lone ** stays as written.
			if close := strings.Index(src[i+2:end], "**"); close >= 0 {
				flush(i)
				inner := i + 2
				innerEnd := i + 2 + close
				spaceIfGlued(b, src, inner, end)
				start := b.Len()
				inlineRange(src, inner, innerEnd, b, links, m)
				b.MarkStrong(start)
				i = innerEnd + 2
				spaceIfGlued(b, src, i, end)
				run = i
				continue
			}
			i += 2
		case src[i] == '[':
			textEnd, targetStart, targetEnd, linkEnd, ok := m.link(i, end)
			if !ok {
				i++
				continue
			}
			flush(i)
			spaceIfGlued(b, src, i+1, textEnd)
			before := b.Len()
			inlineRange(src, i+1, textEnd, b, links, m)
			text := b.Since(before)
			target := linkTarget(src[targetStart:targetEnd])
			*links = append(*links, document.Link{Text: text, Target: target, Span: document.Span{Start: i, End: linkEnd}})
			i = linkEnd
			spaceIfGlued(b, src, i, end)
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
			starAt = nextByteAt(src, i, end, '*', starAt)
			bracketAt = nextByteAt(src, i, end, '[', bracketAt)
			lineAt = nextByteAt(src, i, end, '\n', lineAt)
			i = min(starAt, bracketAt, lineAt)
		}
	}
	flush(end)
}

// nextByteAt is the first place of c in src after i and before end (end
// if none), given at, the place found when last looked for: looked for
// again only when at is no longer after i.
func nextByteAt(src string, i, end int, c byte, at int) int {
	if at > i {
		return at
	}
	if k := strings.IndexByte(src[i+1:end], c); k >= 0 {
		return i + 1 + k
	}
	return end
}

// spaceIfGlued adds a space when the text so far ends in a word and the
// text at src[at:end], just past bold or link marks, starts one: the space
// between them was lost when the page was converted ("due to**crime**",
// "**terrorism**and"), and a word does not run on across the marks.
func spaceIfGlued(b *document.InlineBuilder, src string, at, end int) {
	if at >= end || !isWordRune(b.LastRune()) {
		return
	}
	if src[at] == '*' || src[at] == '[' {
		// more marks: "**[**Burundi**](…)": the text after them decides
		for at < end && (src[at] == '*' || src[at] == '[') {
			at++
		}
		if at >= end {
			return
		}
	}
	if r, _ := utf8.DecodeRuneInString(src[at:end]); isWordRune(r) {
		b.AppendSynthetic(" ")
	}
}

// looseSchemes are the link schemes pages write with spaces in the target:
// "(mailto: name@state.gov "title")", "(tel:+25111 518 0500)". A browser
// follows such a link; CommonMark does not read it as one.
var looseSchemes = []string{"mailto:", "tel:"}

// looseTarget finds, in raw (a link target as written, from after its
// "(" to before its ")"), a mailto: or tel: target with spaces a browser
// ignores: it returns where the scheme ends and where the target ends
// (before a quoted title), or ok false.
func looseTarget(raw string) (schemeEnd, end int, ok bool) {
	lead := len(raw) - len(strings.TrimLeft(raw, " "))
	for _, s := range looseSchemes {
		if len(raw)-lead >= len(s) && strings.EqualFold(raw[lead:lead+len(s)], s) {
			schemeEnd = lead + len(s)
			end = len(raw)
			if q := strings.IndexAny(raw[schemeEnd:], `"'`); q >= 0 {
				end = schemeEnd + q
			}
			for end > schemeEnd && raw[end-1] == ' ' {
				end--
			}
			return schemeEnd, end, end > schemeEnd && strings.Contains(raw[schemeEnd:end], " ")
		}
	}
	return 0, 0, false
}

// linkTarget is the target of a link whose target was written raw: up to
// its first space (a title follows it), but a mailto: or tel: target
// without the spaces a browser ignores in it.
func linkTarget(raw string) string {
	raw = strings.TrimSpace(raw)
	if schemeEnd, end, ok := looseTarget(raw); ok {
		return raw[:schemeEnd] + strings.ReplaceAll(raw[schemeEnd:end], " ", "")
	}
	target, _, _ := strings.Cut(raw, " ")
	return target
}

// loosenLinkTargets rewrites, in a copy of the source given to the
// Markdown parser, each mailto: or tel: link target with spaces in it so
// that CommonMark reads it as the link a browser shows: the spaces move to
// the end of the target, where they separate it from its title. Offsets
// do not move, so every span still points into the source as written.
func loosenLinkTargets(b []byte) {
	for i := 0; i+2 < len(b); i++ {
		// To the next "]" that may open a target: most of a source has
		// none, and a byte at a time was 1% of checking the corpus.
		j := bytes.IndexByte(b[i:len(b)-2], ']')
		if j < 0 {
			return
		}
		if i += j; b[i+1] != '(' {
			continue
		}
		start := i + 2
		k := start
		for k < len(b) && b[k] == ' ' {
			k++
		}
		if !hasLooseScheme(b[k:]) {
			continue
		}
		// The target ends at the first ")"; one with a "(" in it (a
		// number "+1 (202) …") or longer than a target can be is left as
		// written.
		end := start
		for end < len(b) && end-start < maxLinkTarget && !strings.ContainsRune(")(\n", rune(b[end])) {
			end++
		}
		if end == len(b) || b[end] != ')' {
			continue
		}
		raw := string(b[start:end])
		_, n, ok := looseTarget(raw)
		if !ok {
			continue
		}
		kept := strings.ReplaceAll(raw[:n], " ", "")
		copy(b[start:start+n], kept+strings.Repeat(" ", n-len(kept)))
		i = end
	}
}

func hasLooseScheme(b []byte) bool {
	for _, s := range looseSchemes {
		if len(b) >= len(s) && strings.EqualFold(string(b[:len(s)]), s) {
			return true
		}
	}
	return false
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

// linkMatcher answers scanLink's question for every "[" of one range of
// text in time linear in the range. scanLink reads up to 3,000 bytes from
// the "[" it is given, so a line of brackets took seconds a megabyte;
// here each bracket and parenthesis is matched once, with a stack.
type linkMatcher struct {
	src   string
	start int
	// reach[p-start] is, for a "[" or "(" at p, how far after it is the
	// "]" or ")" that closes it; 0 when nothing closes it within
	// maxLinkText+maxLinkTarget bytes, or a blank line (a line end, for a
	// parenthesis) comes first.
	reach []uint16
}

const linkWindow = maxLinkText + maxLinkTarget

func newLinkMatcher(src string, start, end int) *linkMatcher {
	m := &linkMatcher{src: src, start: start, reach: make([]uint16, end-start)}
	var brackets, parens openers
	for p := start; p < end; p++ {
		switch src[p] {
		case '[':
			brackets.push(p)
		case '(':
			parens.push(p)
		case ']':
			if o, ok := brackets.pop(p); ok {
				m.reach[o-start] = uint16(p - o)
			}
		case ')':
			if o, ok := parens.pop(p); ok {
				m.reach[o-start] = uint16(p - o)
			}
		case '\n':
			parens.clear()
			if p+1 < end && src[p+1] == '\n' {
				brackets.clear()
			}
		}
	}
	return m
}

// link is scanLink(src, i, end) for a "[" at i within the matched range.
func (m *linkMatcher) link(i, end int) (textEnd, targetStart, targetEnd, linkEnd int, ok bool) {
	end = min(end, i+linkWindow)
	j := i + int(m.reach[i-m.start])
	if j == i || j+1 >= end || m.src[j+1] != '(' {
		return
	}
	k := j + 1 + int(m.reach[j+1-m.start])
	if k == j+1 || k >= end {
		return
	}
	return j, j + 2, k, k + 1, true
}

// openers is a stack of the offsets of "[" or "(" not yet closed. An
// opener more than linkWindow bytes back can close no link, so it is
// dropped: the stack stays small on a line of a million brackets.
type openers struct {
	at     []int
	bottom int // at[:bottom] are dropped
}

func (s *openers) push(p int) {
	s.drop(p)
	s.at = append(s.at, p)
}

// pop takes the innermost opener for a closer at p, if one is open
// within reach of p.
func (s *openers) pop(p int) (int, bool) {
	s.drop(p)
	if s.bottom == len(s.at) {
		return 0, false
	}
	o := s.at[len(s.at)-1]
	s.at = s.at[:len(s.at)-1]
	return o, true
}

// drop lets go of the openers too far before p to close a link there.
func (s *openers) drop(p int) {
	for s.bottom < len(s.at) && p-s.at[s.bottom] >= linkWindow {
		s.bottom++
	}
	if s.bottom > linkWindow {
		n := copy(s.at, s.at[s.bottom:])
		s.at, s.bottom = s.at[:n], 0
	}
}

func (s *openers) clear() { s.at, s.bottom = s.at[:0], 0 }
