package rules

import "go.yaml.in/yaml/v3"

// The loaders of the embedded data read the snapshot's nodes (Parsed)
// straight into their types when the nodes are plainly shaped, and leave
// anything else to yaml's Decode, which reports it. These tell the plain
// shapes: a node written with an explicit or unusual tag is not one.

// IsMapping reports whether n is a plain mapping.
func IsMapping(n *yaml.Node) bool { return n.Kind == yaml.MappingNode && n.ShortTag() == "!!map" }

// IsSequence reports whether n is a plain sequence.
func IsSequence(n *yaml.Node) bool { return n.Kind == yaml.SequenceNode && n.ShortTag() == "!!seq" }

// IsString reports whether n is a plain string scalar.
func IsString(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str" }

// PlainStrings reads a plain sequence of plain strings.
func PlainStrings(n *yaml.Node) ([]string, bool) {
	if !IsSequence(n) {
		return nil, false
	}
	out := make([]string, len(n.Content))
	for i, it := range n.Content {
		if !IsString(it) {
			return nil, false
		}
		out[i] = it.Value
	}
	return out, true
}

// Mapping is the plain mapping a loader reads: n, or the one node of the
// document n.
func Mapping(n *yaml.Node) (*yaml.Node, bool) {
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) != 1 {
			return nil, false
		}
		n = n.Content[0]
	}
	return n, IsMapping(n)
}
