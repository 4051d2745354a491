package parse

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

// The link matcher finds, for every "[" and every end, the link scanLink
// finds reading from that "[": on text of brackets, parentheses, line
// ends and blank lines, with links near and past the 3,000-byte reach.
func TestLinkMatcherAgreesWithScanLink(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"[", "]", "(", ")", "\n", "\n\n", "x", "](", "[x](y)", strings.Repeat("w", 700)}
	var texts []string
	for n := 0; n < 60; n++ {
		var b strings.Builder
		for b.Len() < 9000 {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	// Links whose text or target ends at the edge of reach.
	for d := -3; d <= 3; d++ {
		texts = append(texts, "[["+strings.Repeat("w", linkWindow+d-4)+"](t)", "[x]("+strings.Repeat("w", linkWindow+d-5)+"))")
	}
	// Parentheses before the first "[", which a matcher built from it
	// does not see.
	for n := 0; n < 20; n++ {
		texts = append(texts, strings.Repeat("(", 1+n%3)+"x) ("+texts[n])
	}
	texts = append(texts, "(a [b](c) d)", "(( [b](c)) )", "(x\n[b](c)", "("+strings.Repeat("w", linkWindow)+"[b](c))")
	for _, src := range texts {
		start := r.IntN(2)
		m := newLinkMatcher(src, start, len(src))
		// As inlineText builds it: from the first "[".
		first := newLinkMatcher(src, start+max(0, strings.IndexByte(src[start:], '[')), len(src))
		for i := start; i < len(src); i++ {
			if src[i] != '[' {
				continue
			}
			ends := []int{len(src), i + 1 + r.IntN(len(src)-i)}
			if _, _, _, linkEnd, ok := scanLink(src, i, len(src)); ok {
				ends = append(ends, linkEnd, linkEnd-1, linkEnd+1)
			}
			for _, end := range ends {
				end = min(end, len(src))
				a1, a2, a3, a4, aok := m.link(i, end)
				b1, b2, b3, b4, bok := scanLink(src, i, end)
				if aok != bok || aok && [4]int{a1, a2, a3, a4} != [4]int{b1, b2, b3, b4} {
					t.Fatalf("at %d to %d: matcher %v %v %v %v %v, scanLink %v %v %v %v %v", i, end, a1, a2, a3, a4, aok, b1, b2, b3, b4, bok)
				}
				c1, c2, c3, c4, cok := first.link(i, end)
				if cok != bok || cok && [4]int{c1, c2, c3, c4} != [4]int{b1, b2, b3, b4} {
					t.Fatalf("at %d to %d: matcher from the first \"[\" %v %v %v %v %v, scanLink %v %v %v %v %v", i, end, c1, c2, c3, c4, cok, b1, b2, b3, b4, bok)
				}
			}
		}
	}
}

// oldInlineRange is inlineRange as it was before it passed over plain
// bytes with strings.IndexByte: one byte at a time.
func oldInlineRange(src string, start, end int, b *document.InlineBuilder, links *[]document.Link, m *linkMatcher) {
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
				spaceIfGlued(b, src, inner, end)
				start := b.Len()
				oldInlineRange(src, inner, innerEnd, b, links, m)
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
			oldInlineRange(src, i+1, textEnd, b, links, m)
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
			i++
		}
	}
	flush(end)
}

// FuzzInlineRange holds inlineText to the byte-at-a-time reading: the
// text, its segments, bold and links.
func FuzzInlineRange(f *testing.F) {
	f.Add("plain text\n  next line")
	f.Add("**bold** and **[link](https://x.example) in bold**, a lone * and ** end")
	f.Add("[a](b) [c]: [**d**](mailto: x@y.z \"t\")\n*[e]*")
	f.Fuzz(func(t *testing.T, src string) {
		var m *linkMatcher
		if strings.IndexByte(src, '[') >= 0 {
			m = newLinkMatcher(src, 0, len(src))
		}
		var got, want document.InlineBuilder
		var gotLinks, wantLinks []document.Link
		inlineRange(src, 0, len(src), &got, &gotLinks, m)
		if m != nil {
			m = newLinkMatcher(src, 0, len(src))
		}
		oldInlineRange(src, 0, len(src), &want, &wantLinks, m)
		g, w := got.Inline(), want.Inline()
		if !reflect.DeepEqual(g, w) || !reflect.DeepEqual(gotLinks, wantLinks) {
			t.Errorf("inlineRange(%q) = %+v %+v, want %+v %+v", src, g, gotLinks, w, wantLinks)
		}
	})
}

// loosenLinkTargetsByByte is loosenLinkTargets as it was, reading every
// byte for "](": FuzzLoosenLinkTargets holds the one that jumps from "]"
// to "]" to it.
func loosenLinkTargetsByByte(b []byte) {
	for i := 0; i+2 < len(b); i++ {
		if b[i] != ']' || b[i+1] != '(' {
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

func FuzzLoosenLinkTargets(f *testing.F) {
	for _, s := range []string{
		"[a](mailto: x @y.org) [b](tel:+1 202 555 0100)",
		"](", "]]](tel: 1 2)", "[x](tel:+1 (202) 555)", "[m]( MAILTO:a b@c.d \"t\")\n[n](tel:1)",
		"no brackets at all", "]", "](tel:1 2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := []byte(s), []byte(s)
		loosenLinkTargets(got)
		loosenLinkTargetsByByte(want)
		if string(got) != string(want) {
			t.Fatalf("%q: got %q, want %q", s, got, want)
		}
	})
}
