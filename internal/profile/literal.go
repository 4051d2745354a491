package profile

import (
	"regexp/syntax"
	"strings"

	"github.com/reportlint/reportlint/internal/phrase"
)

// requiredLiterals lists the literal pieces every match of pattern
// contains: the literal parts of its top-level sequence (inside capture
// groups too), lower-cased when the pattern ignores case. MatchHeader runs
// on every short line of a plain-text report; a line without these pieces
// cannot match, and looking for them is far cheaper than the expression.
// Only ASCII pieces of three bytes or more are kept, so that case folding
// is exact; a pattern with none is always tried.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	var out []string
	var walk func(*syntax.Regexp)
	walk = func(n *syntax.Regexp) {
		switch n.Op {
		case syntax.OpConcat:
			for _, sub := range n.Sub {
				walk(sub)
			}
		case syntax.OpCapture:
			walk(n.Sub[0])
		case syntax.OpLiteral:
			lit := string(n.Rune)
			if len(lit) < 3 || !phrase.IsASCII(lit) {
				return
			}
			if n.Flags&syntax.FoldCase != 0 {
				lit = strings.ToLower(lit)
			} else {
				return // case-sensitive pieces are rare in headers; not worth a second search
			}
			out = append(out, lit)
		}
	}
	walk(re)
	return out
}
