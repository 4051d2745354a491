package profile

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/prefilter"
)

// Furniture is one kind of thing a web page's template leaves in a report
// converted from it, which no editor wrote: a widget's heading ("Search for
// Travel Advisories") or a line of the page's chrome (the row of indicator
// tool-tips, a map link). Parse keeps what matches out of the sections, so
// that no rule reads it. Key "furniture" of a profile: a list of entries,
// each a heading or a line pattern.
type Furniture struct {
	// Heading matches a heading's text (markup removed); nil for a line.
	Heading *regexp.Regexp
	// Above, with Heading, limits it to a heading directly above another
	// furniture heading that Above matches: the template's map block, whose
	// heading the conversion split into a name and "Country Map".
	Above *regexp.Regexp
	// Line matches one line of a paragraph as written, space trimmed; a
	// paragraph is furniture when every one of its lines matches a line
	// entry. Nil for a heading.
	Line *regexp.Regexp
	// Where is the entry's line in the profile file, for messages.
	Where int

	// lineLead is what every match of Line begins with, and lineAtStart
	// whether Line is anchored at the start of the text (^ without (?m)):
	// a line that does not hold it (begin with it) is not tried. Parse
	// asked every Line pattern about every line of every paragraph of a
	// travel advisory (2% of checking the real corpus). Zero values try
	// every line.
	lineLead    string
	lineAtStart bool
	// lineFilter holds the literals every match of Line holds: a line
	// that begins with lineLead but lacks one is not tried either. The
	// travel advisory's tool-tip row and map link begin with "[", as do the
	// many lines of links on a State Department page, and an anchored
	// pattern's failure still cost the regexp a clear of its bit-set the
	// size of the line (2% of checking the real corpus's US pages).
	lineFilter *prefilter.Filter
}

// FurnitureHeading reports whether a heading with this text is one the
// page's template puts in; next is the text of the heading right after it,
// when that one is furniture too ("" otherwise). The caller checks that
// nothing but furniture stands under the heading.
func (p *Profile) FurnitureHeading(title, nextFurniture string) bool {
	for _, f := range p.Furniture {
		if f.Heading == nil || !f.Heading.MatchString(title) {
			continue
		}
		if f.Above == nil || nextFurniture != "" && f.Above.MatchString(nextFurniture) {
			return true
		}
	}
	return false
}

// FurnitureLine reports whether a line of a paragraph (as written, space
// trimmed) is one the page's template puts in.
func (p *Profile) FurnitureLine(line string) bool {
	for i := range p.Furniture {
		f := &p.Furniture[i]
		if f.Line == nil {
			continue
		}
		if f.lineAtStart && !strings.HasPrefix(line, f.lineLead) || !strings.Contains(line, f.lineLead) || !f.lineFilter.MayMatch(line) {
			continue
		}
		if f.Line.MatchString(line) {
			return true
		}
	}
	return false
}

// leadOf is what every match of re (compiled from pat) begins with, and
// whether pat is anchored at the start of the text.
func leadOf(re *regexp.Regexp, pat string) (lead string, atStart bool) {
	lead, _ = re.LiteralPrefix()
	tree, err := syntax.Parse(pat, syntax.Perl)
	for err == nil {
		switch tree.Op {
		case syntax.OpConcat, syntax.OpCapture:
			if len(tree.Sub) == 0 {
				return lead, false
			}
			tree = tree.Sub[0]
			continue
		case syntax.OpBeginText:
			return lead, true
		}
		break
	}
	return lead, false
}

type fileFurniture struct {
	Heading string `yaml:"heading"`
	Above   string `yaml:"above"`
	Line    string `yaml:"line"`
}

var furnitureKeys = []string{"heading", "above", "line"}

// readFurniture reads the "furniture" key: each entry names a heading or a
// line, never both, and its patterns compile.
func (p *Profile) readFurniture(file string, root *yaml.Node) error {
	n := mapValue(root, "furniture")
	if n == nil || n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s:%d: furniture: expected a list of entries (heading: or line:)", file, n.Line)
	}
	for _, item := range n.Content {
		if err := checkSubKeys(file, "furniture", item, furnitureKeys...); err != nil {
			return err
		}
		var ff fileFurniture
		if err := item.Decode(&ff); err != nil {
			return yamlError(file, err)
		}
		if (ff.Heading == "") == (ff.Line == "") {
			return fmt.Errorf("%s:%d: furniture: an entry names either a heading or a line pattern", file, item.Line)
		}
		if ff.Above != "" && ff.Heading == "" {
			return fmt.Errorf("%s:%d: furniture: above goes with a heading pattern", file, item.Line)
		}
		f := Furniture{Where: item.Line}
		compile := func(key, pat string) (*regexp.Regexp, error) {
			if pat == "" {
				return nil, nil
			}
			re, err := regexp.Compile(pat)
			if err != nil {
				line := item.Line
				if v := mapValue(item, key); v != nil {
					line = v.Line
				}
				return nil, fmt.Errorf("%s:%d: bad furniture %s pattern: %v", file, line, key, err)
			}
			return re, nil
		}
		var err error
		if f.Heading, err = compile("heading", ff.Heading); err != nil {
			return err
		}
		if f.Above, err = compile("above", ff.Above); err != nil {
			return err
		}
		if f.Line, err = compile("line", ff.Line); err != nil {
			return err
		}
		if f.Line != nil {
			f.lineLead, f.lineAtStart = leadOf(f.Line, ff.Line)
			f.lineFilter = prefilter.For(ff.Line)
		}
		p.Furniture = append(p.Furniture, f)
	}
	return nil
}
