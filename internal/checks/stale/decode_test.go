package stale

import (
	"io/fs"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// The embedded watch list is read without Decode: the fast reading must
// take it whole, or it saves nothing.
func TestDecodeWatchlistTakesEmbedded(t *testing.T) {
	data, err := fs.ReadFile(rules.FS, watchlistPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var got []WatchEntry
	if !decodeWatchlist(&doc, &got) {
		t.Fatal("decodeWatchlist refused the embedded watch list")
	}
	var want struct {
		Terms []WatchEntry `yaml:"terms"`
	}
	if err := doc.Decode(&want); err != nil {
		t.Fatal(err)
	}
	if len(got) < 10 || !reflect.DeepEqual(got, want.Terms) {
		t.Errorf("decodeWatchlist gave\n%+v\nwant\n%+v", got, want.Terms)
	}
}

func FuzzDecodeWatchlist(f *testing.F) {
	data, err := fs.ReadFile(rules.FS, watchlistPath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	for _, s := range []string{
		"terms: [{term: A, since: 2023-12-31, note: n}]",
		"terms: [{term: A, since: '2023-12-31', note: n, aliases: [], countries: [ML]}]",
		"terms: [{term: A, since: 2023-02-30, note: n}]",
		"terms: [{term: A, since: 2023-1-5, note: n}]",
		"terms: [{term: A, since: 2023-12-31T10:00:00Z, note: n}]",
		"terms: [{term: A, since: 20231231, note: n}]",
		"terms: [{term: A, term: B}]",
		"terms: [{term: A, since: ~}]",
		"terms: [{term: A, other: x}]",
		"terms: [{term: A, aliases: [b, 3, ~]}]",
		"terms: [a]",
		"terms: [&x {term: A}, *x]",
		"terms: []\nother: 1",
		"terms: ~",
		"- x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil {
			return
		}
		var got []WatchEntry
		if !decodeWatchlist(&doc, &got) {
			return // Decode reads it
		}
		var want struct {
			Terms []WatchEntry `yaml:"terms"`
		}
		if err := doc.Decode(&want); err != nil {
			t.Fatalf("decodeWatchlist took what Decode refuses (%v):\n%s", err, src)
		}
		if !reflect.DeepEqual(got, want.Terms) {
			t.Fatalf("decodeWatchlist gave\n%+v\nwant\n%+v\nfor\n%s", got, want.Terms, src)
		}
	})
}
