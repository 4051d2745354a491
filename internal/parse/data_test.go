package parse

import (
	"strings"
	"testing"
)

// In a JSON report, text after escapes still maps to its own place in the
// file, so a finding on a word points at that word.
func TestJSONEscapesMapToSource(t *testing.T) {
	src := `{"sections": [{"title": "Crime", "paragraphs": [{"text": "A \"big\" attack, caf\u00e9 \ud83d\ude00 too; \\ rose recently."}]}]}`
	r := parseString(t, "r.json", src)
	p := r.Sections[0].Paragraphs[0]
	if want := "A \"big\" attack, café 😀 too; \\ rose recently."; p.Text != want {
		t.Fatalf("text %q, want %q", p.Text, want)
	}
	for _, word := range []string{"recently", "attack", "big", "too"} {
		i := strings.Index(p.Text, word)
		span := p.Source(i, i+len(word))
		if got := src[span.Start:span.End]; got != word {
			t.Errorf("%q maps to %q", word, got)
		}
	}
	i := strings.Index(p.Text, "é")
	if span := p.Source(i, i+len("é")); src[span.Start:span.Start+6] != `\u00e9` {
		t.Errorf("é maps to %q, want its escape", src[span.Start:span.End])
	}
}
