package lint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/internal/document"
	"github.com/reportlint/reportlint/internal/lazyregexp"
	"github.com/reportlint/reportlint/internal/source"
	"github.com/reportlint/reportlint/internal/suggest"
)

// directiveRE reads <!-- reportlint-KIND RULE… -->: the kind is the whole
// word after "reportlint-", so that a kind that does not exist
// ("disable-lines") is not read as a known one followed by rule ids. Rule
// ids are separated by spaces or commas.
var directiveRE = lazyregexp.New(`<!--\s*reportlint-([A-Za-z]+(?:-[A-Za-z]+)*)([^>]*?)\s*-->`)

// directiveKinds are the kinds of directive there are.
var directiveKinds = []string{"disable", "enable", "disable-next-line", "disable-line"}

// Directive is one inline directive.
type Directive struct {
	Kind  string   // disable, enable, disable-next-line, disable-line, or one that does not exist
	Rules []string // empty: every rule
	Span  document.Span
	// Malformed is set when something other than a space or a comma
	// follows the kind ("reportlint-disable-next-line: quote-style").
	Malformed bool
}

// Directives finds every directive in a report's text.
func Directives(text string) []Directive {
	if !holdsDirectivePrefix(text) {
		return nil
	}
	var out []Directive
	for _, m := range directiveRE.FindAllStringSubmatchIndex(text, -1) {
		d := Directive{Kind: text[m[2]:m[3]], Span: document.Span{Start: m[0], End: m[1]}}
		if rest := text[m[4]:m[5]]; rest != "" && !strings.ContainsRune(" \t\r\n,", rune(rest[0])) {
			d.Malformed = true
		}
		d.Rules = append(d.Rules, strings.FieldsFunc(text[m[4]:m[5]], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })...)
		out = append(out, d)
	}
	return out
}

// HoldsDirectives reports whether text may hold an inline directive: the
// engine lists the rule ids for NewSuppressor only then.
func HoldsDirectives(text string) bool { return holdsDirectivePrefix(text) }

// holdsDirectivePrefix is strings.Contains(text, "reportlint-"), found by
// the hyphen: a report has a few dozen hyphens and a thousand r's, each of
// which strings.Index stops at.
func holdsDirectivePrefix(text string) bool {
	const name = "reportlint"
	for at := len(name); at < len(text); at++ {
		i := strings.IndexByte(text[at:], '-')
		if i < 0 {
			return false
		}
		at += i
		if text[at-len(name):at] == name {
			return true
		}
	}
	return false
}

// Suppressor decides which findings inline directives silence.
type Suppressor struct {
	// ranges per rule id ("" for every rule): byte ranges silenced.
	ranges map[string][]document.Span
}

// NewSuppressor reads the directives of f. known tells rule ids apart from
// misspellings; each unknown id gives a finding for the bad-directive rule.
func NewSuppressor(f *source.File, known []string) (*Suppressor, []Finding) {
	directives := Directives(f.Text)
	if len(directives) == 0 {
		return &Suppressor{}, nil // most reports: nothing to index
	}
	s := &Suppressor{ranges: map[string][]document.Span{}}
	var bad []Finding
	open := map[string]int{} // rule -> start of an open disable range
	var nextNonBlank nextLine
	isKnown := map[string]bool{}
	for _, k := range known {
		isKnown[k] = true
	}
	for _, d := range directives {
		if d.Malformed {
			bad = append(bad, Finding{Path: f.Path, Rule: "bad-directive", Span: d.Span,
				Message: fmt.Sprintf("reportlint-%s must be followed by a space before its rule ids, so it silences nothing", d.Kind),
				Hint:    fmt.Sprintf("write <!-- reportlint-%s RULE -->", d.Kind)})
			continue
		}
		if !slices.Contains(directiveKinds, d.Kind) {
			msg := fmt.Sprintf("reportlint-%s is not a directive, so it silences nothing", d.Kind)
			if sug, ok := suggest.Closest(d.Kind, directiveKinds); ok {
				msg += fmt.Sprintf("; did you mean reportlint-%s?", sug)
			}
			bad = append(bad, Finding{Path: f.Path, Rule: "bad-directive", Span: d.Span, Message: msg,
				Hint: "the directives are reportlint-disable, -enable, -disable-line and -disable-next-line"})
			continue
		}
		ids := d.Rules
		var good []string
		for _, id := range ids {
			if isKnown[id] {
				good = append(good, id)
				continue
			}
			msg := fmt.Sprintf("reportlint-%s names an unknown rule %q", d.Kind, id)
			if sug, ok := suggest.Closest(id, known); ok {
				msg += fmt.Sprintf("; did you mean %q?", sug)
			}
			bad = append(bad, Finding{Path: f.Path, Rule: "bad-directive", Span: d.Span, Message: msg, Hint: "run reportlint rules for the list of rule ids"})
		}
		if len(ids) > 0 && len(good) == 0 {
			continue // names only unknown rules: silences nothing
		}
		if len(ids) == 0 {
			good = []string{""}
		}
		switch d.Kind {
		case "disable":
			for _, id := range good {
				if _, isOpen := open[id]; !isOpen {
					open[id] = d.Span.Start
				}
			}
		case "enable":
			if len(ids) == 0 {
				for id, start := range open {
					s.ranges[id] = append(s.ranges[id], document.Span{Start: start, End: d.Span.Start})
				}
				open = map[string]int{}
				continue
			}
			for _, id := range good {
				if start, isOpen := open[id]; isOpen {
					s.ranges[id] = append(s.ranges[id], document.Span{Start: start, End: d.Span.Start})
					delete(open, id)
				}
			}
		case "disable-line":
			line := f.Position(d.Span.Start).Line
			span := document.Span{Start: f.LineStart(line), End: f.LineEnd(line) + 1}
			for _, id := range good {
				s.ranges[id] = append(s.ranges[id], span)
			}
		case "disable-next-line":
			next := nextNonBlank.find(f, f.Position(d.Span.End).Line+1)
			if next > 0 {
				span := document.Span{Start: f.LineStart(next), End: f.LineEnd(next) + 1}
				for _, id := range good {
					s.ranges[id] = append(s.ranges[id], span)
				}
			}
		}
	}
	for id, start := range open {
		s.ranges[id] = append(s.ranges[id], document.Span{Start: start, End: len(f.Text) + 1})
	}
	for id, spans := range s.ranges {
		s.ranges[id] = merge(spans)
	}
	return s, bad
}

// merge sorts spans and joins those that overlap, so that Suppressed can
// search them: a report can hold a directive on every line.
func merge(spans []document.Span) []document.Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:0]
	for _, sp := range spans {
		if sp.End <= sp.Start {
			continue // silences nothing
		}
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// nextLine finds the first line, at or after a given one, that is not
// blank. It keeps its last question and answer: directives one after
// another on a line, before a long run of blank lines, would each walk the
// run again.
type nextLine struct {
	asked       bool
	from, found int // found is 0 when every line from on is blank
}

func (n *nextLine) find(f *source.File, from int) int {
	if n.asked && from >= n.from && (n.found == 0 || from <= n.found) {
		return n.found
	}
	n.asked, n.from, n.found = true, from, 0
	for l := from; l <= f.Lines(); l++ {
		if strings.TrimSpace(f.Line(l)) != "" {
			n.found = l
			break
		}
	}
	return n.found
}

// Suppressed reports whether a finding starts in a silenced range for its
// rule or for every rule.
func (s *Suppressor) Suppressed(f Finding) bool {
	if len(s.ranges) == 0 {
		return false // most reports: no directive, asked of every finding
	}
	for _, id := range []string{f.Rule, ""} {
		ranges := s.ranges[id] // in order, apart
		i := sort.Search(len(ranges), func(i int) bool { return ranges[i].End > f.Span.Start })
		if i < len(ranges) && ranges[i].Start <= f.Span.Start {
			return true
		}
	}
	return false
}
