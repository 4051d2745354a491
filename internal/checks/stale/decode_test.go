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

func FuzzDecodeLists(f *testing.F) {
	for _, p := range []string{sectionDatesPath, revisionsPath} {
		data, err := fs.ReadFile(rules.FS, p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range []string{
		"name-after: [a, b]\nongoing: []",
		"name-after: [a]\nname-after: [b]",
		"name-before: [a, ~, 1]",
		"name-before: &x [a]\nongoing: *x",
		"other: [a]",
		"ongoing: a",
		"[a]",
	} {
		f.Add(s)
	}
	keys := []string{"name-after", "name-before", "ongoing"}
	f.Fuzz(func(t *testing.T, src string) {
		var doc yaml.Node
		if yaml.Unmarshal([]byte(src), &doc) != nil {
			return
		}
		var got [3][]string
		if !decodeLists(&doc, keys, []*[]string{&got[0], &got[1], &got[2]}) {
			return // Decode reads it
		}
		var want struct {
			After   []string `yaml:"name-after"`
			Before  []string `yaml:"name-before"`
			Ongoing []string `yaml:"ongoing"`
		}
		if err := doc.Decode(&want); err != nil {
			t.Fatalf("decodeLists took what Decode refuses (%v):\n%s", err, src)
		}
		if !reflect.DeepEqual(got, [3][]string{want.After, want.Before, want.Ongoing}) {
			t.Fatalf("decodeLists gave %q, want %q %q %q for\n%s", got, want.After, want.Before, want.Ongoing, src)
		}
	})
}

// The embedded lists are read without Decode.
func TestDecodeListsTakesEmbedded(t *testing.T) {
	data, err := fs.ReadFile(rules.FS, revisionsPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var got []string
	if !decodeLists(&doc, []string{"openers"}, []*[]string{&got}) || len(got) < 3 {
		t.Fatalf("decodeLists refused the revision notes, or read %q", got)
	}
}
