package linttest

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

// finding is a finding of rule "r" at a line and columns.
func finding(line, col, endCol int, msg string) lint.Finding {
	return lint.Finding{Rule: "r", Message: msg, Start: source.Position{Line: line, Column: col}, End: source.Position{Line: line, Column: endCol}}
}

// A marker may pin a finding's start column, or its start and end; a
// finding one column off then fails, and one without a pin matches
// anywhere on its line, as before.
func TestMarkerColumns(t *testing.T) {
	text, markers, _, err := prepare("Hours 0800 - 1700. <!-- want col=12 \"hyphen\" -->\n" +
		"Hours 0800 – 1700. <!-- want col=12-13 \"en dash\" -->\n" +
		"Café “x” <!-- want \"quote\" -->\n")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(text, "want") || strings.Count(text, "\n") != 3 {
		t.Fatalf("markers not blanked: %q", text)
	}
	if len(markers) != 3 || markers[0].col != 12 || markers[0].endCol != 0 || markers[1].col != 12 || markers[1].endCol != 13 || markers[2].col != 0 {
		t.Fatalf("markers read as %+v %+v %+v", *markers[0], *markers[1], *markers[2])
	}
	fresh := func() []*marker {
		_, m, _, _ := prepare("Hours 0800 - 1700. <!-- want col=12 \"hyphen\" -->\n" +
			"Hours 0800 – 1700. <!-- want col=12-13 \"en dash\" -->\n" +
			"Café “x” <!-- want \"quote\" -->\n")
		return m
	}
	for _, c := range []struct {
		name     string
		findings []lint.Finding
		want     []string // a part of each problem, in order
	}{
		{"where pinned", []lint.Finding{finding(1, 12, 13, "hyphen"), finding(2, 12, 13, "en dash"), finding(3, 6, 7, "quote")}, nil},
		{"unpinned matches anywhere on its line", []lint.Finding{finding(1, 12, 14, "hyphen"), finding(2, 12, 13, "en dash"), finding(3, 1, 2, "quote")}, nil},
		{"start one off", []lint.Finding{finding(1, 13, 14, "hyphen"), finding(2, 12, 13, "en dash"), finding(3, 6, 7, "quote")},
			[]string{"f.txt:1:13: finding at columns 13-14, want column 12: hyphen"}},
		{"end one off", []lint.Finding{finding(1, 12, 13, "hyphen"), finding(2, 12, 14, "en dash"), finding(3, 6, 7, "quote")},
			[]string{"f.txt:2:12: finding at columns 12-14, want columns 12-13: en dash"}},
		{"missing and unexpected", []lint.Finding{finding(1, 12, 13, "hyphen"), finding(3, 6, 7, "quote"), finding(3, 8, 9, "other")},
			[]string{"f.txt:3:8: unexpected finding: other", `f.txt:2: no finding matched "en dash"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := compare("f.txt", fresh(), c.findings)
			if len(got) != len(c.want) {
				t.Fatalf("problems %q, want %d like %q", got, len(c.want), c.want)
			}
			for i := range got {
				if !strings.Contains(got[i], c.want[i]) {
					t.Errorf("problem %q, want %q", got[i], c.want[i])
				}
			}
		})
	}
	for _, bad := range []string{"x <!-- want col=0 \"a\" -->\n", "x <!-- want col=5-3 \"a\" -->\n"} {
		if _, _, _, err := prepare(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
