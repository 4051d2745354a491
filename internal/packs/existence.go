package packs

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/reportlint/reportlint/internal/lint"
	"github.com/reportlint/reportlint/internal/phrase"
	"github.com/reportlint/reportlint/internal/prose"
)

// buildExistence reads a rule that flags words, phrases and patterns
// wherever they appear: in paragraphs and in headings.
func buildExistence(d *ruleDef) error {
	ignoreCase, err := d.boolKey("ignore-case", true)
	if err != nil {
		return err
	}
	tokens, err := d.tokens("tokens", ignoreCase)
	if err != nil {
		return err
	}
	patterns, sources, err := d.patterns("patterns")
	if err != nil {
		return err
	}
	if len(tokens) == 0 && len(patterns) == 0 {
		return d.errorf(0, "an existence rule needs tokens (words and phrases), patterns (regular expressions) or both")
	}
	// unless: patterns that excuse a match in their sentence, such as
	// wording quoted from elsewhere that the editor may not change.
	unless, unlessSources, err := d.patterns("unless")
	if err != nil {
		return err
	}
	var tokenRE *phrase.Matcher
	slot := -1
	if len(tokens) > 0 {
		if err := d.checkPhrases("tokens", tokens, ignoreCase); err != nil {
			return err
		}
		tokenRE = phraseRegexp(tokens, ignoreCase)
		slot = d.scan.add(tokens, ignoreCase)
	}

	r := d.rule
	if r.Summary == "" {
		switch {
		case len(tokens) > 0:
			r.Summary = "flags " + quoteList(tokens, 3)
		case len(patterns) == 1:
			r.Summary = "flags text matching `" + sources[0] + "`"
		default:
			r.Summary = fmt.Sprintf("flags text matching any of %d patterns", len(patterns))
		}
	}
	if r.Doc == "" {
		var b strings.Builder
		b.WriteString(d.describeKind())
		if len(tokens) > 0 {
			verb := "it appears"
			if len(tokens) > 1 {
				verb = "they appear"
			}
			fmt.Fprintf(&b, " It flags %s wherever %s as whole words", quoteList(tokens, 0), verb)
			if ignoreCase {
				b.WriteString(", in any case")
			}
			b.WriteString(".")
		}
		if len(patterns) > 0 {
			b.WriteString(" It flags text matching the regular expressions " + codeList(sources, ", ") + ".")
		}
		if len(unless) > 0 {
			b.WriteString(" A match is passed over when its sentence matches " + codeList(unlessSources, " or ") + ".")
		}
		b.WriteString(" Headings are read as well as paragraphs.")
		d.finishDoc(&b)
		r.Doc = b.String()
	}

	message, hint, sc, scan := d.message, d.hint, d.scope, d.scan
	r.Run = func(p *lint.Pass) {
		memo, bs := scan.blocks(p, sc, true)
		for _, sb := range bs {
			b := sb.block
			text := b.text.Text
			var ms []match
			if tokenRE != nil && scan.mentions(memo, sb, slot) {
				ms = append(ms, findWords(tokenRE, text)...)
			}
			for _, re := range patterns {
				ms = append(ms, findAll(re, text)...)
			}
			var sentences []prose.Range
			for _, m := range dropOverlaps(ms) {
				if len(unless) > 0 {
					if sentences == nil {
						sentences = prose.Sentences(text)
					}
					sent := sentenceAt(sentences, m.start, len(text))
					if matchesAny(unless, text[sent.Start:sent.End]) {
						continue
					}
				}
				vars := map[string]string{"match": oneLine(text[m.start:m.end]), "section": sectionName(b)}
				p.Report(lint.Finding{
					Span:    b.text.Source(m.start, m.end),
					Message: expand(message, vars),
					Hint:    expand(hint, vars),
				})
			}
		}
	}
	return nil
}

// finishDoc ends a generated doc with what a finding says and where the
// rule looks.
func (d *ruleDef) finishDoc(b *strings.Builder) {
	fmt.Fprintf(b, "\n\nA finding says: %s", d.message)
	if d.hint != "" {
		fmt.Fprintf(b, " (hint: %s)", d.hint)
	}
	if d.scope.names != nil {
		b.WriteString("\n\n" + d.scope.describe())
	}
}

// tokens reads a list of literal words and phrases; a phrase listed twice
// is a slip worth pointing out.
func (d *ruleDef) tokens(key string, ignoreCase bool) ([]string, error) {
	list, err := d.optionalList(key)
	if list == nil || err != nil {
		return nil, err
	}
	v := d.keys[key]
	seen := map[string]bool{}
	for i, t := range list {
		k := phraseKey(t, ignoreCase)
		if seen[k] {
			return nil, d.errorf(v.Content[i].Line, "%q is listed twice in %s", t, key)
		}
		seen[k] = true
	}
	return list, nil
}

// patterns compiles a list of regular expressions, naming the line of one
// that does not compile.
func (d *ruleDef) patterns(key string) ([]*regexp.Regexp, []string, error) {
	list, err := d.optionalList(key)
	if list == nil || err != nil {
		return nil, nil, err
	}
	v := d.keys[key]
	var out []*regexp.Regexp
	for i, src := range list {
		line := v.Content[i].Line
		re, err := regexp.Compile(src)
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
			return nil, nil, d.errorf(line, "bad pattern %q: %s", src, msg)
		}
		if re.MatchString("") {
			return nil, nil, d.errorf(line, "pattern %q matches empty text; it should match at least one character", src)
		}
		out = append(out, re)
	}
	return out, list, nil
}

func matchesAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// codeList writes patterns as code, joined by sep.
func codeList(items []string, sep string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = "`" + s + "`"
	}
	return strings.Join(quoted, sep)
}
