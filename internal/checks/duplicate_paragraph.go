package checks

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
)

var DuplicateParagraph = &lint.Rule{
	ID:       "duplicate-paragraph",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "a paragraph or list item is repeated word for word",
	Doc: `A list item that another item of the same list already says word for word ("Avoid
demonstrations and crowds." twice among the advice), or a paragraph that says again what the
one just before it said, is a copy-and-paste slip. Words are compared ignoring case, spacing
and markup; texts of fewer than three words are left alone. The repeat is reported, with the
line of the first. The same paragraph in different places, such as the "For more information"
line under each regional level of an advisory, is boilerplate and is not flagged.`,
	Bad:  "If you decide to travel:\n\n* Avoid demonstrations and crowds.\n* Stay alert.\n* Avoid demonstrations and crowds.",
	Good: "If you decide to travel:\n\n* Avoid demonstrations and crowds.\n* Stay alert.",
	Run: func(pass *lint.Pass) {
		// The current list's items. One map serves every list of the
		// report, emptied for each (a map a list was a twentieth of the
		// rules' allocations on the real corpus), unless a list left it
		// large, as emptying costs its size.
		var list map[uint64]*document.Paragraph
		check := func(paras []*document.Paragraph) {
			// List items are told apart by a hash of their words, which
			// costs no allocation; a paragraph is compared with the one
			// before it alone, which differs from it within a word or two,
			// so it is not hashed. A repeat is confirmed word by word.
			inList := false
			for i, p := range paras {
				if p.Kind != document.KindListItem {
					inList = false
					if i > 0 && paras[i-1].Kind != document.KindListItem && sameFoldedWords(p.Text, paras[i-1].Text) && sameWords(p.Text, paras[i-1].Text) {
						reportRepeat(pass, p, paras[i-1], "paragraph", "the one before it")
					}
					continue
				}
				key := wordsHash(p.Text)
				if !inList {
					inList = true
					if list == nil || len(list) > 64 {
						list = map[uint64]*document.Paragraph{}
					} else {
						clear(list)
					}
				}
				if first, dup := list[key]; dup && key != 0 && sameWords(p.Text, first.Text) {
					reportRepeat(pass, p, first, "list item", "an item above it")
					continue
				}
				list[key] = p
			}
		}
		check(pass.Doc.Preamble)
		for _, s := range pass.Doc.AllSections() {
			check(s.Paragraphs)
		}
	},
}

func reportRepeat(pass *lint.Pass, p, first *document.Paragraph, what, where string) {
	line := pass.File.Position(first.Span.Start).Line
	pass.Report(lint.Finding{
		Span:    p.Span,
		Message: fmt.Sprintf("%s repeats %s word for word (line %d)", what, where, line),
		Hint:    "delete the repeat, or say what was meant",
	})
}

// wordsHash is an FNV-1a hash of a text's words, lower-cased and
// single-spaced, or 0 for a text of fewer than three words. It hashes each
// byte as it reads it, where it found a word's end before hashing it: the
// list items of the real corpus are read once, not twice.
func wordsHash(text string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h, n := uint64(offset), 0
	in := false // inside a word: a space then ends it
	for i := 0; i < len(text); i++ {
		c := text[i]
		if isSpaceByte(c) {
			if in {
				h = (h ^ ' ') * prime
				n++
				in = false
			}
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * prime
		in = true
	}
	if in {
		h = (h ^ ' ') * prime
		n++
	}
	if n < 3 {
		return 0
	}
	return h
}

// sameFoldedWords reports whether a and b have the same words, at least
// three, as wordsHash reads them (split at ASCII space, ASCII letters
// lower-cased): the test of equal hashes without reading past the first
// difference.
func sameFoldedWords(a, b string) bool {
	i, j, n := 0, 0, 0
	for {
		for i < len(a) && isSpaceByte(a[i]) {
			i++
		}
		for j < len(b) && isSpaceByte(b[j]) {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b) && n >= 3
		}
		for i < len(a) && !isSpaceByte(a[i]) && j < len(b) && !isSpaceByte(b[j]) {
			if lowerASCII(a[i]) != lowerASCII(b[j]) {
				return false
			}
			i, j = i+1, j+1
		}
		if (i < len(a) && !isSpaceByte(a[i])) || (j < len(b) && !isSpaceByte(b[j])) {
			return false // one word goes on past the other's end
		}
		n++
	}
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// sameWords: a and b have the same words, ignoring case and spacing.
func sameWords(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) {
		return false
	}
	for k := range wa {
		if !strings.EqualFold(wa[k], wb[k]) {
			return false
		}
	}
	return true
}

func isSpaceByte(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }
