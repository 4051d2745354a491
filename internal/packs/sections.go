package packs

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/outline"
	"github.com/reportlint/reportlint/internal/profile"
)

// Keys of one section of a required-sections rule.
var sectionKeys = []string{"name", "aliases", "required"}

// defaultOrderMessage is what an out-of-order finding says when the rule
// gives no order-message.
const defaultOrderMessage = `section "{{section}}" should come before "{{before}}"`

// buildRequiredSections reads a rule that lists the sections a report
// should have, in canonical order. For this kind, `sections` is that list
// (each a name, or a mapping with name, aliases and required), not a scope:
// a rule about headings has no paragraphs to scope.
func buildRequiredSections(d *ruleDef) error {
	specs, err := d.sectionSpecs()
	if err != nil {
		return err
	}
	order, err := d.boolKey("order", false)
	if err != nil {
		return err
	}
	orderMessage := defaultOrderMessage
	if v := d.keys["order-message"]; v != nil {
		if !order {
			return d.errorf(v.Line, "order-message is set but order is not true")
		}
		if orderMessage, err = d.template("order-message", []string{"section", "before"}); err != nil {
			return err
		}
	}
	required := 0
	for _, s := range specs {
		if s.Required {
			required++
		}
	}
	if required == 0 && !order {
		return d.errorf(0, "every section is optional and order is not true, so the rule checks nothing")
	}

	r := d.rule
	var names []string
	for _, s := range specs {
		names = append(names, s.Name)
	}
	if r.Summary == "" {
		switch {
		case required > 0 && order:
			r.Summary = "requires the sections " + quoteList(requiredNames(specs), 3) + ", in order"
		case required > 0:
			r.Summary = "requires the sections " + quoteList(requiredNames(specs), 3)
		default:
			r.Summary = "keeps the sections " + quoteList(names, 3) + " in order"
		}
	}
	if r.Doc == "" {
		var b strings.Builder
		b.WriteString(d.describeKind())
		b.WriteString(" It expects these sections")
		if order {
			b.WriteString(", in this order")
		}
		b.WriteString(" (headings match ignoring case, punctuation and \"&\" for \"and\"): ")
		for i, s := range specs {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%q", s.Name)
			if len(s.Aliases) > 0 {
				b.WriteString(" (also " + quoteList(s.Aliases, 0) + ")")
			}
			if !s.Required {
				b.WriteString(", optional")
			}
		}
		b.WriteString(".")
		b.WriteString("\n\nA missing section is reported where it should be: at the heading of the next expected section the report has, or on the report's last line. When a heading names no expected section but nearly names a missing one, the finding is at that heading, with \"did you mean\".")
		if order {
			b.WriteString(" A section that comes after one it should precede is reported at its heading: " + orderMessage)
		}
		d.finishDoc(&b)
		r.Doc = b.String()
	}

	message, hint := d.message, d.hint
	r.Run = func(p *lint.Pass) {
		country := p.Doc.Country.Value
		text := p.File.Text
		for _, m := range outline.FindMissing(p.Doc, specs, country, text) {
			name := m.Name
			vars := map[string]string{"section": name}
			f := lint.Finding{Span: m.At, Message: expand(message, vars), Hint: expand(hint, vars)}
			switch {
			case m.Suggestion != nil:
				f.Message += fmt.Sprintf(" (heading %q: did you mean %q?)", m.Suggestion.Title.Value, name)
				if hint == "" {
					f.Hint = fmt.Sprintf("rename the heading to %q", name)
				}
			case m.AtEnd:
				if hint == "" {
					f.Hint = fmt.Sprintf("add the section %q at the end", name)
				}
			case hint == "":
				f.Hint = fmt.Sprintf("add the section %q before this one", name)
			}
			p.Report(f)
		}
		if !order {
			return
		}
		for _, pair := range outline.OutOfOrder(p.Doc, specs, country) {
			vars := map[string]string{"section": pair[0].Section.Title.Value, "before": pair[1].Section.Title.Value}
			p.Report(lint.Finding{Span: pair[0].Section.Heading, Message: expand(orderMessage, vars), Hint: "move the section"})
		}
	}
	return nil
}

func requiredNames(specs []*profile.Section) []string {
	var out []string
	for _, s := range specs {
		if s.Required {
			out = append(out, s.Name)
		}
	}
	return out
}

// sectionSpecs reads the rule's list of sections as the profile sections
// package outline compares headings with.
func (d *ruleDef) sectionSpecs() ([]*profile.Section, error) {
	v := d.keys["sections"]
	if v == nil || isNull(v) {
		return nil, d.errorf(0, "a required-sections rule needs sections, the list of sections in canonical order")
	}
	if v.Kind != yaml.SequenceNode {
		return nil, d.errorf(v.Line, "sections should be a list of section names, or of mappings with name, aliases and required")
	}
	if len(v.Content) == 0 {
		return nil, d.errorf(v.Line, "sections is empty")
	}
	var out []*profile.Section
	claimed := map[string]int{} // normalised name or alias -> line
	for _, item := range v.Content {
		s := &profile.Section{Required: true, Level: 2, Line: item.Line}
		switch item.Kind {
		case yaml.ScalarNode:
			s.Name = strings.TrimSpace(item.Value)
		case yaml.MappingNode:
			keys, err := mappingKeys(d.file, d.name, item, sectionKeys, nil)
			if err != nil {
				return nil, err
			}
			if n := keys["name"]; n != nil {
				if s.Name, err = scalar(d.file, d.name, "name", n); err != nil {
					return nil, err
				}
				s.Name = strings.TrimSpace(s.Name)
			}
			if a := keys["aliases"]; a != nil {
				if s.Aliases, err = d.stringList("aliases", a); err != nil {
					return nil, err
				}
			}
			if req := keys["required"]; req != nil {
				if req.Kind != yaml.ScalarNode || req.Decode(&s.Required) != nil {
					return nil, d.errorf(req.Line, "required should be true or false")
				}
			}
		default:
			return nil, d.errorf(item.Line, "each section is a name, or a mapping with name, aliases and required")
		}
		if s.Name == "" || isNull(item) {
			return nil, d.errorf(item.Line, "a section needs a name")
		}
		// Two sections claiming one heading would make the order meaningless.
		for _, n := range append([]string{s.Name}, s.Aliases...) {
			key := profile.NormalizeTitle(n)
			if first, dup := claimed[key]; dup {
				return nil, d.errorf(item.Line, "the heading %q is already claimed at line %d", n, first)
			}
			claimed[key] = item.Line
		}
		out = append(out, s)
	}
	return out, nil
}
