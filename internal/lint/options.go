package lint

import (
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/suggest"
)

// Option describes one option of a rule, for documentation.
type Option struct {
	Name    string
	Doc     string
	Default string
}

// OptionDocs lists a rule's options with their defaults, from the `yaml`
// and `doc` tags of its options struct.
func OptionDocs(r *Rule) []Option {
	if r.Options == nil {
		return nil
	}
	v := reflect.ValueOf(r.Options()).Elem()
	var out []Option
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		name := yamlName(f)
		if name == "" {
			continue
		}
		def, _ := yaml.Marshal(v.Field(i).Interface())
		out = append(out, Option{Name: name, Doc: f.Tag.Get("doc"), Default: strings.TrimSpace(string(def))})
	}
	return out
}

func yamlName(f reflect.StructField) string {
	tag := f.Tag.Get("yaml")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		name = strings.ToLower(f.Name)
	}
	return name
}

// OptionError is a bad option in a configuration, at a line.
type OptionError struct {
	Line int
	Msg  string
}

func (e *OptionError) Error() string { return e.Msg }

// Validator is implemented by options structs that check their values.
type Validator interface{ Validate() error }

// DecodeOptions returns the rule's default options overridden by node (a
// YAML mapping). An unknown option, or a value of the wrong type, is an
// *OptionError naming the line, with a "did you mean" for a near miss.
func DecodeOptions(r *Rule, node *yaml.Node) (any, error) {
	if r.Options == nil {
		if node != nil && len(node.Content) > 0 {
			return nil, &OptionError{Line: node.Line, Msg: fmt.Sprintf("rule %s has no options", r.ID)}
		}
		return nil, nil
	}
	opts := r.Options()
	if node == nil {
		return opts, nil
	}
	if node.Kind != yaml.MappingNode {
		return nil, &OptionError{Line: node.Line, Msg: fmt.Sprintf("options of rule %s should be a mapping of option names to values", r.ID)}
	}
	var known []string
	for _, o := range OptionDocs(r) {
		known = append(known, o.Name)
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key := node.Content[i]
		found := false
		for _, k := range known {
			found = found || k == key.Value
		}
		if !found {
			msg := fmt.Sprintf("rule %s has no option %q", r.ID, key.Value)
			if s, ok := suggest.Closest(key.Value, known); ok {
				msg += fmt.Sprintf("; did you mean %q?", s)
			} else if len(known) > 0 {
				msg += " (its options: " + strings.Join(known, ", ") + ")"
			}
			return nil, &OptionError{Line: key.Line, Msg: msg}
		}
	}
	if err := node.Decode(opts); err != nil {
		return nil, &OptionError{Line: node.Line, Msg: fmt.Sprintf("options of rule %s: %s", r.ID, strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if v, ok := opts.(Validator); ok {
		if err := v.Validate(); err != nil {
			return nil, &OptionError{Line: node.Line, Msg: fmt.Sprintf("options of rule %s: %v", r.ID, err)}
		}
	}
	return opts, nil
}
