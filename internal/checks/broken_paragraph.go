package checks

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/vocab"
)

var BrokenParagraph = &lint.Rule{
	ID:       "broken-paragraph",
	TextOnly: true,
	Level:    lint.Warning,
	Summary:  "a paragraph is broken mid-sentence",
	Fixable:  true,
	Doc: `Reports converted from web pages or PDFs often carry a page-break artefact: a paragraph
that stops without final punctuation, followed by one that starts in lower case, which is the
rest of the same sentence. Items of a list that lost their markers (lower-case lines after a
lead-in ending in a colon) are not broken sentences. The finding is at the last word before the break; the fix joins the
two paragraphs with a space.`,
	Bad:  "Criminals often target foreigners, often for\n\nkidnapping for ransom.",
	Good: "Criminals often target foreigners, often for kidnapping for ransom.",
	Run: func(pass *lint.Pass) {
		blocks := pass.Doc.Blocks()
		for i := 0; i+1 < len(blocks); i++ {
			a, b := blocks[i].Paragraph, blocks[i+1].Paragraph
			if a.Kind != document.KindParagraph || b.Kind != document.KindParagraph || blocks[i].Section != blocks[i+1].Section {
				continue
			}
			if !endsOpen(a.Text) || !startsWithWord(b.Text) || isLabel(a.Text) || unmarkedItem(blocks, i) {
				continue
			}
			lastWord := lastWordRange(a.Text)
			span := a.Source(lastWord, len(a.Text))
			next := firstWords(b.Text, 3)
			f := lint.Finding{
				Span:    span,
				Message: fmt.Sprintf("paragraph breaks mid-sentence: %q continues as %q in the next paragraph", strings.TrimSpace(a.Text[lastWord:]), next),
				Hint:    "join the two paragraphs",
			}
			if pass.Doc.Data == nil && a.Span.End <= b.Span.Start {
				f.Fix = &lint.Fix{Message: "join the paragraphs", Edits: []lint.Edit{{Span: document.Span{Start: a.Span.End, End: b.Span.Start}, New: " "}}}
			}
			pass.Report(f)
		}
	},
}

// unmarkedItem: the paragraph at i is an item of a list that lost its
// markers in conversion: it starts in lower case, as do the paragraphs
// between it and a lead-in ending in a colon ("If you are bitten:"). Its
// open end is an item's, not a sentence cut in two.
func unmarkedItem(blocks []document.Block, i int) bool {
	for j := i; j >= 0 && blocks[j].Section == blocks[i].Section; j-- {
		text := strings.TrimSpace(blocks[j].Paragraph.Text)
		if j < i && strings.HasSuffix(text, ":") {
			return true
		}
		if !startsWithWord(text) {
			return false
		}
	}
	return false
}

// endsOpen: the text stops on a letter, digit or comma, not on a sentence's
// end, a colon or a closing quote or bracket.
func endsOpen(text string) bool {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(text)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ','
}

// isLabel: a one-word paragraph, or a contact label ("Hours of
// Operation"), introduces the value after it; it is not half a sentence.
func isLabel(text string) bool {
	if !twoWords(text) {
		return true
	}
	_, ok := vocab.Default().ContactKindOf(text)
	return ok
}

// startsWithWord: the text starts with a lower-case word, not an address
// ("https://…"), an email or a code.
func startsWithWord(text string) bool {
	// The first word alone: splitting a whole paragraph into words to
	// read one costs as much as the paragraph.
	first := strings.TrimLeftFunc(text, unicode.IsSpace)
	if end := strings.IndexFunc(first, unicode.IsSpace); end >= 0 {
		first = first[:end]
	}
	if first == "" {
		return false
	}
	word := strings.TrimRight(first, ",;:.!?")
	r, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsLower(r) {
		return false
	}
	for _, c := range word {
		if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' {
			return false
		}
	}
	return true
}

// lastWordRange is the offset where the text's last word starts.
func lastWordRange(text string) int {
	t := strings.TrimRightFunc(text, unicode.IsSpace)
	i := strings.LastIndexFunc(t, unicode.IsSpace)
	return i + 1
}

// twoWords: the text has two fields or more. The fields past the second
// are not split: strings.Fields listed a whole paragraph's words to count
// them.
func twoWords(text string) bool {
	n := 0
	for range strings.FieldsSeq(text) {
		if n++; n == 2 {
			return true
		}
	}
	return false
}

// firstWords is the text's first n words, and "…" when more follow; the
// words after them are not split.
func firstWords(text string, n int) string {
	words := make([]string, 0, n+1)
	for w := range strings.FieldsSeq(text) {
		if words = append(words, w); len(words) > n {
			return strings.Join(words[:n], " ") + "…"
		}
	}
	return strings.Join(words, " ")
}
