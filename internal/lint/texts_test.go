package lint

import (
	"reflect"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/parse"
	"github.com/reportlint/reportlint/internal/source"
)

func parsed(t *testing.T, text string) (*source.File, *document.Report) {
	t.Helper()
	f, err := source.New("r.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse.Parse(f, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f, r
}

// A report's text units, made from lists another report has released,
// are those made anew; a released list keeps nothing of its report.
func TestTextsReused(t *testing.T) {
	reports := []string{
		"# Mali\n\nFirst paragraph.\n\n## Safety\n\nA second one.\n\n- an item\n- another\n\n### Crime\n\nThird.\n",
		"# Chad\n\nOnly one.\n",
		"# Niger\n\nIntro.\n\n## A\n\nOne.\n\n## B\n\nTwo.\n\n## C\n\nThree.\n\n## D\n\nFour.\n",
	}
	for round := 0; round < 2; round++ {
		for _, text := range reports {
			f, r := parsed(t, text)
			memo := map[string]any{}
			pass := &Pass{File: f, Doc: r, Memo: memo}
			got := pass.Texts()
			want := (&Pass{File: f, Doc: r}).texts().units
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: reused units differ:\n%+v\nwant\n%+v", text, got, want)
			}
			held := memo["lint.texts"].(*texts)
			ReleaseShared(memo)
			for i, u := range held.units[:cap(held.units)] {
				if !reflect.ValueOf(u).IsZero() {
					t.Fatalf("%q: released unit %d kept %+v", text, i, u)
				}
			}
		}
	}
}
