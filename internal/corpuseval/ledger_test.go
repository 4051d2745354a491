package corpuseval

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/source"
)

const header = "file\tline\tcol\trule\tverdict\tnote\n"

func TestLedgerRoundTrip(t *testing.T) {
	entries := []Entry{
		{Key{"us/b.txt", 3, 1, "phone-format"}, False, "time read as phone number"},
		{Key{"us/a.txt", 10, 2, "schema"}, Real, ""},
		{Key{"us/a.txt", 9, 5, "phone-format#2"}, Unreviewed, ""},
		{Key{"us/a.txt", 9, 5, "phone-format"}, Furniture, "tool-tip row\tof the page"},
	}
	var buf bytes.Buffer
	if err := WriteLedger(&buf, entries); err != nil {
		t.Fatal(err)
	}
	got, err := ReadLedger(&buf, "ledger.tsv")
	if err != nil {
		t.Fatal(err)
	}
	// Sorted by file, line, column, rule; a tab in a note becomes a space.
	want := []Entry{entries[3], entries[2], entries[1], entries[0]}
	want[0].Note = "tool-tip row of the page"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%v\nwant\n%v", got, want)
	}
}

// A reviewer edits the ledger by hand: each mistake is named with its line.
func TestReadLedgerRefuses(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"no header", "us/a.txt\t1\t1\tschema\treal\t\n", ":1: want the column names"},
		{"short row", header + "us/a.txt\t1\t1\tschema\treal\n", ":2: 5 tab-separated fields"},
		{"bad line", header + "us/a.txt\tx\t1\tschema\treal\t\n", ":2: line \"x\""},
		{"bad verdict", header + "# c\nus/a.txt\t1\t1\tschema\tok\t\n", ":3: verdict \"ok\""},
		{"false without why", header + "us/a.txt\t1\t1\tschema\tfalse\t \n", ":2: a false verdict needs a note"},
		{"twice", header + "us/a.txt\t1\t1\tschema\treal\t\nus/a.txt\t1\t1\tschema\t?\t\n", ":3: us/a.txt:1:1 schema is already on line 2"},
		{"empty", "# only comments\n", "no column names"},
	} {
		_, err := ReadLedger(strings.NewReader(tc.text), "ledger.tsv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.want)
		}
	}
}

func TestReconcile(t *testing.T) {
	kept := Key{"us/a.txt", 1, 1, "schema"}
	fresh := Key{"us/a.txt", 2, 1, "dash-style"}
	ledger := []Entry{
		{kept, False, "level wording read as invalid"},
		{Key{"us/a.txt", 5, 1, "phone-format"}, Real, "wrong calling code"},
		{Key{"us/a.txt", 6, 1, "phone-format"}, False, "time read as phone number"},
	}
	r := Reconcile([]Finding{{Key: kept}, {Key: fresh}}, ledger)
	if len(r.New) != 1 || r.New[0].Key != fresh {
		t.Errorf("new %v, want %v", r.New, fresh)
	}
	if len(r.LostReal) != 1 || r.LostReal[0].Line != 5 {
		t.Errorf("lost real %v, want the line 5 entry", r.LostReal)
	}
	if len(r.Gone) != 1 || r.Gone[0].Line != 6 {
		t.Errorf("gone %v, want the line 6 entry", r.Gone)
	}
	// -update keeps the verdict and note it had, and writes the new one as ?.
	want := []Entry{ledger[0], {fresh, Unreviewed, ""}}
	if !reflect.DeepEqual(r.Updated, want) {
		t.Errorf("updated %v, want %v", r.Updated, want)
	}
}

func TestTallyAndTable(t *testing.T) {
	at := func(line int, rule string, level lint.Level) Finding {
		return Finding{Key: Key{"us/a.txt", line, 1, rule}, Level: level}
	}
	findings := []Finding{
		at(1, "schema", lint.Error), at(2, "schema", lint.Error),
		at(3, "phone-format", lint.Warning), at(3, "phone-format#2", lint.Warning),
		at(4, "phone-format", lint.Warning), at(5, "phone-format", lint.Warning),
		at(6, "quote-style", lint.Warning),
	}
	ledger := []Entry{
		{findings[0].Key, False, "x"}, {findings[1].Key, Real, ""},
		{findings[2].Key, Real, ""}, {findings[3].Key, False, "y"},
		{findings[4].Key, Furniture, ""},
		// findings[5] and [6] are not in the ledger: unreviewed.
	}
	byRule, total := Tally(findings, ledger)
	// The second finding at one place counts under its rule.
	if got, want := byRule["phone-format"], (Counts{Findings: 4, Real: 1, False: 1, Furniture: 1, Unreviewed: 1}); got != want {
		t.Errorf("phone-format %+v, want %+v", got, want)
	}
	if got, want := total, (Counts{Findings: 7, Real: 2, False: 2, Furniture: 1, Unreviewed: 2, FalseErrors: 1}); got != want {
		t.Errorf("total %+v, want %+v", got, want)
	}
	table := Table(byRule, total)
	for _, want := range []string{
		"phone-format                    4     1     1     1     1       50%",
		"quote-style                     1     0     0     0     1         -",
		"total                           7     2     2     1     2       50%",
		"false errors (error-level findings marked false): 1",
	} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
}

// Two findings of one rule at one place get keys of their own, in the
// engine's order; the suffix is the ledger's, not the rule's.
func TestKeyed(t *testing.T) {
	f, err := source.New("a.txt", []byte("Call +(441) 295-1342 now.\n"))
	if err != nil {
		t.Fatal(err)
	}
	mk := func(start, end int, rule, msg string) lint.Finding {
		fd := lint.Finding{Rule: rule, Message: msg, Span: document.Span{Start: start, End: end}}
		fd.Locate(f)
		return fd
	}
	got := keyed("us/a.txt", []lint.Finding{
		mk(5, 20, "phone-format", "calling code"),
		mk(5, 20, "phone-format", "runs into"),
		mk(0, 4, "dash-style", "d"),
	})
	var keys []string
	for _, fd := range got {
		keys = append(keys, fd.Key.String())
	}
	want := []string{"us/a.txt:1:1 dash-style", "us/a.txt:1:6 phone-format", "us/a.txt:1:6 phone-format#2"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %q, want %q", keys, want)
	}
	if got[2].BaseRule() != "phone-format" || got[2].Message != "runs into" {
		t.Errorf("second finding %+v: want rule phone-format, message 'runs into'", got[2])
	}
}

// The ledger in the repository is in the form -update writes (sorted, one
// space between words of a note), so that a review's diff shows only the
// verdicts it gave. It needs no corpus.
func TestLedgerFileIsCanonical(t *testing.T) {
	data, err := os.ReadFile(ledgerPath)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := ReadLedger(bytes.NewReader(data), ledgerPath)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteLedger(&buf, entries); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), data) {
		t.Errorf("%s is not in the form -update writes (order, header, spaces in notes); run go test ./internal/corpuseval -update", ledgerPath)
	}
}
