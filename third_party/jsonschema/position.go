package jsonschema

import (
	"strconv"
	"strings"
)

// Position tells possible tokens in json.
type Position interface {
	// collect calls visit for each value of v at this position. (Upstream
	// returned a map per position, one allocation per subschema and path;
	// see README.reportlint.md.)
	collect(v any, ptr jsonPointer, visit func(jsonPointer, any))
}

// --

type AllProp struct{}

func (AllProp) collect(v any, ptr jsonPointer, visit func(jsonPointer, any)) {
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	for pname, pvalue := range obj {
		visit(ptr.append(pname), pvalue)
	}
}

// --

type AllItem struct{}

func (AllItem) collect(v any, ptr jsonPointer, visit func(jsonPointer, any)) {
	arr, ok := v.([]any)
	if !ok {
		return
	}
	for i, item := range arr {
		visit(ptr.append(strconv.Itoa(i)), item)
	}
}

// --

type Prop string

func (p Prop) collect(v any, ptr jsonPointer, visit func(jsonPointer, any)) {
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	pvalue, ok := obj[string(p)]
	if !ok {
		return
	}
	visit(ptr.append(string(p)), pvalue)
}

// --

type Item int

func (i Item) collect(v any, ptr jsonPointer, visit func(jsonPointer, any)) {
	arr, ok := v.([]any)
	if !ok {
		return
	}
	if i < 0 || int(i) >= len(arr) {
		return
	}
	visit(ptr.append(strconv.Itoa(int(i))), arr[int(i)])
}

// --

// SchemaPath tells where to look for subschema inside keyword.
type SchemaPath []Position

func schemaPath(path string) SchemaPath {
	var sp SchemaPath
	for _, tok := range strings.Split(path, "/") {
		var pos Position
		switch tok {
		case "*":
			pos = AllProp{}
		case "[]":
			pos = AllItem{}
		default:
			if i, err := strconv.Atoi(tok); err == nil {
				pos = Item(i)
			} else {
				pos = Prop(tok)
			}
		}
		sp = append(sp, pos)
	}
	return sp
}

func (sp SchemaPath) collect(v any, ptr jsonPointer, visit func(jsonPointer, any)) {
	if len(sp) == 0 {
		visit(ptr, v)
		return
	}
	p, rest := sp[0], sp[1:]
	p.collect(v, ptr, func(ptr jsonPointer, v any) { rest.collect(v, ptr, visit) })
}

func (sp SchemaPath) String() string {
	var sb strings.Builder
	for _, pos := range sp {
		if sb.Len() != 0 {
			sb.WriteByte('/')
		}
		switch pos := pos.(type) {
		case AllProp:
			sb.WriteString("*")
		case AllItem:
			sb.WriteString("[]")
		case Prop:
			sb.WriteString(string(pos))
		case Item:
			sb.WriteString(strconv.Itoa(int(pos)))
		}
	}
	return sb.String()
}
