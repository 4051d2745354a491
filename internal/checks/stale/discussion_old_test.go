package stale

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/prose"
	"github.com/reportlint/reportlint/internal/vocab"
)

// TestCheckDiscussionAsAlways holds checkDiscussion, which reads the text
// for "due to" only for labels whose indicator no reason gives (and none
// of it when there are no reasons), to checkDiscussionAllDueTo, which read
// every "due to" for every indicator first: the same findings on the
// rule's fixtures, the samples and the real corpus (when beside the
// project).
func TestCheckDiscussionAsAlways(t *testing.T) {
	old := *IndicatorMismatch
	old.Run = func(pass *lint.Pass) {
		// runIndicatorMismatch with the old checkDiscussion.
		a := pass.Doc.Advisory
		if a == nil {
			return
		}
		v := vocab.Default()
		var reasons []reasonOf
		seen := map[string]bool{}
		for _, r := range a.Reasons {
			if ind, ok := v.IndicatorFor(r.Value); ok && !seen[ind.Code] {
				seen[ind.Code] = true
				reasons = append(reasons, reasonOf{text: r, ind: ind})
			}
		}
		var stated []document.Indicator
		for _, ind := range a.Indicators {
			if ind.Source == "statement" {
				stated = append(stated, ind)
			}
		}
		if len(stated) > 0 {
			checkStatements(pass, v, reasons, stated)
			return
		}
		checkDiscussionAllDueTo(pass, v, a, reasons, pass.Options.(*indicatorOptions))
	}
	var files []string
	for _, glob := range []string{"testdata/indicator-mismatch/*", "../../../../shared/samples/*.txt", "../../../../shared/corpus/*/*"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("only %d files", len(files))
	}
	asOf := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	labelled, found := 0, 0
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := run(t, IndicatorMismatch, path, string(raw), asOf)
		want := run(t, &old, path, string(raw), asOf)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got\n%s\nwant\n%s", path, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		found += len(got)
		for _, f := range got {
			if strings.Contains(f, "bold label") {
				labelled++
			}
		}
	}
	// The comparison must have met both kinds of finding.
	if found == 0 || labelled == 0 {
		t.Errorf("%d findings, %d of labels: the files no longer test both kinds", found, labelled)
	}
}

// checkDiscussionAllDueTo is checkDiscussion as it was.
func checkDiscussionAllDueTo(pass *lint.Pass, v *vocab.Vocabulary, a *document.Advisory, reasons []reasonOf, opts *indicatorOptions) {
	units := pass.Texts()
	// Indicators given for the country or an area ("… due to terrorism").
	given := map[string]bool{}
	for _, r := range reasons {
		given[r.ind.Code] = true
	}
	matchers := indicatorMatchers()
	var sents []prose.Range
	for _, u := range units {
		if u.Heading || !mayGiveReasons(u.Text) {
			continue
		}
		lt := asciiLowered(u.Text)
		if _, ok := findDueTo(u.Text, lt); !ok {
			continue
		}
		sents = prose.AppendSentences(sents[:0], u.Text)
		for _, s := range sents {
			sent := u.Text[s.Start:s.End]
			end, ok := findDueTo(sent, sliceLow(lt, s.Start, s.End))
			if !ok {
				continue
			}
			tail := sent[end:]
			lowTail := sliceLow(lt, s.Start+end, s.End)
			for _, m := range matchers {
				// In ASCII text a match holds the first part of one of
				// the words in lower case: most tails hold none, and in
				// the others the expression starts at the first.
				from := 0
				if m.sieve && lt != "" {
					if from = sieveFrom(tail, lowTail, m.firsts); from < 0 {
						continue
					}
				}
				if m.re.MatchString(tail[from:]) {
					given[m.code] = true
				}
			}
		}
	}

	// Bold labels that name an indicator.
	var labels []label
	for _, u := range units {
		if u.Paragraph == nil {
			continue
		}
		sp := u.Paragraph.Span
		if sp.Start < 0 || sp.End > len(pass.File.Text) || sp.Start >= sp.End {
			continue
		}
		para := pass.File.Text[sp.Start:sp.End]
		if !mayLeadBold(para) {
			continue // no bold text at its start, no label
		}
		m := boldLabel.FindStringSubmatchIndex(para)
		if m == nil {
			continue
		}
		text := strings.TrimSpace(pass.File.Text[sp.Start+m[2] : sp.Start+m[3]])
		if ind, ok := labelIndicator(v, text); ok {
			labels = append(labels, label{text: text, span: document.Span{Start: sp.Start + m[2], End: sp.Start + m[3]}, ind: ind})
		}
	}

	for _, r := range reasons {
		if discussed(units, lowerTexts(pass), a, r, labels, opts.DiscussionWords[r.ind.Code]) {
			continue
		}
		pass.Report(lint.Finding{
			Span:    r.text.Span,
			Message: fmt.Sprintf("reason %q is given for the advisory, but no paragraph or bold label speaks of it", r.text.Value),
			Hint:    fmt.Sprintf("add a paragraph on it, such as one led by \"**%s:**\", or drop the reason", r.ind.Name),
		})
	}
	if len(reasons) == 0 {
		return // an advisory that gives no reasons has none to disagree with
	}
	for _, l := range labels {
		if given[l.ind.Code] {
			continue
		}
		pass.Report(lint.Finding{
			Span:    l.span,
			Message: fmt.Sprintf("bold label %q speaks of the %s, but the advisory's reasons (%s) do not name it", l.text, indicatorName(l.ind), reasonList(reasons)),
			Hint:    "add the reason to the advisory's sentence, or drop or relabel the paragraph",
		})
	}
}
