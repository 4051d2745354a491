package document

// NodeKind is the shape of a Node.
type NodeKind int

const (
	NodeNull NodeKind = iota
	NodeString
	NodeNumber
	NodeBool
	NodeList
	NodeMap
)

// Node is a JSON or YAML value with the source span of every part: front
// matter, and reports written as JSON or YAML, are kept this way so that a
// problem with any value can be shown at its own line.
type Node struct {
	Kind NodeKind
	// Scalar is the value as text for strings, numbers and booleans
	// (numbers exactly as written, so 1.0 and 1 stay apart).
	Scalar string
	Span   Span // the value itself
	// Items are the elements of a list.
	Items []*Node
	// Fields are a map's entries, in the order written.
	Fields []*Field
}

// Field is one entry of a map.
type Field struct {
	Key     string
	KeySpan Span
	Value   *Node
}

// Get returns the value of a map's key, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != NodeMap {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Value
		}
	}
	return nil
}

// Field returns a map's entry for key, or nil.
func (n *Node) Field(key string) *Field {
	if n == nil || n.Kind != NodeMap {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}
