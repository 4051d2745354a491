package checks

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/linttest"
)

// headerFieldsCopying is headerFields as it was, copying the units into
// header and body; headerFields must mark the units it put in header.
func headerFieldsCopying(pass *lint.Pass, units []textUnit) (header, body []textUnit) {
	if pass.Doc.Format != document.FormatMarkdown {
		return nil, units
	}
	body = make([]textUnit, 0, len(units))
	for _, u := range units {
		if u.Section == nil && !u.Heading && u.Paragraph != nil &&
			u.Paragraph.Span.End <= len(pass.File.Text) && headerField.MatchString(pass.File.Text[u.Paragraph.Span.Start:u.Paragraph.Span.End]) {
			header = append(header, u)
		} else {
			body = append(body, u)
		}
	}
	return header, body
}

// TestHeaderFieldsAsCopying splits the quote-style fixtures, the rules'
// Markdown fixtures and the real corpus (when ../shared is there) as the
// copying split did, and fails unless some of them have a header block.
func TestHeaderFieldsAsCopying(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*/*.md")
	corpus, _ := filepath.Glob("../../../shared/corpus/*/*")
	paths = append(paths, corpus...)
	withHeader := 0
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, r := parseFixture(t, path, string(raw), linttest.Settings{})
		pass := lint.NewPass(QuoteStyle, f, r, mustProfile(t, r.Profile), linttest.DefaultAsOf, nil, lint.Warning, func(lint.Finding) {})
		units := texts(pass)
		field := headerFields(pass, units)
		var h, b []textUnit
		for i, u := range units {
			if field != nil && field[i] {
				h = append(h, u)
			} else {
				b = append(b, u)
			}
		}
		wh, wb := headerFieldsCopying(pass, units)
		if len(h) > 0 {
			withHeader++
		} else if field != nil {
			t.Errorf("%s: headerFields marks no field, but is not nil", path)
		}
		if !reflect.DeepEqual(h, wh) || !reflect.DeepEqual(b, wb) {
			t.Errorf("%s: split into %d and %d units, want %d and %d", path, len(h), len(b), len(wh), len(wb))
		}
	}
	if withHeader == 0 {
		t.Error("no file with a header block: the test compares nothing")
	}
}
