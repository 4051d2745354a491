package rules

import (
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// embeddedYAML lists the embedded YAML files with their text.
func embeddedYAML(t *testing.T) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") {
			return err
		}
		data, err := fs.ReadFile(FS, path)
		files[path] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("only %d embedded YAML files", len(files))
	}
	return files
}

// TestSnapshotFresh: every embedded YAML file is in the snapshot as it is
// now, with the node tree yaml.v3 parses it into. When this fails, a file
// under rules/ changed: run `go generate ./rules`.
func TestSnapshotFresh(t *testing.T) {
	files := embeddedYAML(t)
	inSnapshot := map[string]bool{}
	for _, e := range snapshot {
		inSnapshot[e.path] = true
		if _, ok := files[e.path]; !ok {
			t.Errorf("snapshot holds %s, which is no longer embedded: run `go generate ./rules`", e.path)
		}
	}
	for path, data := range files {
		if !inSnapshot[path] {
			// The generator leaves out a file it cannot take whole (aliases,
			// a syntax error), to be read at run time; any other is stale.
			if !slices.Contains(snapshotLeftOut, path) || takenWhole(data) {
				t.Errorf("%s is not in the snapshot: run `go generate ./rules`", path)
			}
			continue
		}
		got := Parsed(data)
		if got == nil {
			t.Errorf("%s changed since the snapshot was made: run `go generate ./rules`", path)
			continue
		}
		var want yaml.Node
		if err := yaml.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: the snapshot's nodes differ from what yaml.v3 parses now: run `go generate ./rules`", path)
		}
	}
}

// takenWhole: data is YAML that the generator puts in the snapshot, free
// of syntax errors and aliases.
func takenWhole(data []byte) bool {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil {
		return false
	}
	var aliased func(*yaml.Node) bool
	aliased = func(n *yaml.Node) bool {
		return n.Kind == yaml.AliasNode || slices.ContainsFunc(n.Content, aliased)
	}
	return !aliased(&doc)
}

// TestParsedOnlyTheSame: data that differs from an embedded file by one
// byte, or is some other YAML, is not taken from the snapshot; decoding it
// gives what yaml.v3 gives, strict or not.
func TestParsedOnlyTheSame(t *testing.T) {
	for path, data := range embeddedYAML(t) {
		changed := append([]byte(nil), data...)
		changed[len(changed)/2] ^= 1
		if Parsed(changed) != nil {
			t.Errorf("%s with a byte changed was taken from the snapshot", path)
		}
		if Parsed(data[:len(data)-1]) != nil {
			t.Errorf("%s cut short was taken from the snapshot", path)
		}
		var node, want yaml.Node
		if err := UnmarshalNode(data, &node); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if err := yaml.Unmarshal(data, &want); err != nil || !reflect.DeepEqual(node, want) {
			t.Errorf("%s: UnmarshalNode differs from yaml.Unmarshal (%v)", path, err)
		}
		var fromSnapshot, parsed any
		if err := DecodeYAML(data, &fromSnapshot, false); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		was := SetSnapshot(false)
		err := DecodeYAML(data, &parsed, false)
		SetSnapshot(was)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !reflect.DeepEqual(fromSnapshot, parsed) {
			t.Errorf("%s decodes differently from the snapshot", path)
		}
	}
	var v struct{ A int }
	if err := DecodeYAML([]byte("a: 1\nb: 2\n"), &v, true); err == nil || !strings.Contains(err.Error(), "field b not found") {
		t.Errorf("strict decoding of a house file with an unknown key: %v, want field b not found", err)
	}
}
