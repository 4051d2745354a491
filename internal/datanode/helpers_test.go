package datanode

import (
	"strconv"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
)

// spanTexts maps every value's JSON pointer to the text its span covers, and
// pointer+"@key" to the text of the key span that leads to it.
func spanTexts(t *testing.T, text string, root *document.Node) map[string]string {
	t.Helper()
	got := map[string]string{}
	cut := func(s document.Span) string {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End {
			t.Fatalf("span %+v outside text of %d bytes", s, len(text))
		}
		return text[s.Start:s.End]
	}
	Walk(root, func(pointer string, n *document.Node) {
		got[pointer] = cut(n.Span)
		for _, f := range n.Fields {
			got[pointer+"/"+pointerEscaper.Replace(f.Key)+"@key"] = cut(f.KeySpan)
		}
	})
	return got
}

// checkSpans fails for every expected pointer whose span text differs.
func checkSpans(t *testing.T, text string, root *document.Node, want map[string]string) {
	t.Helper()
	got := spanTexts(t, text, root)
	for pointer, w := range want {
		g, ok := got[pointer]
		if !ok {
			t.Errorf("no value at %q; have %v", pointer, keysOf(got))
			continue
		}
		if g != w {
			t.Errorf("span at %q = %q, want %q", pointer, g, w)
		}
	}
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, strconv.Quote(k))
	}
	return out
}
