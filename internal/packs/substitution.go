package packs

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/phrase"
)

// swap is one "write right, not wrong" pair.
type swap struct {
	wrong, right string
	line         int
}

// buildSubstitution reads a rule that flags words written the wrong way and
// offers the right one as a fix. Swaps keep the order of the file, so that
// docs and overlapping matches resolve the same way on every run.
func buildSubstitution(d *ruleDef) error {
	ignoreCase, err := d.boolKey("ignore-case", true)
	if err != nil {
		return err
	}
	swaps, err := d.swaps(ignoreCase)
	if err != nil {
		return err
	}
	wrongs := make([]string, len(swaps))
	rightOf := map[string]string{}
	for i, s := range swaps {
		wrongs[i] = s.wrong
		rightOf[phraseKey(s.wrong, ignoreCase)] = s.right
	}
	if err := d.checkPhrases("swap", wrongs, ignoreCase); err != nil {
		return err
	}
	re := phraseRegexp(wrongs, ignoreCase)
	slot := d.scan.add(wrongs, ignoreCase)
	// A replacement that contains a phrase the rule flags would be flagged
	// again after the fix, so that fixing never settles. A set holds a
	// phrase exactly when its regexp finds it: the rule's regexp, compiled
	// on first use, is then compiled only to say what it found ("email"
	// holds every run of "e-mail", which the matcher's test passes).
	var set *phrase.Set
	found := make([]bool, len(wrongs))
	for _, s := range swaps {
		if !re.MayMatch(s.right) {
			continue
		}
		if set == nil {
			set = phrase.NewSet(wrongs, ignoreCase)
		}
		if !set.Find(s.right, found) {
			continue
		}
		if ms := findWords(re, s.right); len(ms) > 0 {
			return d.errorf(s.line, "the replacement %q contains %q, which this rule flags, so a fix would never settle", s.right, s.right[ms[0].start:ms[0].end])
		}
	}

	r := d.rule
	r.Fixable = true
	pairs := make([]string, len(swaps))
	for i, s := range swaps {
		pairs[i] = fmt.Sprintf("%q for %q", s.right, s.wrong)
	}
	if r.Summary == "" {
		if len(pairs) == 1 {
			r.Summary = "suggests " + pairs[0]
		} else {
			r.Summary = "suggests " + strings.Join(pairs[:min(2, len(pairs))], ", ")
			if len(pairs) > 2 {
				r.Summary += fmt.Sprintf(" and %d more", len(pairs)-2)
			}
		}
	}
	if r.Doc == "" {
		var b strings.Builder
		b.WriteString(d.describeKind())
		b.WriteString(" It flags each phrase below where it appears as whole words")
		if ignoreCase {
			b.WriteString(" (in any case)")
		}
		b.WriteString(" and offers its replacement as a safe fix")
		if ignoreCase {
			b.WriteString(", keeping a capital first letter")
		}
		b.WriteString(": ")
		for i, s := range swaps {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q → %q", s.wrong, s.right)
		}
		b.WriteString(".")
		d.finishDoc(&b)
		r.Doc = b.String()
	}
	if r.Bad == "" && r.Good == "" {
		r.Bad, r.Good = swaps[0].wrong, swaps[0].right
	}

	message, hint, sc, scan := d.message, d.hint, d.scope, d.scan
	r.Run = func(p *lint.Pass) {
		memo, bs := scan.blocks(p, sc, false)
		for _, sb := range bs {
			b := sb.block
			text := b.text.Text
			if !scan.mentions(memo, sb, slot) {
				continue
			}
			for _, m := range findWords(re, text) {
				matched := text[m.start:m.end]
				repl := rightOf[phraseKey(matched, ignoreCase)]
				// With case ignored, the match's case is the writer's (a
				// sentence's first word); with case kept, the pack's.
				if ignoreCase {
					repl = capitalizeLike(matched, repl)
				}
				span := b.text.Source(m.start, m.end)
				vars := map[string]string{"match": oneLine(matched), "replacement": repl, "section": sectionName(b)}
				f := lint.Finding{Span: span, Message: expand(message, vars), Hint: expand(hint, vars)}
				// Only where the source reads exactly as the text: a phrase
				// broken over a line or holding markup is flagged, not rewritten.
				if span.End <= len(p.File.Text) && p.File.Text[span.Start:span.End] == matched {
					f.Fix = &lint.Fix{
						Message: fmt.Sprintf("replace %q with %q", matched, repl),
						Edits:   []lint.Edit{{Span: span, New: repl}},
					}
				}
				p.Report(f)
			}
		}
	}
	return nil
}

// swaps reads the `swap` mapping of wrong to right phrases, in file order.
func (d *ruleDef) swaps(ignoreCase bool) ([]swap, error) {
	v := d.keys["swap"]
	if v == nil || isNull(v) {
		return nil, d.errorf(0, "a substitution rule needs swap, a mapping of each wrong phrase to the right one (swap: {e-mail: email})")
	}
	if v.Kind != yaml.MappingNode {
		return nil, d.errorf(v.Line, "swap should be a mapping of each wrong phrase to the right one (swap: {e-mail: email})")
	}
	if len(v.Content) == 0 {
		return nil, d.errorf(v.Line, "swap is empty")
	}
	var out []swap
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode || val.Kind != yaml.ScalarNode || isNull(val) {
			return nil, d.errorf(k.Line, "each swap is a wrong phrase, a colon and the right phrase")
		}
		wrong, right := strings.TrimSpace(k.Value), strings.TrimSpace(val.Value)
		switch {
		case wrong == "":
			return nil, d.errorf(k.Line, "a swap has an empty phrase to replace")
		case right == "":
			return nil, d.errorf(k.Line, "the replacement for %q is empty; an existence rule flags a phrase without replacing it", wrong)
		case ignoreCase && strings.EqualFold(wrong, right):
			return nil, d.errorf(k.Line, "%q and %q differ only in case, which this rule ignores; set ignore-case: false", wrong, right)
		case wrong == right:
			return nil, d.errorf(k.Line, "%q is swapped for itself", wrong)
		}
		key := phraseKey(wrong, ignoreCase)
		if first, dup := seen[key]; dup {
			return nil, d.errorf(k.Line, "%q is swapped twice (first at line %d)", wrong, first)
		}
		seen[key] = k.Line
		out = append(out, swap{wrong: wrong, right: right, line: k.Line})
	}
	return out, nil
}
