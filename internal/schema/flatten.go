package schema

import (
	"fmt"
	"strings"
)

// flatten returns a copy of the embedded schema name in which every
// {"$ref": …} to an embedded schema or one of its "$defs" is replaced by a
// copy of its target. The validator makes a new scope for each $ref it
// follows, which is most of its cost on the small objects of a report:
// flattened, the built-in schemas validate a sample report about twice as
// fast, with the same findings (TestFlattenedSchemasAgree). A reference that
// recurses (a section's subsections) is kept, pointing at the original, so
// only the nesting that reports actually have is unrolled.
//
// docs holds the embedded schemas by file name, decoded.
func flatten(docs map[string]any, name string) (any, error) {
	return inlineRefs(docs, name, docs[name], nil)
}

// maxUnroll is how many times a recursive reference is unrolled before it
// is kept as a reference: sections nest two or three deep in reports.
const maxUnroll = 3

func inlineRefs(docs map[string]any, base string, node any, expanding []string) (any, error) {
	switch n := node.(type) {
	case map[string]any:
		if ref, ok := n["$ref"].(string); ok && len(n) == 1 {
			file, frag, _ := strings.Cut(ref, "#")
			if file == "" {
				file = base
			}
			if _, ok := docs[file]; !ok {
				return n, nil // not an embedded schema: leave it to the compiler
			}
			target := file + "#" + frag
			seen := 0
			for _, e := range expanding {
				if e == target {
					seen++
				}
			}
			if seen >= maxUnroll {
				return map[string]any{"$ref": embeddedBase + target}, nil
			}
			sub, err := resolvePointer(docs[file], frag)
			if err != nil {
				return nil, fmt.Errorf("%s: $ref %q: %v", base, ref, err)
			}
			inlined, err := inlineRefs(docs, file, sub, append(expanding, target))
			if err != nil {
				return nil, err
			}
			if m, ok := inlined.(map[string]any); ok {
				// An inlined document must not change the base URI of what
				// it holds, nor restate the dialect.
				delete(m, "$id")
				delete(m, "$schema")
			}
			return inlined, nil
		}
		out := make(map[string]any, len(n))
		for k, v := range n {
			c, err := inlineRefs(docs, base, v, expanding)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(n))
		for i, v := range n {
			c, err := inlineRefs(docs, base, v, expanding)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return node, nil
}

// resolvePointer follows a JSON pointer fragment ("/$defs/section") in doc.
func resolvePointer(doc any, frag string) (any, error) {
	if frag == "" {
		return doc, nil
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, fmt.Errorf("only JSON pointer fragments are inlined, not %q", frag)
	}
	cur := doc
	for _, tok := range strings.Split(frag[1:], "/") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%q does not lead to an object", frag)
		}
		if cur, ok = m[unescapeToken(tok)]; !ok {
			return nil, fmt.Errorf("%q points at nothing", frag)
		}
	}
	return cur, nil
}
