package schema

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"

	"github.com/reportlint/reportlint/internal/datanode"
	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/schemas"
)

// Bundle returns the effective schema of a profile as one self-contained
// document: the profile's schema with every embedded schema it refers to
// placed under "$defs", each keeping its "$id" (draft 2020-12 bundling), so
// that a house can save it and start its own schema from it.
func Bundle(profile string) ([]byte, error) {
	name, ok := ProfileSchemas()[profile]
	if !ok {
		return nil, fmt.Errorf("no schema for profile %q", profile)
	}
	root, err := embeddedNode(name)
	if err != nil {
		return nil, err
	}
	defs := &document.Node{Kind: document.NodeMap}
	for _, dep := range []string{"report.schema.json", "common.schema.json"} {
		if dep == name {
			continue
		}
		n, err := embeddedNode(dep)
		if err != nil {
			return nil, err
		}
		defs.Fields = append(defs.Fields, &document.Field{Key: dep, Value: n})
	}
	if existing := root.Get("$defs"); existing != nil {
		existing.Fields = append(existing.Fields, defs.Fields...)
	} else {
		root.Fields = append(root.Fields, &document.Field{Key: "$defs", Value: defs})
	}
	var b strings.Builder
	writeJSON(&b, root, "")
	b.WriteByte('\n')
	return []byte(b.String()), nil
}

func embeddedNode(name string) (*document.Node, error) {
	data, err := fs.ReadFile(schemas.FS, name)
	if err != nil {
		return nil, err
	}
	return datanode.FromJSON(string(data))
}

// writeJSON writes a node as indented JSON, keeping the order of its keys.
func writeJSON(b *strings.Builder, n *document.Node, indent string) {
	quote := func(s string) {
		q, _ := json.Marshal(s)
		b.Write(q)
	}
	switch n.Kind {
	case document.NodeMap:
		if len(n.Fields) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, f := range n.Fields {
			b.WriteString(indent + "  ")
			quote(f.Key)
			b.WriteString(": ")
			writeJSON(b, f.Value, indent+"  ")
			if i < len(n.Fields)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case document.NodeList:
		if len(n.Items) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, it := range n.Items {
			b.WriteString(indent + "  ")
			writeJSON(b, it, indent+"  ")
			if i < len(n.Items)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case document.NodeString:
		quote(n.Scalar)
	case document.NodeNull:
		b.WriteString("null")
	default:
		b.WriteString(n.Scalar)
	}
}
