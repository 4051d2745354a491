package corpuseval

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/reportlint/reportlint/internal/linttest"
)

// The shared corpus, beside the repository; absent from a fresh clone, so
// the tests that need it skip.
const corpusDir = "../../../shared/corpus"

// What the corpus is compared with, kept in the repository: the ledger,
// the hand-read facts, the pages' own facts, the facts known to be read
// wrong today. docs/accuracy.md describes each.
var (
	dataDir        = filepath.Join("..", "..", "testdata", "corpus")
	ledgerPath     = filepath.Join(dataDir, "ledger.tsv")
	pageFactsPath  = filepath.Join(dataDir, "page-facts.tsv")
	handFactsPath  = filepath.Join(dataDir, "facts.yaml")
	knownWrongPath = filepath.Join(dataDir, "known-wrong.tsv")
	otherFactsPath = filepath.Join(dataDir, "other-facts.tsv")
)

var review = flag.String("review", "", "list the findings of rule `RULE` the ledger has as ? (not yet reviewed), with their messages, to review them")

// update (-update, declared by linttest, whose Findings the package
// uses: a flag is declared once) writes the corpus's new findings into
// testdata/corpus/ledger.tsv as ? (not yet reviewed), keeps every
// verdict and drops findings that are gone.
var update = linttest.Update

// runCorpus runs the corpus once for every test of the package.
var runCorpus = sync.OnceValues(func() ([]Doc, error) {
	return Run(context.Background(), corpusDir)
})

// otherDir is corpus/other, or skips the test where the corpus is absent.
func otherDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(corpusDir, "other")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not available (%v): it lies beside the repository, in ../shared/corpus", err)
	}
	return dir
}

func corpus(t *testing.T) []Doc {
	t.Helper()
	if _, err := os.Stat(filepath.Join(corpusDir, "meta.json")); err != nil {
		t.Skipf("corpus not available (%v): it lies beside the repository, in ../shared/corpus", err)
	}
	docs, err := runCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestCorpus is the corpus evaluation (docs/accuracy.md): the facts parse
// reads against meta.json and the hand-read facts, and every finding
// against the reviewed ledger, with the per-rule table.
func TestCorpus(t *testing.T) {
	docs := corpus(t)
	var findings []Finding
	advisories := 0
	for _, d := range docs {
		if d.Err != nil {
			t.Errorf("%s: %v", d.Meta.File, d.Err)
		}
		if strings.HasPrefix(d.Meta.File, "us/") {
			advisories++
		}
		findings = append(findings, d.Findings...)
	}
	t.Logf("%d documents (%d U.S. advisories, %d others), each checked as of its published date", len(docs), advisories, len(docs)-advisories)

	metas := make([]Meta, len(docs))
	for i, d := range docs {
		metas[i] = d.Meta
	}
	page, err := ReadPageFacts(open(t, pageFactsPath), pageFactsPath, metas)
	if err != nil {
		t.Fatal(err)
	}
	metaWrong, other := MetaFacts(docs, page)
	data, err := os.ReadFile(handFactsPath)
	if err != nil {
		t.Fatal(err)
	}
	hand, err := ReadHandFacts(data, handFactsPath, metas)
	if err != nil {
		t.Fatal(err)
	}
	handWrong, hc := HandFacts(docs, hand)
	others, err := ReadOtherFacts(open(t, otherFactsPath), otherFactsPath, metas)
	if err != nil {
		t.Fatal(err)
	}
	otherWrong, oc := OtherFacts(docs, others)
	handWrong = append(handWrong, otherWrong...)
	known, err := ReadKnownWrong(open(t, knownWrongPath), knownWrongPath)
	if err != nil {
		t.Fatal(err)
	}
	unexpected, fixed := Track(append(append([]Mismatch(nil), metaWrong...), handWrong...), known)
	if len(unexpected) > 0 {
		t.Errorf("%d facts read wrong that %s does not list (file, field, got, want); fix the parser, or add them there:\n%s", len(unexpected), knownWrongPath, lines(unexpected))
	}
	if len(fixed) > 0 {
		t.Errorf("%d facts %s lists as read wrong are now read right (or wrong otherwise); take them out of it:\n%s", len(fixed), knownWrongPath, lines(fixed))
	}
	// Per field: how many of the U.S. advisories' facts are right, and how
	// many of the others' facts parse gives at all, and gives right.
	wrong := map[string]int{}
	for _, m := range metaWrong {
		if strings.HasPrefix(m.File, "us/") {
			wrong[m.Field]++
		} else {
			wrong["other "+m.Field]++
		}
	}
	t.Logf("facts of %d advisories, against meta.json (%d taken from the page instead): published %d/%d right, country %d/%d, level %d/%d",
		advisories, len(page), advisories-wrong["published"], advisories, advisories-wrong["country"], advisories, advisories-wrong["level"], advisories)
	t.Logf("facts of %d others, where parse gives one: published given in %d (%d right), country in %d (%d right)",
		other.Docs, other.Published, other.Published-wrong["other published"], other.Country, other.Country-wrong["other country"])
	t.Logf("facts of %d other governments' documents, against %s: profile %d right, country %d, published (or none where the text states none) %d, level (or none) %d",
		oc.Docs, filepath.Base(otherFactsPath), oc.Profile, oc.Country, oc.Published, oc.Level)
	t.Logf("hand-read facts of %d advisories: indicators %s right, regions %s right", hc.Advisories, ratio(hc.IndicatorsRight, hc.IndicatorsWrong), ratio(hc.RegionsRight, hc.RegionsWrong))
	t.Logf("hand-read regions of %s", otherRegions(hc.Others))
	t.Logf("facts read wrong: %d, as %s lists (%d)", len(metaWrong)+len(handWrong), filepath.Base(knownWrongPath), len(known))

	ledger, err := readLedgerFile(ledgerPath)
	if err != nil && !(*update && errors.Is(err, fs.ErrNotExist)) {
		t.Fatal(err)
	}
	rec := Reconcile(findings, ledger)
	if *update && failed(docs) {
		// A document that could not be checked has no findings: writing
		// the ledger now would drop every verdict given on it.
		t.Fatal("some documents could not be checked (above); the ledger is left as it is")
	}
	if *update {
		var buf bytes.Buffer
		if err := WriteLedger(&buf, rec.Updated); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ledgerPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("ledger updated: %d new findings written as ?, %d gone dropped", len(rec.New), len(rec.Gone)+len(rec.LostReal))
		for _, e := range rec.LostReal {
			t.Logf("dropped a finding marked real: %s (%s)", e.Key, e.Note)
		}
		ledger = rec.Updated
	} else {
		if len(rec.New) > 0 {
			t.Errorf("%d findings the ledger does not know; read each line, then accept them with go test ./internal/corpuseval -update and give each its verdict in %s:\n%s", len(rec.New), ledgerPath, newFindings(rec.New, 30))
		}
		for _, e := range rec.LostReal {
			t.Errorf("lost a real finding: %s (%s); if that is right, drop it with -update", e.Key, e.Note)
		}
		if len(rec.Gone) > 0 {
			t.Logf("%d ledger entries (not real) are no longer found; -update drops them", len(rec.Gone))
		}
	}
	if *review != "" {
		t.Logf("%s findings not yet reviewed:\n%s", *review, unreviewed(findings, ledger, *review))
	}
	byRule, total := Tally(findings, ledger)
	t.Logf("findings by rule (precision: real / (real + false)):\n%s", Table(byRule, total))
}

// otherRegions is the other governments' regional levels read by hand,
// per government in name order: right of all, then what the rest were.
func otherRegions(by map[string]RegionCounts) string {
	var b strings.Builder
	var all RegionCounts
	names := slices.Sorted(maps.Keys(by))
	for _, n := range names {
		c := by[n]
		fmt.Fprintf(&b, "\n        %-14s %2d docs: %s right; missed %d, wrong level %d, invented %d", n, c.Docs, ratio(c.Right, c.Missed+c.Wrong), c.Missed, c.Wrong, c.Invented)
		all.Docs += c.Docs
		all.Right += c.Right
		all.Missed += c.Missed
		all.Wrong += c.Wrong
		all.Invented += c.Invented
	}
	return fmt.Sprintf("%d other governments' documents: %s right; missed %d, wrong level %d, invented %d (precision %s)%s",
		all.Docs, ratio(all.Right, all.Missed+all.Wrong), all.Missed, all.Wrong, all.Invented, ratio(all.Right, all.Wrong+all.Invented), b.String())
}

func failed(docs []Doc) bool {
	for _, d := range docs {
		if d.Err != nil {
			return true
		}
	}
	return false
}

func open(t *testing.T, path string) *bytes.Reader {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(data)
}

func readLedgerFile(path string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ReadLedger(bytes.NewReader(data), path)
}

func lines(ms []Mismatch) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// newFindings lists at most max new findings with their level and message,
// so the reviewer knows which line to read; the rest are counted.
func newFindings(found []Finding, max int) string {
	var b strings.Builder
	for i, fd := range found {
		if i == max {
			fmt.Fprintf(&b, "… and %d more\n", len(found)-max)
			break
		}
		fmt.Fprintf(&b, "%s %s: %s\n", fd.Key, fd.Level, fd.Message)
	}
	return b.String()
}

func ratio(right, wrong int) string {
	if right+wrong == 0 {
		return "0/0"
	}
	return fmt.Sprintf("%d/%d (%.1f%%)", right, right+wrong, 100*float64(right)/float64(right+wrong))
}

// unreviewed lists the findings of rule that the ledger has as ?, with the
// level and message the ledger does not keep.
func unreviewed(findings []Finding, ledger []Entry, rule string) string {
	verdict := map[Key]string{}
	for _, e := range ledger {
		verdict[e.Key] = e.Verdict
	}
	var b strings.Builder
	for _, fd := range findings {
		if fd.BaseRule() == rule && verdict[fd.Key] == Unreviewed {
			fmt.Fprintf(&b, "%s %s: %s\n", fd.Key, fd.Level, fd.Message)
		}
	}
	return b.String()
}
