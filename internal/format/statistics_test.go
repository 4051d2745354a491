package format

import (
	"bytes"
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
)

// --statistics: findings per rule, most first and ties by id, each rule's
// levels with counts when they differ, and what fix corrects.
func TestWriteStatistics(t *testing.T) {
	fd := func(rule string, level lint.Level, fixable bool) lint.Finding {
		f := lint.Finding{Rule: rule, Level: level}
		if fixable {
			f.Fix = &lint.Fix{}
		}
		return f
	}
	r := &Run{Files: Collect(nil, []lint.Finding{
		fd("quote-style", lint.Warning, true), fd("quote-style", lint.Warning, true),
		fd("empty-section", lint.Warning, false), fd("empty-section", lint.Error, false), fd("empty-section", lint.Warning, false),
		fd("dash-style", lint.Warning, true), fd("dash-style", lint.Warning, false),
		fd("b-rule", lint.Info, false), fd("a-rule", lint.Info, false),
	})}
	var b bytes.Buffer
	if err := WriteStatistics(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "3  empty-section  error 1, warning 2\n" +
		"2  dash-style     warning  [1 fixable]\n" +
		"2  quote-style    warning  [fixable]\n" +
		"1  a-rule         info\n" +
		"1  b-rule         info\n" +
		"1 file checked: 1 error, 6 warnings, 2 infos; 3 fixable with `reportlint fix`\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	r.Quiet = true
	b.Reset()
	WriteStatistics(&b, r)
	if bytes.Contains(b.Bytes(), []byte("checked")) {
		t.Errorf("quiet statistics print the summary:\n%s", b.String())
	}
}
