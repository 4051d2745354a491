package schema

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
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
	fl := &flattener{docs: docs, local: map[string]string{}}
	flat, err := fl.inline(name, docs[name], nil)
	if err != nil {
		return nil, err
	}
	m, ok := flat.(map[string]any)
	if !ok {
		return flat, nil
	}
	m = mergeAllOf(m)
	if len(fl.pending) == 0 {
		return m, nil
	}
	// Each recursive target, flattened once, under the flat schema's own
	// $defs, its own recursion a local reference again: the compiler then
	// never loads the original schemas, whose every subschema it would
	// index (a third of compiling one).
	defs := map[string]any{}
	if old, ok := m["$defs"].(map[string]any); ok {
		maps.Copy(defs, old)
	}
	for i := 0; i < len(fl.pending); i++ {
		target := fl.pending[i]
		file, frag, _ := strings.Cut(target, "#")
		sub, err := resolvePointer(docs[file], frag)
		if err != nil {
			return nil, fmt.Errorf("%s: $ref %q: %v", name, target, err)
		}
		body, err := fl.inline(file, sub, slices.Repeat([]string{target}, maxUnroll))
		if err != nil {
			return nil, err
		}
		defs[fl.local[target]] = body
	}
	m = maps.Clone(m)
	m["$defs"] = defs
	return m, nil
}

// flattener inlines the references of one schema; a recursive target is
// given a name under the flat schema's $defs (local), flattened once
// (pending).
type flattener struct {
	docs    map[string]any
	local   map[string]string // target "file#/pointer" -> name under $defs
	pending []string
}

// localRef is the reference, inside the flat schema, to a recursive target.
func (fl *flattener) localRef(target string) map[string]any {
	name, ok := fl.local[target]
	if !ok {
		name = "flat-recursive-" + strconv.Itoa(len(fl.local))
		fl.local[target] = name
		fl.pending = append(fl.pending, target)
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}

// mergeAllOf folds a profile's {"allOf": [report], "required": …,
// "properties": …} into one schema, which spares the validator a level of
// evaluation for every report. It merges only when that cannot change a
// verdict: the one allOf entry is an object schema, the profile adds
// nothing but required names and constraints on properties the entry
// already declares (so its unevaluatedProperties sees the same names), and
// a property constrained by both is merged only when their keywords differ.
func mergeAllOf(n map[string]any) map[string]any {
	all, ok := n["allOf"].([]any)
	if !ok || len(all) != 1 {
		return n
	}
	base, ok := all[0].(map[string]any)
	if !ok {
		return n
	}
	baseProps, _ := base["properties"].(map[string]any)
	for k, v := range n {
		switch k {
		case "allOf", "$schema", "$id", "title", "description":
		case "required":
			if _, ok := v.([]any); !ok {
				return n
			}
		case "properties":
			props, ok := v.(map[string]any)
			if !ok {
				return n
			}
			for p, ps := range props {
				bp, ok := baseProps[p].(map[string]any)
				pm, ok2 := ps.(map[string]any)
				if !ok || !ok2 {
					return n
				}
				for kw := range pm {
					if _, clash := bp[kw]; clash {
						return n
					}
				}
			}
		default:
			return n
		}
	}
	merged := maps.Clone(base)
	for _, k := range []string{"$schema", "$id", "title", "description"} {
		if v, ok := n[k]; ok {
			merged[k] = v
		}
	}
	if req, ok := n["required"].([]any); ok {
		seen := map[any]bool{}
		var out []any
		for _, list := range [][]any{asList(base["required"]), req} {
			for _, r := range list {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
		merged["required"] = out
	}
	if props, ok := n["properties"].(map[string]any); ok {
		mp := maps.Clone(baseProps)
		for p, v := range props {
			both := maps.Clone(mp[p].(map[string]any))
			maps.Copy(both, v.(map[string]any))
			mp[p] = both
		}
		merged["properties"] = mp
	}
	return merged
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// maxUnroll is how many times a recursive reference is unrolled before it
// is kept as a reference: sections nest two or three deep in reports.
const maxUnroll = 3

// inline returns node with every reference to an embedded schema replaced
// by a copy of its target, flattened in turn; expanding lists the targets
// being expanded, to stop a recursion after maxUnroll turns.
func (fl *flattener) inline(base string, node any, expanding []string) (any, error) {
	switch n := node.(type) {
	case map[string]any:
		if ref, ok := n["$ref"].(string); ok && len(n) == 1 {
			file, frag, _ := strings.Cut(ref, "#")
			if file == "" {
				file = base
			}
			if _, ok := fl.docs[file]; !ok {
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
				return fl.localRef(target), nil
			}
			sub, err := resolvePointer(fl.docs[file], frag)
			if err != nil {
				return nil, fmt.Errorf("%s: $ref %q: %v", base, ref, err)
			}
			inlined, err := fl.inline(file, sub, append(expanding, target))
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
			c, err := fl.inline(base, v, expanding)
			if err != nil {
				return nil, err
			}
			out[k] = c
		}
		return out, nil
	case []any:
		out := make([]any, len(n))
		for i, v := range n {
			c, err := fl.inline(base, v, expanding)
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
