// Package rules embeds the rule packs and the data they read: section names
// and aliases per profile, advisory levels and indicators, countries and
// their calling codes, time phrases. Editors change these files, not Go code
// (then run go generate, which refreshes snapshot.go from them).
package rules

import (
	"bytes"
	"embed"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// FS holds profiles/*.yaml, data/*.yaml and packs/*.yaml.
//
//go:embed profiles/*.yaml data/*.yaml packs/*.yaml
var FS embed.FS

//go:generate go run ./gensnapshot -out snapshot.go

// snapshotEntry is an embedded YAML file as it was when snapshot.go was
// generated, and the node tree yaml.v3 parsed it into then.
type snapshotEntry struct {
	path string
	src  string
	doc  *yaml.Node
}

// snapshotOff makes Parsed find nothing, for the tests that read the
// files as a house's would be read.
var snapshotOff atomic.Bool

// Parsed returns the document node yaml.Unmarshal gives for data, if data
// is, byte for byte, an embedded file as it was when the snapshot was
// generated (snapshot.go), or nil. Parsing the embedded YAML was the
// largest fixed cost of a run (about 2 ms of CPU); the snapshot's nodes
// are laid out by the compiler. Any other data (a changed file, a house
// pack, a configuration) is not in it and is parsed as before, so the
// snapshot can only be stale, never wrong: TestSnapshotFresh says when to
// run `go generate ./rules`. The node is shared: decode it, never change it.
func Parsed(data []byte) *yaml.Node {
	if snapshotOff.Load() {
		return nil
	}
	for i := range snapshot {
		if e := &snapshot[i]; len(e.src) == len(data) && e.src == string(data) {
			return e.doc
		}
	}
	return nil
}

// SetSnapshot turns the snapshot on or off (it is on), and returns what it
// was: a test sets it off to read the embedded files as the YAML they are.
func SetSnapshot(on bool) (was bool) { return !snapshotOff.Swap(!on) }

// UnmarshalNode parses data into doc as yaml.Unmarshal does, taking the
// snapshot's nodes when data is in it (Parsed); the nodes are shared, so
// doc's tree must not be changed.
func UnmarshalNode(data []byte, doc *yaml.Node) error {
	if parsed := Parsed(data); parsed != nil {
		*doc = *parsed
		return nil
	}
	return yaml.Unmarshal(data, doc)
}

// DecodeYAML decodes the first document of data into v as a yaml.v3
// Decoder does (with KnownFields(strict)), from the snapshot when data is
// in it: the embedded files in it pass the strict loaders
// (TestEmbeddedDataStrict reads them with the snapshot off).
func DecodeYAML(data []byte, v any, strict bool) error {
	if doc := Parsed(data); doc != nil {
		return doc.Decode(v)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(strict)
	return dec.Decode(v)
}
